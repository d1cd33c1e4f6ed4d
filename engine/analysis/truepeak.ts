// True peak by 4x oversampling (ITU-R BS.1770-4 Annex 2): a windowed-sinc polyphase
// interpolator evaluates three points between each pair of samples; the fourth is the sample.

export const OVERSAMPLE = 4;
export const TAPS = 24;
const HALF = TAPS / 2;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

/**
 * Coefficients for the points at p/4 (p = 1..3) after sample m, applied to x[m-HALF+1 .. m+HALF].
 * Kaiser window (beta 8), 24 taps: flat to well past fs/4 (the EBU cases) and close enough to fs/2
 * that hi-hat and cymbal energy is not under-read (16 taps read a bright master 0.3 dB low; 24 within
 * 0.1 dB of ffmpeg's ebur128). Longer filters cost time on every pass.
 */
export const phases: Float64Array[] = (() => {
  const beta = 8;
  const out: Float64Array[] = [];
  for (let p = 1; p < OVERSAMPLE; p++) {
    const c = new Float64Array(TAPS);
    let sum = 0;
    for (let k = 0; k < TAPS; k++) {
      const t = p / OVERSAMPLE - (k - HALF + 1); // distance from the point to x[m + k - 7]
      const sinc = Math.sin(Math.PI * t) / (Math.PI * t);
      const r = t / (HALF + 0.5);
      const w = Math.abs(r) < 1 ? besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta) : 0;
      c[k] = sinc * w;
      sum += c[k]!;
    }
    for (let k = 0; k < TAPS; k++) c[k]! /= sum; // unity gain at DC
    out.push(c);
  }
  return out;
})();

/** Largest |coefficient sum| of a phase: bounds how far an interpolated point can exceed its neighbours. */
const maxGain = Math.max(...phases.map((c) => c.reduce((s, v) => s + Math.abs(v), 0)));

/**
 * The body of the generated loops, with the coefficients inlined as constants. The three points
 * use the filter's symmetry (phase 3 mirrors phase 1, phase 2 is symmetric): with
 * s = x[k] + x[TAPS-1-k] and d = x[k] - x[TAPS-1-k] they cost half the multiplications.
 * `emit` receives the names of the sample itself and of the three points.
 */
function kernelSource(emit: (sample: string, points: [string, string, string]) => string): string {
  const half = TAPS / 2;
  const [c1, c2] = phases as [Float64Array, Float64Array];
  const lit = (x: number) => x.toPrecision(17);
  const sum = (terms: string[]) => terms.join('+');
  const s = (k: number) => `s${k}`;
  const d = (k: number) => `d${k}`;
  return `
    for (let m = from; m < to; m++) {
      ${Array.from({ length: half }, (_, k) => `const ${s(k)}=x[m+${k}]+x[m+${TAPS - 1 - k}], ${d(k)}=x[m+${k}]-x[m+${TAPS - 1 - k}];`).join('')}
      const mid = ${sum(Array.from({ length: half }, (_, k) => `${lit(c2[k]!)}*${s(k)}`))};
      const even = ${sum(Array.from({ length: half }, (_, k) => `${lit((c1[k]! + c1[TAPS - 1 - k]!) / 2)}*${s(k)}`))};
      const odd = ${sum(Array.from({ length: half }, (_, k) => `${lit((c1[k]! - c1[TAPS - 1 - k]!) / 2)}*${d(k)}`))};
      const p1 = even + odd, p3 = even - odd;
      const v = x[m+${HALF - 1}];
      ${emit('v', ['p1', 'mid', 'p3'])}
    }`;
}

const abs = (v: string) => `(${v} < 0 ? -${v} : ${v})`;

type Kernel = (x: Float32Array, from: number, to: number, best: number) => number;

/** Largest absolute value of the interpolated points for window starts [from, to) of `x`. */
const kernel: Kernel = new Function(
  'x', 'from', 'to', 'best',
  `${kernelSource((_sample, pts) => pts.map((p) => `{ const a = ${abs(p)}; if (a > best) best = a; }`).join('\n'))}
  return best;`,
) as Kernel;

type EnvelopeKernel = (x: Float32Array, from: number, to: number, out: Float32Array, outOffset: number, shift: number) => void;

/** For window start m, writes the peak of its sample and the 3 points after it into out[(m + outOffset) >> shift], keeping the larger. */
const envelopeKernel: EnvelopeKernel = new Function(
  'x', 'from', 'to', 'out', 'outOffset', 'shift',
  kernelSource((sample, pts) => `
      let best = ${abs(sample)};
      ${pts.map((p) => `{ const a = ${abs(p)}; if (a > best) best = a; }`).join('\n')}
      const o = (m + outOffset) >> shift;
      if (best > out[o]) out[o] = best;`),
) as EnvelopeKernel;

/**
 * Calls `visit(buffer, from, to, outOffset)` so that every sample o of x in [oFrom, oTo) is
 * covered once by a window start m in [from, to) of some buffer, with o = m + outOffset. The
 * interior is read from x itself; only the two edges of the file go through small zero-padded
 * copies (no copy of the whole file).
 */
function eachWindow(x: Float32Array, visit: (buf: Float32Array, from: number, to: number, outOffset: number) => void, oFrom = 0, oTo = x.length): void {
  const n = x.length;
  if (oFrom >= oTo) return;
  if (n < 4 * TAPS) {
    const buf = new Float32Array(n + TAPS);
    buf.set(x, HALF - 1);
    visit(buf, oFrom, oTo, 0);
    return;
  }
  if (oFrom < HALF - 1) {
    const head = new Float32Array(HALF - 1 + TAPS + HALF);
    head.set(x.subarray(0, TAPS + HALF), HALF - 1);
    visit(head, oFrom, Math.min(oTo, HALF - 1), 0);
  }
  const CHUNK = 16384; // a kernel called many times is optimised fully, one long call is not
  const mFrom = Math.max(oFrom, HALF - 1) - (HALF - 1);
  const mTo = Math.min(oTo, n - HALF) - (HALF - 1);
  for (let m = mFrom; m < mTo; m += CHUNK) visit(x, m, Math.min(mTo, m + CHUNK), HALF - 1);
  if (oTo > n - HALF) {
    const base = n - TAPS - HALF;
    const tail = new Float32Array(TAPS + HALF + HALF + 1);
    tail.set(x.subarray(base));
    const offset = base + HALF - 1;
    visit(tail, Math.max(oFrom, n - HALF) - offset, oTo - offset, offset);
  }
}

/** Largest |sample| that the windows starting in [from, to) read. */
function windowMax(buf: Float32Array, from: number, to: number): number {
  let near = 0;
  for (let i = from, last = to + TAPS - 1; i < last; i++) {
    const a = Math.abs(buf[i]!);
    if (a > near) near = a;
  }
  return near;
}

/**
 * The highest absolute value of the 4x-oversampled signal (linear). Stretches whose
 * neighbourhood cannot beat the peak found so far are skipped, which on real music skips most.
 */
export function truePeak(x: Float32Array, oFrom = 0, oTo = x.length): number {
  let best = 0;
  for (let i = oFrom; i < oTo; i++) {
    const a = Math.abs(x[i]!);
    if (a > best) best = a;
  }
  const BLOCK = 64;
  eachWindow(x, (buf, from, to) => {
    for (let b = from; b < to; b += BLOCK) {
      const end = Math.min(to, b + BLOCK);
      if (windowMax(buf, b, end) * maxGain > best) best = kernel(buf, b, end, best);
    }
  }, oFrom, oTo);
  return best;
}

/**
 * True-peak envelope: for each sample, the largest of itself and the oversampled points up to
 * the next sample, over all channels. With `shift` = s, one value covers 2^s samples (their
 * maximum), which keeps the envelope of a long file small. Where a stretch cannot reach `floor`
 * (its neighbourhood times the filter's largest gain stays below it), that bound is written
 * instead of the exact value: a limiter whose threshold is at or above `floor` sees no
 * difference, and the oversampling is skipped there.
 */
export function truePeakEnvelope(channels: Float32Array[], shift = 0, floor = 0): Float32Array {
  const n = channels[0]?.length ?? 0;
  const out = new Float32Array(((n - 1) >> shift) + 1);
  truePeakEnvelopeInto(channels, out, shift, floor, 0, n);
  return out;
}

/** The envelope of samples [oFrom, oTo) only (for splitting the work between threads). */
export function truePeakEnvelopeInto(channels: Float32Array[], out: Float32Array, shift: number, floor: number, oFrom: number, oTo: number): void {
  const BLOCK = 64;
  for (const ch of channels) {
    eachWindow(ch, (buf, from, to, outOffset) => {
      for (let b = from; b < to; b += BLOCK) {
        const end = Math.min(to, b + BLOCK);
        const bound = windowMax(buf, b, end) * maxGain;
        if (bound > floor) envelopeKernel(buf, b, end, out, outOffset, shift);
        else {
          for (let m = b; m < end; m++) {
            const o = (m + outOffset) >> shift;
            if (bound > out[o]!) out[o] = bound;
          }
        }
      }
    }, oFrom, oTo);
  }
}
