// Second-order sections (RBJ Audio EQ Cookbook), run in double precision over Float32 audio.
import type { Biquad } from '../analysis/kweighting.js';

export type { Biquad };

function norm(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Biquad {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

export function highpass(fs: number, f0: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * f0) / fs,
    c = Math.cos(w),
    alpha = Math.sin(w) / (2 * q);
  return norm((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

export function lowpass(fs: number, f0: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * f0) / fs,
    c = Math.cos(w),
    alpha = Math.sin(w) / (2 * q);
  return norm((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

export function peaking(fs: number, f0: number, gainDb: number, q = 1): Biquad {
  const A = 10 ** (gainDb / 40),
    w = (2 * Math.PI * f0) / fs,
    c = Math.cos(w),
    alpha = Math.sin(w) / (2 * q);
  return norm(1 + alpha * A, -2 * c, 1 - alpha * A, 1 + alpha / A, -2 * c, 1 - alpha / A);
}

export function lowShelf(fs: number, f0: number, gainDb: number): Biquad {
  const A = 10 ** (gainDb / 40),
    w = (2 * Math.PI * f0) / fs,
    c = Math.cos(w),
    s = Math.sin(w);
  const alpha = (s / 2) * Math.SQRT2,
    k = 2 * Math.sqrt(A) * alpha;
  return norm(
    A * (A + 1 - (A - 1) * c + k),
    2 * A * (A - 1 - (A + 1) * c),
    A * (A + 1 - (A - 1) * c - k),
    A + 1 + (A - 1) * c + k,
    -2 * (A - 1 + (A + 1) * c),
    A + 1 + (A - 1) * c - k,
  );
}

export function highShelf(fs: number, f0: number, gainDb: number): Biquad {
  const A = 10 ** (gainDb / 40),
    w = (2 * Math.PI * f0) / fs,
    c = Math.cos(w),
    s = Math.sin(w);
  const alpha = (s / 2) * Math.SQRT2,
    k = 2 * Math.sqrt(A) * alpha;
  return norm(
    A * (A + 1 + (A - 1) * c + k),
    -2 * A * (A - 1 + (A + 1) * c),
    A * (A + 1 + (A - 1) * c - k),
    A + 1 - (A - 1) * c + k,
    2 * (A - 1 - (A + 1) * c),
    A + 1 - (A - 1) * c - k,
  );
}

type Cascade = (channels: Float32Array[], from: number, to: number, state: Float64Array) => void;

/**
 * Compiles a cascade for a fixed set of channels: every sample passes through all sections with
 * the state in locals and the coefficients as constants, and the channels run in the same loop.
 * A biquad is bound by its feedback latency; independent chains side by side (sections of one
 * sample, samples of other channels) let the CPU overlap them. It runs chunk by chunk, so the
 * small loop is fully optimised after a few calls.
 */
function compileCascade(sections: Biquad[], channelCount: number, offsets?: number[], side: Biquad[] = []): Cascade {
  const lit = (x: number) => x.toPrecision(17);
  const load: string[] = [];
  const store: string[] = [];
  const body: string[] = [];
  let slot = 0;
  /** Transposed direct form II: the section's two state values live in locals named after it. */
  const run = (name: string, q: Biquad, v: string) => {
    const a = `a${name}`,
      b = `b${name}`;
    load.push(`let ${a} = state[${slot}], ${b} = state[${slot + 1}];`);
    store.push(`state[${slot}] = ${a}; state[${slot + 1}] = ${b};`);
    slot += 2;
    body.push(
      `{ const y = ${lit(q.b0)} * ${v} + ${a}; ${a} = ${lit(q.b1)} * ${v} - ${lit(q.a1)} * y + ${b}; ${b} = ${lit(q.b2)} * ${v} - ${lit(q.a2)} * y; ${v} = y; }`,
    );
  };
  for (let c = 0; c < channelCount; c++) {
    load.push(`const x${c} = channels[${c}];`);
    // An offset (DC) is taken off on the way in, at no extra cost.
    const offset = offsets?.[c] ?? 0;
    body.push(`let v${c} = x${c}[i]${offset ? ` - ${lit(offset)}` : ''};`);
    sections.forEach((q, k) => run(`${c}_${k}`, q, `v${c}`));
  }
  if (side.length && channelCount === 2) {
    // L = M + S and R = M - S: filtering S into S' adds (S' - S) to L and takes it from R.
    body.push('const s = (v0 - v1) * 0.5; let u = s;');
    side.forEach((q, k) => run(`s_${k}`, q, 'u'));
    body.push('v0 += u - s; v1 -= u - s;');
  }
  for (let c = 0; c < channelCount; c++) body.push(`x${c}[i] = v${c};`);
  return new Function(
    'channels',
    'from',
    'to',
    'state',
    `${load.join('\n')}\nfor (let i = from; i < to; i++) {\n${body.join('\n')}\n}\n${store.join('\n')}`,
  ) as Cascade;
}

/**
 * A cascade that keeps its state between calls, for audio that arrives in pieces:
 * filter(channels, from, to) processes frames [from, to) in place.
 */
export function streamingFilter(
  sections: Biquad[],
  channelCount: number,
  offsets?: number[],
  side: Biquad[] = [],
): (channels: Float32Array[], from: number, to: number) => void {
  const run = compileCascade(sections, channelCount, offsets, side);
  const state = new Float64Array(2 * sections.length * channelCount + 2 * side.length);
  return (channels, from, to) => {
    for (let f = from; f < to; f += 16384) run(channels, f, Math.min(to, f + 16384), state);
  };
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
