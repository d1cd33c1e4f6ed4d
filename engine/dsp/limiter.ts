// A true-peak look-ahead limiter. The gain each sample needs comes from the 4x-oversampled
// envelope; a sliding minimum over the look-ahead and a box average of that minimum give a gain
// that has fully arrived at every peak (never above what the peak needs), and a one-pole release
// lets it recover. Offline, so the look-ahead costs no latency.
//
// The envelope scales with the input gain, so it is computed once, and the gain for any input
// gain is generated from it in a stream: the mastering loop tries several gains for the price of
// one oversampling pass, without a gain array as long as the file.

export interface LimiterSettings {
  /** Ceiling, linear (e.g. 10^(-1/20) for -1 dBTP). */
  ceiling: number;
  lookaheadMs?: number;
  releaseMs?: number;
}

export interface LimiterStats {
  /** Deepest gain reduction, dB (positive). */
  maxReductionDb: number;
  /** Share of samples with more than 1 dB of reduction. */
  busyShare: number;
}

/** Generates the total per-sample multiplier (input gain × limiter gain), in order, chunk by chunk. */
export class LimiterGain {
  private readonly la: number;
  private readonly alpha: number;
  private readonly limit: number;
  private readonly n: number;
  private readonly dqVal: Float32Array;
  private readonly dqIdx: Int32Array;
  private head = 0;
  private size = 0;
  private readonly ring: Float32Array;
  private slot = 0;
  private sum = 0;
  private prev = 1;
  private i = 0;
  private minGain = 1;
  private busy = 0;

  /**
   * @param envelope true-peak envelope of the input, one value per 2^shift samples
   * @param frames   length of the input in samples
   */
  constructor(
    private readonly envelope: Float32Array,
    private readonly shift: number,
    frames: number,
    private readonly inputGain: number,
    sampleRate: number,
    s: LimiterSettings,
  ) {
    this.n = frames;
    this.la = Math.max(1, Math.round(((s.lookaheadMs ?? 1.5) / 1000) * sampleRate));
    this.alpha = 1 - Math.exp(-1 / (((s.releaseMs ?? 80) / 1000) * sampleRate));
    this.limit = s.ceiling / inputGain;
    this.dqVal = new Float32Array(this.la + 2);
    this.dqIdx = new Int32Array(this.la + 2);
    this.ring = new Float32Array(this.la + 1);
    for (let j = 0; j < Math.min(this.la, frames); j++) this.push(j);
  }

  private required(j: number): number {
    const p = this.envelope[j >> this.shift]!;
    return p > this.limit ? this.limit / p : 1;
  }

  private push(j: number): void {
    const v = this.required(j);
    const cap = this.dqVal.length;
    while (this.size > 0 && this.dqVal[(this.head + this.size - 1) % cap]! >= v) this.size--;
    const at = (this.head + this.size) % cap;
    this.dqVal[at] = v;
    this.dqIdx[at] = j;
    this.size++;
  }

  /** Writes the next `count` multipliers into out[0 .. count). */
  fill(out: Float32Array, count: number): void {
    const { la, alpha, n, ring, dqVal, dqIdx, inputGain } = this;
    const cap = dqVal.length;
    const width = la + 1;
    const busyBelow = 10 ** (-1 / 20);
    for (let k = 0; k < count; k++) {
      const i = this.i++;
      if (i + la < n) this.push(i + la);
      while (dqIdx[this.head]! < i) {
        this.head = this.head + 1 === cap ? 0 : this.head + 1;
        this.size--;
      }
      const m = dqVal[this.head]!;
      if (i === 0) {
        // Before the start the average sees the first window's minimum: never more than an early peak allows.
        ring.fill(m);
        this.sum = width * m;
      }
      this.sum += m - ring[this.slot]!;
      ring[this.slot] = m;
      this.slot = this.slot + 1 === width ? 0 : this.slot + 1;
      const boxed = this.sum / width;
      const released = this.prev + (1 - this.prev) * alpha;
      const g = boxed < released ? boxed : released;
      this.prev = g;
      if (g < this.minGain) this.minGain = g;
      if (g < busyBelow) this.busy++;
      out[k] = g * inputGain;
    }
  }

  stats(): LimiterStats {
    return { maxReductionDb: -20 * Math.log10(this.minGain), busyShare: this.i ? this.busy / this.i : 0 };
  }
}

/** Runs `gain` over the whole input in chunks, handing each chunk of multipliers to `use`. */
export function streamGain(gain: LimiterGain, frames: number, use: (chunk: Float32Array, from: number, to: number) => void): LimiterStats {
  const CHUNK = 65536;
  const buf = new Float32Array(CHUNK);
  for (let from = 0; from < frames; from += CHUNK) {
    const count = Math.min(CHUNK, frames - from);
    gain.fill(buf, count);
    use(buf, from, from + count);
  }
  return gain.stats();
}
