// Second-order sections (RBJ Audio EQ Cookbook), run in double precision over Float32 audio.
import type { Biquad } from '../analysis/kweighting.js';

export type { Biquad };

function norm(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Biquad {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

export function highpass(fs: number, f0: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * f0) / fs, c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
  return norm((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

export function lowpass(fs: number, f0: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * f0) / fs, c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
  return norm((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

export function peaking(fs: number, f0: number, gainDb: number, q = 1): Biquad {
  const A = 10 ** (gainDb / 40), w = (2 * Math.PI * f0) / fs, c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
  return norm(1 + alpha * A, -2 * c, 1 - alpha * A, 1 + alpha / A, -2 * c, 1 - alpha / A);
}

export function lowShelf(fs: number, f0: number, gainDb: number): Biquad {
  const A = 10 ** (gainDb / 40), w = (2 * Math.PI * f0) / fs, c = Math.cos(w), s = Math.sin(w);
  const alpha = (s / 2) * Math.SQRT2, k = 2 * Math.sqrt(A) * alpha;
  return norm(A * (A + 1 - (A - 1) * c + k), 2 * A * (A - 1 - (A + 1) * c), A * (A + 1 - (A - 1) * c - k), A + 1 + (A - 1) * c + k, -2 * (A - 1 + (A + 1) * c), A + 1 + (A - 1) * c - k);
}

export function highShelf(fs: number, f0: number, gainDb: number): Biquad {
  const A = 10 ** (gainDb / 40), w = (2 * Math.PI * f0) / fs, c = Math.cos(w), s = Math.sin(w);
  const alpha = (s / 2) * Math.SQRT2, k = 2 * Math.sqrt(A) * alpha;
  return norm(A * (A + 1 + (A - 1) * c + k), -2 * A * (A - 1 + (A + 1) * c), A * (A + 1 + (A - 1) * c - k), A + 1 - (A - 1) * c + k, 2 * (A - 1 - (A + 1) * c), A + 1 - (A - 1) * c - k);
}

/** Runs a cascade of sections over `x` in place (transposed direct form II). */
export function filterInPlace(x: Float32Array, sections: Biquad[]): void {
  for (const s of sections) {
    const { b0, b1, b2, a1, a2 } = s;
    let z1 = 0, z2 = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const y = b0 * xi + z1;
      z1 = b1 * xi - a1 * y + z2;
      z2 = b2 * xi - a2 * y;
      x[i] = y;
    }
  }
}

/** Magnitude response of a cascade at `f` Hz, in dB. */
export function responseDb(sections: Biquad[], fs: number, f: number): number {
  const w = (2 * Math.PI * f) / fs;
  let db = 0;
  for (const s of sections) {
    const cr = (b0: number, b1: number, b2: number) => [b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), -(b1 * Math.sin(w) + b2 * Math.sin(2 * w))] as const;
    const [nr, ni] = cr(s.b0, s.b1, s.b2);
    const [dr, di] = cr(1, s.a1, s.a2);
    db += 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
  }
  return db;
}
