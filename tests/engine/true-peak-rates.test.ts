// Issue 33.1 and 33.2: a master holds its ceiling as a 16x meter reads it at any sample rate, its
// report says what such a meter says, and the instrumental and a cappella mastered with it hold the
// ceiling too while still summing to the master. Checked by an independent 16x meter written for
// the tests (tests/helpers/true-peak-16x.ts) and by ffmpeg's ebur128, on rendered material and, where
// Debian's singularity-music is installed, on real recordings (CC BY-SA 3.0, Max McCracken).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAudioFile, writeAudioFile } from '../../engine/io/index.js';
import { master } from '../../engine/master.js';
import { mp3TruePeak, truePeakAfterMp3 } from '../../engine/lossy-check.js';
import { resample } from '../../engine/dsp/resample.js';
import type { AudioData } from '../../engine/types.js';
import { makeTrack, residualDb } from '../helpers/music.js';
import { decodeExcerpt, ffmpegEbur128, hasFfmpeg, REAL_MUSIC, skipNotice } from '../helpers/tools.js';
import { dbtp, sixteenTimesPeak } from '../helpers/true-peak-16x.js';
import { gainMovement } from '../helpers/gain-movement.js';
import { loudnormTwoPass } from '../../bench/ffmpeg.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-tp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffmpeg');

/** The file at `rate` through ffmpeg's soxr resampler (band-limited as a real recording is), `seconds` from `from`. */
async function atRate(source: string, rate: number, from = 0, seconds = 8): Promise<AudioData> {
  const out = path.join(dir, `${path.basename(source).replace(/\W/g, '_')}-${from}-${seconds}-${rate}.wav`);
  if (!existsSync(out)) decodeExcerpt(source, out, { from, seconds, rate });
  return readAudioFile(out);
}

/**
 * A rendered song with subsonic weight (12 and 18 Hz under the music, as the track had), made
 * at 192 kHz so each rate is a band-limited conversion of it.
 */
const renderedSong = (() => {
  let file: string | undefined;
  return async () => {
    if (file) return file;
    const t = makeTrack(8, 192000);
    for (const ch of t.channels)
      for (let i = 0; i < ch.length; i++) ch[i]! += 0.2 * Math.sin((2 * Math.PI * 12 * i) / 192000) + 0.12 * Math.sin((2 * Math.PI * 18 * i) / 192000);
    file = path.join(dir, 'song-192k.wav');
    await writeAudioFile(file, t, 'wav32f');
    return file;
  };
})();

/** What the master holds against its ceiling, three ways: the report, the independent 16x meter, ffmpeg. */
async function measured(a: AudioData, name: string) {
  const file = path.join(dir, `${name}.wav`);
  await writeAudioFile(file, a, 'wav32f');
  return { independent: dbtp(sixteenTimesPeak(a.channels)), ffmpeg: ffmpegEbur128(file).truePeak };
}

describe.skipIf(!hasFfmpeg)('true peak at any sample rate, as a 16x meter reads it (issue 33.1)', () => {
  it.each([44100, 48000, 96000])('a master at %i Hz keeps under its -1 dBTP ceiling, on target, and its report agrees with the meters', async (rate) => {
    const r = master(await atRate(await renderedSong(), rate), { preset: 'streaming' });
    const m = await measured(r.audio, `master-${rate}`);
    expect(m.independent).toBeLessThanOrEqual(-1 + 0.005);
    expect(m.ffmpeg).toBeLessThanOrEqual(-1);
    // The report is a 16x meter's reading, not the limiter's 4x one (it said -1.10 over a -0.97 peak).
    expect(Math.abs(r.after.peaks.truePeakDbtp - m.independent)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(r.after.loudness.integratedLufs + 14)).toBeLessThanOrEqual(0.1);
    expect(r.targetMet).toBe(true);
  });

  const music = REAL_MUSIC;
  const real = ['Awakening.ogg', 'Nebula.ogg'].map((f) => path.join(music, f)).filter((f) => existsSync(f));
  if (!real.length) console.warn(`${music} not found: the real-recording cases are SKIPPED (CI installs it: apt-get install singularity-music).`);
  it.skipIf(!real.length).each(real.flatMap((f) => [44100, 48000].map((rate) => [path.basename(f), rate] as const)))(
    'a real recording (%s) at %i Hz mastered loud keeps under its -2 dBTP ceiling as both meters read it',
    async (name, rate) => {
      const r = master(await atRate(path.join(music, name), rate, 40, 10), { preset: 'loud' });
      const m = await measured(r.audio, `real-${name}-${rate}`);
      expect(m.independent).toBeLessThanOrEqual(-2 + 0.005);
      expect(m.ffmpeg).toBeLessThanOrEqual(-2);
      expect(Math.abs(r.after.peaks.truePeakDbtp - m.independent)).toBeLessThanOrEqual(0.02);
    },
  );
});

describe('the parts mastered with the mix keep under the ceiling too (issue 33.2)', () => {
  it('instrumental and a cappella each hold -1 dBTP at 16x and still sum to the master within -100 dB', () => {
    // An a cappella whose stem carries the backing's bleed phase-inverted (as a vocal mic's
    // spill, aligned, does): the mix is quieter than its instrumental, which the mix's limiter
    // alone would leave 3 dB over the ceiling.
    // Made at 96 kHz and converted, so it is band-limited as recordings are (white-noise hats
    // reaching Nyquist have no one true peak: meters differ by their filters' last 2 %).
    const fs = 48000;
    const inst = resample(makeTrack(6, 96000, { level: 0.5 }), fs);
    const vox = {
      ...inst,
      channels: inst.channels.map((ch) =>
        Float32Array.from(ch, (v, i) => -0.35 * v + 0.12 * Math.sin((2 * Math.PI * 330 * i) / fs) * (0.6 + 0.4 * Math.sin((2 * Math.PI * 2 * i) / fs))),
      ),
    };
    const mix = { ...inst, channels: inst.channels.map((ch, c) => Float32Array.from(ch, (v, i) => v + vox.channels[c]![i]!)) };
    const r = master(mix, { preset: 'streaming', parts: [inst, vox] });
    const [i, v] = r.parts as [AudioData, AudioData];
    expect(dbtp(sixteenTimesPeak(r.audio.channels))).toBeLessThanOrEqual(-1 + 0.005);
    expect(dbtp(sixteenTimesPeak(i.channels))).toBeLessThanOrEqual(-1 + 0.005);
    expect(dbtp(sixteenTimesPeak(v.channels))).toBeLessThanOrEqual(-1 + 0.005);
    expect(residualDb(r.audio, [i, v])).toBeLessThanOrEqual(-100);
  });
});

describe.skipIf(!hasFfmpeg)('the same song at any sample rate gets the same decisions (issue 33.5)', () => {
  /** What the master decided, in the terms a report states them. */
  const decisions = (r: ReturnType<typeof master>) => ({
    monoLows: r.chain.sideHighpassHz,
    eq: Object.fromEntries(r.chain.eq.map((b) => [`${b.type} ${b.hz}`, b.gainDb])),
    threshold: r.chain.compressor.thresholdDb,
    lufs: r.after.loudness.integratedLufs,
  });

  const sources = async () => {
    const music = path.join(REAL_MUSIC, 'Through Space.ogg');
    return [{ file: await renderedSong(), from: 0 }, ...(existsSync(music) ? [{ file: music, from: 40 }] : [])];
  };

  it('a rendered song (and a real recording, where installed) at 44.1, 48 and 96 kHz: the same mono lows and EQ bands within 0.15 dB, loudness within 0.05 LU', async () => {
    for (const { file, from } of await sources()) {
      const [a, b, c] = await Promise.all(
        [44100, 48000, 96000].map(async (rate) => decisions(master(await atRate(file, rate, from), { preset: 'streaming' }))),
      );
      for (const other of [b!, c!]) {
        expect(other.monoLows, file).toBe(a!.monoLows);
        expect(Object.keys(other.eq).sort(), file).toEqual(Object.keys(a!.eq).sort());
        for (const [band, gain] of Object.entries(a!.eq)) expect(Math.abs(other.eq[band]! - gain), `${file}: ${band}`).toBeLessThanOrEqual(0.15);
        expect(Math.abs(other.threshold - a!.threshold), file).toBeLessThanOrEqual(0.15);
        expect(Math.abs(other.lufs - a!.lufs), file).toBeLessThanOrEqual(0.05);
      }
    }
  });
});

describe.skipIf(!hasFfmpeg)('loud that is loud (issue 33.4)', () => {
  const music = REAL_MUSIC;
  const real = ['A New Journey.ogg', 'By-Product.ogg'].map((f) => path.join(music, f)).filter((f) => existsSync(f));
  // (Mastered loud, each stopped 0.3-1 LU short: a few hits needed more than the 12 dB of limiting the preset allows.)
  it.skipIf(!real.length).each(real.map((f) => path.basename(f)))(
    '%s asked for -9 LUFS with --preset loud gets there (±0.3 LU, ebur128), under -2 dBTP at 16x, and the report says the clipper helped',
    async (name) => {
      const r = master(await atRate(path.join(music, name), 48000, 30, 20), { preset: 'loud' });
      const m = await measured(r.audio, `loud-${name}`);
      expect(Math.abs(ffmpegEbur128(path.join(dir, `loud-${name}.wav`)).integrated + 9)).toBeLessThanOrEqual(0.3);
      expect(m.independent).toBeLessThanOrEqual(-2 + 0.005);
      expect(r.chain.clipper?.deepestDb).toBeGreaterThan(0);
      expect(r.chain.clipper!.deepestDb).toBeLessThanOrEqual(3.5);
      expect(r.notes.map((n) => n.code)).toContain('peaks-clipped');
    },
  );

  // Asked for -9 LUFS, loudnorm's dynamic mode stops far short (it rides a 3 s window and will not
  // limit hard: -12.5 and -15.2 LUFS on these tracks' minute from 0:30, -21.2 to -11.4 on the bench's
  // twenty), over its -2 dBTP;
  // at the loudness it does reach, the engine's gain moves less.
  it.skipIf(!real.length).each(real.map((f) => path.basename(f)))(
    "%s: at the loudness loudnorm's dynamic mode reaches when asked for -9 LUFS, the gain moves less than loudnorm's",
    async (name) => {
      const input = path.join(dir, `dyn-in-${name}.wav`);
      const audio = await atRate(path.join(music, name), 48000, 30, 20);
      await writeAudioFile(input, audio, 'wav32f');
      const dynamic = path.join(dir, `dyn-${name}.wav`);
      loudnormTwoPass(input, dynamic, { lufs: -9, tp: -2, dynamic: true, output: ['-ar', '48000', '-c:a', 'pcm_f32le'] });
      const reached = ffmpegEbur128(dynamic).integrated;
      expect(reached).toBeLessThan(-10); // short of -9 by more than a decibel
      const ours = master({ ...audio, channels: audio.channels.map((c) => c.slice()) }, { preset: 'loud', targetLufs: Math.round(reached * 10) / 10 });
      expect(Math.abs(ours.after.loudness.integratedLufs - reached)).toBeLessThanOrEqual(0.15);
      expect(gainMovement(audio, ours.audio)).toBeLessThan(gainMovement(audio, await readAudioFile(dynamic)));
    },
    60_000,
  );

  it("with parts, the clipper cuts them by the mix's own factor: they still null and hold the ceiling", () => {
    const fs = 48000;
    const inst = resample(makeTrack(6, 96000, { level: 0.5 }), fs);
    const vox = { ...inst, channels: inst.channels.map((ch) => Float32Array.from(ch, (_, i) => 0.15 * Math.sin((2 * Math.PI * 330 * i) / fs))) };
    const mix = { ...inst, channels: inst.channels.map((ch, c) => Float32Array.from(ch, (v, i) => v + vox.channels[c]![i]!)) };
    const r = master(mix, { preset: 'loud', targetLufs: -8, parts: [inst, vox] });
    expect(r.chain.clipper?.deepestDb).toBeGreaterThan(0);
    const [i, v] = r.parts as [AudioData, AudioData];
    for (const a of [r.audio, i, v]) expect(dbtp(sixteenTimesPeak(a.channels))).toBeLessThanOrEqual(-2 + 0.005);
    expect(residualDb(r.audio, [i, v])).toBeLessThanOrEqual(-100);
  });

  it('where even the clipper cannot get there, the note says about how much more it would take', () => {
    // Very peaky: a click track over a quiet pad, asked for -6 LUFS.
    const fs = 48000;
    const x = Float32Array.from({ length: fs * 6 }, (_, i) => (i % 24000 < 48 ? 0.9 * Math.sin(i * 0.9) : 0.01 * Math.sin((2 * Math.PI * 220 * i) / fs)));
    const r = master({ sampleRate: fs, channels: [x, Float32Array.from(x)] }, { preset: 'loud', targetLufs: -6 });
    expect(r.targetMet).toBe(false);
    const note = r.notes.find((n) => n.code === 'limiting-stops-short');
    expect(note && 'needsDb' in note && Number(note.needsDb)).toBeGreaterThan(1);
    expect(r.warnings.join(' ')).toMatch(/would need about \d+\.\d dB more limiting than the 12 dB allowed/);
  });
});

describe.skipIf(!hasFfmpeg)("the report's true peak after MP3 encoding reads as the whole MP3 does (issue 33.6)", () => {
  const music = REAL_MUSIC;
  // The three the estimate missed most when it took the 8 half seconds with the highest sample
  // peaks: a loud master has dozens at the ceiling (0.26 and 0.18 dB under), and an excerpt that
  // starts mid-music overshoots where it starts (0.11 dB under).
  const cases = [
    ['Deprecation.ogg', 'loud'],
    ['By-Product.ogg', 'loud'],
    ['Awakening.ogg', 'streaming'],
  ] as const;
  const real = cases.filter(([f]) => existsSync(path.join(music, f)));
  if (!real.length) console.warn(`${music} not found: the MP3 estimate cases are SKIPPED (CI installs it: apt-get install singularity-music).`);
  it.skipIf(!real.length).each(real)(
    '%s, %s preset: the estimate at most 0.1 dB under the whole 320 kbps MP3 (and at most 0.25 over)',
    async (name, preset) => {
      const r = master(await atRate(path.join(music, name), 48000, 30, 60), { preset });
      const estimate = await truePeakAfterMp3(r.audio);
      expect(estimate.stretches).toBe(8);
      // A sample reads high more often than low (the joins between stretches are transients of
      // their own): under is what would pass a master that clips once encoded.
      const whole = await mp3TruePeak(r.audio);
      expect(estimate.dbtp).toBeGreaterThanOrEqual(whole - 0.1);
      expect(estimate.dbtp).toBeLessThanOrEqual(whole + 0.25);
    },
    60_000,
  );
});
