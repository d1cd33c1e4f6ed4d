// What a cutting engineer would raise about a master before cutting a lacquer: the vinyl preset's
// own checks (engine/presets.ts), run on the master as made.
import type { Analysis } from './analysis/analyze.js';
import type { EngineNote } from './notes.js';

/**
 * High frequencies this close to the midrange (per third-octave band) cut with distortion on a
 * lacquer. A judgement, not a lathe's figure: well-balanced masters measured here sit near -10 dB
 * (a General MIDI band -9.8, a synth track -11.4); a bright, sibilant one comes within 6 dB.
 */
const VINYL_HF_LIMIT_DB = -6;
/** Mean power of the spectrum's bands within [lo, hi] Hz, in dB. */
function bandLevel(a: Analysis, lo: number, hi: number): number {
  const idx = a.spectrum.hz.map((f, i) => [f, i] as const).filter(([f]) => f >= lo && f <= hi && f < a.format.sampleRate / 2);
  if (!idx.length) return -Infinity;
  return 10 * Math.log10(idx.reduce((s, [, i]) => s + 10 ** (a.spectrum.db[i]! / 10), 0) / idx.length);
}

/** High-frequency (5–10 kHz) level relative to the midrange (200 Hz–2 kHz), dB. */
export const highFrequencyDb = (a: Analysis): number => Math.round((bandLevel(a, 5000, 10000) - bandLevel(a, 200, 2000)) * 10) / 10;

/** What a cutting engineer would raise about this master: sibilance and top end, and out-of-phase content. */
export function vinylWarnings(a: Analysis): EngineNote[] {
  const w: EngineNote[] = [];
  const hf = highFrequencyDb(a);
  if (hf > VINYL_HF_LIMIT_DB) w.push({ code: 'vinyl-bright', hfDb: hf.toFixed(1), limitDb: VINYL_HF_LIMIT_DB });
  if (a.phase.correlation < 0.2 || a.phase.worstCorrelation < -0.2) {
    w.push({ code: 'vinyl-phase', correlation: a.phase.correlation.toFixed(2), worst: a.phase.worstCorrelation.toFixed(2), atSec: a.phase.worstAtSec });
  }
  return w;
}
