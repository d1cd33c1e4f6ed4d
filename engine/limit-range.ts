// One range of a limiting round: the limiter's gain over frames [from, to) and either the
// K-weighted loudness energies it yields (a round of the loudness search) or the gain applied in
// place (the final pass). The engine's two threads each take one half; the second half starts
// WARM_UP_SECONDS early so the limiter and the K-weighting filters have settled by `from`.
import { kWeightingStages, kWeightedEnergy } from './analysis/kweighting.js';
import { channelWeight } from './analysis/loudness.js';
import { gainRange, LimiterGain, WARM_UP_SECONDS } from './dsp/limiter.js';
import { gainedStereoMeter } from './dsp/stereo-kernel.js';

export interface LimitRange {
  channels: Float32Array[];
  envelope: Float32Array;
  shift: number;
  frames: number;
  inputGain: number;
  sampleRate: number;
  ceiling: number;
  from: number;
  to: number;
  /** The final pass taken back: the same gain divided out (to limit again at another ceiling). */
  undo?: boolean;
}

const warmFor = (r: LimitRange) => (r.from === 0 ? 0 : Math.round(WARM_UP_SECONDS * r.sampleRate));
const maker = (r: LimitRange) => (start: number) => new LimiterGain(r.envelope, r.shift, r.frames, r.inputGain, r.sampleRate, { ceiling: r.ceiling }, start);

/**
 * Energies of the 100 ms blocks that start at `from` (a block boundary) and end by `to`, with the
 * limiter's gain applied, into `out`; returns the deepest gain and the busy count of the range.
 */
export function limitRoundRange(r: LimitRange, out: Float64Array): { minGain: number; busy: number } {
  const size = Math.round(r.sampleRate / 10);
  const stages = kWeightingStages(r.sampleRate);
  out.fill(0);
  /** The 100 ms block frame i belongs to (-1 before the range) and where its piece ends, by `b`. */
  const piece = (i: number, b: number) => {
    const block = i < r.from ? -1 : Math.floor((i - r.from) / size);
    return { block, end: Math.min(b, i < r.from ? r.from : r.from + (block + 1) * size) };
  };
  const keep = (block: number, e: number) => {
    if (block >= 0 && block < out.length) out[block]! += e;
  };
  // A stereo pair runs both channels at once in the SIMD kernel.
  const meter = r.channels.length === 2 ? gainedStereoMeter(stages) : null;
  if (meter) {
    const [left, right] = r.channels as [Float32Array, Float32Array];
    return gainRange(maker(r), r.inputGain, r.from, r.to, warmFor(r), (g, a, b) => {
      for (let s = a; s < b; s += meter.capacity) {
        const t = Math.min(b, s + meter.capacity);
        meter.load(left, right, g.subarray(s - a), s, t);
        for (let i = s; i < t;) {
          const { block, end } = piece(i, t);
          keep(block, meter.energy(i - s, end - s));
          i = end;
        }
      }
    });
  }
  const states = r.channels.map(() => new Float64Array(6));
  const weights = r.channels.map((_, c) => channelWeight(c, r.channels.length));
  return gainRange(maker(r), r.inputGain, r.from, r.to, warmFor(r), (g, a, b) => {
    for (let i = a; i < b;) {
      const { block, end } = piece(i, b);
      for (let c = 0; c < r.channels.length; c++) {
        const e = kWeightedEnergy(r.channels[c]!, i, end, stages, states[c]!, g, a);
        if (weights[c]) keep(block, weights[c]! * e);
      }
      i = end;
    }
  });
}

/**
 * Applies the limiter's gain in place over [from, to) (or divides it out again: `undo`); applying,
 * each channel's sum of what it wrote goes into sums[c] (its mean after limiting, for the DC that
 * comes off next, without reading the song once more).
 */
export function limitApplyRange(r: LimitRange, sums?: Float64Array): void {
  /** Four running sums: one chain of additions would bound the loop by its latency. */
  const multiply = (ch: Float32Array, g: Float32Array, a: number, b: number): number => {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let i = Math.max(a, r.from);
    // What is summed is what is stored (rounded to single precision), as a later reading would see.
    for (; i + 3 < b; i += 4) {
      s0 += ch[i] = Math.fround(ch[i]! * g[i - a]!);
      s1 += ch[i + 1] = Math.fround(ch[i + 1]! * g[i + 1 - a]!);
      s2 += ch[i + 2] = Math.fround(ch[i + 2]! * g[i + 2 - a]!);
      s3 += ch[i + 3] = Math.fround(ch[i + 3]! * g[i + 3 - a]!);
    }
    for (; i < b; i++) s0 += ch[i] = Math.fround(ch[i]! * g[i - a]!);
    return s0 + s1 + (s2 + s3);
  };
  const divide = (ch: Float32Array, g: Float32Array, a: number, b: number): number => {
    for (let i = Math.max(a, r.from); i < b; i++) ch[i]! /= g[i - a]!;
    return 0;
  };
  const apply = r.undo ? divide : multiply;
  sums?.fill(0);
  gainRange(
    maker(r),
    r.inputGain,
    r.from,
    r.to,
    warmFor(r),
    (g, a, b) =>
      r.channels.forEach((ch, c) => {
        const s = apply(ch, g, a, b);
        if (sums) sums[c]! += s;
      }),
    false,
  );
}
