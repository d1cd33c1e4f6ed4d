// A true-peak look-ahead limiter. The gain each sample needs comes from the 4x-oversampled
// envelope; a sliding minimum over the look-ahead and a box average of that minimum give a
// gain that has fully arrived at every peak (never above what the peak needs), and a one-pole
// release lets it recover. Everything is offline, so "look-ahead" costs no latency.
import { truePeakEnvelope } from '../analysis/truepeak.js';

export interface LimiterSettings {
  /** Ceiling, linear (e.g. 10^(-1/20) for -1 dBTP). */
  ceiling: number;
  lookaheadMs?: number;
  releaseMs?: number;
}

export interface LimiterResult {
  /** Deepest gain reduction applied, dB (positive). */
  maxReductionDb: number;
  /** Share of samples with more than 1 dB of reduction. */
  busyShare: number;
}

/** Limits `channels` in place; the gain is linked across channels. */
export function limitInPlace(channels: Float32Array[], sampleRate: number, s: LimiterSettings): LimiterResult {
  const n = channels[0]?.length ?? 0;
  if (n === 0) return { maxReductionDb: 0, busyShare: 0 };
  const la = Math.max(1, Math.round(((s.lookaheadMs ?? 1.5) / 1000) * sampleRate));
  const alpha = 1 - Math.exp(-1 / (((s.releaseMs ?? 80) / 1000) * sampleRate));
  const g = new Float32Array(n);
  truePeakEnvelope(channels, g);
  for (let i = 0; i < n; i++) {
    const p = g[i]!;
    g[i] = p > s.ceiling ? s.ceiling / p : 1;
  }
  // Sliding minimum over [i, i + la], in place (a monotonic deque of values and indices).
  const dqVal = new Float32Array(la + 2);
  const dqIdx = new Int32Array(la + 2);
  const cap = la + 2;
  let head = 0, size = 0;
  const push = (v: number, idx: number) => {
    while (size > 0 && dqVal[(head + size - 1) % cap]! >= v) size--;
    dqVal[(head + size) % cap] = v;
    dqIdx[(head + size) % cap] = idx;
    size++;
  };
  for (let j = 0; j < Math.min(la, n); j++) push(g[j]!, j);
  for (let i = 0; i < n; i++) {
    if (i + la < n) push(g[i + la]!, i + la);
    while (dqIdx[head]! < i) {
      head = (head + 1) % cap;
      size--;
    }
    g[i] = dqVal[head]!;
  }
  // Box average of the minimum over the last la + 1 samples, then release.
  // Before the start, the average sees the first window's minimum (never more than any early peak allows).
  const ring = new Float32Array(la + 1).fill(g[0]!);
  let sum = (la + 1) * g[0]!;
  let prev = 1;
  let minGain = 1;
  let busy = 0;
  const busyBelow = 10 ** (-1 / 20);
  for (let i = 0; i < n; i++) {
    const slot = i % (la + 1);
    sum += g[i]! - ring[slot]!;
    ring[slot] = g[i]!;
    const boxed = sum / (la + 1);
    const released = prev + (1 - prev) * alpha;
    const out = boxed < released ? boxed : released;
    g[i] = out;
    prev = out;
    if (out < minGain) minGain = out;
    if (out < busyBelow) busy++;
  }
  for (const ch of channels) for (let i = 0; i < n; i++) ch[i]! *= g[i]!;
  return { maxReductionDb: -20 * Math.log10(minGain), busyShare: busy / n };
}
