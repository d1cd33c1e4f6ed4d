// The sample-rate converter's passband and stopband, measured with sines.
import { describe, expect, it } from 'vitest';
import { resample } from '../../engine/dsp/resample.js';

function sine(rate: number, hz: number, seconds = 0.5, amp = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Amplitude of a sine at `hz` (least squares on the middle of the signal, away from the edges). */
function amplitude(x: Float32Array, rate: number, hz: number): number {
  let s = 0,
    c = 0;
  const from = Math.floor(x.length / 4),
    to = Math.floor((3 * x.length) / 4);
  for (let i = from; i < to; i++) {
    s += x[i]! * Math.sin((2 * Math.PI * hz * i) / rate);
    c += x[i]! * Math.cos((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(s, c)) / (to - from);
}

const rms = (x: Float32Array, from: number, to: number) => {
  let acc = 0;
  for (let i = from; i < to; i++) acc += x[i]! ** 2;
  return Math.sqrt(acc / (to - from));
};

describe('sample-rate conversion', () => {
  const pairs: [number, number][] = [
    [44100, 48000],
    [48000, 44100],
    [48000, 96000],
    [96000, 48000],
    [44100, 96000],
    [96000, 44100],
  ];

  it.each(pairs)('%i → %i Hz: passband flat within ±0.05 dB up to 0.9 × the lower Nyquist', (from, to) => {
    const edge = (0.9 * Math.min(from, to)) / 2;
    for (const hz of [100, 1000, 5000, 10000, 15000, edge]) {
      const out = resample({ sampleRate: from, channels: [sine(from, hz)] }, to);
      const db = 20 * Math.log10(amplitude(out.channels[0]!, to, hz) / 0.5);
      expect(Math.abs(db), `${hz} Hz: ${db.toFixed(3)} dB`).toBeLessThanOrEqual(0.05);
    }
  });

  it.each([
    [48000, 44100],
    [96000, 48000],
    [96000, 44100],
  ] as [number, number][])('%i → %i Hz: stopband — tones above the new Nyquist are removed to below -100 dB', (from, to) => {
    for (const hz of [to / 2 + 50, to / 2 + 1000, Math.min(from / 2 - 100, to * 0.7)]) {
      const out = resample({ sampleRate: from, channels: [sine(from, hz)] }, to);
      const x = out.channels[0]!;
      const level = 20 * Math.log10(rms(x, Math.floor(x.length / 4), Math.floor((3 * x.length) / 4)) / (0.5 / Math.SQRT2));
      expect(level, `${hz} Hz leaks at ${level.toFixed(1)} dB`).toBeLessThan(-100);
    }
  });

  it('keeps duration and timing: 44.1 → 48 → 44.1 kHz returns the music within -90 dB', () => {
    const rate = 44100;
    const x = new Float32Array(rate);
    for (let i = 0; i < x.length; i++)
      x[i] =
        0.3 * Math.sin((2 * Math.PI * 440 * i) / rate) + 0.2 * Math.sin((2 * Math.PI * 7000 * i) / rate) + 0.1 * Math.sin((2 * Math.PI * 15000 * i) / rate);
    const up = resample({ sampleRate: rate, channels: [x] }, 48000);
    expect(up.channels[0]!.length).toBe(48000);
    const back = resample(up, rate).channels[0]!;
    expect(back.length).toBe(rate);
    const diff = back.map((v, i) => v - x[i]!);
    const err = 20 * Math.log10(rms(diff, 2000, rate - 2000) / rms(x, 2000, rate - 2000));
    expect(err).toBeLessThan(-90);
  });
});
