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
      const r = re[i]!, m = im[i]!;
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
        const a = i + k, b = a + half;
        const cr = cos[t]!, ci = sin[t]!;
        const br = re[b]!, bi = im[b]!;
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
    const zr = re[k]!, zi = im[k]!, cr = re[j]!, ci = -im[j]!;
    const er = (zr + cr) / 2, ei = (zi + ci) / 2;
    const or = (zi - ci) / 2, oi = -(zr - cr) / 2;
    const c = cos[k]!, s = sin[k]!;
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
 * Average spectrum of the mid (L+R)/2 signal, or with `part` 'side' of a stereo pair's side
 * (L-R)/2. At most `maxFrames` FFT frames are taken, spread over the whole file, which is plenty
 * for a long-term average and keeps long files fast.
 */
export function averageSpectrum(channels: Float32Array[], sampleRate: number, size = 4096, maxFrames = 128, part: 'mid' | 'side' = 'mid'): Spectrum {
  if (part === 'side' && channels.length !== 2) throw new Error('a side spectrum needs a stereo pair');
  const n = channels[0]?.length ?? 0;
  const frames = Math.max(0, Math.floor(n / size));
  const step = Math.max(1, Math.floor(frames / maxFrames));
  const power = new Float64Array(size / 2);
  const window = Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const frame = new Float64Array(size);
  const re = new Float64Array(size / 2);
  const im = new Float64Array(size / 2);
  let used = 0;
  for (let f = 0; f < frames; f += step) {
    const off = f * size;
    if (part === 'side') {
      const [l, r] = channels as [Float32Array, Float32Array];
      for (let i = 0; i < size; i++) frame[i] = (l[off + i]! - r[off + i]!) * 0.5 * window[i]!;
    } else {
      for (let i = 0; i < size; i++) {
        let m = 0;
        for (const ch of channels) m += ch[off + i]!;
        frame[i] = (m / channels.length) * window[i]!;
      }
    }
    addRealPower(frame, re, im, power);
    used++;
  }
  const norm = used > 0 ? 1 / (used * (size / 4) ** 2) : 0;
  const binHz = sampleRate / size;
  const db = bandCentres.map((fc) => {
    const lo = fc / 2 ** (1 / 6);
    const hi = Math.min(fc * 2 ** (1 / 6), sampleRate / 2);
    let sum = 0;
    for (let k = Math.max(1, Math.ceil(lo / binHz)); k <= Math.floor(hi / binHz) && k < size / 2; k++) sum += power[k]!;
    // Bands narrower than one bin (lowest ones) read the nearest bin.
    if (sum === 0 && fc < sampleRate / 2) sum = power[Math.max(1, Math.round(fc / binHz))]! ;
    return sum * norm > 0 ? 10 * Math.log10(sum * norm) : -140;
  });
  return { hz: bandCentres, db };
}
