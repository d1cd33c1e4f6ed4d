// ITU-R BS.1770-4 / EBU R128 loudness: momentary (400 ms), short-term (3 s), gated integrated
// loudness and EBU Tech 3342 loudness range, all built from 100 ms K-weighted sub-blocks.
import { kWeightedEnergy, kWeightingStages, type Biquad } from './kweighting.js';

export interface Loudness {
  /** Integrated loudness, LUFS (-Infinity for silence). */
  integrated: number;
  /** Loudness range, LU. */
  range: number;
  momentaryMax: number;
  shortTermMax: number;
  /** Short-term loudness every 100 ms (LUFS), for plotting. */
  shortTerm: Float64Array;
}

const ABS_GATE = -70;

/** BS.1770 channel weights: 1 for L, R, C; LFE (4th of 5.1) excluded; 1.41 for surrounds. */
export function channelWeight(index: number, count: number): number {
  if (count <= 3) return 1;
  if (index === 3) return 0;
  return index >= 4 ? 1.41 : 1;
}

export const energyToLufs = (meanSquare: number): number => (meanSquare > 0 ? -0.691 + 10 * Math.log10(meanSquare) : -Infinity);
export const lufsToEnergy = (lufs: number): number => 10 ** ((lufs + 0.691) / 10);

/** Sliding sums of `width` consecutive sub-blocks, as loudness values. */
function windows(sub: Float64Array, width: number, subBlockSize: number): Float64Array {
  const n = Math.max(0, sub.length - width + 1);
  const out = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < sub.length; i++) {
    acc += sub[i]!;
    if (i >= width) acc -= sub[i - width]!;
    if (i >= width - 1) out[i - width + 1] = energyToLufs(Math.max(acc, 0) / (width * subBlockSize));
  }
  return out;
}

function gatedMean(values: Float64Array, relativeGate: number): { mean: number; kept: number[] } {
  const aboveAbs = [...values].filter((v) => v > ABS_GATE);
  if (aboveAbs.length === 0) return { mean: -Infinity, kept: [] };
  const ungated = energyToLufs(aboveAbs.reduce((s, v) => s + lufsToEnergy(v), 0) / aboveAbs.length);
  const kept = aboveAbs.filter((v) => v > ungated + relativeGate);
  const mean = kept.length ? energyToLufs(kept.reduce((s, v) => s + lufsToEnergy(v), 0) / kept.length) : -Infinity;
  return { mean, kept };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.round((sorted.length - 1) * p)]!;
}

/**
 * A BS.1770 meter fed in pieces: 100 ms K-weighted sub-block energies accumulate as audio is
 * added, so long files (and gain curves) can be measured without holding extra copies.
 */
export class LoudnessMeter {
  private readonly stages: [Biquad, Biquad];
  private readonly states: Float64Array[];
  private readonly weights: number[];
  readonly subBlockSize: number;
  private energies = new Float64Array(1024);
  private count = 0;
  private acc = 0;
  private inBlock = 0;

  constructor(channelCount: number, sampleRate: number) {
    this.stages = kWeightingStages(sampleRate);
    this.states = Array.from({ length: channelCount }, () => new Float64Array(6));
    this.weights = Array.from({ length: channelCount }, (_, c) => channelWeight(c, channelCount));
    this.subBlockSize = Math.round(sampleRate / 10);
  }

  /** Adds frames [from, to) of `channels`, multiplied by gains[i - gainsOffset] when given. */
  add(channels: Float32Array[], from: number, to: number, gains?: Float32Array, gainsOffset = 0): void {
    let i = from;
    while (i < to) {
      const end = Math.min(to, i + this.subBlockSize - this.inBlock);
      for (let c = 0; c < channels.length; c++) {
        const w = this.weights[c]!;
        if (w !== 0) this.acc += w * kWeightedEnergy(channels[c]!, i, end, this.stages, this.states[c]!, gains, gainsOffset);
      }
      this.inBlock += end - i;
      i = end;
      if (this.inBlock === this.subBlockSize) {
        if (this.count === this.energies.length) {
          const grown = new Float64Array(this.count * 2);
          grown.set(this.energies);
          this.energies = grown;
        }
        this.energies[this.count++] = this.acc;
        this.acc = 0;
        this.inBlock = 0;
      }
    }
  }

  result(): Loudness {
    return loudnessFromEnergies(this.energies.subarray(0, this.count), this.subBlockSize);
  }
}

/** All the measures from 100 ms sub-block energies (channel-weighted sums of squares). */
export function loudnessFromEnergies(energies: Float64Array, subBlockSize: number): Loudness {
  const momentary = windows(energies, 4, subBlockSize);
  const shortTerm = windows(energies, 30, subBlockSize);
  const integrated = gatedMean(momentary, -10).mean;
  const st = gatedMean(shortTerm, -20).kept.sort((a, b) => a - b);
  const range = st.length ? percentile(st, 0.95) - percentile(st, 0.1) : 0;
  const max = (v: Float64Array) => v.reduce((m, x) => (x > m ? x : m), -Infinity);
  return { integrated, range, momentaryMax: max(momentary), shortTermMax: max(shortTerm), shortTerm };
}

/** Sub-block energies of one channel into `out` (one value per 100 ms), for splitting channels between threads. */
export function channelEnergies(x: Float32Array, sampleRate: number, out: Float64Array): void {
  const stages = kWeightingStages(sampleRate);
  const st = new Float64Array(6);
  const size = Math.round(sampleRate / 10);
  for (let b = 0; b < out.length; b++) out[b] = kWeightedEnergy(x, b * size, (b + 1) * size, stages, st);
}

/** Loudness of `channels` (times `gains` per sample, when given). */
export function measureLoudness(channels: Float32Array[], sampleRate: number, gains?: Float32Array): Loudness {
  const meter = new LoudnessMeter(channels.length, sampleRate);
  meter.add(channels, 0, channels[0]?.length ?? 0, gains);
  return meter.result();
}
