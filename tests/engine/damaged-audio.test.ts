// One validator for every reader (analysis, master, mixdown, uploads): a damaged stream is refused
// with one sentence naming the problem, not decoded into garbage that is then mastered.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../engine/analyze-file.js';
import { encodeAudio, readAudioFile } from '../../engine/io/index.js';
import { masterFile } from '../../engine/master-file.js';
import { makeTrack } from '../helpers/music.js';
import { runScript } from '../helpers/run-script.js';
import { hasFfmpeg, run, skipNotice } from '../helpers/tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-damaged-'));
if (!hasFfmpeg) skipNotice('ffmpeg');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic noise bytes (xorshift). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const file = (name: string, bytes: Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

// 2 KB of a real MP3 (ffmpeg's, tag and Info frame included) and then 1 MiB of noise: a download
// cut short and padded with junk.
const realThenNoise = () => {
  const real = path.join(dir, 'real.mp3');
  run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=44100:d=10', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', real, '-y']);
  const bytes = new Uint8Array(2048 + (1 << 20));
  bytes.set(readFileSync(real).subarray(0, 2048));
  bytes.set(noise(1 << 20, 7), 2048);
  return file('cut-then-noise.mp3', bytes);
};

// 400 valid MPEG-1 layer III frame headers (128 kbps, 44.1 kHz: 417 bytes a frame), each followed by noise.
const headersAndNoise = () => {
  const frames = new Uint8Array(400 * 417);
  for (let i = 0; i < 400; i++) {
    frames.set(noise(417, i + 1), i * 417);
    frames.set([0xff, 0xfb, 0x90, 0x64], i * 417);
  }
  return file('headers-and-noise.mp3', frames);
};

const oneSentence = /^[^\n]+$/;

describe('damaged MP3 streams', () => {
  it.skipIf(!hasFfmpeg)('2 KB of a real MP3 followed by 1 MiB of noise is refused by every reader', async () => {
    const f = realThenNoise();
    const whole = readAudioFile(f);
    await expect(whole).rejects.toThrow(/cut-then-noise\.mp3: the MP3 stream is damaged/);
    await expect(analyzeFile({ path: f, name: 'cut-then-noise.mp3', limits: {} })).rejects.toThrow(/the MP3 stream is damaged/);
    const err = await whole.then(
      () => new Error('read'),
      (e: Error) => e,
    );
    expect(err.message).toMatch(oneSentence);
  });

  it('frame headers with noise behind them decode to values far beyond full scale: refused, not mastered', async () => {
    const f = headersAndNoise();
    await expect(readAudioFile(f)).rejects.toThrow(/headers-and-noise\.mp3: the MP3 stream is damaged/);
    await expect(analyzeFile({ path: f, name: 'headers-and-noise.mp3', limits: {} })).rejects.toThrow(/the MP3 stream is damaged/);
    await expect(
      masterFile({
        input: f,
        name: 'headers-and-noise.mp3',
        outputs: [{ path: path.join(dir, 'out.wav'), format: 'wav24' }],
        reportPng: path.join(dir, 'out.png'),
        options: {},
      }),
    ).rejects.toThrow(/the MP3 stream is damaged/);
  });

  it.skipIf(!hasFfmpeg)('`mixdesk master` on the damaged file exits 1 with the reason, writes nothing, and prints no decoder noise', async () => {
    const f = realThenNoise();
    const out = path.join(dir, 'never.wav');
    const r = await runScript(['cli.ts', 'master', f, '-o', out], {});
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cut-then-noise\.mp3: the MP3 stream is damaged/);
    expect(r.err).not.toMatch(/mpg123-decoder|MPG123_ERR/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!hasFfmpeg)('a mono MP3 reads as one channel through every reader (it was refused as "changing format")', async () => {
    const f = path.join(dir, 'mono.mp3');
    run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=44100:d=3', '-c:a', 'libmp3lame', '-b:a', '96k', f, '-y']);
    const a = await analyzeFile({ path: f, name: 'mono.mp3', limits: {} });
    expect(a.format.channels).toBe(1);
    expect((await readAudioFile(f)).channels).toHaveLength(1);
  });

  it('a real MP3 still reads (and a few overs from a loud master are not damage)', async () => {
    const loud = makeTrack(3, 44100, { level: 0.99 });
    const audio = await readAudioFile(file('loud.mp3', await encodeAudio(loud, 'mp3')));
    expect(audio.sampleRate).toBe(44100);
    expect(audio.channels[0]!.length).toBeGreaterThan(44100 * 2.9);
  });
});
