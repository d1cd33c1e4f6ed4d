// What a stem measures for the mixing estimate: hiss or digital silence between phrases, crest
// factor, onsets and their distance from the song's common grid.
import { describe, expect, it } from 'vitest';
import { DIGITAL_SILENCE_DB, StemCharacterMeter, type StemCharacter } from '../../engine/analysis/stem-character.js';
import { fitGrid, offGridMs } from '../../engine/analysis/stem-timing.js';
import type { AudioData } from '../../engine/types.js';
import { makeStem, type StemSpec } from '../helpers/stems.js';

/** Measured in pieces of 4096 frames, as a file is read. */
function measure(a: AudioData): StemCharacter {
  const m = new StemCharacterMeter(a.sampleRate);
  const n = a.channels[0]!.length;
  for (let i = 0; i < n; i += 4096) m.add(a.channels.map((c) => c.subarray(i, Math.min(n, i + 4096))));
  return m.result();
}
const stem = (s: StemSpec) => measure(makeStem(s));

describe('stem character', () => {
  it('tells a recorded part (hiss between phrases) from a programmed one (digital silence)', () => {
    const programmed = stem({ part: 'vocal' });
    const recorded = stem({ part: 'vocal', hissDb: -66 });
    expect(programmed.noiseFloorDb).toBe(DIGITAL_SILENCE_DB);
    // The hiss is white noise at -66 dBFS RMS: its 50 ms frames measure within a dB of that.
    expect(recorded.noiseFloorDb).toBeGreaterThan(-67.5);
    expect(recorded.noiseFloorDb).toBeLessThan(-64.5);
    expect(recorded.quietShare).toBeGreaterThan(0.2);
  });

  it('gives a stem that never goes quiet no floor at all', () => {
    const sr = 48000;
    const tone = Float32Array.from({ length: sr * 10 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / sr));
    const c = measure({ sampleRate: sr, channels: [tone, tone] });
    expect(c.noiseFloorDb).toBeNull();
    // A sine's peak is 3 dB over its RMS.
    expect(c.crestDb).toBeCloseTo(3, 0);
    expect(c.onsets.length).toBeLessThanOrEqual(1);
  });

  it('measures raw hits peaking far above their level, compressed ones much less', () => {
    const raw = stem({ part: 'drums', raw: true });
    const compressed = stem({ part: 'drums' });
    expect(raw.crestDb).toBeGreaterThan(18);
    expect(compressed.crestDb).toBeLessThan(15);
  });

  it('finds every hit of a drum part, where it falls', () => {
    const c = stem({ part: 'drums', seconds: 10 });
    // 8th notes at 120 BPM from 0.5 s to 9 s: 34 hits.
    expect(c.onsets).toHaveLength(34);
    c.onsets.forEach((t, i) => expect(Math.abs(t - (0.5 + i * 0.25))).toBeLessThan(0.004));
    expect(c.firstSoundSec).toBeCloseTo(0.5, 2);
  });

  it('fits the common grid and measures a part played off it', () => {
    const tight = [stem({ part: 'drums' }), stem({ part: 'bass' }), stem({ part: 'keys' })];
    const loose = stem({ part: 'drums', jitterMs: 20, seed: 3 });
    const grid = fitGrid([...tight, loose].flatMap((c) => c.onsets));
    expect(grid).not.toBeNull();
    // The commonest gap is an 8th note (250 ms); the grid is fitted to 0.1 ms.
    expect(grid!.stepSec * 1000).toBeCloseTo(250, 0);
    for (const c of tight) expect(offGridMs(c.onsets, grid!)).toBeLessThan(4);
    // Off by a normal spread of 20 ms: its median distance is 0.67 × 20 ms, give or take.
    expect(offGridMs(loose.onsets, grid!)).toBeGreaterThan(9);
    expect(offGridMs(loose.onsets, grid!)).toBeLessThan(19);
  });

  it('finds a finer grid when the parts use it, and none in free time', () => {
    // 16th notes among 8ths: the commonest gap is 250 ms, but half the onsets fall between.
    const eighths = Array.from({ length: 60 }, (_, i) => 1 + i * 0.25);
    const sixteenths = Array.from({ length: 60 }, (_, i) => 1.125 + i * 0.5);
    const fine = fitGrid([...eighths, ...eighths, ...sixteenths]);
    expect(fine!.stepSec * 1000).toBeCloseTo(125, 0);
    expect(offGridMs(sixteenths, fine!)).toBeLessThan(1);
    // Onsets at random times keep no grid.
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const free: number[] = [];
    for (let t = 0; t < 60; t += 0.1 + rand() * 0.9) free.push(t);
    expect(fitGrid(free)).toBeNull();
    expect(fitGrid([1, 2, 3])).toBeNull();
  });

  it('holds one number per 2.5 ms hop, not the samples', () => {
    const m = new StemCharacterMeter(48000);
    const piece = [new Float32Array(48000)];
    for (let s = 0; s < 600; s++) m.add(piece); // ten minutes of silence
    const c = m.result();
    expect(c.durationSec).toBe(600);
    expect(c.noiseFloorDb).toBe(DIGITAL_SILENCE_DB);
    expect(c.onsets).toEqual([]);
  });
});
