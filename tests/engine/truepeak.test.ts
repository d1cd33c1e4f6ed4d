// The fast true-peak paths (generated kernels, edge buffers, skipping, decimated envelope)
// against a plain evaluation of the same interpolation filter.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coarseTruePeak, phases, TAPS, truePeak, truePeakEnvelope, truePeakEnvelopeInto, truePeakKernel } from '../../engine/analysis/truepeak.js';
import { finePeakAfter } from '../../engine/analysis/truepeak-fine.js';
import { BOUND_ROOM, curvatureCoefficients, curvatureGain, maxGain, pointBound } from '../../engine/analysis/truepeak-filter.js';
import { dbtp, sixteenTimesPeak } from '../helpers/true-peak-16x.js';
import { kernelModuleSource, target } from '../../scripts/wasm-truepeak.js';

// The SIMD kernel sums in single precision: its points may read up to about 2e-7 (relative) below
// the double-precision sums. The limiter keeps 0.1 dB (1 %) below the ceiling, far above that.
const SINGLE = 1e-6;

function reference(x: Float32Array): { best: number; env: Float64Array } {
  const n = x.length,
    half = TAPS / 2;
  const env = new Float64Array(n);
  let best = 0;
  for (let o = 0; o < n; o++) {
    let e = Math.abs(x[o]!);
    for (const c of phases) {
      let y = 0;
      for (let k = 0; k < TAPS; k++) {
        const j = o - half + 1 + k;
        if (j >= 0 && j < n) y += c[k]! * x[j]!;
      }
      e = Math.max(e, Math.abs(y));
    }
    env[o] = e;
    best = Math.max(best, e);
  }
  return { best, env };
}

describe('true-peak kernels', () => {
  it.each([1, 10, 50, 97, 200, 5000, 40000])('match the plain filter exactly for %i samples, edges included', (n) => {
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) * (i % 7 === 0 ? 1 : 0.3));
    x[0] = 0.99;
    x[n - 1] = -0.98;
    const r = reference(x);
    expect(coarseTruePeak(x)).toBeCloseTo(r.best, 6);
    const env = truePeakEnvelope([x]);
    const env2 = truePeakEnvelope([x], 1);
    for (let i = 0; i < n; i++) {
      expect(env[i]).toBeCloseTo(r.env[i]!, 6);
      expect(env2[i >> 1]).toBeGreaterThanOrEqual(Math.fround(r.env[i]!) * (1 - SINGLE));
    }
  });

  it('the envelope of several channels is their maximum', () => {
    const a = Float32Array.from({ length: 1000 }, (_, i) => 0.5 * Math.sin(i * 0.2));
    const b = Float32Array.from({ length: 1000 }, (_, i) => 0.9 * Math.sin(i * 0.05));
    const both = truePeakEnvelope([a, b]);
    const ea = truePeakEnvelope([a]);
    const eb = truePeakEnvelope([b]);
    for (let i = 0; i < 1000; i++) expect(both[i]).toBe(Math.max(ea[i]!, eb[i]!));
  });
});

describe('the WebAssembly SIMD kernel', () => {
  it('is the one in use here, and engine/analysis/truepeak-simd.ts is current (npm run wasm)', async () => {
    expect(truePeakKernel()).toBe('wasm-simd');
    expect(fs.readFileSync(target, 'utf8')).toBe(await kernelModuleSource());
  });

  it('agrees with the JavaScript kernels (MIXDESK_SIMD=0) on music-like signals', () => {
    const script = `
      const { truePeak, truePeakEnvelope, truePeakKernel } = await import('./engine/analysis/truepeak.ts');
      const x = Float32Array.from({ length: 200000 }, (_, i) => 0.7 * Math.sin(i * 0.031) * Math.sin(i * 0.00021) + 0.25 * Math.sin(i * 1.9));
      const env = truePeakEnvelope([x], 2, 0.5);
      console.log(JSON.stringify({ kernel: truePeakKernel(), peak: truePeak(x), env: Array.from(env) }));`;
    const run = (simd: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, MIXDESK_SIMD: simd },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { kernel: string; peak: number; env: number[] };
    };
    const js = run('0');
    const wasm = run('1');
    expect([js.kernel, wasm.kernel]).toEqual(['javascript', 'wasm-simd']);
    expect(wasm.peak).toBeCloseTo(js.peak, 6);
    expect(wasm.env.length).toBe(js.env.length);
    let worst = 0;
    for (let i = 0; i < js.env.length; i++) worst = Math.max(worst, Math.abs(wasm.env[i]! - js.env[i]!) / Math.max(js.env[i]!, 1e-9));
    expect(worst).toBeLessThan(SINGLE);
  });
});

describe('work split into sample ranges (as the threads do) gives the same answer', () => {
  it.each([100, 5000, 40001])('%i samples', (n) => {
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.9) * Math.cos(i * 0.013));
    for (const k of [0, 1, 7, 11, Math.floor(n / 2) & ~1, n - 13, n - 1, n]) {
      expect(Math.max(truePeak(x, 0, k), truePeak(x, k, n))).toBe(truePeak(x));
      const whole = truePeakEnvelope([x], 1);
      const split = new Float32Array(whole.length);
      const even = k & ~1;
      truePeakEnvelopeInto([x], split, 1, 0, 0, even);
      truePeakEnvelopeInto([x], split, 1, 0, even, n);
      expect(split).toEqual(whole);
    }
  });
});

describe('loudness measured on two threads', () => {
  // 192 kHz: a 100 ms block is more than one call of the stereo kernel holds.
  it.each([48000, 192000])('equals the single-thread measurement for shared stereo audio at %i Hz', async (fs) => {
    const { parallelLoudness, sharedFloat32, helperReady } = await import('../../engine/parallel.js');
    const { measureLoudness } = await import('../../engine/analysis/loudness.js');
    const n = fs * 20;
    const [l, r] = [sharedFloat32(n), sharedFloat32(n)];
    for (let i = 0; i < n; i++) {
      l[i] = 0.3 * Math.sin(i * 0.05) * Math.sin(i * 0.0001);
      r[i] = 0.2 * Math.sin(i * 0.07);
    }
    // Waits for the helper's ready signal (bounded), so the split really happens.
    expect(await helperReady(30_000)).toBe(true);
    const a = parallelLoudness([l, r], fs);
    const b = measureLoudness([l, r], fs);
    expect(a.integrated).toBeCloseTo(b.integrated, 9);
    expect(a.range).toBeCloseTo(b.range, 9);
    // Split in time, the second half's filters start from state settled over the second before
    // it: the same values to far below what any meter shows.
    expect(a.shortTerm.length).toBe(b.shortTerm.length);
    a.shortTerm.forEach((v, i) => expect(Math.abs(v - b.shortTerm[i]!)).toBeLessThan(1e-9));
  });
});

describe('ranges and a known sample peak', () => {
  it.each([64, 16384, 16385, 16447, 30000])('a range ending at %i ignores the loud samples after it, but for the points leading into them', (k) => {
    const n = k + 3000;
    const x = Float32Array.from({ length: n }, (_, i) => (i < k ? 0.1 * Math.sin(i * 0.7) : 0.9 * Math.sin(i * 2.9)));
    const r = reference(x);
    let want = 0;
    for (let o = 0; o < k; o++) want = Math.max(want, r.env[o]!);
    expect(coarseTruePeak(x, 0, k)).toBeCloseTo(want, 6);
    expect(coarseTruePeak(x, 0, k)).toBeLessThan(coarseTruePeak(x) - 0.2);
    // The fine meter reads the same positions: the points before sample k, none after it (and
    // never reports less than the 4x points: on this step into a tone near Nyquist they read higher).
    let fine = 0;
    for (let o = 0; o < k; o++) fine = Math.max(fine, finePeakAfter(x, o));
    expect(truePeak(x, 0, k)).toBeCloseTo(Math.max(fine, want), 6);
    expect(truePeak(x, 0, k)).toBeLessThan(truePeak(x) - 0.2);
  });

  it('a sample peak handed in gives the same true peak as one measured', () => {
    const x = Float32Array.from({ length: 50000 }, (_, i) => 0.6 * Math.sin(i * 0.05) + 0.3 * Math.sin(i * 2.2));
    const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(truePeak(x, 0, x.length, peak)).toBe(truePeak(x));
    expect(truePeak(x)).toBeGreaterThan(peak);
  });
});

describe('the bound that decides where the oversampling is skipped', () => {
  /** Every point of every window of x against pointBound of the window's samples. */
  function worstRatio(x: Float32Array): number {
    const half = TAPS / 2;
    let worst = 0;
    for (let m = 0; m + TAPS <= x.length; m++) {
      let peak = 0;
      let curve = 0;
      for (let k = 0; k < TAPS; k++) peak = Math.max(peak, Math.abs(x[m + k]!));
      for (let k = 1; k < TAPS - 1; k++) curve = Math.max(curve, Math.abs(x[m + k - 1]! - 2 * x[m + k]! + x[m + k + 1]!));
      const bound = pointBound(peak, curve);
      let point = Math.abs(x[m + half - 1]!);
      for (const c of phases) {
        let y = 0;
        for (let k = 0; k < TAPS; k++) y += c[k]! * x[m + k]!;
        point = Math.max(point, Math.abs(y));
      }
      if (bound > 0) worst = Math.max(worst, point / bound);
    }
    return worst;
  }

  it('is a line between the samples plus second differences (the identity the bound rests on)', () => {
    const x = Float64Array.from({ length: TAPS }, (_, i) => Math.sin(i * 2.1) * 0.7 + Math.cos(i * i * 0.37) * 0.3);
    for (const c of phases) {
      const { slope, e2 } = curvatureCoefficients(c);
      expect(slope).toBeGreaterThan(0);
      expect(slope).toBeLessThan(1);
      let direct = 0;
      for (let k = 0; k < TAPS; k++) direct += c[k]! * x[k]!;
      let split = (1 - slope) * x[TAPS / 2 - 1]! + slope * x[TAPS / 2]!;
      for (let k = 0; k < e2.length; k++) split += e2[k]! * (x[k]! - 2 * x[k + 1]! + x[k + 2]!);
      expect(split).toBeCloseTo(direct, 12);
    }
    expect(curvatureGain).toBeGreaterThan(0.4);
    expect(curvatureGain).toBeLessThan(0.6);
  });

  it.each([
    ['noise', (i: number) => Math.sin(i * 12.9898 + Math.sin(i * 78.233) * 43758.5453)],
    ['a tone at 0.45 of the rate', (i: number) => Math.sin(2 * Math.PI * 0.45 * i + 0.3)],
    ['the worst case for the filter (signs of a phase)', (i: number) => Math.sign(phases[1]![(i % TAPS) as number]!) || 1],
    ['clicks', (i: number) => (i % 37 === 0 ? 1 : i % 53 === 0 ? -1 : 0)],
    ['a loud bass with cymbals', (i: number) => 0.8 * Math.sin(i * 0.008) + 0.15 * Math.sin(i * 1.7 + Math.sin(i * 0.3))],
  ])('is never under a point: %s', (_name, f) => {
    const x = Float32Array.from({ length: 3000 }, (_, i) => f(i));
    expect(worstRatio(x)).toBeLessThanOrEqual(1);
  });

  it("sits close over music's samples (the filter's largest gain alone, 8.5 dB, sat far above)", () => {
    // A loud bass with quieter highs: windows read within 0.6 dB of their samples, so a master's
    // quieter stretches are skipped rather than oversampled.
    const x = Float32Array.from({ length: 3000 }, (_, i) => 0.8 * Math.sin(i * 0.008) + 0.05 * Math.sin(i * 1.3));
    const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    let curve = 0;
    for (let i = 1; i + 1 < x.length; i++) curve = Math.max(curve, Math.abs(x[i - 1]! - 2 * x[i]! + x[i + 1]!));
    expect(20 * Math.log10(pointBound(peak, curve) / peak)).toBeLessThan(0.6);
    expect(20 * Math.log10(pointBound(peak, 4 * peak) / peak)).toBeCloseTo(20 * Math.log10(maxGain * (1 + BOUND_ROOM)), 6);
    // With the limiter's floor 0.5 dB over the samples, the kernel writes bounds instead of
    // oversampling (it oversampled all of it with the old bound), each at or over the exact value.
    const floor = peak * 10 ** (0.5 / 20);
    const env = truePeakEnvelope([x], 2, floor);
    const exact = reference(x).env;
    let bounded = 0;
    env.forEach((v, o) => {
      const here = Math.max(...Array.from(exact.subarray(4 * o, 4 * o + 4)));
      expect(v).toBeGreaterThanOrEqual(here * (1 - SINGLE));
      expect(v).toBeLessThanOrEqual(floor);
      if (v > here * (1 + 1e-3)) bounded++;
    });
    expect(bounded).toBeGreaterThan(env.length * 0.9);
  });
});

describe("the decimated envelope with a floor (the master's limiter)", () => {
  it.each([
    [2, 40000],
    [2, 16387],
    [3, 40001],
    [2, 97],
  ])('shift %i, %i samples: exact above the floor, an upper bound no higher than the floor below it', (shift, n) => {
    const x = Float32Array.from({ length: n }, (_, i) => (Math.floor(i / 3000) % 2 ? 0.9 : 0.05) * Math.sin(i * 0.37 + Math.sin(i * 0.001)));
    const r = reference(x);
    const floor = 0.3;
    const check = (env: Float32Array) => {
      expect(env.length).toBe(((n - 1) >> shift) + 1);
      let bounded = 0;
      for (let o = 0; o < env.length; o++) {
        let exact = 0;
        for (let i = o << shift; i < Math.min(n, (o + 1) << shift); i++) exact = Math.max(exact, r.env[i]!);
        const v = env[o]!;
        expect(v).toBeGreaterThanOrEqual(Math.fround(exact) * (1 - SINGLE));
        if (v > floor) expect(Math.abs(v - exact)).toBeLessThanOrEqual(exact * SINGLE);
        else if (v > exact * (1 + SINGLE)) bounded++;
      }
      return bounded;
    };
    const whole = truePeakEnvelope([x], shift, floor);
    const bounded = check(whole);
    if (n > 10000) expect(bounded).toBeGreaterThan(0); // the quiet stretches really were skipped
    // Split as the threads split it (on a multiple of 2^shift): the same exact values (the bounds
    // below the floor depend on where the blocks start, and change nothing for the limiter).
    const mid = (n >> (shift + 1)) << shift;
    const split = new Float32Array(whole.length);
    truePeakEnvelopeInto([x], split, shift, floor, 0, mid);
    truePeakEnvelopeInto([x], split, shift, floor, mid, n);
    check(split);
    for (let o = 0; o < whole.length; o++) if (whole[o]! > floor || split[o]! > floor) expect(split[o]).toBe(whole[o]);
  });
});

describe('the fine meter (what the analysis reports)', () => {
  it.each([0.3, 0.44, 0.46])('reads a tone mix with a part at %f of the sample rate as an independent 16x meter does', (f) => {
    // Faded in and out (a hard edge has no one true peak); the high part dominates the crests.
    const fade = (i: number) => Math.min(1, i / 1000, (6000 - i) / 1000);
    const x = Float32Array.from({ length: 6000 }, (_, i) => fade(i) * (0.2 * Math.sin(2 * Math.PI * 0.011 * i) + 0.6 * Math.sin(2 * Math.PI * f * i + 0.4)));
    const independent = dbtp(sixteenTimesPeak([x]));
    expect(Math.abs(dbtp(truePeak(x)) - independent)).toBeLessThan(0.01);
  });
});
