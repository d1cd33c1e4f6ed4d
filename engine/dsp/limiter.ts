// A true-peak look-ahead limiter. The gain each sample needs comes from the 4x-oversampled
// envelope; a sliding minimum over the look-ahead and a box average of that minimum give a
// gain that has fully arrived at every peak (never above what the peak needs), and a one-pole
// release lets it recover. Offline, so the look-ahead costs no latency.
//
// The envelope scales with the input gain, so it is computed once and the gain curve for any
// input gain is derived from it cheaply: the mastering loop tries several gains for the price
// of one oversampling pass.

export interface LimiterSettings {
  /** Ceiling, linear (e.g. 10^(-1/20) for -1 dBTP). */
  ceiling: number;
  lookaheadMs?: number;
  releaseMs?: number;
}

export interface LimiterResult {
  /** Deepest gain reduction, dB (positive). */
  maxReductionDb: number;
  /** Share of samples with more than 1 dB of reduction. */
  busyShare: number;
}

/**
 * Fills `out` with the total per-sample multiplier (input gain × limiter gain) that keeps
 * `inputGain × envelope` under the ceiling.
 */
export function limiterGain(envelope: Float32Array, inputGain: number, sampleRate: number, s: LimiterSettings, out: Float32Array): LimiterResult {
  const n = envelope.length;
  if (n === 0) return { maxReductionDb: 0, busyShare: 0 };
  const la = Math.max(1, Math.round(((s.lookaheadMs ?? 1.5) / 1000) * sampleRate));
  const alpha = 1 - Math.exp(-1 / (((s.releaseMs ?? 80) / 1000) * sampleRate));
  const limit = s.ceiling / inputGain;
  for (let i = 0; i < n; i++) {
    const p = envelope[i]!;
    out[i] = p > limit ? limit / p : 1;
  }
  // Sliding minimum over [i, i + la], in place (a monotonic deque of values and indices).
  const cap = la + 2;
  const dqVal = new Float32Array(cap);
  const dqIdx = new Int32Array(cap);
  let head = 0, size = 0;
  const push = (v: number, idx: number) => {
    while (size > 0 && dqVal[(head + size - 1) % cap]! >= v) size--;
    dqVal[(head + size) % cap] = v;
    dqIdx[(head + size) % cap] = idx;
    size++;
  };
  for (let j = 0; j < Math.min(la, n); j++) push(out[j]!, j);
  for (let i = 0; i < n; i++) {
    if (i + la < n) push(out[i + la]!, i + la);
    while (dqIdx[head]! < i) {
      head = (head + 1) % cap;
      size--;
    }
    out[i] = dqVal[head]!;
  }
  // Box average of the minimum over the last la + 1 samples (before the start: the first
  // window's minimum, never more than an early peak allows), then the release.
  const ring = new Float32Array(la + 1).fill(out[0]!);
  let sum = (la + 1) * out[0]!;
  let prev = 1;
  let minGain = 1;
  let busy = 0;
  const busyBelow = 10 ** (-1 / 20);
  for (let i = 0; i < n; i++) {
    const slot = i % (la + 1);
    sum += out[i]! - ring[slot]!;
    ring[slot] = out[i]!;
    const boxed = sum / (la + 1);
    const released = prev + (1 - prev) * alpha;
    const g = boxed < released ? boxed : released;
    prev = g;
    if (g < minGain) minGain = g;
    if (g < busyBelow) busy++;
    out[i] = g * inputGain;
  }
  return { maxReductionDb: -20 * Math.log10(minGain), busyShare: busy / n };
}

export function applyGainCurve(channels: Float32Array[], curve: Float32Array): void {
  for (const ch of channels) for (let i = 0; i < ch.length; i++) ch[i]! *= curve[i]!;
}
