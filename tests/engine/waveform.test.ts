// The outline a listening page draws: each column the lowest and highest sample of any channel in
// its stretch of time, between WAVEFORM_COLUMNS and twice as many columns whatever the length,
// the same read in pieces as whole, from a file streamed without trusting its header.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../engine/analyze-file.js';
import { WAVEFORM_COLUMNS, WaveformMeter, waveformOf } from '../../engine/analysis/waveform.js';
import { encodeAudio } from '../../engine/io/index.js';
import { makeTrack } from '../helpers/music.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-waveform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columnsOf = (peaks: number[]) => peaks.length / 2;

describe('waveform outline', () => {
  it('keeps between the wanted columns and twice as many, whatever the length', () => {
    for (const seconds of [0.5, 6, 61, 1800]) {
      const frames = Math.round(seconds * 8000);
      const w = waveformOf({ sampleRate: 8000, channels: [new Float32Array(frames), new Float32Array(frames)] });
      expect(w.seconds).toBeCloseTo(seconds, 6);
      if (seconds >= 61) {
        expect(columnsOf(w.peaks)).toBeGreaterThanOrEqual(WAVEFORM_COLUMNS);
        expect(columnsOf(w.peaks)).toBeLessThanOrEqual(2 * WAVEFORM_COLUMNS);
      }
    }
  });

  it('each column holds the lowest and highest sample of any channel, where they are in time', () => {
    const sampleRate = 48000;
    const frames = sampleRate * 60;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    // A click on the left at 15 s (up), one on the right at 45 s (down); silence elsewhere.
    left[15 * sampleRate] = 0.8;
    right[45 * sampleRate] = -0.5;
    const w = waveformOf({ sampleRate, channels: [left, right] });
    const columns = columnsOf(w.peaks);
    const up = w.peaks.findIndex((v) => v !== 0);
    const down = w.peaks.findLastIndex((v) => v !== 0);
    expect([w.peaks[up], w.peaks[down]]).toEqual([Math.round(0.8 * 127), Math.round(-0.5 * 127)]);
    expect([up % 2, down % 2]).toEqual([1, 0]); // a highest, then a lowest
    // Where they are, within two columns (a column is under 60 ms of this minute).
    const at = (index: number) => (Math.floor(index / 2) / columns) * 60;
    expect(Math.abs(at(up) - 15)).toBeLessThan((2 * 60) / columns);
    expect(Math.abs(at(down) - 45)).toBeLessThan((2 * 60) / columns);
    expect(w.peaks.filter((v) => v !== 0)).toHaveLength(2);
    // Past full scale is drawn at full scale.
    left[0] = 1.7;
    expect(waveformOf({ sampleRate, channels: [left, right] }).peaks[1]).toBe(127);
  });

  it('read in uneven pieces it is the same as read whole', () => {
    const audio = makeTrack(20, 44100);
    const whole = waveformOf(audio);
    const meter = new WaveformMeter(audio.sampleRate);
    const n = audio.channels[0]!.length;
    for (let i = 0, step = 1; i < n; i += step, step = (step * 7 + 3) % 9973) meter.add(audio.channels.map((c) => c.subarray(i, Math.min(n, i + step))));
    expect(meter.result()).toEqual(whole);
  });

  it('a streamed file draws the same outline as the same audio in memory', async () => {
    const audio = makeTrack(8, 48000);
    const file = path.join(dir, 'song.wav');
    writeFileSync(file, await encodeAudio(audio, 'wav24'));
    const analysed = await analyzeFile({ path: file, name: 'song.wav', limits: {}, waveform: true });
    const inMemory = waveformOf(audio);
    expect(analysed.waveform!.seconds).toBeCloseTo(8, 6);
    expect(analysed.waveform!.peaks).toHaveLength(inMemory.peaks.length);
    // 24-bit rounding can move a value across a step of 1/127 at most.
    const worst = Math.max(...analysed.waveform!.peaks.map((v, i) => Math.abs(v - inMemory.peaks[i]!)));
    expect(worst).toBeLessThanOrEqual(1);
    expect((await analyzeFile({ path: file, name: 'song.wav', limits: {} })).waveform).toBeUndefined();
  });
});
