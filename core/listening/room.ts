// The listening room: what a booking's page shows (every delivered version with its settings, the
// mix it came from, report and files; the loudness each was measured at, so the player can match
// them), and what the artist can do there — approve a version, or ask for changes — through the same
// core as the chat's /revise, with the chat told of both.
import type { Standing } from '../booking/standing.js';
import type { Standings } from '../versions/standings.js';
import { Versions } from '../versions/versions.js';
import { StoredFiles } from '../files/stored-files.js';
import { settingsInWords } from '../versions/settings-words.js';
import { cleanText } from '../clean-text.js';
import type { Db, Models } from '../../db/client.js';
import type { BookingService, BookingWithClient } from '../booking/bookings.js';
import { formatMoney } from '../catalog.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { payFirstReply, type RevisionPayments } from '../payments/revision-payments.js';
import { t } from '../texts.js';
import { parseAdjustments, revisionStartedText, type RevisionService } from '../versions/revisions.js';
import { beforeBalance, parseFacts, parseOutlines, renderLabel } from '../versions/version-messages.js';
import type { MasterSettings } from '../versions/pipeline.js';
import { isOutputFormat } from '../../engine/index.js';
import { formats } from '../../engine/formats.js';
import type { Waveform } from '../../engine/index.js';
import type { ReviewComments, CommentView } from './comments.js';

/** Containers a browser plays by itself (AIFF is not among them: such a file is listed, not played). */
const playableContainers = new Set(['wav', 'flac', 'mp3']);

/** A delivered file's format (wav24, flac16, mp3…) or an upload's container (wav, flac…). */
const playable = { has: (format: string) => playableContainers.has(isOutputFormat(format) ? formats[format].container : format.toLowerCase()) };

export interface RoomFile {
  id: string;
  kind: string;
  label: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  /** For its signed download link (never sent to the browser as such). */
  storageKey: string;
}

export interface RoomTrack {
  /** What the player plays: a delivered file's id, or "mix-<upload id>" for the source. */
  fileId: string;
  label: string;
  /** Integrated loudness, when measured (the player turns the louder ones down to the quietest). */
  lufs: number | null;
  /** Its outline, drawn by the engine with the version (none for versions made before outlines were). */
  waveform: Waveform | null;
  /** The version it is (comments made while it plays belong to it); null for a mix. */
  version: number | null;
}

export interface RoomVersion {
  version: number;
  kind: string;
  sentAt: Date | null;
  /** "−14.0 LUFS, −1.0 dBTP", or the renders it holds. */
  summary: string;
  settings: string[];
  source: string | null;
  track: RoomTrack | null;
  report: RoomFile | null;
  files: RoomFile[];
  /** Only the report and preview until the balance is paid. */
  awaitsBalance: boolean;
  curve: { stepSec: number; before: number[]; after: number[] } | null;
}

export interface RoomView {
  booking: BookingWithClient;
  versions: RoomVersion[];
  /** The mixes versions were made from, playable ones only. */
  sources: RoomTrack[];
  /** What another revision costs, or how many free are left. */
  freeLeft: number;
  price: string;
  canRevise: boolean;
  approved: number | null;
  /** Where the booking stands, as the artist reads it everywhere else. */
  standing: Standing;
  /** The artist's comments at moments of the versions (their drafts too). */
  comments: CommentView[];
}

type VersionRow = Models.DeliveryModel & { files: Models.DeliveryFileModel[] };

const settingsLines = (json: string): string[] => settingsInWords(JSON.parse(json) as Partial<MasterSettings>);

const roomFile = (f: Models.DeliveryFileModel): RoomFile => ({
  id: f.id,
  kind: f.kind,
  label: f.kind === 'report' ? t('room-report') : f.kind === 'preview' ? t('room-preview') : renderLabel(f.kind),
  fileName: f.fileName,
  format: f.format,
  sizeBytes: Number(f.sizeBytes),
  storageKey: f.storageKey,
});

/** What a version's player plays: the measured render (master, full mix) or its preview; another render, unmatched. */
function listenedOf<F extends { kind: string; format: string }>(files: readonly F[]): F | undefined {
  return (
    files.find((f) => f.kind === 'preview') ??
    files.find((f) => (f.kind === 'master' || f.kind === 'full') && playable.has(f.format)) ??
    files.find((f) => f.kind !== 'report' && playable.has(f.format))
  );
}

/** What ListeningRoom works with (createStudio wires them). */
export interface ListeningRoomDeps {
  db: Db;
  bookings: BookingService;
  revisions: RevisionService;
  paidRevisions: RevisionPayments;
  outbox: Outbox;
  alerts: EngineerAlerts;
  clock: Clock;
  standings: Standings;
  comments: ReviewComments;
}

export class ListeningRoom {
  constructor(private readonly d: ListeningRoomDeps) {
    this.versions = new Versions(d.db);
    this.files = new StoredFiles(d.db);
  }

  /** The versions' and the uploads' queries (their repositories). */
  private readonly versions: Versions;
  private readonly files: StoredFiles;

  private readyVersions(bookingId: string): Promise<VersionRow[]> {
    return this.versions.readyWithFiles(bookingId);
  }

  async view(booking: BookingWithClient): Promise<RoomView> {
    const rows = await this.readyVersions(booking.id);
    const sourceIds = [...new Set(rows.map((r) => r.sourceUploadId).filter((id): id is string => id !== null))];
    const uploads = await this.files.storedAmong(booking.id, sourceIds);
    const versions = rows.map((r): RoomVersion => {
      const facts = parseFacts(r.facts);
      const files = r.files.filter((f) => !r.awaitsBalance || beforeBalance(f));
      const listen = listenedOf(files);
      const lufs = facts?.kind === 'master' ? facts.lufs : facts?.kind === 'mixdown' ? (facts.lufs ?? null) : null;
      return {
        version: r.version,
        kind: r.kind,
        sentAt: r.sentAt,
        summary: facts
          ? facts.kind === 'master'
            ? t('version-facts-master', { lufs: facts.lufs.toFixed(1), dbtp: facts.dbtp.toFixed(1) })
            : facts.renders.map(renderLabel).join(', ')
          : '',
        settings: r.kind === 'master' ? settingsLines(r.settings) : [],
        source: uploads.find((u) => u.id === r.sourceUploadId)?.fileName ?? null,
        track: listen
          ? {
              fileId: listen.id,
              label: t('room-version', { version: r.version }),
              lufs: ['master', 'full', 'preview'].includes(listen.kind) ? lufs : null,
              waveform: parseOutlines(r.waveform).after,
              version: r.version,
            }
          : null,
        report: files.filter((f) => f.kind === 'report').map(roomFile)[0] ?? null,
        files: files.filter((f) => f.kind !== 'report').map(roomFile),
        awaitsBalance: r.awaitsBalance,
        curve: facts?.kind === 'master' && facts.curve ? facts.curve : null,
      };
    });
    const sources = uploads
      .filter((u) => playable.has((u.format ?? '').toLowerCase()))
      .map((u) => {
        const made = rows.find((r) => r.sourceUploadId === u.id);
        const facts = made ? parseFacts(made.facts) : null;
        return {
          fileId: `mix-${u.id}`,
          label: t('room-source', { file: u.fileName }),
          lufs: facts?.kind === 'master' ? (facts.sourceLufs ?? null) : null,
          waveform: made ? parseOutlines(made.waveform).before : null,
          version: null,
        };
      });
    const { freeLeft, price } = await this.d.revisions.allowance(booking);
    const approvedEvent = await this.d.bookings.rows.lastEventTo(booking.id, 'completed');
    const approved = approvedEvent?.note ? Number(/^approved v(\d+)/.exec(approvedEvent.note)?.[1] ?? NaN) : NaN;
    return {
      booking,
      versions,
      sources,
      freeLeft,
      price,
      canRevise: booking.status === 'delivered',
      approved: Number.isFinite(approved) ? approved : null,
      standing: await this.d.standings.one(booking, booking.timeZone),
      comments: await this.d.comments.forArtist(booking.id),
    };
  }

  /**
   * A file the page may stream or show: one of the booking's delivered files (only the report and
   * preview while the balance is due) or a mix a version was made from. Null for anything else —
   * another booking's file included.
   */
  async file(bookingId: string, fileId: string): Promise<{ storageKey: string; fileName: string; format: string } | null> {
    const mix = /^mix-(\w{1,64})$/.exec(fileId);
    if (mix) {
      const upload = await this.files.storedMix(bookingId, mix[1]!);
      const used = upload && (await this.versions.madeFrom(bookingId, upload.id));
      return upload && used ? { storageKey: upload.storageKey, fileName: upload.fileName, format: (upload.format ?? '').toLowerCase() } : null;
    }
    if (!/^\w{1,64}$/.test(fileId)) return null;
    const f = await this.versions.file(fileId);
    if (!f || f.delivery.bookingId !== bookingId || f.delivery.status !== 'ready') return null;
    if (f.delivery.awaitsBalance && !beforeBalance(f)) return null;
    return { storageKey: f.storageKey, fileName: f.fileName, format: f.format };
  }

  /** What a delivered version's player plays (the engineer's dashboard plays it from a comment's moment); null when nothing is playable. */
  async listened(bookingId: string, version: number): Promise<{ storageKey: string; fileName: string; format: string } | null> {
    const row = (await this.readyVersions(bookingId)).find((r) => r.version === version);
    const f = row && listenedOf(row.files);
    return f ? { storageKey: f.storageKey, fileName: f.fileName, format: f.format } : null;
  }

  /** The artist approves a delivered version: the booking is complete, the engineer and the chat hear of it. */
  async approve(booking: BookingWithClient, version: number): Promise<void> {
    const row = await this.versions.ready(booking.id, version);
    if (!row) throw new UserError(t('room-no-such-version', { version, ref: booking.reference }));
    if (booking.status !== 'delivered') throw new UserError(t('room-cannot-approve', { ref: booking.reference }));
    await this.d.db.$transaction(async (tx) => {
      const current = await this.d.bookings.currentIn(tx, booking.id);
      if (current.status !== 'delivered') throw new UserError(t('room-cannot-approve', { ref: booking.reference }));
      await this.d.bookings.transitionIn(tx, current, 'completed', `client:${booking.clientId}`, `approved v${version} on the listening page`);
      await this.d.outbox.toArtist(
        `approved:${booking.id}`,
        booking,
        () => ({ text: t('room-approved-chat', { ref: booking.reference, version }), visibility: 'private' }),
        tx,
      );
      await this.d.alerts.alert(
        `approved:${booking.id}`,
        () => t('room-approved-alert', { ref: booking.reference, client: booking.client.displayName, version }),
        { booking: booking.reference, version },
        tx,
      );
    });
  }

  /**
   * The artist asks for changes from the page: the same revision as /revise (quick changes the
   * engine makes, notes for the engineer, the same prices). Beyond the free ones it needs the
   * price accepted (`acceptPaid`), and with payments on it is paid first: the answer is then the
   * payment link. The chat hears what was started.
   */
  async askChanges(booking: BookingWithClient, text: string, acceptPaid: boolean): Promise<{ said: string; payUrl?: string }> {
    const notes = cleanText(text).trim().slice(0, 2000);
    // The comments left at moments are reason enough: they go with the revision.
    if (!notes && !(await this.d.comments.anyPending(booking.id))) throw new UserError(t('revise-say-what'));
    const { adjustments, understood, forEngineer } = parseAdjustments(notes);
    const price = formatMoney(booking.service.revisionPriceCents, booking.currency);
    const r = await this.d.paidRevisions.requestOrAsk(booking, { notes, adjustments, forEngineer, understood }, acceptPaid, `client:${booking.clientId}`);
    if ('pay' in r) {
      const reply = payFirstReply(booking, r.pay);
      await this.d.outbox.toArtist(`room-pay:${booking.id}:${r.pay.number}:${this.d.clock.now().getTime()}`, booking, () => payFirstReply(booking, r.pay));
      return { said: reply.text, payUrl: r.pay.url };
    }
    const started = r.started;
    const said = revisionStartedText(booking, started, understood, price);
    await this.d.outbox.toArtist(`room-revision:${booking.id}:${started.number}`, booking, () => ({
      text: `${t('room-from-page')} ${said()}`,
      visibility: 'private',
    }));
    return { said: said() };
  }
}
