// How far a version being made has got, as one number for the whole job, and how long a master
// takes here — measured from this studio's own recent masters (audio seconds per second of work),
// not a promise written into a text.
import type { Versions } from './versions.js';
import type { StoredFiles } from '../files/stored-files.js';
import { t } from '../texts.js';

/** Each step's share of a job's time, in the order the steps run (measured on the bench's songs). */
const shares: Record<'master' | 'mixdown', [string, number][]> = {
  master: [
    ['fetch', 0.05],
    ['analyse', 0.15],
    ['eq', 0.05],
    ['compress', 0.1],
    ['limit', 0.3],
    ['verify', 0.1],
    ['encode', 0.2],
    ['store', 0.05],
  ],
  mixdown: [
    ['fetch', 0.1],
    ['mix', 0.5],
    ['limit', 0.3],
    ['store', 0.1],
  ],
};

/** The whole job's progress (0..1) when `stage` is `fraction` done; steps before it count as done. */
export function overallProgress(kind: string, stage: string, fraction: number): number {
  const steps = shares[kind === 'mixdown' ? 'mixdown' : 'master'];
  let before = 0;
  for (const [name, share] of steps) {
    if (name === stage) return Math.min(1, before + share * Math.max(0, Math.min(1, fraction)));
    before += share;
  }
  return 0;
}

/** Until a master has been measured here: about twenty times faster than real time (the bench's slowest case). */
export const FIRST_GUESS_SPEED = 20;
/** How many recent masters the speed is measured on. */
const SAMPLES = 10;

/** Audio seconds mastered per second of work, from the studio's recent automatic masters (queue waits included). */
export async function measuredSpeed(
  versions: Pick<Versions, 'recentMasters'>,
  files: Pick<StoredFiles, 'durations'>,
): Promise<{ speed: number; measured: boolean }> {
  const recent = await versions.recentMasters(SAMPLES);
  const duration = await files.durations(recent.map((d) => d.sourceUploadId!));
  let audio = 0;
  let work = 0;
  for (const d of recent) {
    const seconds = (d.sentAt!.getTime() - d.createdAt.getTime()) / 1000;
    const length = duration.get(d.sourceUploadId!);
    if (!length || seconds <= 0) continue;
    audio += length;
    work += seconds;
  }
  return work > 0 ? { speed: audio / work, measured: true } : { speed: FIRST_GUESS_SPEED, measured: false };
}

/** "about 12 seconds", "about 3 minutes": rounded as a person would say it. */
export function aboutDuration(seconds: number): string {
  if (seconds < 55) return t('about-seconds', { count: Math.max(5, Math.round(seconds / 5) * 5) });
  return t('about-minutes', { count: Math.max(1, Math.round(seconds / 60)) });
}
