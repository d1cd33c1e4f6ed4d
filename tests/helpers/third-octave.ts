// An independent third-octave meter for checking `mixdesk compare`: time-domain band-pass filters
// (each band a 6th-order Butterworth high-pass at its lower edge and low-pass at its upper edge,
// RBJ biquads written here, not the engine's) over the mid signal, mean power per band. The same
// distance definition as the engine's (each spectrum relative to its own mean over 31.5 Hz–16 kHz,
// floored 80 dB under its loudest band; RMS of the differences), measured another way.

/** The nominal third-octave centres from 31.5 Hz to 16 kHz. */
export const THIRD_OCTAVES = [
  31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000,
];

type Coefs = [number, number, number, number, number];

function rbj(kind: 'lp' | 'hp', fs: number, f: number, q: number): Coefs {
  const w = (2 * Math.PI * f) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const b = kind === 'lp' ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2] : [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  return [b[0]! / a0, b[1]! / a0, b[2]! / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}

function run(x: Float64Array, c: Coefs): Float64Array {
  const y = new Float64Array(x.length);
  let x1 = 0,
    x2 = 0,
    y1 = 0,
    y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = c[0] * x[i]! + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
    x2 = x1;
    x1 = x[i]!;
    y2 = y1;
    y1 = v;
    y[i] = v;
  }
  return y;
}

/** Mean power (dB) of the mid signal in each third-octave band, after half a second of settling. */
export function thirdOctaveLevels(channels: Float32Array[], fs: number): number[] {
  const n = channels[0]!.length;
  const mid = new Float64Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) mid[i]! += ch[i]! / channels.length;
  const settle = Math.min(n >> 1, Math.round(fs / 2));
  // Butterworth 6th order: three sections with these Qs (4th order leaks enough of the neighbours
  // to read the matching 5 points better than band-limited energy does).
  const qs = [0.5176, 0.7071, 1.9319];
  return THIRD_OCTAVES.map((f) => {
    const lo = f / 2 ** (1 / 6);
    const hi = Math.min(f * 2 ** (1 / 6), fs * 0.49);
    let y: Float64Array = mid;
    for (const q of qs) y = run(y, rbj('hp', fs, lo, q));
    for (const q of qs) y = run(y, rbj('lp', fs, hi, q));
    let sum = 0;
    for (let i = settle; i < n; i++) sum += y[i]! * y[i]!;
    return 10 * Math.log10(sum / (n - settle) + 1e-30);
  });
}

/** The engine's distance definition, over these levels: RMS of the differences of levels relative to their own means. */
export function thirdOctaveDistance(a: number[], b: number[]): number {
  const relative = (l: number[]) => {
    const top = Math.max(...l);
    const floored = l.map((v) => Math.max(v, top - 80));
    const mean = floored.reduce((s, v) => s + v, 0) / floored.length;
    return floored.map((v) => v - mean);
  };
  const [ra, rb] = [relative(a), relative(b)];
  return Math.sqrt(ra.reduce((s, v, i) => s + (rb[i]! - v) ** 2, 0) / ra.length);
}
