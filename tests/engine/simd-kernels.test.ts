// The WebAssembly SIMD kernels: generated files current (npm run wasm), in use here, and giving the
// same numbers as the JavaScript paths they replace (MIXDESK_SIMD=0 runs those).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stereoModuleSource, target } from '../../scripts/wasm-stereo.js';
import { limiterModuleSource, target as limiterTarget } from '../../scripts/wasm-limiter.js';
import { statsModuleSource, target as statsTarget } from '../../scripts/wasm-stats.js';
import { pcmModuleSource, target as pcmTarget } from '../../scripts/wasm-pcm.js';
import { stereoPass } from '../../engine/dsp/stereo-kernel.js';
import { kWeightingStages } from '../../engine/analysis/kweighting.js';

const root = path.resolve(import.meta.dirname, '../..');
let scripts = 0;

/**
 * Runs `script` (ESM; './engine/…' imports from the repository) with MIXDESK_SIMD set, and parses
 * its JSON output. From a file, not `node -e`: under -e the engine's helper thread never starts.
 */
function run<T>(script: string, simd: '0' | '1'): T {
  const file = path.join(os.tmpdir(), `mixdesk-simd-${process.pid}-${++scripts}.mts`);
  fs.writeFileSync(file, script.replaceAll("'./engine/", `'${pathToFileURL(root).href}/engine/`));
  let r: SpawnSyncReturns<string>;
  try {
    r = spawnSync(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, MIXDESK_SIMD: simd },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('the limiter gain kernel', () => {
  it('engine/dsp/limiter-wasm.ts is current', async () => {
    expect(fs.readFileSync(limiterTarget, 'utf8')).toBe(await limiterModuleSource());
  });

  it('gives the same multipliers as the JavaScript loop, chunk sizes and starts mixed', () => {
    const script = `
      const { LimiterGain, limiterKernel } = await import('./engine/dsp/limiter.ts');
      const n = 48000 * 5 + 77;
      const env = Float32Array.from({ length: (n >> 2) + 1 }, (_, i) => 0.2 + 0.9 * Math.abs(Math.sin(i * 0.002) * Math.sin(i * 0.37)));
      const out = [];
      for (const [start, chunk] of [[0, 65536], [0, 1000], [96000, 4096], [n - 5000, 65536]]) {
        const g = new LimiterGain(env, 2, n, 1.6, 48000, { ceiling: 0.89 }, start);
        const buf = new Float32Array(chunk);
        let sum = 0, probe = [], measures = [];
        for (let a = start; a < n; a += chunk) {
          const c = Math.min(chunk, n - a);
          // Measured from the middle of the chunk: the deepest multiplier and how many are under 1.6 x -0.5 dB.
          measures.push(g.fill(buf, c, c >> 1, 1.6 * 10 ** (-0.5 / 20)));
          for (let k = 0; k < c; k++) sum += buf[k];
          probe.push(buf[0], buf[c - 1]);
        }
        out.push({ sum, probe, measures });
      }
      console.log(JSON.stringify({ kernel: limiterKernel(), out }));`;
    const js = run<{ kernel: string; out: { sum: number; probe: number[]; measures: { least: number; busy: number }[] }[] }>(script, '0');
    const wasm = run<typeof js>(script, '1');
    expect([js.kernel, wasm.kernel]).toEqual(['javascript', 'wasm']);
    expect(wasm.out).toEqual(js.out); // bit for bit, the measures too
    expect(js.out[0]!.measures.some((m) => m.busy > 0 && m.least < 1.6 * 0.9)).toBe(true);
    expect(Math.min(...js.out[0]!.probe)).toBeLessThan(1.6 * 0.9); // the limiter really worked
  });
});

describe('stereo SIMD kernels (tone pass: cascade, mono low end, K-weighted energies)', () => {
  it('engine/dsp/stereo-simd.ts is current', async () => {
    expect(fs.readFileSync(target, 'utf8')).toBe(await stereoModuleSource());
  });

  it('run here', () => {
    expect(stereoPass({ sections: [], side: [], kStages: kWeightingStages(48000), size: 4800 })).not.toBeNull();
  });

  it.each([44100, 48000, 96000])('give the same samples and energies as the JavaScript filters at %i Hz', (rate) => {
    const script = `
      const { toneRange } = await import('./engine/tone-range.ts');
      const { stereoPass } = await import('./engine/dsp/stereo-kernel.ts');
      const { kWeightingStages } = await import('./engine/analysis/kweighting.ts');
      const kernel = stereoPass({ sections: [], side: [], kStages: kWeightingStages(${rate}), size: 4800 }) !== null;
      const { highpass, lowShelf, peaking, highShelf } = await import('./engine/dsp/biquad.ts');
      const { sideHighpass } = await import('./engine/dsp/stereo.ts');
      const fs = ${rate}, n = fs * 7 + 123;
      const l = Float32Array.from({ length: n }, (_, i) => 0.4 * Math.sin(i * 0.013) + 0.2 * Math.sin(i * 0.9) + 0.01);
      const r = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(i * 0.017 + 1) - 0.25 * Math.sin(i * 0.41) - 0.02);
      const sections = [highpass(fs, 25, 0.5412), highpass(fs, 25, 1.3066), lowShelf(fs, 90, 1.5), peaking(fs, 300, -1, 0.8), peaking(fs, 3500, 2, 0.8), highShelf(fs, 9000, -1)];
      const size = Math.round(fs / 10);
      const mid = Math.floor(n / 2 / size) * size, warm = 2 * fs;
      const before = [l.slice(mid - warm, mid), r.slice(mid - warm, mid)];
      const e1 = new Float64Array(Math.floor(mid / size)), e2 = new Float64Array(Math.floor(n / size) - mid / size);
      toneRange({ channels: [l, r], sampleRate: fs, sections, offsets: [0.01, -0.02], side: sideHighpass(fs, 120), from: 0, to: mid, energies: e1 });
      toneRange({ channels: [l, r], sampleRate: fs, sections, offsets: [0.01, -0.02], side: sideHighpass(fs, 120), from: mid, to: n, energies: e2, warm: before });
      console.log(JSON.stringify({ kernel, l: Array.from(l.filter((_, i) => i % 97 === 0)), r: Array.from(r.filter((_, i) => i % 89 === 0)), sumL: l.reduce((s, v) => s + v, 0), sumR: r.reduce((s, v) => s + v, 0), e: [...e1, ...e2] }));`;
    const { kernel: jsKernel, ...js } = run<{ kernel: boolean; l: number[]; r: number[]; sumL: number; sumR: number; e: number[] }>(script, '0');
    const { kernel: simdKernel, ...simd } = run<{ kernel: boolean } & typeof js>(script, '1');
    expect([jsKernel, simdKernel]).toEqual([false, true]);
    expect(simd).toEqual(js); // bit for bit: the same operations in the same order
    expect(js.e.length).toBeGreaterThan(60);
  });
});

describe('the statistics kernel (sum, peak, left/right products)', () => {
  it('engine/analysis/stats-simd.ts is current', async () => {
    expect(fs.readFileSync(statsTarget, 'utf8')).toBe(await statsModuleSource());
  });

  it('gives the JavaScript statistics: clipped runs across its chunks, silence at the ends, sums to the last bits', () => {
    // 200 003 samples: three full chunks of 65 536 and an odd tail, so padding is exercised.
    const script = `
      const { channelStats, pairSums, statsKernel } = await import('./engine/analysis/stats.ts');
      const n = 200003;
      const l = Float32Array.from({ length: n }, (_, i) => (i < 4800 || i > n - 960 ? 0 : 0.5 * Math.sin(i * 0.01) + 0.001));
      const r = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(i * 0.017) - 0.02);
      l.fill(1, 65534, 65539); // a run across the first chunk boundary
      l.fill(-1, 70000, 70002); // two samples: not a run
      l.fill(1, 131072, 131082); // a run starting exactly at a boundary
      l.fill(-1, 196600, 196608); // a run ending exactly at a boundary
      console.log(JSON.stringify({ kernel: statsKernel(), l: channelStats(l), r: channelStats(r), pairs: pairSums(l, r, 3, n), head: pairSums(l, r, 0, 5) }));`;
    type Out = { kernel: string; l: Record<string, number>; r: Record<string, number>; pairs: number[]; head: number[] };
    const js = run<Out>(script, '0');
    const simd = run<Out>(script, '1');
    expect([js.kernel, simd.kernel]).toEqual(['javascript', 'wasm-simd']);
    expect(js.l).toMatchObject({ runs: 3, clipped: 23, longest: 10, firstClip: 65534, lead: 4800, trail: 959, peak: 1 });
    for (const [a, b] of [
      [js.l, simd.l],
      [js.r, simd.r],
    ] as const) {
      const { sum: sa, ...restA } = a;
      const { sum: sb, ...restB } = b;
      expect(restB).toEqual(restA);
      expect(Math.abs(sb! - sa!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(sa!)));
    }
    simd.pairs.forEach((v, i) => expect(Math.abs(v - js.pairs[i]!)).toBeLessThan(1e-12 * Math.abs(js.pairs[i]!)));
    expect(simd.head).toEqual(js.head);
  });

  it("gives the JavaScript blocks' peaks and step energies (the lossy check's choice), blocks longer than a call included", () => {
    // Blocks of 24 000 (half a second), and of 70 001: longer than one call (65 532), an odd tail.
    const script = `
      const { blockPeaksAndSteps } = await import('./engine/analysis/stats.ts');
      const n = 200003;
      const x = Float32Array.from({ length: n }, (_, i) => 0.6 * Math.sin(i * 0.01) + (i < 50 ? 0.3 * Math.sin(i * 2.5) : 0));
      x[131071] = -0.97;
      const out = [24000, 70001].map((size) => {
        const k = Math.ceil(n / size);
        const peaks = new Float64Array(k), steps = new Float64Array(k);
        blockPeaksAndSteps(x, size, peaks, steps);
        blockPeaksAndSteps(x.map((v) => v * 0.5), size, peaks, steps); // a second channel adds
        return { peaks: Array.from(peaks), steps: Array.from(steps) };
      });
      console.log(JSON.stringify(out));`;
    type Out = { peaks: number[]; steps: number[] }[];
    const js = run<Out>(script, '0');
    const simd = run<Out>(script, '1');
    js.forEach((blocks, b) => {
      expect(simd[b]!.peaks).toEqual(blocks.peaks);
      blocks.steps.forEach((v, i) => expect(Math.abs(simd[b]!.steps[i]! - v)).toBeLessThan(1e-10 * v));
    });
    expect(js[0]!.peaks[5]).toBeCloseTo(0.97, 6);
    expect(js[0]!.steps[0]).toBeGreaterThan(10 * js[0]!.steps[1]!); // the first block's burst of highs
  });
});

describe('the K-weighting of a limiting round (gains applied, both channels in the stereo kernel)', () => {
  it('gives the JavaScript energies to the last bits, and the same limiter figures', () => {
    const script = `
      const { limitRoundRange } = await import('./engine/limit-range.ts');
      const { hasStereoKernel } = await import('./engine/dsp/stereo-kernel.ts');
      const fs = 44100, n = fs * 9 + 77;
      const l = Float32Array.from({ length: n }, (_, i) => 0.6 * Math.sin(i * 0.013) * Math.sin(i * 0.0007) + 0.2 * Math.sin(i * 0.9));
      const r = Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i * 0.017 + 1) - 0.25 * Math.sin(i * 0.41));
      // An envelope made here (each 4 frames' largest sample), so only the K-weighting differs between the runs.
      const envelope = new Float32Array((n >> 2) + 1);
      for (let i = 0; i < n; i++) envelope[i >> 2] = Math.max(envelope[i >> 2], Math.abs(l[i]), Math.abs(r[i]));
      const size = fs / 10, from = 3 * size;
      const range = { channels: [l, r], envelope, shift: 2, frames: n, inputGain: 1.8, sampleRate: fs, ceiling: 0.89, from, to: n };
      const out = new Float64Array(Math.floor((n - from) / size));
      const st = limitRoundRange(range, out);
      console.log(JSON.stringify({ kernel: hasStereoKernel(), st, out: Array.from(out) }));`;
    type Out = { kernel: boolean; st: { minGain: number; busy: number }; out: number[] };
    const js = run<Out>(script, '0');
    const simd = run<Out>(script, '1');
    expect([js.kernel, simd.kernel]).toEqual([false, true]);
    expect(simd.st).toEqual(js.st);
    expect(js.st.minGain).toBeLessThan(0.8); // the limiter really worked
    expect(simd.out.length).toBe(js.out.length);
    simd.out.forEach((v, i) => expect(Math.abs(v - js.out[i]!)).toBeLessThanOrEqual(1e-12 * js.out[i]!));
  });
});

describe('the PCM kernel (integer WAV with TPDF dither)', () => {
  it('engine/io/pcm-wasm.ts is current', async () => {
    expect(fs.readFileSync(pcmTarget, 'utf8')).toBe(await pcmModuleSource());
  });

  it('writes the bytes the JavaScript encoder writes: 16/24/32-bit, dithered or not, mono and stereo, in memory and to a file on two threads', () => {
    // 300 001 frames: several kernel calls and file pieces, an odd tail; full scale, beyond it, NaN and infinities.
    const script = `
      const { createHash } = await import('node:crypto');
      const { readFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { writeWav, writeWavFile } = await import('./engine/io/wav.ts');
      const { kernelEncodes } = await import('./engine/io/pcm-codec.ts');
      const { sharedCopyOf, helperReady, helperJobCount } = await import('./engine/parallel.ts');
      if (!(await helperReady(30000))) throw new Error('the helper thread did not start');
      const n = 300001;
      const l = Float32Array.from({ length: n }, (_, i) => 0.9 * Math.sin(i * 0.01) + 1e-7 * Math.sin(i));
      const r = Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i * 0.013 + 1));
      l.set([1, -1, 1.5, -1.5, NaN, Infinity, -Infinity, 0.99999999], 1000);
      // Halfway between two 24-bit steps: rounded up (floor(v + 0.5)), not to even, in both.
      l.set([5 / 2 ** 24, -3 / 2 ** 24, 7 / 2 ** 24, -7 / 2 ** 24], 2000);
      const sha = (b) => createHash('sha256').update(b).digest('hex');
      const out = { kernel: kernelEncodes({ bits: 24 }, 2), hashes: [] };
      for (const bits of [16, 24, 32]) for (const dither of [false, true]) for (const chs of [[l], [l, r]]) {
        out.hashes.push(sha(writeWav({ sampleRate: 48000, channels: chs }, { bits, dither })));
        const file = tmpdir() + '/mixdesk-pcm-' + process.pid + '.wav';
        await writeWavFile(file, { sampleRate: 48000, channels: chs.map(sharedCopyOf) }, { bits, dither });
        out.hashes.push(sha(readFileSync(file)));
      }
      out.helperJobs = helperJobCount();
      console.log(JSON.stringify(out));`;
    type Out = { kernel: boolean; hashes: string[]; helperJobs: number };
    const js = run<Out>(script, '0');
    const wasm = run<Out>(script, '1');
    expect([js.kernel, wasm.kernel]).toEqual([false, true]);
    // The files really were written on two threads.
    expect(Math.min(js.helperJobs, wasm.helperJobs)).toBeGreaterThan(0);
    expect(wasm.hashes).toEqual(js.hashes);
    // In memory and from the file the same bytes too (one dither generator per channel in both).
    for (let i = 0; i < js.hashes.length; i += 2) expect(js.hashes[i + 1]).toBe(js.hashes[i]);
    expect(new Set(js.hashes).size).toBe(js.hashes.length / 2); // dither and bit depth change the bytes
  });

  it('reads 16 and 24-bit WAV to the floats the JavaScript decoder gives: mono, stereo, six channels, in memory and from a file on two threads', () => {
    // 300 001 frames: several kernel calls and file pieces, an odd tail; both ends of the integer range.
    const script = `
      const { createHash } = await import('node:crypto');
      const { writeFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { readWav, readWavFile, writeWav } = await import('./engine/io/wav.ts');
      const { helperReady, helperJobCount } = await import('./engine/parallel.ts');
      if (!(await helperReady(30000))) throw new Error('the helper thread did not start');
      const n = 300001;
      const ch = (k) => Float32Array.from({ length: n }, (_, i) => (i === 7 ? -1 : i === 8 ? 1 : 0.97 * Math.sin(i * (0.01 + k * 0.003) + k)));
      const sha = (chs) => createHash('sha256').update(Buffer.concat(chs.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)))).digest('hex');
      const out = { hashes: [], first: [] };
      for (const bits of [16, 24]) for (const count of [1, 2, 6]) {
        const bytes = writeWav({ sampleRate: 48000, channels: Array.from({ length: count }, (_, k) => ch(k)) }, { bits });
        const mem = await readWav(bytes, 'x.wav');
        const file = tmpdir() + '/mixdesk-pcm-read-' + process.pid + '.wav';
        writeFileSync(file, bytes);
        const read = await readWavFile(file, 'x.wav');
        out.hashes.push(sha(mem.channels), sha(read.channels));
        out.first.push(Array.from(read.channels[0].subarray(6, 10)));
      }
      out.helperJobs = helperJobCount();
      console.log(JSON.stringify(out));`;
    type Out = { hashes: string[]; first: number[][]; helperJobs: number };
    const js = run<Out>(script, '0');
    const wasm = run<Out>(script, '1');
    expect(Math.min(js.helperJobs, wasm.helperJobs)).toBeGreaterThan(0);
    expect(wasm.hashes).toEqual(js.hashes);
    for (let i = 0; i < js.hashes.length; i += 2) expect(js.hashes[i + 1]).toBe(js.hashes[i]);
    // Full scale at both ends: -1 exactly, +1 as the largest integer.
    expect(wasm.first[0]!.slice(1, 3)).toEqual([-1, 32767 / 32768]);
    expect(wasm.first[3]!.slice(1, 3)).toEqual([-1, 8388607 / 8388608]);
  });
});
