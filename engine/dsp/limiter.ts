// A true-peak look-ahead limiter. The gain each sample needs comes from the 4x-oversampled
// envelope; a sliding minimum over the look-ahead and a box average of that minimum give a gain
// that has fully arrived at every peak (never above what the peak needs), and a one-pole release
// lets it recover. Offline, so the look-ahead costs no latency.
//
// The envelope scales with the input gain, so it is computed once, and the gain for any input
// gain is generated from it in a stream: the mastering loop tries several gains for the price of
// one oversampling pass, without a gain array as long as the file.
import { limiterLayout as LL, limiterWasm } from './limiter-wasm.js';
import { loadKernel } from '../wasm.js';

export interface LimiterSettings {
  /** Ceiling, linear (e.g. 10^(-1/20) for -1 dBTP). */
  ceiling: number;
  lookaheadMs?: number;
  releaseMs?: number;
}

interface LimiterExports {
  memory: { buffer: ArrayBuffer };
  slot: { value: number };
  sum: { value: number };
  prev: { value: number };
  least: { value: number };
  busy: { value: number };
  fill(
    count: number,
    start: number,
    frames: number,
    shift: number,
    envBase: number,
    la: number,
    started: number,
    slot: number,
    sum: number,
    prev: number,
    alpha: number,
    limit: number,
    inputGain: number,
    measureFrom: number,
    busyBelow: number,
  ): void;
}

/** What a filled chunk held from its measured part on: its deepest multiplier and how many were under the busy level. */
export interface ChunkMeasure {
  least: number;
  busy: number;
}

/** The gain generator in WebAssembly (scripts/wasm-limiter.ts), about 1.75 times the JavaScript loop's speed; null where it cannot run. */
const kernel = (() => {
  const e = loadKernel<LimiterExports>(limiterWasm);
  return e ? { e, f32: new Float32Array(e.memory.buffer) } : null;
})();

/** Which gain generator runs here (tests say so). */
export const limiterKernel = (): 'wasm' | 'javascript' => (kernel ? 'wasm' : 'javascript');

/** Generates the total per-sample multiplier (input gain × limiter gain), in order, chunk by chunk. */
export class LimiterGain {
  private readonly la: number;
  private readonly alpha: number;
  private readonly limit: number;
  private readonly ring: Float32Array;
  private req = new Float32Array(0);
  private pre = new Float32Array(0);
  private suf = new Float32Array(0);
  private slot = 0;
  private sum = 0;
  private prev = 1;
  private i = 0;
  private started = false;

  /**
   * @param envelope true-peak envelope of the input, one value per 2^shift samples
   * @param frames   length of the input in samples
   */
  constructor(
    private readonly envelope: Float32Array,
    private readonly shift: number,
    private readonly frames: number,
    private readonly inputGain: number,
    sampleRate: number,
    s: LimiterSettings,
    /** Where to begin (a thread taking the second half starts a little early so its state settles). */
    start = 0,
  ) {
    this.i = start;
    this.la = Math.max(1, Math.round(((s.lookaheadMs ?? 1.5) / 1000) * sampleRate));
    this.alpha = 1 - Math.exp(-1 / (((s.releaseMs ?? 80) / 1000) * sampleRate));
    this.limit = s.ceiling / inputGain;
    this.ring = new Float32Array(this.la + 1);
  }

  /**
   * Writes the next `count` multipliers into out[0 .. count); of out[measureFrom ..], the smallest
   * and how many are under `busyBelow` (measured as they are written, not in another pass).
   */
  fill(out: Float32Array, count: number, measureFrom = count, busyBelow = 0): ChunkMeasure {
    if (kernel && count <= LL.CAPACITY && this.la <= LL.MAX_LOOKAHEAD) return this.fillInKernel(kernel, out, count, measureFrom, busyBelow);
    const { la, alpha, ring, inputGain, envelope, shift, limit, frames } = this;
    const w = la + 1;
    const len = count + la;
    if (this.req.length < len) {
      this.req = new Float32Array(len);
      this.pre = new Float32Array(len);
      this.suf = new Float32Array(len);
    }
    const { req, pre, suf } = this;
    // Gain each sample needs (1 past the end of the input).
    for (let k = 0, j = this.i; k < len; k++, j++) {
      const p = j < frames ? envelope[j >> shift]! : 0;
      req[k] = p > limit ? limit / p : 1;
    }
    // Minimum over [k, k + la] by van Herk / Gil-Werman: prefix and suffix minima within blocks
    // of w, then min(suffix[k], prefix[k + la]). Branch-light, constant work per sample.
    for (let b = 0; b < len; b += w) {
      const e = Math.min(len, b + w);
      let m = 1;
      for (let k = b; k < e; k++) pre[k] = m = req[k]! < m ? req[k]! : m;
      m = 1;
      for (let k = e - 1; k >= b; k--) suf[k] = m = req[k]! < m ? req[k]! : m;
    }
    let { slot, sum, prev } = this;
    for (let k = 0; k < count; k++) {
      const a = suf[k]!,
        b = pre[k + la]!;
      const m = a < b ? a : b;
      if (!this.started) {
        this.started = true;
        // Before the start the average sees the first window's minimum: never more than an early peak allows.
        ring.fill(m);
        sum = w * m;
      }
      sum += m - ring[slot]!;
      ring[slot] = m;
      slot = slot + 1 === w ? 0 : slot + 1;
      const boxed = sum / w;
      const released = prev + (1 - prev) * alpha;
      const g = boxed < released ? boxed : released;
      prev = g;
      out[k] = g * inputGain;
    }
    this.slot = slot;
    this.sum = sum;
    this.prev = prev;
    this.i += count;
    let least = Infinity;
    let busy = 0;
    // Without branches: whether the limiter is busy changes from sample to sample.
    for (let k = measureFrom; k < count; k++) {
      const g = out[k]!;
      least = g < least ? g : least;
      busy += g < busyBelow ? 1 : 0;
    }
    return { least, busy };
  }

  /** The same in the WebAssembly kernel (the same operations, so the same multipliers). */
  private fillInKernel(k: NonNullable<typeof kernel>, out: Float32Array, count: number, measureFrom: number, busyBelow: number): ChunkMeasure {
    const { la, envelope, shift, frames } = this;
    const first = this.i >> shift;
    const last = Math.min((this.i + count + la - 1) >> shift, envelope.length - 1);
    if (last >= first) k.f32.set(envelope.subarray(first, last + 1), LL.env / 4);
    k.f32.set(this.ring, LL.ring / 4);
    k.e.fill(
      count,
      this.i,
      frames,
      shift,
      first,
      la,
      this.started ? 1 : 0,
      this.slot,
      this.sum,
      this.prev,
      this.alpha,
      this.limit,
      this.inputGain,
      measureFrom,
      busyBelow,
    );
    this.ring.set(k.f32.subarray(LL.ring / 4, LL.ring / 4 + la + 1));
    out.set(k.f32.subarray(LL.out / 4, LL.out / 4 + count));
    this.slot = k.e.slot.value;
    this.sum = k.e.sum.value;
    this.prev = k.e.prev.value;
    this.started ||= count > 0;
    this.i += count;
    return { least: k.e.least.value, busy: k.e.busy.value };
  }
}

/** Settling time for a limiter (or K-weighting) started mid-track: its state then matches a full run. */
export const WARM_UP_SECONDS = 2;

/**
 * The limiter's multipliers for frames [from, to), computed from `from - warm` so its state has
 * settled; `use` sees every chunk from the warm start (chunks before `from` only prime state).
 * Returns the deepest gain and the busy count within [from, to) (unless `measure` is false: the
 * final pass needs neither).
 */
export function gainRange(
  make: (start: number) => LimiterGain,
  inputGain: number,
  from: number,
  to: number,
  warm: number,
  use: (chunk: Float32Array, a: number, b: number) => void,
  measure = true,
): { minGain: number; busy: number } {
  const start = Math.max(0, from - warm);
  const gain = make(start);
  const CHUNK = 65536;
  const buf = new Float32Array(CHUNK);
  const busyBelow = 10 ** (-1 / 20) * inputGain;
  let minGain = Infinity;
  let busy = 0;
  for (let a = start; a < to; a += CHUNK) {
    const count = Math.min(CHUNK, to - a);
    const st = gain.fill(buf, count, measure ? Math.min(count, Math.max(0, from - a)) : count, busyBelow);
    use(buf, a, a + count);
    if (st.least < minGain) minGain = st.least;
    busy += st.busy;
  }
  return { minGain: minGain / inputGain, busy };
}
