// Where a booking stands, told one way. One table from what is known of a booking (its status,
// service and kind, whether its files are in, a version being made or held, its session still
// ahead) to the artist's line, the engineer's line and the artist's next step. /status,
// /mybookings, /queue, the dashboard and the listening page all read it here, so none can say
// "waiting for your files" right above "your files are in", or "we start later" while the engine
// already runs (tests/unit/standing.test.ts walks every combination).
import { t } from '../texts.js';
import { isFollowed, statusLabel, type BookingStatus } from './status.js';

/** A version of the booking that is not delivered yet: being made, or made and held for the engineer (review, or the session's starting point). */
export type WorkState = 'none' | 'running' | 'review' | 'session';

export interface Situation {
  status: BookingStatus;
  /** The service's code (mix, master, mix-master; a studio's own service reads as mix and master: stems in, a master out). */
  service: string;
  /** standard, virtual or unattended. */
  kind: string;
  /** Its work files (a mix or stems) are stored. */
  filesIn: boolean;
  work: WorkState;
  /** The number of the version running or held (what the artist is told waits). */
  version: number | null;
  /** An attended session that is live or still ahead. */
  sessionAhead: boolean;
  /** The session's time in the reader's zone, when it has one. */
  when: string | null;
}

export interface Standing {
  /** The status as the artist reads it. */
  artist: string;
  /** The status as the engineer reads it (what waits on whom). */
  engineer: string;
  /** What happens next, told to the artist; null when nothing does (finished, or the deposit ask says it). */
  next: string | null;
}

/** What the artist sends: stems for a mix, a stereo mix for mastering (a selector in the texts). */
const filesWord = (s: Pick<Situation, 'service'>) => (s.service === 'master' ? 'mix' : 'stems');
/** What comes back (a selector in the texts). */
const resultWord = (s: Pick<Situation, 'service'>) => (s.service === 'mix' ? 'mix' : 'master');

/** Confirmed (and awaiting its files) are one state to the reader: the transition between them is immediate. */
const waitsForWork = (s: Situation) => s.status === 'confirmed' || s.status === 'awaiting-files';

function artistLine(s: Situation): string {
  if (s.status === 'requested' && s.filesIn) return t('status-requested-files-in');
  if (waitsForWork(s)) return t(s.filesIn ? 'status-files-in' : 'status-waiting-for-files', { files: filesWord(s) });
  if (s.status === 'in-progress' && s.work === 'review') return t('status-in-review');
  return statusLabel(s.status);
}

function engineerLine(s: Situation): string {
  switch (s.status) {
    case 'awaiting-payment':
      return t('status-awaiting-payment-engineer');
    case 'requested':
      return t(s.filesIn ? 'status-requested-files-in-engineer' : 'status-requested-engineer');
    case 'confirmed':
    case 'awaiting-files':
      if (!s.filesIn) return t('status-awaiting-files-engineer');
      if (s.work === 'running') return t('status-files-in-running-engineer');
      if (s.work === 'session') return t('status-files-in-starting-point-engineer');
      return t('status-files-in-engineer');
    case 'in-progress':
    case 'revision-requested':
      if (s.work === 'running') return t('status-running-engineer', { status: statusLabel(s.status) });
      if (s.work === 'review') return t('status-review-engineer');
      return statusLabel(s.status);
    default:
      return statusLabel(s.status);
  }
}

function nextStep(s: Situation): string | null {
  if (!isFollowed(s.status) || s.status === 'awaiting-payment') return null; // finished; or the deposit ask says what comes next
  const files = filesWord(s);
  const result = resultWord(s);
  if (s.work === 'review' && s.version !== null) return t('status-next-review', { version: s.version });
  switch (s.status) {
    case 'requested':
      return t(s.filesIn ? 'status-next-requested-files-in' : 'status-next-requested');
    case 'confirmed':
    case 'awaiting-files':
      if (!s.filesIn) {
        if (s.kind !== 'unattended') return t('status-next-send-before-session', { files });
        // Mastering starts the moment the mix is in; a mix waits for the engineer's downtime.
        return s.service === 'master' ? t('status-next-send-master-now') : t('status-next-send-downtime');
      }
      if (s.kind !== 'unattended' && s.sessionAhead && s.when) return t('status-next-session-prepared', { when: s.when, result });
      if (s.work === 'running') return t('status-next-running', { result });
      // Unattended: the engine masters a mix the moment it is in; stems wait for studio downtime.
      if (s.kind === 'unattended') return s.service === 'master' ? t('status-next-master-starts') : t('status-next-downtime');
      // An attended session's time is over and the engineer has not delivered yet.
      return t('status-next-engineer-works', { files, result });
    case 'delivered':
      return t('status-next-delivered');
    default:
      // In progress, or a revision asked for.
      if (s.work === 'running') return t('status-next-running', { result });
      return s.status === 'revision-requested' ? t('status-next-revision-requested') : t('status-next-in-progress', { result });
  }
}

/** How the booking in this situation is told, in the language of the moment. */
export function standing(s: Situation): Standing {
  return { artist: artistLine(s), engineer: engineerLine(s), next: nextStep(s) };
}
