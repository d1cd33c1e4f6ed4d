// The fine true-peak meter: what a 16x-oversampling meter reads, measured only where it can matter.
// The 4x interpolator (truepeak-filter.ts) is what the limiter and the fast paths use; it reads low
// for peaks between its points and, near Nyquist, for what its short filter attenuates (a 44.1 kHz
// master with content up to 20 kHz read 0.13 dB under a 16x meter with the old 24-tap filter). This
// one evaluates a long filter, flat to 0.47 of the sample rate, at sixteenths of a sample around
// every stretch the 4x meter finds within FINE_WINDOW_DB of its highest point, and takes the vertex
// of a parabola through the best three: the reported true peak is then a 16x meter's (or higher).

import { besselI0 } from './truepeak-filter.js';

/** Sixteen points per sample. */
export const FINE_OVERSAMPLE = 16;
/** Taps of each fine phase: flat (within 0.001 dB) to 0.47 fs at β 9; -0.14 dB at 0.48 fs. */
export const FINE_TAPS = 96;
const FINE_HALF = FINE_TAPS / 2;
/**
 * How far below the 4x meter's highest point a stretch may read and still hold the true peak. The 4x
 * grid could miss 0.55 dB of a full-scale tone at 0.45 fs, but music far less: 0.13 dB measured on
 * white noise up to Nyquist, 0.01 dB on real recordings; 0.5 dB cost a loud master's check a quarter
 * more time for nothing.
 */
export const FINE_WINDOW_DB = 0.3;
/** Samples either side of a position that refining it reads (its window, plus a point each side for the parabola). */
export const FINE_REACH = FINE_HALF + 2;

/** finePhases[p]: the point p/16 after sample m from x[m - FINE_HALF + 1 .. m + FINE_HALF] (p = 1..15; 0 is the sample). */
const finePhases: Float64Array[] = (() => {
  const beta = 9;
  const out: Float64Array[] = [new Float64Array(0)];
  for (let p = 1; p < FINE_OVERSAMPLE; p++) {
    const c = new Float64Array(FINE_TAPS);
    let sum = 0;
    for (let k = 0; k < FINE_TAPS; k++) {
      const t = p / FINE_OVERSAMPLE - (k - FINE_HALF + 1);
      const r = t / (FINE_HALF + 0.5);
      c[k] = ((Math.sin(Math.PI * t) / (Math.PI * t)) * (Math.abs(r) < 1 ? besselI0(beta * Math.sqrt(1 - r * r)) : 0)) / besselI0(beta);
      sum += c[k]!;
    }
    for (let k = 0; k < FINE_TAPS; k++) c[k]! /= sum;
    out.push(c);
  }
  return out;
})();

/** The signal at sample o + j/16 (j may run past 0..16; zeros are read outside x). */
export function fineAt(x: Float32Array, o: number, j: number): number {
  const m = o + Math.floor(j / FINE_OVERSAMPLE);
  const p = j - Math.floor(j / FINE_OVERSAMPLE) * FINE_OVERSAMPLE;
  if (p === 0) return m >= 0 && m < x.length ? x[m]! : 0;
  const c = finePhases[p]!;
  const base = m - FINE_HALF + 1;
  let y = 0;
  if (base >= 0 && base + FINE_TAPS <= x.length) {
    for (let k = 0; k < FINE_TAPS; k++) y += c[k]! * x[base + k]!;
  } else {
    for (let k = 0; k < FINE_TAPS; k++) {
      const i = base + k;
      if (i >= 0 && i < x.length) y += c[k]! * x[i]!;
    }
  }
  return y;
}

/**
 * The highest |value| from sample o up to (not including) o + 1 as a 16x meter reads it: every
 * sixteenth (near Nyquist a sample interval holds more than one crest, so no shortcut through the
 * quarter points), refined by a parabola through the best and its neighbours.
 */
export function finePeakAfter(x: Float32Array, o: number): number {
  let best = -1;
  let at = 0;
  for (let j = 0; j < FINE_OVERSAMPLE; j++) {
    const a = Math.abs(fineAt(x, o, j));
    if (a > best) {
      best = a;
      at = j;
    }
  }
  // The vertex of the parabola through the best sixteenth and its neighbours (a sine's crest is
  // one to within 1e-5 at this spacing); only a maximum lifts the reading.
  const left = Math.abs(fineAt(x, o, at - 1));
  const right = Math.abs(fineAt(x, o, at + 1));
  const curve = left - 2 * best + right;
  if (curve < 0 && left <= best && right <= best) best -= ((right - left) * (right - left)) / (8 * curve);
  return best;
}
