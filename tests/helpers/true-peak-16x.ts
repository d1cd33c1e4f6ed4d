// An independent 16x true-peak meter for tests: not the engine's code or filter. Every point at a
// sixteenth of a sample is evaluated in double precision with a 128-tap Kaiser-windowed sinc
// (β 10, flat to 0.475 fs), around every sample within 6 dB of the sample peak (an inter-sample
// peak of music sits beside samples that high). Slow, and meant to be: it checks the fast meter.
const OVERSAMPLE = 16;
const HALF = 64;
const BETA = 10;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 80; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

const filters: Float64Array[] = Array.from({ length: OVERSAMPLE - 1 }, (_, i) => {
  const p = i + 1;
  const c = new Float64Array(2 * HALF);
  for (let k = 0; k < 2 * HALF; k++) {
    const t = p / OVERSAMPLE - (k - HALF + 1);
    const r = t / (HALF + 0.5);
    c[k] = ((Math.sin(Math.PI * t) / (Math.PI * t)) * (Math.abs(r) < 1 ? besselI0(BETA * Math.sqrt(1 - r * r)) : 0)) / besselI0(BETA);
  }
  return c;
});

/** The highest |value| of the channels at 16x (linear); samples outside each channel read as zeros. */
export function sixteenTimesPeak(channels: Float32Array[]): number {
  let samplePeak = 0;
  for (const x of channels) for (let i = 0; i < x.length; i++) samplePeak = Math.max(samplePeak, Math.abs(x[i]!));
  let best = samplePeak;
  for (const x of channels) {
    for (let o = 0; o < x.length; o++) {
      let near = 0;
      for (let j = Math.max(0, o - 2); j <= Math.min(x.length - 1, o + 3); j++) near = Math.max(near, Math.abs(x[j]!));
      if (near < samplePeak / 2) continue;
      for (const c of filters) {
        let y = 0;
        for (let k = 0; k < 2 * HALF; k++) {
          const i = o - HALF + 1 + k;
          if (i >= 0 && i < x.length) y += c[k]! * x[i]!;
        }
        best = Math.max(best, Math.abs(y));
      }
    }
  }
  return best;
}

export const dbtp = (linear: number): number => 20 * Math.log10(linear);
