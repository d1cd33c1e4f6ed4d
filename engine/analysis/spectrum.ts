// Long-term average spectrum in third-octave bands (20 Hz – 20 kHz), from a Hann-windowed FFT
// of the mid signal. Feeds the report's picture and the master's tonal EQ.

/** In-place radix-2 FFT of (re, im), length a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1, ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k, b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
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
 * Average spectrum of the mid (L+R)/2 signal. At most `maxFrames` FFT frames are taken, spread
 * over the whole file, which is plenty for a long-term average and keeps long files fast.
 */
export function averageSpectrum(channels: Float32Array[], sampleRate: number, size = 4096, maxFrames = 128): Spectrum {
  const n = channels[0]?.length ?? 0;
  const frames = Math.max(0, Math.floor(n / size));
  const step = Math.max(1, Math.floor(frames / maxFrames));
  const power = new Float64Array(size / 2);
  const window = Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let used = 0;
  for (let f = 0; f < frames; f += step) {
    const off = f * size;
    for (let i = 0; i < size; i++) {
      let m = 0;
      for (const ch of channels) m += ch[off + i]!;
      re[i] = (m / channels.length) * window[i]!;
      im[i] = 0;
    }
    fft(re, im);
    for (let k = 0; k < size / 2; k++) power[k]! += re[k]! * re[k]! + im[k]! * im[k]!;
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
