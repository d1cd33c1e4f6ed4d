// A file is judged by what it will decode to before it is decoded: a small file claiming hours of
// audio is refused from its headers, a header that lies is caught while decoding, and bytes that
// merely start like MP3 are not taken for MP3.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeAudio, readAudioFile } from '../../engine/io/index.js';
import { parseMpegHeader, probeAudioFile } from '../../engine/io/probe.js';
import { makeTrack } from '../helpers/music.js';
import { hasFfmpeg, run, skipNotice } from '../helpers/tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffmpeg');

const file = (name: string, bytes: Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

describe('probing audio files from their headers', () => {
  it('reads the length of WAV, AIFF, FLAC and MP3 without decoding', async () => {
    const track = makeTrack(3, 44100);
    for (const [format, ext] of [
      ['wav24', 'wav'],
      ['aiff16', 'aif'],
      ['flac24', 'flac'],
      ['mp3', 'mp3'],
    ] as const) {
      const p = await probeAudioFile(file(`t.${ext}`, await encodeAudio(track, format)));
      expect(p.sampleRate, format).toBe(44100);
      expect(p.channels, format).toBe(2);
      // MP3 adds encoder delay and padding (whole frames); the others are exact.
      expect(p.durationSec!, format).toBeCloseTo(3, format === 'mp3' ? 0 : 6);
    }
  });

  it.skipIf(!hasFfmpeg)(
    'refuses a 2-hour silent FLAC (a few MB) before decoding it, with little memory',
    async () => {
      const f = path.join(dir, 'two-hours.flac');
      run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', '7200', '-c:a', 'flac', '-sample_fmt', 's16', f, '-y']);
      const before = process.resourceUsage().maxRSS;
      await expect(readAudioFile(f, { maxSeconds: 3600 })).rejects.toThrow(/it is 2 h 0 min long; the studio takes files of up to 1 h 0 min/);
      // maxRSS is in KB: the peak grew by far less than the 2.7 GB the file decodes to.
      expect((process.resourceUsage().maxRSS - before) / 1024).toBeLessThan(300);

      // The same file with its length taken out of the header: refused while decoding, at the bound.
      const bytes = new Uint8Array(readFileSync(f));
      bytes.fill(0, 22, 26);
      bytes[21] = bytes[21]! & 0xf0;
      const unknown = file('unknown-length.flac', bytes);
      expect((await probeAudioFile(unknown)).durationSec).toBeNull();
      await expect(readAudioFile(unknown, { maxSeconds: 60 })).rejects.toThrow(/decodes to more than the 2880000 samples per channel allowed/);
      expect((process.resourceUsage().maxRSS - before) / 1024).toBeLessThan(300);
    },
    120_000,
  );

  it('refuses random bytes behind one MP3 frame header', async () => {
    const junk = new Uint8Array(50_000).map((_, i) => (i * 7919 + 13) % 251);
    junk.set([0xff, 0xfb, 0x90, 0x64], 0); // MPEG 1 layer III, 128 kbps, 44.1 kHz
    expect(parseMpegHeader(junk)).toBeDefined();
    await expect(probeAudioFile(file('junk.mp3', junk))).rejects.toThrow(/not a readable MP3 file \(no run of MPEG audio frames\)/);
    await expect(readAudioFile(path.join(dir, 'junk.mp3'))).rejects.toThrow(/no run of MPEG audio frames/);
  });

  it.skipIf(!hasFfmpeg)('refuses a truncated MP3 whose header declares 30 s, naming both lengths', async () => {
    const f = path.join(dir, 'thirty.mp3');
    run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=44100:d=30', '-c:a', 'libmp3lame', '-b:a', '128k', f, '-y']);
    expect((await probeAudioFile(f)).durationSec!).toBeCloseTo(30, 0);
    const whole = readFileSync(f);
    // The tag, the Info frame and one audio frame: what a broken download leaves.
    const cut = file('cut.mp3', whole.subarray(0, whole.indexOf(Buffer.from('Info')) + 418 * 2));
    await expect(probeAudioFile(cut)).rejects.toThrow(/truncated: its header declares 30\.\d s of audio but only 0\.0 s is there/);
  });
});
