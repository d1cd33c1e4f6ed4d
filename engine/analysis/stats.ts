// Sample statistics the analysis reports besides loudness and true peak: DC, sample peak, clipped
// runs, leading/trailing silence per channel, and the left/right sums behind phase correlation
// and stereo width, over ranges, so the two threads can each take a share (sums and peaks in a
// WebAssembly SIMD kernel where it runs).
import { loadKernel } from '../wasm.js';
import { STATS_CAPACITY, statsSimd } from './stats-simd.js';

const CLIP = 0.99995;
const SILENCE = 10 ** (-60 / 20);

export interface ChannelStats {
  sum: number;
  peak: number;
  runs: number;
  clipped: number;
  longest: number;
  firstClip: number;
  lead: number;
  trail: number;
}

/** The order of a ChannelStats in a Float64Array (for handing it between threads). */
const fields = ['sum', 'peak', 'runs', 'clipped', 'longest', 'firstClip', 'lead', 'trail'] as const;
export const STATS_LENGTH = fields.length;
export const statsToArray = (s: ChannelStats, out: Float64Array): void => fields.forEach((f, i) => (out[i] = s[f]));
export const statsFromArray = (a: Float64Array): ChannelStats => Object.fromEntries(fields.map((f, i) => [f, a[i]!])) as unknown as ChannelStats;

interface StatsKernel {
  /** The left (or only) channel's samples, and the right channel's, in the kernel's memory. */
  l: Float32Array;
  r: Float32Array;
  scan: (count: number) => void;
  pairs: (count: number) => void;
  steps: (count: number) => void;
  stepEnergy: { value: number };
  sum: { value: number };
  peak: { value: number };
  ll: { value: number };
  rr: { value: number };
  lr: { value: number };
}

/**
 * Sums and peaks in WebAssembly SIMD (scripts/wasm-stats.ts), several times the speed of the
 * JavaScript loops below, which run where it is unavailable or MIXDESK_SIMD=0.
 */
const simd: StatsKernel | null = (() => {
  type Exports = {
    memory: { buffer: ArrayBuffer };
    rOffset: { value: number };
    scan: (count: number) => void;
    pairs: (count: number) => void;
    steps: (count: number) => void;
  } & Record<'sum' | 'peak' | 'll' | 'rr' | 'lr' | 'stepEnergy', { value: number }>;
  const e = loadKernel<Exports>(statsSimd);
  if (!e) return null;
  const mem = e.memory.buffer; // fixed size: the views stay valid
  return { ...e, l: new Float32Array(mem, 0, STATS_CAPACITY), r: new Float32Array(mem, e.rOffset.value, STATS_CAPACITY) };
})();

/** Which code computes the statistics here (tests say so). */
export const statsKernel = (): 'wasm-simd' | 'javascript' => (simd ? 'wasm-simd' : 'javascript');

/** Copies x[from, to) to the kernel's buffer and zeros up to a multiple of `multiple`; returns the padded count. */
function load(buf: Float32Array, x: Float32Array, from: number, to: number, multiple: number): number {
  const n = to - from;
  const padded = Math.ceil(n / multiple) * multiple;
  buf.set(x.subarray(from, to));
  buf.fill(0, n, padded);
  return padded;
}

/** The sum and the largest |x| of x[from, to) (at most STATS_CAPACITY samples). */
function sumAndPeak(x: Float32Array, from: number, to: number): [number, number] {
  if (simd) {
    simd.scan(load(simd.l, x, from, to, 8));
    return [simd.sum.value, simd.peak.value];
  }
  let s0 = 0,
    s1 = 0,
    hi = 0,
    lo = 0;
  let i = from;
  for (; i + 1 < to; i += 2) {
    const a = x[i]!,
      b = x[i + 1]!;
    s0 += a;
    s1 += b;
    if (a > hi) hi = a;
    if (a < lo) lo = a;
    if (b > hi) hi = b;
    if (b < lo) lo = b;
  }
  if (i < to) {
    const a = x[i]!;
    s0 += a;
    if (a > hi) hi = a;
    if (a < lo) lo = a;
  }
  return [s0 + s1, hi > -lo ? hi : -lo];
}

type ScanState = ChannelStats & { run: number };

/** A run of clipped samples ended just before sample i. */
function endRun(st: ScanState, i: number): void {
  if (st.run >= 3) {
    st.runs++;
    st.clipped += st.run;
    if (st.run > st.longest) st.longest = st.run;
    if (st.firstClip < 0) st.firstClip = i - st.run;
  }
  st.run = 0;
}

/** DC, peak and clipped runs of x[from, to), continuing a run across calls through `st`; x[0] is sample `base` of the channel. */
function scan(x: Float32Array, from: number, to: number, st: ScanState, base: number): void {
  const [sum, peak] = sumAndPeak(x, from, to);
  st.sum += sum;
  if (peak > st.peak) st.peak = peak;
  if (peak < CLIP) {
    // Nothing at full scale here (the usual case): only a run from before can end.
    if (st.run > 0) endRun(st, base + from);
    return;
  }
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    if ((v < 0 ? -v : v) >= CLIP) st.run++;
    else if (st.run > 0) endRun(st, base + i);
  }
}

/**
 * One channel's statistics fed in consecutive pieces (a long file is never whole in memory); a
 * clipped run or the silence at either end carries across the pieces' boundaries.
 */
export class ChannelScanner {
  private readonly st: ScanState = { sum: 0, peak: 0, runs: 0, clipped: 0, longest: 0, firstClip: -1, lead: 0, trail: 0, run: 0 };
  private length = 0;
  /** Index of the first and the last sample above the silence level, -1 until one is heard. */
  private firstLoud = -1;
  private lastLoud = -1;

  add(x: Float32Array): void {
    const n = x.length;
    // Positions within this piece, then shifted to the whole channel's.
    const base = this.length;
    for (let i = 0; i < n; i += STATS_CAPACITY) scan(x, i, Math.min(n, i + STATS_CAPACITY), this.st, base);
    let j = n - 1;
    while (j >= 0 && Math.abs(x[j]!) < SILENCE) j--;
    if (j >= 0) {
      this.lastLoud = base + j;
      if (this.firstLoud < 0) {
        let i = 0;
        while (Math.abs(x[i]!) < SILENCE) i++;
        this.firstLoud = base + i;
      }
    }
    this.length += n;
  }

  result(): ChannelStats {
    const st = { ...this.st };
    endRun(st, this.length);
    const n = this.length;
    const { run: _run, ...stats } = st;
    return { ...stats, lead: this.firstLoud < 0 ? n : this.firstLoud, trail: this.lastLoud < 0 ? n : n - 1 - this.lastLoud };
  }
}

export function channelStats(x: Float32Array): ChannelStats {
  const scanner = new ChannelScanner();
  scanner.add(x);
  return scanner.result();
}

/** Sums over l[from, to) and r[from, to) for correlation and mid/side energy. */
export function pairSums(l: Float32Array, r: Float32Array, from: number, to: number): [number, number, number] {
  let lr = 0,
    ll = 0,
    rr = 0;
  if (simd) {
    for (let a = from; a < to; a += STATS_CAPACITY) {
      const b = Math.min(to, a + STATS_CAPACITY);
      load(simd.l, l, a, b, 4);
      simd.pairs(load(simd.r, r, a, b, 4));
      ll += simd.ll.value;
      rr += simd.rr.value;
      lr += simd.lr.value;
    }
    return [ll, rr, lr];
  }
  for (let i = from; i < to; i++) {
    const a = l[i]!,
      b = r[i]!;
    lr += a * b;
    ll += a * a;
    rr += b * b;
  }
  return [ll, rr, lr];
}

/** Pair sums of the blocks [first, last) of `size` frames into out[3 * (k - first) ..]. */
export function blockPairSums(l: Float32Array, r: Float32Array, size: number, first: number, last: number, out: Float64Array): void {
  const n = l.length;
  for (let k = first; k < last; k++) {
    const [ll, rr, lr] = pairSums(l, r, k * size, Math.min(n, (k + 1) * size));
    out[3 * (k - first)] = ll;
    out[3 * (k - first) + 1] = rr;
    out[3 * (k - first) + 2] = lr;
  }
}

/**
 * blockPairSums fed in consecutive pieces: the left/right sums of `size`-frame blocks, a block
 * that spans two pieces summed from both.
 */
export class BlockPairAccumulator {
  private sums = new Float64Array(3 * 256);
  private blocks = 0;
  private inBlock = 0;
  private readonly partial: [number, number, number] = [0, 0, 0];

  constructor(private readonly size: number) {}

  add(l: Float32Array, r: Float32Array): void {
    const n = l.length;
    for (let i = 0; i < n;) {
      const end = Math.min(n, i + this.size - this.inBlock);
      const [ll, rr, lr] = pairSums(l, r, i, end);
      this.partial[0] += ll;
      this.partial[1] += rr;
      this.partial[2] += lr;
      this.inBlock += end - i;
      i = end;
      if (this.inBlock === this.size) this.close();
    }
  }

  private close(): void {
    if (3 * this.blocks === this.sums.length) {
      const grown = new Float64Array(this.sums.length * 2);
      grown.set(this.sums);
      this.sums = grown;
    }
    this.sums.set(this.partial, 3 * this.blocks++);
    this.partial.fill(0);
    this.inBlock = 0;
  }

  /** The sums, 3 per block; a last, shorter block counts as one. */
  result(): Float64Array {
    if (this.inBlock > 0) this.close();
    return this.sums.slice(0, 3 * this.blocks);
  }
}

/**
 * For the blocks of `size` frames of x: the largest |sample| of block k into peaks[k] (where larger)
 * and the energy of its sample-to-sample steps, from the sample before it, added to steps[k] — how
 * much high-frequency content it holds (the lossy check picks its stretches by both).
 */
export function blockPeaksAndSteps(x: Float32Array, size: number, peaks: Float64Array, steps: Float64Array): void {
  const frames = x.length;
  for (let k = 0; k * size < frames; k++) {
    const from = k * size;
    const end = Math.min(frames, from + size);
    let prev = x[Math.max(0, from - 1)]!;
    let peak = 0;
    let e = 0;
    if (simd) {
      // The kernel reads l[0] (the sample before) to l[count]; the padding repeats the last sample, a step of 0.
      for (let a = from; a < end; a += STATS_CAPACITY - 4) {
        const b = Math.min(end, a + STATS_CAPACITY - 4);
        const count = Math.ceil((b - a) / 4) * 4;
        simd.l[0] = prev;
        simd.l.set(x.subarray(a, b), 1);
        simd.l.fill(x[b - 1]!, b - a + 1, count + 1);
        simd.steps(count);
        e += simd.stepEnergy.value;
        if (simd.peak.value > peak) peak = simd.peak.value;
        prev = x[b - 1]!;
      }
    } else {
      for (let i = from; i < end; i++) {
        const v = x[i]!;
        const a = v < 0 ? -v : v;
        if (a > peak) peak = a;
        e += (v - prev) * (v - prev);
        prev = v;
      }
    }
    if (peak > peaks[k]!) peaks[k] = peak;
    steps[k]! += e;
  }
}
