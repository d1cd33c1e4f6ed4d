// True peak by 4x oversampling (ITU-R BS.1770-4 Annex 2): a windowed-sinc polyphase
// interpolator evaluates three points between each pair of samples; the fourth is the sample. The
// limiter's envelope is this; the measured true peak is refined to a 16x meter's (truepeak-fine.ts).

import { HALF, phases, pointBound, TAPS } from './truepeak-filter.js';
import { SIMD_CAPACITY, SIMD_INPUT, truePeakSimd } from './truepeak-simd.js';
import { loadKernel } from '../wasm.js';
import { FINE_REACH, FINE_WINDOW_DB, finePeakAfter } from './truepeak-fine.js';

export { OVERSAMPLE, phases, TAPS } from './truepeak-filter.js';

/**
 * The body of the generated loops, with the coefficients inlined as constants. The three points
 * use the filter's symmetry (phase 3 mirrors phase 1, phase 2 is symmetric): with
 * s = x[k] + x[TAPS-1-k] and d = x[k] - x[TAPS-1-k] they cost half the multiplications.
 * `emit` receives the names of the sample itself and of the three points.
 */
function kernelSource(emit: (sample: string, points: [string, string, string]) => string): string {
  const half = TAPS / 2;
  const [c1, c2] = phases as [Float64Array, Float64Array];
  const lit = (x: number) => x.toPrecision(17);
  const sum = (terms: string[]) => terms.join('+');
  const s = (k: number) => `s${k}`;
  const d = (k: number) => `d${k}`;
  return `
    for (let m = from; m < to; m++) {
      ${Array.from({ length: half }, (_, k) => `const ${s(k)}=x[m+${k}]+x[m+${TAPS - 1 - k}], ${d(k)}=x[m+${k}]-x[m+${TAPS - 1 - k}];`).join('')}
      const mid = ${sum(Array.from({ length: half }, (_, k) => `${lit(c2[k]!)}*${s(k)}`))};
      const even = ${sum(Array.from({ length: half }, (_, k) => `${lit((c1[k]! + c1[TAPS - 1 - k]!) / 2)}*${s(k)}`))};
      const odd = ${sum(Array.from({ length: half }, (_, k) => `${lit((c1[k]! - c1[TAPS - 1 - k]!) / 2)}*${d(k)}`))};
      const p1 = even + odd, p3 = even - odd;
      const v = x[m+${HALF - 1}];
      ${emit('v', ['p1', 'mid', 'p3'])}
    }`;
}

const abs = (v: string) => `(${v} < 0 ? -${v} : ${v})`;

type Kernel = (x: Float32Array, from: number, to: number, best: number) => number;

/** Largest absolute value of the interpolated points for window starts [from, to) of `x`. */
const kernel: Kernel = new Function(
  'x',
  'from',
  'to',
  'best',
  `${kernelSource((_sample, pts) => pts.map((p) => `{ const a = ${abs(p)}; if (a > best) best = a; }`).join('\n'))}
  return best;`,
) as Kernel;

type EnvelopeKernel = (x: Float32Array, from: number, to: number, out: Float32Array, outOffset: number, shift: number) => void;

/** For window start m, writes the peak of its sample and the 3 points after it into out[(m + outOffset) >> shift], keeping the larger. */
const envelopeKernel: EnvelopeKernel = new Function(
  'x',
  'from',
  'to',
  'out',
  'outOffset',
  'shift',
  kernelSource(
    (sample, pts) => `
      let best = ${abs(sample)};
      ${pts.map((p) => `{ const a = ${abs(p)}; if (a > best) best = a; }`).join('\n')}
      const o = (m + outOffset) >> shift;
      if (best > out[o]) out[o] = best;`,
  ),
) as EnvelopeKernel;

/**
 * Calls `visit(buffer, from, to, outOffset)` so that every sample o of x in [oFrom, oTo) is
 * covered once by a window start m in [from, to) of some buffer, with o = m + outOffset. The
 * interior is read from x itself; only the two edges of the file go through small zero-padded
 * copies (no copy of the whole file).
 */
function eachWindow(x: Float32Array, visit: (buf: Float32Array, from: number, to: number, outOffset: number) => void, oFrom = 0, oTo = x.length): void {
  const n = x.length;
  if (oFrom >= oTo) return;
  if (n < 4 * TAPS) {
    const buf = new Float32Array(n + TAPS);
    buf.set(x, HALF - 1);
    visit(buf, oFrom, oTo, 0);
    return;
  }
  if (oFrom < HALF - 1) {
    const head = new Float32Array(HALF - 1 + TAPS + HALF);
    head.set(x.subarray(0, TAPS + HALF), HALF - 1);
    visit(head, oFrom, Math.min(oTo, HALF - 1), 0);
  }
  const CHUNK = 16384; // a kernel called many times is optimised fully, one long call is not
  const mFrom = Math.max(oFrom, HALF - 1) - (HALF - 1);
  const mTo = Math.min(oTo, n - HALF) - (HALF - 1);
  for (let m = mFrom; m < mTo; m += CHUNK) visit(x, m, Math.min(mTo, m + CHUNK), HALF - 1);
  if (oTo > n - HALF) {
    const base = n - TAPS - HALF;
    const tail = new Float32Array(TAPS + HALF + HALF + 1);
    tail.set(x.subarray(base));
    const offset = base + HALF - 1;
    visit(tail, Math.max(oFrom, n - HALF) - offset, oTo - offset, offset);
  }
}

/**
 * What the points of the windows starting in [from, to) can reach at most (pointBound): from the
 * largest |sample| they read and their largest |second difference|.
 */
function windowBound(buf: Float32Array, from: number, to: number): number {
  let near = 0;
  let curve = 0;
  const last = to + TAPS - 1;
  for (let i = from; i < last; i++) {
    const a = Math.abs(buf[i]!);
    if (a > near) near = a;
  }
  for (let i = from + 1; i < last - 1; i++) {
    const d = Math.abs(buf[i - 1]! - 2 * buf[i]! + buf[i + 1]!);
    if (d > curve) curve = d;
  }
  return pointBound(near, curve);
}

interface SimdKernel {
  /** Input samples (windows of up to SIMD_CAPACITY positions) and results, in the kernel's memory. */
  x: Float32Array;
  r: Float32Array;
  /** `envelope`'s results: one per group of four positions. */
  g: Float32Array;
  points: (count: number) => void;
  envelope: (count: number, lo: number, floor: number) => void;
  peak: (count: number, best: number) => number;
}

/**
 * The interpolator as a WebAssembly SIMD kernel (scripts/wasm-truepeak.ts): four positions per step
 * in single precision, about three times the JavaScript kernels' speed. Null where WebAssembly SIMD
 * is unavailable or MIXDESK_SIMD=0; the JavaScript kernels then do the work.
 */
const simd: SimdKernel | null = (() => {
  type Exports = { memory: { buffer: ArrayBuffer } } & Record<'xOffset' | 'rOffset' | 'gOffset', { value: number }> &
    Pick<SimdKernel, 'points' | 'envelope' | 'peak'>;
  const e = loadKernel<Exports>(truePeakSimd);
  if (!e) return null;
  const mem = e.memory.buffer; // fixed size: the views stay valid
  return {
    x: new Float32Array(mem, e.xOffset.value, SIMD_INPUT),
    r: new Float32Array(mem, e.rOffset.value, SIMD_CAPACITY + 4),
    g: new Float32Array(mem, e.gOffset.value, SIMD_CAPACITY / 4 + 1),
    points: e.points,
    envelope: e.envelope,
    peak: e.peak,
  };
})();

/** Which kernel measures true peak here (tests and the benchmark say so). */
export const truePeakKernel = (): 'wasm-simd' | 'javascript' => (simd ? 'wasm-simd' : 'javascript');

/**
 * For window starts m in [from, to) of buf (at most SIMD_CAPACITY of them), r[m - from] becomes the
 * largest of |sample| and its three interpolated points (past the end of buf, zeros are read).
 */
function simdPoints(k: SimdKernel, buf: Float32Array, from: number, to: number): Float32Array {
  loadWindows(k, buf, from, to, to - from + TAPS + 3);
  k.points(to - from);
  return k.r;
}

/**
 * Copies the samples that the windows starting in [from, to) of buf read to the kernel: zeros
 * before buf's start (from < 0) and past its end, up to `through`.
 */
function loadWindows(k: SimdKernel, buf: Float32Array, from: number, to: number, through: number): void {
  const lead = Math.max(0, -from);
  if (lead) k.x.fill(0, 0, lead);
  const have = Math.max(lead, Math.min(to - from + TAPS + 3, buf.length - from));
  k.x.set(buf.subarray(from + lead, from + have), lead);
  if (have < through) k.x.fill(0, have, Math.min(through, k.x.length));
}

/**
 * The envelope of window starts [from, to) of buf into out (shift ≥ 2) by the kernel's `envelope`:
 * its groups of four positions start on sample indices divisible by four, so each group is part of
 * one envelope value; positions outside [from, to) in the first and last group are masked. With
 * shift 2 (the master's) a group is one value, and the kernel keeps the larger of old and new itself.
 */
function simdEnvelope(k: SimdKernel, buf: Float32Array, from: number, to: number, outOffset: number, out: Float32Array, shift: number, floor: number): void {
  const s = shift - 2;
  for (let m = from - ((from + outOffset) & 3); m < to; m += SIMD_CAPACITY) {
    const count = Math.min(SIMD_CAPACITY, to - m);
    const first = (m + outOffset) >> 2;
    const groups = (count + 3) >> 2;
    loadWindows(k, buf, m, m + count, SIMD_INPUT);
    if (s === 0) k.g.set(out.subarray(first, first + groups));
    else k.g.fill(0, 0, groups);
    k.envelope(count, Math.max(0, from - m), floor);
    if (s === 0) out.set(k.g.subarray(0, groups), first);
    else {
      for (let j = 0; j < groups; j++) {
        const o = (first + j) >> s;
        if (k.g[j]! > out[o]!) out[o] = k.g[j]!;
      }
    }
  }
}

const BLOCK = 64;

/** Where a run of blocks that `needed(bound)` ends, from `start` (a block boundary) to at most `to`, capped at the SIMD kernel's capacity. */
function neededRun(buf: Float32Array, start: number, to: number, needed: (bound: number) => boolean): number {
  const limit = Math.min(to, start - BLOCK + SIMD_CAPACITY);
  let e = start;
  while (e < limit && needed(windowBound(buf, e, Math.min(limit, e + BLOCK)))) e = Math.min(limit, e + BLOCK);
  return e;
}

/**
 * The true peak of samples [oFrom, oTo) of x (linear) as a 16x meter reads it, in one pass: the 4x
 * envelope (groups of four positions, computed only where a stretch can come within
 * FINE_WINDOW_DB of the highest point so far) finds the stretches that could hold the peak, and
 * the fine meter (truepeak-fine.ts) measures those. The sample peak, where the caller knows it,
 * sets the first bar. Windows read x beyond [oFrom, oTo) where it has samples (zeros past its ends).
 */
export function truePeak(x: Float32Array, oFrom = 0, oTo = x.length, samplePeak?: number): number {
  let best = samplePeak ?? samplePeakOf(x, oFrom, oTo);
  if (!(best > 0)) return coarseTruePeak(x, oFrom, oTo, best);
  const { found, values, coarse } = candidates(x, oFrom, oTo, best, true);
  const floor = coarse * FINE_WINDOW;
  best = coarse;
  eachFine(x, oFrom, oTo, found, values, floor, (_o, v) => {
    if (v > best) best = v;
  });
  return best;
}

/**
 * Where samples [oFrom, oTo) of x pass `limit` as a 16x meter reads it: each sample position o whose stretch [o, o + 1)
 * reads above the limit, with its reading; and `below`, the highest reading at or under the limit
 * among the stretches near it (once the overs are brought down to the limit, the true peak is the
 * higher of the limit and `below`). One pass, as `truePeak`. `reach` (a gain ≤ 1) widens what
 * "near" means: every stretch reading at least limit × reach is read exactly, so when `below`
 * reaches that far it is the true peak of a signal with no overs (the default, FINE_WINDOW, only
 * promises stretches near the limit).
 */
export function truePeakOvers(
  x: Float32Array,
  limit: number,
  oFrom = 0,
  oTo = x.length,
  reach = FINE_WINDOW,
): { overs: { at: number; value: number }[]; below: number } {
  const overs: { at: number; value: number }[] = [];
  let below = 0;
  // A stretch reading r has 4x points of at least r × FINE_WINDOW: every one reading limit × reach is visited.
  const start = (limit * reach) / FINE_WINDOW;
  const { found, values } = candidates(x, oFrom, oTo, start, false);
  eachFine(x, oFrom, oTo, found, values, start * FINE_WINDOW, (at, value) => {
    if (value > limit) overs.push({ at, value });
    else if (value > below) below = value;
  });
  return { overs, below };
}

/** FINE_WINDOW_DB as a gain: the 4x reading of a stretch is never this far under its 16x reading. */
export const FINE_WINDOW = 10 ** (-FINE_WINDOW_DB / 20);

/**
 * The groups of four positions of [oFrom, oTo) whose 4x envelope comes within the fine window of
 * `start` — or, `adaptive`, of the highest point so far (the bar rises as the pass goes) — with
 * their envelope values, and that highest point.
 */
function candidates(x: Float32Array, oFrom: number, oTo: number, start: number, adaptive: boolean): { found: number[]; values: number[]; coarse: number } {
  const found: number[] = [];
  const values: number[] = [];
  const env = new Float32Array((PEAK_CHUNK + 2 * VIEW_PAD) >> 2);
  let coarse = start;
  for (let a = oFrom; a < oTo; a += PEAK_CHUNK) {
    const b = Math.min(oTo, a + PEAK_CHUNK);
    const lo = Math.max(0, a - VIEW_PAD);
    // A view of x with VIEW_PAD samples beyond [a, b) either side (where x has them): its envelope
    // within [a, b) is x's own, and at x's ends the view's zeros are x's.
    const view = x.subarray(lo, Math.min(x.length, b + VIEW_PAD));
    const floor = (adaptive ? coarse : start) * FINE_WINDOW;
    env.fill(0);
    truePeakEnvelopeInto([view], env, 2, floor, a - lo, b - lo);
    for (let g = (a - lo) >> 2, last = (b - 1 - lo) >> 2; g <= last; g++) {
      let v = env[g]!;
      if (v < floor) continue;
      // A group reaching past the range holds points of positions outside it: its own positions are read instead.
      if (lo + 4 * g < oFrom || lo + 4 * g + 4 > oTo) {
        v = 0;
        for (let o = Math.max(oFrom, lo + 4 * g), end = Math.min(oTo, lo + 4 * g + 4); o < end; o++) v = Math.max(v, quarterPoints(x, o));
        if (v < floor) continue;
      }
      if (v > coarse) coarse = v;
      found.push(lo + 4 * g);
      values.push(v);
    }
  }
  return { found, values, coarse };
}

/** The fine (16x) reading of each position of the candidate groups that reach `floor`. */
function eachFine(
  x: Float32Array,
  oFrom: number,
  oTo: number,
  found: number[],
  values: number[],
  floor: number,
  visit: (o: number, value: number) => void,
): void {
  for (let k = 0; k < found.length; k++) {
    if (values[k]! < floor) continue;
    for (let o = Math.max(oFrom, found[k]!), end = Math.min(oTo, found[k]! + 4); o < end; o++) {
      // The 4x points of this position first (a tenth of the fine meter's work): most positions
      // of a stretch that reached the window do not themselves.
      if (quarterPoints(x, o) < floor) continue;
      visit(o, finePeakAfter(x, o));
    }
  }
}

/** The largest |value| among sample o and the three 4x points after it. */
function quarterPoints(x: Float32Array, o: number): number {
  let value = o < x.length ? Math.abs(x[o]!) : 0;
  const base = o - HALF + 1;
  const inside = base >= 0 && base + TAPS <= x.length;
  for (const c of phases) {
    let y = 0;
    if (inside) for (let k = 0; k < TAPS; k++) y += c[k]! * x[base + k]!;
    else
      for (let k = 0; k < TAPS; k++) {
        const i = base + k;
        if (i >= 0 && i < x.length) y += c[k]! * x[i]!;
      }
    const a = Math.abs(y);
    if (a > value) value = a;
  }
  return value;
}

/** The largest |sample| of x in [from, to). */
function samplePeakOf(x: Float32Array, from: number, to: number): number {
  let best = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(x[i]!);
    if (a > best) best = a;
  }
  return best;
}

/** Margin of the views truePeak takes the 4x envelope of: their cut edges are this far from what is used. */
const VIEW_PAD = 64;
const PEAK_CHUNK = 1 << 16;

/**
 * The highest absolute value of the 4x-oversampled signal (linear). Stretches whose
 * neighbourhood cannot beat the peak found so far are skipped, which on real music skips most.
 * `samplePeak`, the largest |sample| of x where the caller knows it, saves a pass and lets the
 * skipping start at the top.
 */
export function coarseTruePeak(x: Float32Array, oFrom = 0, oTo = x.length, samplePeak?: number): number {
  let best = samplePeak ?? samplePeakOf(x, oFrom, oTo);
  eachWindow(
    x,
    (buf, from, to) => {
      if (simd) {
        // The kernel bounds each block and interpolates only where the bound beats the peak so far.
        for (let m = from; m < to; m += SIMD_CAPACITY) {
          const count = Math.min(SIMD_CAPACITY, to - m);
          loadWindows(simd, buf, m, m + count, SIMD_INPUT);
          best = simd.peak(count, best);
        }
        return;
      }
      for (let b = from; b < to; b += BLOCK) {
        const end = Math.min(to, b + BLOCK);
        if (windowBound(buf, b, end) <= best) continue;
        best = kernel(buf, b, end, best);
      }
    },
    oFrom,
    oTo,
  );
  return best;
}

/**
 * True-peak envelope: for each sample, the largest of itself and the oversampled points up to
 * the next sample, over all channels. With `shift` = s, one value covers 2^s samples (their
 * maximum), which keeps the envelope of a long file small. Where a stretch cannot reach `floor`
 * (its bound, windowBound, stays below it), that bound is written
 * instead of the exact value: a limiter whose threshold is at or above `floor` sees no
 * difference, and the oversampling is skipped there.
 */
export function truePeakEnvelope(channels: Float32Array[], shift = 0, floor = 0): Float32Array {
  const n = channels[0]?.length ?? 0;
  const out = new Float32Array(((n - 1) >> shift) + 1);
  truePeakEnvelopeInto(channels, out, shift, floor, 0, n);
  return out;
}

/** The envelope of samples [oFrom, oTo) only (for splitting the work between threads). */
export function truePeakEnvelopeInto(channels: Float32Array[], out: Float32Array, shift: number, floor: number, oFrom: number, oTo: number): void {
  for (const ch of channels) {
    eachWindow(
      ch,
      (buf, from, to, outOffset) => {
        if (simd && shift >= 2) return simdEnvelope(simd, buf, from, to, outOffset, out, shift, floor);
        for (let b = from; b < to; b += BLOCK) {
          const end = Math.min(to, b + BLOCK);
          const bound = windowBound(buf, b, end);
          if (bound <= floor) {
            for (let m = b; m < end; m++) {
              const o = (m + outOffset) >> shift;
              if (bound > out[o]!) out[o] = bound;
            }
          } else if (!simd) envelopeKernel(buf, b, end, out, outOffset, shift);
          else {
            // This block and the ones after it that need exact values go to the kernel in one call.
            const runEnd = neededRun(buf, end, to, (next) => next > floor);
            const r = simdPoints(simd, buf, b, runEnd);
            for (let m = b; m < runEnd; m++) {
              const o = (m + outOffset) >> shift;
              const v = r[m - b]!;
              if (v > out[o]!) out[o] = v;
            }
            b = runEnd - BLOCK;
          }
        }
      },
      oFrom,
      oTo,
    );
  }
}

/**
 * True peak of one channel fed in consecutive pieces. Samples are measured in batches; each batch
 * keeps the samples around it that its interpolation windows read (the last batch, the file's
 * end, reads zeros past it, as the whole-file measure does), so the result equals truePeak's.
 */
const STREAM_BATCH = 1 << 16;
/** Samples a measured position's windows read on either side (the fine meter's reach the farthest). */
const STREAM_REACH = Math.max(TAPS, FINE_REACH);

export class TruePeakStream {
  private buf = new Float32Array(STREAM_BATCH + 2 * STREAM_REACH);
  /** Samples in buf; the first `context` of them were measured already and only serve the windows. */
  private length = 0;
  private context = 0;
  private best = 0;

  add(x: Float32Array): void {
    for (let i = 0; i < x.length;) {
      const take = Math.min(x.length - i, this.buf.length - this.length);
      this.buf.set(x.subarray(i, i + take), this.length);
      this.length += take;
      i += take;
      if (this.length === this.buf.length) this.measure();
    }
  }

  /** Measures all but the last STREAM_REACH samples (their windows reach into what comes next) and keeps STREAM_REACH before them. */
  private measure(): void {
    const to = this.length - STREAM_REACH;
    this.best = Math.max(this.best, truePeak(this.buf.subarray(0, this.length), this.context, to));
    this.buf.copyWithin(0, to - STREAM_REACH, this.length);
    this.length = 2 * STREAM_REACH;
    this.context = STREAM_REACH;
  }

  result(): number {
    if (this.length > this.context) this.best = Math.max(this.best, truePeak(this.buf.subarray(0, this.length), this.context, this.length));
    this.context = this.length;
    return this.best;
  }
}
