// The glue compressor's static curve and its time behaviour, on steady tones.
import { describe, expect, it } from 'vitest';
import { compressInPlace } from '../../engine/dsp/compressor.js';

const fs = 48000;
const sine = (seconds: number, amp: number) => Float32Array.from({ length: Math.round(seconds * fs) }, (_, i) => amp * Math.sin((2 * Math.PI * 1000 * i) / fs));
const rmsDb = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return 10 * Math.log10(s / (to - from));
};

describe('compressor', () => {
  it('above the knee, reduces by (1 - 1/ratio) of the excess, on both channels alike', () => {
    const l = sine(3, 0.5);
    const r = sine(3, 0.25);
    const before = rmsDb(l, 2 * fs, 3 * fs);
    const res = compressInPlace([l, r], fs, { thresholdDb: -20, ratio: 4 });
    // The detector reads the louder channel's mean square: 0.5² / 2, i.e. -9.03 dB, 10.97 dB over.
    const expected = 0.75 * (10 * Math.log10(0.125) + 20);
    expect(before - rmsDb(l, 2 * fs, 3 * fs)).toBeCloseTo(expected, 1);
    expect(rmsDb(sine(1, 0.25), 0, fs) - rmsDb(r, 2 * fs, 3 * fs)).toBeCloseTo(expected, 1); // linked
    expect(res.maxReductionDb).toBeCloseTo(expected, 1);
    expect(res.averageReductionDb).toBeLessThan(expected); // the attack takes a moment
  });

  it('leaves a tone below the knee untouched, sample for sample', () => {
    const x = sine(1, 0.05); // -29 dB mean square, 9 dB under a -20 dB threshold
    const copy = x.slice();
    const res = compressInPlace([x, x.slice()], fs, { thresholdDb: -20, ratio: 4 });
    expect(res.maxReductionDb).toBe(0);
    expect(x).toEqual(copy);
  });

  it('attacks within tens of milliseconds and releases over hundreds', () => {
    const loud = sine(1, 0.5);
    const x = new Float32Array(3 * fs);
    x.set(loud, fs); // silence, one loud second, silence
    const quietAfter = sine(1, 0.01);
    x.set(quietAfter, 2 * fs);
    const y = x.slice();
    compressInPlace([y], fs, { thresholdDb: -20, ratio: 4 });
    const reductionAt = (t: number) => rmsDb(x, Math.round(t * fs), Math.round((t + 0.01) * fs)) - rmsDb(y, Math.round(t * fs), Math.round((t + 0.01) * fs));
    expect(reductionAt(1.005)).toBeLessThan(reductionAt(1.1)); // still attacking
    expect(reductionAt(1.1)).toBeGreaterThan(6);
    expect(reductionAt(2.05)).toBeGreaterThan(3); // releasing, not released
    expect(reductionAt(2.9)).toBeLessThan(0.5);
  });
});
