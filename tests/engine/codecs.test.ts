import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AudioFileError, decodeAudio, encodeAudio, readAudioFile, type OutputFormat } from '../../engine/io/index.js';
import type { AudioData } from '../../engine/types.js';
import { makeTrack } from '../helpers/music.js';
import { hasFfmpeg, hasSox, run, skipNotice } from '../helpers/tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-codecs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffmpeg');
if (!hasSox) skipNotice('sox');

/** Music-like test content already on the integer grid of `bits`, so lossless round trips are exact. */
function onGridAudio(bits: number, sampleRate = 48000, seconds = 1.5, channels = 2): AudioData {
  const scale = 2 ** (bits - 1);
  const n = Math.round(sampleRate * seconds);
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 0.05;
  const chs = Array.from({ length: channels }, (_, c) => {
    const ch = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      const v = 0.4 * Math.sin(2 * Math.PI * (220 + 110 * c) * t) + 0.2 * Math.sin(2 * Math.PI * 3520 * t) + noise();
      ch[i] = Math.max(-scale, Math.min(scale - 1, Math.round(v * scale))) / scale;
    }
    return ch;
  });
  // Full-scale extremes must survive too.
  chs[0]![0] = -1;
  chs[0]![1] = (scale - 1) / scale;
  return { sampleRate, channels: chs };
}

function expectIdentical(a: AudioData, b: AudioData): void {
  expect(b.sampleRate).toBe(a.sampleRate);
  expect(b.channels.length).toBe(a.channels.length);
  a.channels.forEach((ch, c) => {
    expect(b.channels[c]!.length).toBe(ch.length);
    let diffs = 0;
    for (let i = 0; i < ch.length; i++) if (b.channels[c]![i] !== ch[i]) diffs++;
    expect(diffs, `channel ${c} differs in ${diffs} samples`).toBe(0);
  });
}

describe('lossless round trips are bit-exact', () => {
  const cases: [OutputFormat, number, string][] = [
    ['wav16', 16, 'wav'],
    ['wav24', 24, 'wav'],
    ['aiff16', 16, 'aiff'],
    ['aiff24', 24, 'aiff'],
    ['flac16', 16, 'flac'],
    ['flac24', 24, 'flac'],
  ];
  it.each(cases)('%s', async (format, bits, container) => {
    const src = { ...onGridAudio(bits), bitDepth: bits };
    const decoded = await decodeAudio(await encodeAudio(src, format), `x.${container}`);
    expect(decoded.bitDepth).toBe(bits);
    expect(decoded.format).toBe(container);
    expectIdentical(src, decoded);
    // Loading the FLAC encoder hides Node's fetch for a moment (engine/io/flac.ts): it is back.
    expect(typeof globalThis.fetch).toBe('function');
  });

  it('wav32f keeps float samples exactly, including values beyond full scale', async () => {
    const src = onGridAudio(24);
    src.channels[1]![5] = 1.75;
    src.channels[1]![6] = 1e-9;
    expectIdentical(src, await decodeAudio(await encodeAudio(src, 'wav32f'), 'f.wav'));
  });

  it('mono and 44.1 kHz work too', async () => {
    const src = { ...onGridAudio(24, 44100, 0.5, 1), bitDepth: 24 };
    expectIdentical(src, await decodeAudio(await encodeAudio(src, 'flac24'), 'm.flac'));
    expectIdentical(src, await decodeAudio(await encodeAudio(src, 'aiff24'), 'm.aif'));
  });
});

describe('the dither generator jumps ahead (a thread starts it mid-piece)', () => {
  it('lands where that many steps land', async () => {
    const { xorshiftJump } = await import('../../engine/io/pcm.js');
    let s = 0x9e3779b9 | 0;
    const start = s;
    for (let k = 1; k <= 200_000; k++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      if (k % 7919 === 0 || k < 5) expect(xorshiftJump(start, k)).toBe(s | 0);
    }
    expect(xorshiftJump(start, 0)).toBe(start);
  });
});

describe('reducing bit depth dithers (TPDF), keeping precision does not', () => {
  it('a 24-bit source to 16-bit gets ±1 LSB triangular noise; 24 to 24 is untouched', async () => {
    const src = { ...onGridAudio(24), bitDepth: 24 };
    const back = await decodeAudio(await encodeAudio(src, 'wav16'), 'd.wav');
    const err = src.channels[0]!.map((v, i) => (back.channels[0]![i]! - v) * 32768);
    const maxErr = err.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
    const meanSq = err.reduce((s, e) => s + e * e, 0) / err.length;
    expect(maxErr).toBeLessThanOrEqual(1.5); // rounding plus ±1 LSB of dither
    // Rounding alone gives 1/12 LSB², TPDF dither adds 1/6: ~0.25 in total.
    expect(meanSq).toBeGreaterThan(0.2);
    expect(meanSq).toBeLessThan(0.3);
    expectIdentical(src, await decodeAudio(await encodeAudio(src, 'wav24'), 's.wav'));
  });
});

describe('MP3', () => {
  it.each(['mp3', 'mp3-v0'] as const)('%s encodes and decodes with the music intact', async (format) => {
    const src = onGridAudio(24, 44100, 2);
    const bytes = await encodeAudio(src, format);
    const back = await decodeAudio(bytes, 'x.mp3');
    expect(back.sampleRate).toBe(44100);
    expect(back.format).toBe('mp3');
    const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    expect(Math.abs(20 * Math.log10(rms(back.channels[0]!) / rms(src.channels[0]!)))).toBeLessThan(0.5);
    if (format === 'mp3') expect(bytes.length).toBeGreaterThan(((2 * 320_000) / 8) * 0.9); // 320 kbit/s for 2 s
  });
});

describe.runIf(hasSox && hasFfmpeg)('interoperability with sox and ffmpeg', () => {
  it('reads WAVE_FORMAT_EXTENSIBLE 24-bit, float64 WAV, AIFF-C sowt and ffmpeg FLAC/MP3 as ffmpeg does', async () => {
    const ref = path.join(dir, 'ref.wav');
    run('sox', ['-D', '-n', '-r', '48000', '-c', '2', '-b', '24', ref, 'synth', '1', 'sine', '440', 'sine', '660', 'vol', '0.5']);
    const variants: [string, string[]][] = [
      ['ext.wav', ['-c:a', 'pcm_s24le', '-rf64', 'never', '-write_bext', '0']],
      ['f64.wav', ['-c:a', 'pcm_f64le']],
      ['sowt.aifc', ['-c:a', 'pcm_s16le', '-f', 'aiff']],
      ['be.aif', ['-c:a', 'pcm_s24be']],
      ['ff.flac', ['-c:a', 'flac', '-sample_fmt', 's32']],
      ['ff.mp3', ['-c:a', 'libmp3lame', '-b:a', '320k']],
    ];
    const original = await readAudioFile(ref);
    for (const [name, args] of variants) {
      const f = path.join(dir, name);
      run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', ref, ...args, f]);
      const a = await readAudioFile(f);
      expect(a.channels.length, name).toBe(2);
      expect(a.sampleRate, name).toBe(48000);
      const tol = name.endsWith('.mp3') ? 0.05 : name.includes('sowt') ? 1e-4 : 1e-6;
      const offset = name.endsWith('.mp3') ? a.channels[0]!.length - original.channels[0]!.length : 0;
      if (!name.endsWith('.mp3')) {
        for (let i = 1000; i < 1100; i++) expect(Math.abs(a.channels[0]![i + offset]! - original.channels[0]![i]!), name).toBeLessThan(tol);
      }
    }
    // sox's extensible WAV (it writes WAVE_FORMAT_EXTENSIBLE for 24-bit).
    expect(readFileSync(ref).readUInt16LE(20)).toBe(0xfffe);
    expect(original.bitDepth).toBe(24);
  });

  it('ffmpeg reads what we write', async () => {
    const src = { ...onGridAudio(24), bitDepth: 24 };
    for (const format of ['wav24', 'aiff24', 'flac24', 'wav32f', 'mp3'] as const) {
      const f = path.join(dir, `out-${format}.bin`);
      writeFileSync(f, await encodeAudio(src, format));
      const probe = run('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate,channels', '-of', 'csv=p=0', f]).out.trim();
      expect(probe, format).toBe('48000,2');
      run('ffmpeg', ['-v', 'error', '-i', f, '-f', 'null', '-']); // decodes without error
    }
  });
});

describe('bad files get a clear error naming the file and the problem', () => {
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['empty.wav', async () => new Uint8Array(0), /^empty\.wav: the file is empty$/],
    [
      'notes.wav',
      async () => new TextEncoder().encode('these are my lyrics, not audio\n'.repeat(20)),
      /^notes\.wav: not an audio file we can read \(expected WAV, AIFF, FLAC or MP3\)$/,
    ],
    ['cut.wav', async () => (await encodeAudio({ ...onGridAudio(24), bitDepth: 24 }, 'wav24')).subarray(0, 5000), /^cut\.wav: the file is truncated/],
    ['cut.aif', async () => (await encodeAudio({ ...onGridAudio(24), bitDepth: 24 }, 'aiff24')).subarray(0, 5000), /^cut\.aif: the file is truncated/],
    [
      'cut.flac',
      async () => (await encodeAudio({ ...onGridAudio(24), bitDepth: 24 }, 'flac24')).subarray(0, 3000),
      /^cut\.flac: the file is truncated or corrupt: \d+ of its 72000 samples could be decoded$/,
    ],
    [
      'header-only.wav',
      async () => encodeAudio({ sampleRate: 48000, channels: [new Float32Array(0), new Float32Array(0)] }, 'wav16'),
      /^header-only\.wav: the file contains no audio/,
    ],
    [
      'adpcm.wav',
      async () => {
        const b = await encodeAudio({ ...onGridAudio(16), bitDepth: 16 }, 'wav16');
        b[20] = 2; // WAVE_FORMAT_ADPCM
        return b;
      },
      /^adpcm\.wav: unsupported WAV encoding \(format 2, 16-bit\)/,
    ],
    [
      'garbage.flac',
      async () => {
        const b = new Uint8Array(4000).map((_, i) => (i * 7919) & 0xff);
        b.set([0x66, 0x4c, 0x61, 0x43]);
        return b;
      },
      /^garbage\.flac: (corrupt|not a readable|the file contains no audio|FLAC file contains no audio)/,
    ],
  ];
  it.each(cases)('%s', async (name, make, message) => {
    const bytes = await make();
    await expect(decodeAudio(bytes, name)).rejects.toThrow(AudioFileError);
    await expect(decodeAudio(bytes, name)).rejects.toThrow(message);
  });

  it('float samples that are not numbers are refused with where they are (WAV read whole or in pieces, AIFF-C float)', async () => {
    const audio = onGridAudio(24);
    audio.channels[1]![24000] = Number.NaN;
    const wav = await encodeAudio(audio, 'wav32f');
    const message = /^broken\.wav: the file contains invalid samples \(not a number\) at 0\.500 s$/;
    await expect(decodeAudio(wav, 'broken.wav')).rejects.toThrow(message);
    const file = path.join(dir, 'broken.wav');
    writeFileSync(file, wav);
    await expect(readAudioFile(file)).rejects.toThrow(message);
    if (hasFfmpeg) {
      const aifc = path.join(dir, 'broken.aifc');
      run('ffmpeg', ['-v', 'error', '-y', '-i', file, '-c:a', 'pcm_f32be', '-f', 'aiff', aifc]);
      await expect(readAudioFile(aifc)).rejects.toThrow(/^broken\.aifc: the file contains invalid samples \(not a number\) at 0\.500 s$/);
    }
    // The same file with the sample repaired reads (the check finds only what is there).
    audio.channels[1]![24000] = 0;
    expect((await decodeAudio(await encodeAudio(audio, 'wav32f'), 'fixed.wav')).floatSource).toBe(true);
  });

  it('an MP3 renamed to .wav is read for what it is; a missing file is named', async () => {
    const mp3 = await encodeAudio(onGridAudio(24, 44100, 1), 'mp3');
    const f = path.join(dir, 'really-an-mp3.wav');
    writeFileSync(f, mp3);
    expect((await readAudioFile(f)).format).toBe('mp3');
    await expect(readAudioFile(path.join(dir, 'nope.wav'))).rejects.toThrow(/^nope\.wav: no such file$/);
  });
});

describe('MP3 from high-resolution audio', () => {
  it('a 96 kHz master becomes a 48 kHz MP3, an 88.2 kHz one 44.1 kHz', async () => {
    for (const [rate, expected] of [
      [96000, 48000],
      [88200, 44100],
    ] as const) {
      const src = onGridAudio(24, rate, 1);
      const back = await decodeAudio(await encodeAudio(src, 'mp3'), 'hi.mp3');
      expect(back.sampleRate).toBe(expected);
    }
  });
});

describe('WAV files are read and written in pieces', () => {
  it('a file larger than one piece reads back exactly, and a truncated file is refused', async () => {
    const { writeAudioFile } = await import('../../engine/io/index.js');
    const src = { ...onGridAudio(24, 48000, 40), bitDepth: 24 }; // 11.5 MB of samples: three pieces
    const f = path.join(dir, 'long.wav');
    await writeAudioFile(f, src, 'wav24');
    expect(readFileSync(f).length).toBe(44 + 40 * 48000 * 6);
    expectIdentical(src, await readAudioFile(f));
    const cut = path.join(dir, 'long-cut.wav');
    writeFileSync(cut, readFileSync(f).subarray(0, 5_000_000));
    await expect(readAudioFile(cut)).rejects.toThrow(
      /^long-cut\.wav: the file is truncated: its audio data should be 11520000 bytes but only 4999956 are there$/,
    );
  });

  it('a failed write leaves no file and no temporary behind', async () => {
    const { writeAudioFile } = await import('../../engine/io/index.js');
    const target = path.join(dir, 'no-such-folder', 'x.wav');
    await expect(writeAudioFile(target, onGridAudio(16), 'wav16')).rejects.toThrow();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });
});

// The MP3 carries the Xing/Info frame with LAME's delay and padding, so players drop what the
// encoder added: without it ffmpeg's decode was 1105 samples late and a frame longer than the master.
describe.runIf(hasFfmpeg)('MP3 plays gapless', () => {
  it.each(['mp3', 'mp3-v0'] as const)("%s: ffmpeg's decode has the master's length and lines up with it", async (format) => {
    const master = makeTrack(3, 48000);
    const n = master.channels[0]!.length;
    const file = path.join(dir, `gapless-${format}.mp3`);
    writeFileSync(file, await encodeAudio(master, format));
    const raw = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '2', '-'], { maxBuffer: 64 << 20 }).stdout;
    const decoded = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    expect(decoded.length / 2).toBe(n);
    // The lag at which the decoded left channel matches the master best, over the middle second.
    const l = master.channels[0]!;
    const match = (lag: number) => {
      let sum = 0;
      for (let i = n / 3; i < (2 * n) / 3; i++) sum += l[i]! * decoded[2 * (i + lag)]!;
      return sum;
    };
    const lags = [-3, -2, -1, 0, 1, 2, 3];
    expect(lags.reduce((best, lag) => (match(lag) > match(best) ? lag : best), -3)).toBe(0);
    // mixdesk's own decoder and probe agree.
    expect((await readAudioFile(file)).channels[0]!.length).toBe(n);
  });
});
