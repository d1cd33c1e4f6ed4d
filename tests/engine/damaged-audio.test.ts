// One validator for every reader (analysis, master, mixdown, uploads): a damaged stream is refused
// with one sentence naming the problem, not decoded into garbage that is then mastered.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../engine/analyze-file.js';
import { AudioFileError, encodeAudio, readAudioFile } from '../../engine/io/index.js';
import { probeAudioFile } from '../../engine/io/probe.js';
import { audioProblemInWords } from '../../core/files/audio-problems.js';
import { inLanguage } from '../../core/texts.js';
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
    expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
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

describe('every refusal carries its reason as a code, so each reader’s language words it', () => {
  /** A WAV of 4800 silent frames whose header says what is given (with `fmtBytes`, its format chunk cut to that size; with `noData`, no data chunk). */
  function wavWith(o: {
    format?: number;
    channels?: number;
    rate?: number;
    bits?: number;
    blockAlign?: number;
    fmtBytes?: number;
    noData?: boolean;
  }): Uint8Array {
    const channels = o.channels ?? 2;
    const bits = o.bits ?? 16;
    const fmt = new Uint8Array(16);
    const f = new DataView(fmt.buffer);
    f.setUint16(0, o.format ?? 1, true);
    f.setUint16(2, channels, true);
    f.setUint32(4, o.rate ?? 48000, true);
    f.setUint32(8, ((o.rate ?? 48000) * channels * bits) / 8, true);
    f.setUint16(12, o.blockAlign ?? (channels * bits) / 8, true);
    f.setUint16(14, bits, true);
    const fmtBody = fmt.subarray(0, o.fmtBytes ?? 16);
    const data = o.noData ? new Uint8Array(0) : new Uint8Array(4800 * ((channels * bits) / 8));
    const chunks = [chunk('fmt ', fmtBody), ...(o.noData ? [] : [chunk('data', data)])];
    return concat([ascii('RIFF'), u32(4 + chunks.reduce((s, c) => s + c.length, 0)), ascii('WAVE'), ...chunks]);
  }
  /** An AIFF header: a COMM chunk saying what is given (left out with `noComm`), then 4800 frames. */
  function aiffWith(o: { channels?: number; rate?: number; bits?: number; noComm?: boolean }): Uint8Array {
    const channels = o.channels ?? 2;
    const bits = o.bits ?? 16;
    const comm = new Uint8Array(18);
    const v = new DataView(comm.buffer);
    v.setUint16(0, channels);
    v.setUint32(2, 4800);
    v.setUint16(6, bits);
    // 80-bit extended: the rate as exponent 16383 + e and a 64-bit mantissa.
    const rate = o.rate ?? 48000;
    const e = Math.floor(Math.log2(rate));
    v.setUint16(8, 16383 + e);
    v.setUint32(10, Math.round(rate * 2 ** (31 - e)) >>> 0);
    const ssnd = concat([u32be(0), u32be(0), new Uint8Array(4800 * channels * Math.ceil(bits / 8))]);
    const chunks = [...(o.noComm ? [] : [chunkBe('COMM', comm)]), chunkBe('SSND', ssnd)];
    return concat([ascii('FORM'), u32be(4 + chunks.reduce((s, c) => s + c.length, 0)), ascii('AIFF'), ...chunks]);
  }
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const u32 = (n: number) => Uint8Array.from([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24]);
  const u32be = (n: number) => Uint8Array.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  const chunk = (id: string, body: Uint8Array) => concat([ascii(id), u32(body.length), body, new Uint8Array(body.length & 1)]);
  const chunkBe = (id: string, body: Uint8Array) => concat([ascii(id), u32be(body.length), body, new Uint8Array(body.length & 1)]);
  const concat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };

  const cases: [string, Uint8Array, string][] = [
    ['empty.wav', new Uint8Array(0), 'empty'],
    ['lyrics.wav', ascii('these are my lyrics\n'.repeat(20)), 'not-audio'],
    ['short-fmt.wav', wavWith({ fmtBytes: 8 }), 'damaged'],
    ['no-data.wav', wavWith({ noData: true }), 'no-audio'],
    ['4khz.wav', wavWith({ rate: 4000 }), 'unsupported-rate'],
    ['40ch.wav', wavWith({ channels: 40 }), 'unsupported-channels'],
    ['adpcm.wav', wavWith({ format: 2, bits: 4 }), 'unsupported-encoding'],
    ['misaligned.wav', wavWith({ blockAlign: 3 }), 'damaged'],
    ['no-comm.aiff', aiffWith({ noComm: true }), 'damaged'],
    ['12bit.aiff', aiffWith({ bits: 12 }), 'unsupported-encoding'],
    ['4khz.aiff', aiffWith({ rate: 4000 }), 'unsupported-rate'],
    ['no-streaminfo.flac', concat([ascii('fLaC'), new Uint8Array(60).fill(0x7f)]), 'damaged'],
    ['rate-0.flac', concat([ascii('fLaC'), new Uint8Array(60)]), 'damaged'],
    ['tag-only.mp3', concat([ascii('ID3'), Uint8Array.from([4, 0, 0, 0, 0, 0, 10]), new Uint8Array(4000)]), 'damaged'],
  ];
  it.each(cases.map(([name, bytes, code]) => ({ name, code, bytes })))('$name: refused as $code when probed and when read', async ({ name, bytes, code }) => {
    const f = file(name, bytes);
    for (const read of [() => probeAudioFile(f, name), () => readAudioFile(f)]) {
      const err = await read().then(
        () => new Error(`${name} was read`),
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(AudioFileError);
      expect((err as AudioFileError).said?.code, err.message).toBe(code);
    }
  });

  it('so a Spanish reader gets Spanish words for each of them, never the engine’s English detail', async () => {
    for (const [name, bytes] of cases) {
      const err = (await probeAudioFile(file(name, bytes), name).catch((e: unknown) => e)) as AudioFileError;
      const words = inLanguage('es', () => audioProblemInWords(err));
      expect(words, name).not.toContain(err.problem);
      expect(words, name).not.toMatch(/no se puede leer \(/);
    }
  });
});
