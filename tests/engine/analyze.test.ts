import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/analysis/analyze.js';
import { addRealPower, fft } from '../../engine/analysis/spectrum.js';

const fs = 48000;
const tone = (seconds: number, amp: number, f = 440, phase = 0) =>
  Float32Array.from({ length: Math.round(seconds * fs) }, (_, i) => amp * Math.sin((2 * Math.PI * f * i) / fs + phase));

describe('analyze()', () => {
  it('reads DC offset per channel', () => {
    const l = tone(3, 0.3).map((v) => v + 0.01);
    const r = tone(3, 0.3);
    const a = analyze({ sampleRate: fs, channels: [l, r] });
    expect(a.dcOffset.perChannel[0]).toBeCloseTo(0.01, 4);
    expect(Math.abs(a.dcOffset.perChannel[1]!)).toBeLessThan(1e-4);
    expect(a.dcOffset.maxDbfs).toBeCloseTo(-40, 0);
  });

  it('finds clipped runs (3+ samples at full scale) with the first one’s time', () => {
    const x = tone(3, 0.5);
    x.fill(1, 48000, 48010); // 10 samples at full scale at 1 s
    x.fill(-1, 96000, 96002); // 2 samples: not a run
    x.fill(-1, 120000, 120004);
    const a = analyze({ sampleRate: fs, channels: [x, tone(3, 0.5)] });
    expect(a.clipping).toEqual({ runs: 2, clippedSamples: 14, longestRun: 10, firstAtSec: 1 });
  });

  it('measures leading and trailing silence', () => {
    const x = new Float32Array(fs * 4);
    x.set(tone(2, 0.5), fs); // 1 s silence, 2 s tone, 1 s silence
    const a = analyze({ sampleRate: fs, channels: [x, x] });
    expect(a.silence.leadingSec).toBeCloseTo(1, 2);
    expect(a.silence.trailingSec).toBeCloseTo(1, 2);
  });

  it('phase: mono is +1 and zero width; a polarity flip is -1; a flipped second is found', () => {
    const x = tone(4, 0.5);
    const mono = analyze({ sampleRate: fs, channels: [x, x] });
    expect(mono.phase.correlation).toBe(1);
    expect(mono.stereoWidth).toBe(0);
    const flipped = analyze({ sampleRate: fs, channels: [x, x.map((v) => -v)] });
    expect(flipped.phase.correlation).toBe(-1);
    const y = x.slice();
    for (let i = 2 * fs; i < 3 * fs; i++) y[i] = -y[i]!;
    const part = analyze({ sampleRate: fs, channels: [x, y] });
    expect(part.phase.worstCorrelation).toBeLessThan(-0.9);
    expect(part.phase.worstAtSec).toBe(2);
    expect(part.phase.correlation).toBeCloseTo(0.5, 1);
    const wide = analyze({ sampleRate: fs, channels: [tone(4, 0.5, 440), tone(4, 0.5, 660)] });
    expect(wide.stereoWidth).toBeCloseTo(1, 1);
  });

  it('reports the format and a spectrum peaking at the tone', () => {
    const a = analyze({ sampleRate: fs, channels: [tone(2, 0.5, 1000)], bitDepth: 24, format: 'flac' });
    expect(a.format).toEqual({ container: 'flac', sampleRate: fs, channels: 1, bitDepth: 24, durationSec: 2 });
    const loudest = a.spectrum.hz[a.spectrum.db.indexOf(Math.max(...a.spectrum.db))];
    expect(loudest).toBeCloseTo(1000, -1);
  });

  it('the spectrum’s real-input FFT gives the power of a full complex FFT, bin for bin', () => {
    const n = 512;
    let seed = 7;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.3) + ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5));
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    const power = new Float64Array(n / 2).fill(1); // it adds to what is there
    addRealPower(x, new Float64Array(n / 2), new Float64Array(n / 2), power);
    for (let k = 0; k < n / 2; k++) expect(power[k]! - 1).toBeCloseTo(re[k]! ** 2 + im[k]! ** 2, 8);
    // And the FFT itself: a cosine on bin 5 is n/2 there and nothing elsewhere.
    const cre = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * 5 * i) / n));
    const cim = new Float64Array(n);
    fft(cre, cim);
    expect(cre[5]).toBeCloseTo(n / 2, 9);
    expect(Math.max(...cre.map((v, k) => (k === 5 || k === n - 5 ? 0 : Math.abs(v))), ...cim.map(Math.abs))).toBeLessThan(1e-9);
  });
});
