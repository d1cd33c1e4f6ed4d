// Long-term average spectrum in third-octave bands (20 Hz – 20 kHz), from a Hann-windowed FFT
// of the mid signal. Feeds the report's picture and the master's tonal EQ.

interface FftPlan {
  /** Bit-reversal partner of each index (only pairs with i < j swap). */
  reverse: Uint32Array;
  /** e^(-2πik/n) for k < n/2. */
  cos: Float64Array;
  sin: Float64Array;
}

const plans = new Map<number, FftPlan>();

function plan(n: number): FftPlan {
  let p = plans.get(n);
  if (!p) {
    const reverse = new Uint32Array(n);
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      reverse[i] = j;
    }
    const half = n >> 1;
    const cos = Float64Array.from({ length: half }, (_, k) => Math.cos((-2 * Math.PI * k) / n));
    const sin = Float64Array.from({ length: half }, (_, k) => Math.sin((-2 * Math.PI * k) / n));
    plans.set(n, (p = { reverse, cos, sin }));
  }
  return p;
}

/** In-place radix-2 FFT of (re, im), length a power of two; twiddles come from a table per length. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  const { reverse, cos, sin } = plan(n);
  for (let i = 1; i < n; i++) {
    const j = reverse[i]!;
    if (i < j) {
      const r = re[i]!,
        m = im[i]!;
      re[i] = re[j]!;
      im[i] = im[j]!;
      re[j] = r;
      im[j] = m;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const stride = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0, t = 0; k < half; k++, t += stride) {
        const a = i + k,
          b = a + half;
        const cr = cos[t]!,
          ci = sin[t]!;
        const br = re[b]!,
          bi = im[b]!;
        const tr = br * cr - bi * ci;
        const ti = br * ci + bi * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
      }
    }
  }
}

/**
 * Adds |X[k]|² for k < n/2 of the real frame x (length n) to `power`, through one complex FFT of
 * half the length (even samples as real parts, odd ones as imaginary) and the split that
 * separates the two halves' spectra. `re` and `im` (length n/2) are working space.
 */
export function addRealPower(x: Float64Array, re: Float64Array, im: Float64Array, power: Float64Array): void {
  const h = re.length;
  for (let k = 0; k < h; k++) {
    re[k] = x[2 * k]!;
    im[k] = x[2 * k + 1]!;
  }
  fft(re, im);
  const { cos, sin } = plan(2 * h);
  for (let k = 0; k < h; k++) {
    const j = k === 0 ? 0 : h - k;
    // Even part E = (Z[k] + conj Z[h-k]) / 2, odd part O = (Z[k] - conj Z[h-k]) / 2i; X = E + W^k O.
    const zr = re[k]!,
      zi = im[k]!,
      cr = re[j]!,
      ci = -im[j]!;
    const er = (zr + cr) / 2,
      ei = (zi + ci) / 2;
    const or = (zi - ci) / 2,
      oi = -(zr - cr) / 2;
    const c = cos[k]!,
      s = sin[k]!;
    const xr = er + or * c - oi * s;
    const xi = ei + or * s + oi * c;
    power[k]! += xr * xr + xi * xi;
  }
}

/** ISO third-octave centre frequencies from 20 Hz to 20 kHz. */
export const bandCentres: number[] = Array.from({ length: 31 }, (_, i) => 1000 * 2 ** ((i - 17) / 3));

export interface Spectrum {
  /** Band centre frequencies, Hz. */
  hz: number[];
  /** Average power per band, dB (relative to full-scale sine = 0 dB in one bin). */
  db: number[];
}

/**
 * The FFT length for a sample rate: about 85 ms whatever the rate (4096 at 44.1 and 48 kHz, 8192 at
 * 96 kHz), so the same music gets the same frequency resolution and the same decisions at any rate
 * (a fixed 4096 halved the resolution at 96 kHz and moved the low shelf by 0.8 dB).
 */
export function spectrumSize(sampleRate: number): number {
  return 2 ** Math.min(15, Math.max(11, Math.round(Math.log2(sampleRate * 0.0853))));
}

/**
 * The long-term average spectrum fed in consecutive pieces. At most `maxFrames` FFT frames are
 * taken, spread evenly in time over the whole file (the same moments of the song at any rate),
 * which is plenty for a long-term average and keeps long files fast. Where to take them follows
 * from the length the file announces; a file of unknown length keeps every frame, then every second
 * one, fourth one… so that at most 2 × maxFrames are held.
 */
export class SpectrumAccumulator {
  private readonly power: Float64Array;
  private readonly window: Float64Array;
  private readonly frame: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private used = 0;
  /** Samples seen so far. */
  private seen = 0;
  /** Index (in frames of `size`) of the frame being filled, and how much of it is. */
  private index = 0;
  private filled = 0;
  private step: number;
  /** Frames taken from the file (null: its length is unknown, each taken frame's power is kept for thinning out). */
  private readonly frames: number | null;
  /** Samples from one taken frame's start to the next one's (known length; at least a frame). */
  private readonly hop: number = 0;
  private readonly kept: Float64Array[] = [];

  constructor(
    private readonly channelCount: number,
    private readonly sampleRate: number,
    expectedLength: number | null,
    private readonly size = spectrumSize(sampleRate),
    private readonly maxFrames = 128,
    private readonly part: 'mid' | 'side' = 'mid',
  ) {
    if (part === 'side' && channelCount !== 2) throw new Error('a side spectrum needs a stereo pair');
    this.step = 1;
    if (expectedLength === null) this.frames = null;
    else {
      this.frames = Math.min(maxFrames, Math.max(0, Math.floor(expectedLength / size)));
      this.hop = this.frames > 1 ? (expectedLength - size) / (this.frames - 1) : size;
    }
    this.power = new Float64Array(size / 2);
    this.window = Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    this.frame = new Float64Array(size);
    this.re = new Float64Array(size / 2);
    this.im = new Float64Array(size / 2);
  }

  add(channels: Float32Array[]): void {
    const len = channels[0]?.length ?? 0;
    const { size, window, frame } = this;
    while (this.frames === null || this.index < this.frames) {
      const from = this.startOf(this.index) + this.filled - this.seen;
      if (from >= len) break;
      const count = Math.min(size - this.filled, len - from);
      if (this.part === 'side') {
        const [l, r] = channels as [Float32Array, Float32Array];
        for (let k = 0, i = this.filled; k < count; k++, i++) frame[i] = (l[from + k]! - r[from + k]!) * 0.5 * window[i]!;
      } else {
        for (let k = 0, i = this.filled; k < count; k++, i++) {
          let m = 0;
          for (const ch of channels) m += ch[from + k]!;
          frame[i] = (m / channels.length) * window[i]!;
        }
      }
      this.filled += count;
      if (this.filled === size) this.take();
    }
    this.seen += len;
  }

  /** Where frame `index` starts: evenly spread in time over a file of known length, back to back otherwise. */
  private startOf(index: number): number {
    return this.frames === null ? index * this.size : Math.round(index * this.hop);
  }

  private take(): void {
    if (this.frames !== null) addRealPower(this.frame, this.re, this.im, this.power);
    else {
      const p = new Float64Array(this.size / 2);
      addRealPower(this.frame, this.re, this.im, p);
      this.kept.push(p);
      if (this.kept.length === 2 * this.maxFrames) {
        // Keep frames 0, 2, 4…: the ones a step twice as long takes.
        for (let k = 0; k < this.maxFrames; k++) this.kept[k] = this.kept[2 * k]!;
        this.kept.length = this.maxFrames;
        this.step *= 2;
      }
    }
    this.used++;
    this.filled = 0;
    this.index = this.frames === null ? (Math.floor(this.index / this.step) + 1) * this.step : this.index + 1;
  }

  result(): Spectrum {
    const { power, size, sampleRate } = this;
    let used = this.used;
    if (this.frames === null) {
      for (const p of this.kept) for (let k = 0; k < p.length; k++) power[k]! += p[k]!;
      used = this.kept.length;
    }
    const norm = used > 0 ? 1 / (used * (size / 4) ** 2) : 0;
    const binHz = sampleRate / size;
    const db = bandCentres.map((fc) => {
      const lo = fc / 2 ** (1 / 6);
      const hi = Math.min(fc * 2 ** (1 / 6), sampleRate / 2);
      // Each bin stands for the band of frequencies around it, one bin wide: a band takes the share
      // of each bin it overlaps, so its level moves smoothly with its edges instead of jumping by
      // whole bins as bin centres cross them (which made the lowest bands read differently at
      // 44.1 and 48 kHz). A band in one bin reads its share, as a band that narrow holds.
      let sum = 0;
      for (let k = Math.max(1, Math.floor(lo / binHz - 0.5)); k <= Math.ceil(hi / binHz + 0.5) && k < size / 2; k++) {
        const overlap = Math.min(hi, (k + 0.5) * binHz) - Math.max(lo, (k - 0.5) * binHz);
        if (overlap > 0) sum += power[k]! * (overlap / binHz);
      }
      return sum * norm > 0 ? 10 * Math.log10(sum * norm) : -140;
    });
    return { hz: bandCentres, db };
  }
}

/**
 * Average spectrum of the mid (L+R)/2 signal, or with `part` 'side' of a stereo pair's side
 * (L-R)/2 (see SpectrumAccumulator).
 */
/**
 * Frames (spread evenly over the song) that reference matching decides from and the tonal distance
 * is measured with: all of a song up to 87 s at 48 kHz, over a third of a 4-minute one. The
 * analysis's 128 read 4.5 % of a 4-minute song: on a General MIDI song that sample put the
 * distance 2 dB from what band-pass filters read over the whole song, and the share matching
 * closed 5-12 points off (tests/engine/reference-match.test.ts checks it against such filters).
 */
export const MATCHING_FRAMES = 1024;

export function averageSpectrum(
  channels: Float32Array[],
  sampleRate: number,
  size = spectrumSize(sampleRate),
  maxFrames = 128,
  part: 'mid' | 'side' = 'mid',
): Spectrum {
  const acc = new SpectrumAccumulator(channels.length, sampleRate, channels[0]?.length ?? 0, size, maxFrames, part);
  acc.add(channels);
  return acc.result();
}
