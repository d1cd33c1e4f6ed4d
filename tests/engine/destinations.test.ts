// Masters for their destinations: CD at 44.1 kHz/16-bit, vinyl with mono lows, no brick-wall
// loudness and the cutting engineer's warnings; every master's files checked against what its
// destination takes, and its true peak once a lossy copy is made.
import { describe, expect, it } from 'vitest';
import { averageSpectrum } from '../../engine/analysis/spectrum.js';
import { destinationChecks, formatChecks } from '../../engine/destinations.js';
import { truePeakAfterMp3 } from '../../engine/lossy-check.js';
import { highFrequencyDb } from '../../engine/vinyl.js';
import { master } from '../../engine/master.js';
import { reportText } from '../../engine/report.js';
import type { AudioData } from '../../engine/types.js';
import { makeTrack } from '../helpers/music.js';

const copy = (a: AudioData): AudioData => ({ ...a, channels: a.channels.map((c) => c.slice()) });

/** Side energy below `hz`, relative to the mid's, dB (-Infinity: mono there). */
function sideBelow(a: AudioData, hz: number): number {
  const mid = averageSpectrum(a.channels, a.sampleRate);
  const side = averageSpectrum(a.channels, a.sampleRate, undefined, undefined, 'side');
  const sum = (s: typeof mid) => s.hz.reduce((t, f, i) => (f >= 30 && f <= hz ? t + 10 ** (s.db[i]! / 10) : t), 0);
  return 10 * Math.log10(sum(side) / sum(mid));
}

/** A track with a bass line in opposite polarity left and right (a mistake mono would cancel). */
function wideBass(seconds: number): AudioData {
  const a = makeTrack(seconds);
  const sr = a.sampleRate;
  const [l, r] = a.channels as [Float32Array, Float32Array];
  for (let i = 0; i < l.length; i++) {
    const bass = 0.3 * Math.sin((2 * Math.PI * 60 * i) / sr);
    l[i]! += bass;
    r[i]! -= bass;
  }
  return a;
}

describe('destination presets', () => {
  it('CD: mastered at 44.1 kHz from a 48 kHz mix, under -0.5 dBTP there', () => {
    const r = master(makeTrack(8, 48000), { preset: 'cd' });
    expect(r.audio.sampleRate).toBe(44100);
    expect(r.after.format.sampleRate).toBe(44100);
    expect(r.audio.channels[0]!.length).toBe(8 * 44100);
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(-0.5);
  });

  it('vinyl: the lows made mono below 150 Hz even when out of phase, and the report says what it cost', () => {
    const input = wideBass(10);
    expect(sideBelow(input, 140)).toBeGreaterThan(-10);
    const streaming = master(copy(input), { preset: 'streaming' });
    expect(streaming.chain.sideHighpassHz).toBeNull(); // streaming keeps such lows stereo (and warns)
    const vinyl = master(copy(input), { preset: 'vinyl' });
    expect(vinyl.chain.sideHighpassHz).toBe(150);
    expect(sideBelow(vinyl.audio, 100)).toBeLessThan(-20);
    expect(vinyl.warnings.join('\n')).toMatch(
      /For vinyl the low end is made mono below 150 Hz .* out of phase \(correlation -\d\.\d\d\) and lose (\d+\.\d|more than 40) dB in mono/,
    );
  });

  it('vinyl: no brick-wall loudness — at most 1.5 dB of limiting, short of -14 LUFS without calling it a failure', () => {
    const r = master(makeTrack(10), { preset: 'vinyl' });
    expect(r.chain.limiter.maxReductionDb).toBeLessThanOrEqual(1.55);
    expect(r.after.loudness.integratedLufs).toBeLessThan(-14.3);
    expect(r.targetMet).toBe(true);
    expect(r.warnings.join('\n')).toContain('No brick-wall loudness: ');
    expect(r.warnings.join('\n')).not.toMatch(/would need more than/);
    expect(reportText(r, 'mix.wav')).toMatch(/\nUp to -14 LUFS, within the limiting bound: -1\d\.\d+ LUFS, -\d\.\d+ dBTP\.\n/);
    // The same mix for streaming reaches -14 with the limiting it takes.
    const s = master(makeTrack(10), { preset: 'streaming' });
    expect(Math.abs(s.after.loudness.integratedLufs + 14)).toBeLessThan(0.3);
    expect(s.chain.limiter.maxReductionDb).toBeGreaterThan(1.5);
  });

  it('vinyl: a bright, sibilant master and left/right out of phase are flagged for the cut; a balanced one is not', () => {
    const balanced = master(makeTrack(10), { preset: 'vinyl' });
    expect(highFrequencyDb(balanced.after)).toBeLessThan(-6);
    expect(balanced.warnings.filter((w) => w.startsWith('Vinyl:'))).toEqual([]);
    // Bursts of 5–10 kHz hiss, like sibilance, over the same track.
    const bright = makeTrack(10);
    const sr = bright.sampleRate;
    let seed = 3;
    for (const ch of bright.channels)
      for (let i = 0; i < ch.length; i++) {
        seed = (seed * 16807) % 2147483647;
        const burst = Math.floor(i / (sr / 4)) % 2 === 0 ? 1 : 0;
        ch[i]! += burst * 0.25 * ((seed / 2147483647) * 2 - 1) * Math.sin((2 * Math.PI * 7000 * i) / sr);
      }
    const b = master(bright, { preset: 'vinyl' });
    expect(highFrequencyDb(b.after)).toBeGreaterThan(-6);
    expect(b.warnings.join('\n')).toMatch(/^Vinyl: high frequencies \(5–10 kHz\) sit -?\d+\.\d dB from the midrange/m);
    const inverted = master(makeTrack(10, 48000, { invertRight: true }), { preset: 'vinyl' });
    expect(inverted.warnings.join('\n')).toMatch(/^Vinyl: left and right are partly out of phase \(correlation -\d\.\d\d/m);
  });

  it('checks each delivered format against the destination', () => {
    const lines = (p: Parameters<typeof formatChecks>[0], rate: number, f: Parameters<typeof formatChecks>[2]) =>
      formatChecks(p, rate, f).map((c) => `${c.ok ? '✓' : '✗'} ${c.text}`);
    expect(lines('cd', 44100, ['wav16', 'wav24', 'mp3'])).toEqual([
      '✓ WAV 16-bit, 44.1 kHz: Red Book CD audio (dithered to 16-bit)',
      '✗ WAV 24-bit, 44.1 kHz: a CD needs 44.1 kHz, 16-bit',
      '✗ MP3 320k, 44.1 kHz: a lossy file; CD plants want a lossless one (WAV, AIFF or FLAC)',
    ]);
    expect(lines('cd', 48000, ['flac16'])).toEqual(['✗ FLAC 16-bit, 48 kHz: a CD needs 44.1 kHz, 16-bit']);
    expect(lines('apple', 48000, ['aiff24', 'wav16'])).toEqual([
      '✓ AIFF 24-bit, 48 kHz: meets Apple Digital Masters (24-bit, 44.1 kHz or more)',
      '✗ WAV 16-bit, 48 kHz: Apple Digital Masters needs 24-bit at 44.1 kHz or more',
    ]);
    expect(lines('vinyl', 96000, ['wav24', 'wav16'])).toEqual([
      "✓ WAV 24-bit, 96 kHz: what cutting engineers ask for (24-bit, no dither, the mix's rate)",
      '✗ WAV 16-bit, 96 kHz: cutting engineers ask for 24-bit',
    ]);
    expect(lines('streaming', 32000, ['flac24'])).toEqual(['✗ FLAC 24-bit, 32 kHz: distributors need 44.1 kHz or more']);
    expect(lines('loud', 44100, ['mp3'])).toEqual(['✗ MP3 320k, 44.1 kHz: a lossy file; distributors want a lossless one (WAV, AIFF or FLAC)']);
  });

  it('measures the true peak of an MP3 made from the master: under 0 dBTP from a -1 dBTP master, over it from a full-scale square wave', async () => {
    const r = master(makeTrack(20), { preset: 'streaming' });
    const lossy = await truePeakAfterMp3(r.audio);
    expect(lossy.stretches).toBe(8);
    expect(lossy.dbtp).toBeLessThan(0);
    expect(lossy.dbtp).toBeGreaterThan(r.after.peaks.truePeakDbtp - 1);
    // A square wave at full scale: the codec's band limit rings over it (Gibbs), well over 0 dBTP.
    const sr = 48000;
    const square = Float32Array.from({ length: sr * 1.5 }, (_, i) => (Math.floor((i * 2 * 441) / sr) % 2 ? -0.99 : 0.99));
    const hot = { sampleRate: sr, channels: [square, square.slice()] };
    const checks = await destinationChecks('loud', hot, ['wav24']);
    expect(checks[0]).toBe('Destination checks (loud (club, competitive genres)):');
    expect(checks.at(-1)).toMatch(
      /^ {2}✗ True peak after MP3 encoding \(320 kbps, the whole master\): \d\.\d\d dBTP: within 0.2 dB of 0 dBTP or over it, lossy copies may clip on playback/,
    );
  });
});
