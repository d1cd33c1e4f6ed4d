// How long a song will take to mix, from what its stems measure. The studio's own words: "The
// time needed for your song will depend on: the number of stems, the type of instruments
// (acoustic/amplified take longer than electronic), the amount of editing required, the amount of
// processing already done" — half a day (about 5 h) to a day and a half (about 15 h). Each share
// of the hours comes from a measured number, and every reason the artist reads carries it.
import { DIGITAL_SILENCE_DB, type StemCharacter } from '../../engine/analysis/stem-character.js';
import { fitGrid, offGridMs } from '../../engine/analysis/stem-timing.js';
import { t } from '../texts.js';

export const SHORTEST_MIX_HOURS = 5;
export const LONGEST_MIX_HOURS = 15;

export interface EstimateStem {
  fileName: string;
  stemTag: string | null;
  durationSec: number | null;
  character: StemCharacter | null;
}

/** The measured hours (rounded to the half hour, within 5–15) and what they come from. */
export interface MixEstimate {
  hours: number;
  /** Before the 5–15 h bounds. */
  unboundedHours: number;
  stems: number;
  /** Each share of the hours with the number behind it (what the engineer reads). */
  shares: { why: EstimateReason; hours: number }[];
}

export type EstimateReason =
  | { kind: 'stems'; count: number }
  | { kind: 'recorded'; count: number; floorDb: number; drums: boolean }
  | { kind: 'timing'; parts: string[]; offGridMs: number; stepMs: number }
  | { kind: 'line-up'; count: number; shortestSec: number; longestSec: number }
  | { kind: 'noise'; count: number; worstDb: number }
  | { kind: 'raw'; count: number; crestDb: number };

/** Hiss above digital silence between phrases: a microphone or an amp was in the chain. */
const RECORDED_FLOOR_DB = -100;
/** Hiss this loud is worth cleaning. */
const NOISY_FLOOR_DB = -60;
/** Peaks this far over the level: nothing has tamed them yet (drums peak higher when tamed too). */
const RAW_CREST_DB = 15;
const RAW_DRUMS_CREST_DB = 18;
/** Parts this far off their grid on average want timing edits. */
const TIMING_EDITS_MS = 8;
/** Stems this much shorter or longer than the commonest length were exported from elsewhere. */
const LENGTH_TOLERANCE_SEC = 0.5;

const isVocal = (tag: string | null) => tag === 'lead-vocal' || tag === 'backing-vocal';
const isTimed = (tag: string | null) => tag === 'drums' || isVocal(tag);
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
const roundTo = (v: number, step: number) => Math.round(v / step) * step;

export function estimateMix(stems: EstimateStem[]): MixEstimate {
  const measured = stems.filter((s): s is EstimateStem & { character: StemCharacter } => s.character !== null);
  const shares: MixEstimate['shares'] = [];
  // Setting up, balancing, bouncing: more with every stem.
  shares.push({ why: { kind: 'stems', count: stems.length }, hours: 3.5 + 0.12 * stems.length });

  const recorded = measured.filter((s) => s.character.noiseFloorDb !== null && s.character.noiseFloorDb > RECORDED_FLOOR_DB);
  if (recorded.length) {
    const drums = recorded.some((s) => s.stemTag === 'drums');
    shares.push({
      why: { kind: 'recorded', count: recorded.length, floorDb: round1(mean(recorded.map((s) => s.character.noiseFloorDb!))), drums },
      hours: 0.15 * recorded.length + (drums ? 0.5 : 0),
    });
  }

  const grid = fitGrid(measured.flatMap((s) => s.character.onsets));
  const timed = measured.filter((s) => isTimed(s.stemTag) && s.character.onsets.length >= 8);
  if (grid && timed.length) {
    const off = round1(mean(timed.map((s) => offGridMs(s.character.onsets, grid))));
    if (off >= TIMING_EDITS_MS) {
      const parts = [...new Set(timed.map((s) => (isVocal(s.stemTag) ? 'vocals' : 'drums')))];
      shares.push({ why: { kind: 'timing', parts, offGridMs: off, stepMs: Math.round(grid.stepSec * 1000) }, hours: Math.min(2.5, off / 10) });
    }
  }

  const lengths = stems.map((s) => s.durationSec).filter((d): d is number => d !== null);
  const commonest = commonestLength(lengths);
  const offLength = lengths.filter((d) => Math.abs(d - commonest) > LENGTH_TOLERANCE_SEC);
  if (offLength.length) {
    shares.push({
      why: { kind: 'line-up', count: offLength.length, shortestSec: Math.min(...lengths), longestSec: Math.max(...lengths) },
      hours: Math.min(1.5, 0.15 * offLength.length),
    });
  }

  const noisy = recorded.filter((s) => s.character.noiseFloorDb! > NOISY_FLOOR_DB);
  if (noisy.length) {
    shares.push({
      why: { kind: 'noise', count: noisy.length, worstDb: Math.max(...noisy.map((s) => s.character.noiseFloorDb!)) },
      hours: Math.min(1.5, 0.1 * noisy.length),
    });
  }

  const raw = measured.filter(
    (s) => s.character.levelDb > DIGITAL_SILENCE_DB && s.character.crestDb >= (s.stemTag === 'drums' ? RAW_DRUMS_CREST_DB : RAW_CREST_DB),
  );
  if (raw.length) {
    shares.push({ why: { kind: 'raw', count: raw.length, crestDb: round1(mean(raw.map((s) => s.character.crestDb))) }, hours: Math.min(2, 0.12 * raw.length) });
  }

  const unbounded = shares.reduce((s, p) => s + p.hours, 0);
  const hours = Math.min(LONGEST_MIX_HOURS, Math.max(SHORTEST_MIX_HOURS, roundTo(unbounded, 0.5)));
  return { hours, unboundedHours: round1(unbounded), stems: stems.length, shares };
}

/** The length most stems share (to a tenth of a second): the song's. */
function commonestLength(lengths: number[]): number {
  const counts = new Map<number, number>();
  for (const d of lengths) counts.set(Math.round(d * 10), (counts.get(Math.round(d * 10)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [tenths, n] of counts) if (n > bestCount || (n === bestCount && tenths > best)) [best, bestCount] = [tenths, n];
  return best / 10;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, '0')}`;

/** A reason as the artist reads it, with its number. */
export function reasonText(r: EstimateReason): string {
  switch (r.kind) {
    case 'stems':
      return t('estimate-stems', { count: r.count });
    case 'recorded':
      return t(r.drums ? 'estimate-recorded-drums' : 'estimate-recorded', { count: r.count, db: String(r.floorDb) });
    case 'timing':
      return t('estimate-timing', {
        parts: r.parts.map((p) => (p === 'vocals' ? t('estimate-part-vocals') : t('estimate-part-drums'))).join(t('estimate-and')),
        ms: String(r.offGridMs),
      });
    case 'line-up':
      return t('estimate-line-up', { count: r.count, shortest: clock(r.shortestSec), longest: clock(r.longestSec) });
    case 'noise':
      return t('estimate-noise', { count: r.count, db: String(r.worstDb) });
    case 'raw':
      return t('estimate-raw', { count: r.count, db: String(r.crestDb) });
  }
}

/** Reads a stored character (JSON), or null when missing or unreadable (stems stored before it was measured). */
export function parseCharacter(json: string | null): StemCharacter | null {
  if (!json) return null;
  try {
    const c = JSON.parse(json) as StemCharacter;
    return Array.isArray(c.onsets) && typeof c.crestDb === 'number' ? c : null;
  } catch {
    return null;
  }
}
