// How far two recordings' tonal balances are apart: the RMS, over the third-octave bands from
// 31.5 Hz to 16 kHz, of the difference of their mid-signal long-term spectra, each taken relative
// to its own mean level (so loudness does not count, only balance). What reference matching
// closes, `mixdesk compare` prints and the bench reports.
import type { Spectrum } from './spectrum.js';

export const DISTANCE_LOW_HZ = 31.5;
export const DISTANCE_HIGH_HZ = 16000;
/** Bands this far under a spectrum's loudest band are read as this far: silence is not a balance. */
const FLOOR_DB = 80;

export interface TonalDistance {
  /** RMS of the per-band differences, dB. */
  rmsDb: number;
  /** b − a per band (after each was taken relative to its mean), dB. */
  bands: { hz: number; diffDb: number }[];
}

/** The bands both spectra can speak for: 31.5 Hz – 16 kHz, below both Nyquist frequencies. */
export function distanceBands(hz: number[], nyquistHz: number): number[] {
  return hz.flatMap((f, i) => (f >= DISTANCE_LOW_HZ * 0.99 && f <= DISTANCE_HIGH_HZ * 1.01 && f < nyquistHz / 1.12 ? [i] : []));
}

/** Each band relative to the spectrum's mean over `bands` (floored FLOOR_DB under its loudest band). */
export function relativeLevels(s: Spectrum, bands: number[]): number[] {
  const top = Math.max(...bands.map((i) => s.db[i]!));
  const levels = bands.map((i) => Math.max(s.db[i]!, top - FLOOR_DB));
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  return levels.map((l) => l - mean);
}

export function tonalDistance(a: Spectrum, b: Spectrum, nyquistHz = 24000): TonalDistance {
  const bands = distanceBands(a.hz, nyquistHz);
  const ra = relativeLevels(a, bands);
  const rb = relativeLevels(b, bands);
  const diffs = bands.map((i, k) => ({ hz: a.hz[i]!, diffDb: rb[k]! - ra[k]! }));
  const rmsDb = Math.sqrt(diffs.reduce((s, d) => s + d.diffDb ** 2, 0) / Math.max(1, diffs.length));
  return { rmsDb, bands: diffs };
}
