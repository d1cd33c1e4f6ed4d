// The true-peak interpolator of ITU-R BS.1770-4 Annex 2 (4x oversampling): its coefficients, shared
// by the JavaScript kernels (truepeak.ts) and the generator of the WebAssembly one (npm run wasm).
export const OVERSAMPLE = 4;
export const TAPS = 48;
export const HALF = TAPS / 2;

/** The modified Bessel function of order 0 (the Kaiser window's): its series, to 1e-12. */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

/**
 * Coefficients for the points at p/4 (p = 1..3) after sample m, applied to x[m-HALF+1 .. m+HALF].
 * Kaiser window (beta 8), 48 taps: flat (within 0.01 dB) to 0.45 fs, 19.8 kHz at 44.1 kHz. 24 taps
 * were flat only to 0.42 fs and read content at 19-20 kHz of a 44.1 kHz master 0.8-1.5 dB low, so
 * the limiter let such peaks over the ceiling (0.13 dB on a real track); 16 taps read a bright master
 * 0.3 dB low. Longer filters cost time on every pass (48 over 24: about 15 % of a master). What is
 * left above 0.45 fs the fine meter (truepeak-fine.ts) catches when the master checks itself.
 */
export const phases: Float64Array[] = (() => {
  const beta = 8;
  const out: Float64Array[] = [];
  for (let p = 1; p < OVERSAMPLE; p++) {
    const c = new Float64Array(TAPS);
    let sum = 0;
    for (let k = 0; k < TAPS; k++) {
      const t = p / OVERSAMPLE - (k - HALF + 1); // distance from the point to x[m + k - 7]
      const sinc = Math.sin(Math.PI * t) / (Math.PI * t);
      const r = t / (HALF + 0.5);
      const w = Math.abs(r) < 1 ? besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta) : 0;
      c[k] = sinc * w;
      sum += c[k]!;
    }
    for (let k = 0; k < TAPS; k++) c[k]! /= sum; // unity gain at DC
    out.push(c);
  }
  return out;
})();

/** Largest |coefficient sum| of a phase: bounds how far an interpolated point can exceed its neighbours. */
export const maxGain = Math.max(...phases.map((c) => c.reduce((s, v) => s + Math.abs(v), 0)));

/**
 * A phase written as a straight line between the two samples around its point plus a filter of
 * second differences: c = lerp(a) + e2 * [1, -2, 1], with a the phase's first moment (about p/4)
 * so that what is left has neither sum nor slope. Summing by parts twice gives e2, and with it
 * |point| <= max(|x[m]|, |x[m+1]|) + sum|e2| * max|x[k-1] - 2 x[k] + x[k+1]| over the window.
 * On music this bound sits a fraction of a dB over the samples where maxGain (8.5 dB) sat far
 * above them: a 4-minute loud master needs the oversampling on 0.4-17 % of its blocks instead of
 * 60-85 % (measured on two real recordings and the bench's song).
 */
export function curvatureCoefficients(c: Float64Array): { slope: number; e2: Float64Array } {
  let slope = 0;
  for (let k = 0; k < c.length; k++) slope += c[k]! * (k - (HALF - 1));
  const rest = Float64Array.from(c);
  rest[HALF - 1]! -= 1 - slope;
  rest[HALF]! -= slope;
  // e1 = running sum of rest, e2 = running sum of e1; both end at 0 (no sum, no slope left).
  const e2 = new Float64Array(c.length - 2);
  let e1 = 0;
  let acc = 0;
  for (let k = 0; k < c.length - 2; k++) {
    e1 += rest[k]!;
    acc += e1;
    e2[k] = acc;
  }
  return { slope, e2 };
}

/** The largest sum|e2| of the three phases (0.51 for this filter). */
export const curvatureGain = Math.max(...phases.map((c) => curvatureCoefficients(c).e2.reduce((s, v) => s + Math.abs(v), 0)));

/**
 * What the points of windows reading samples with largest |x| `peak` and largest |second
 * difference| `curve` can reach: the lower of the two bounds, with room for single precision (the
 * SIMD kernel's sums, and the bound's own arithmetic there, are within 1e-5 of exact).
 */
export const pointBound = (peak: number, curve: number): number => Math.min(peak * maxGain, peak + curvatureGain * curve) * (1 + BOUND_ROOM);
export const BOUND_ROOM = 1e-4;
