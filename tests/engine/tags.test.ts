// Release-ready files: title, artist, ISRC and year written into every delivered format, read back
// by ffprobe as distributors' tools read them, and by our own reader with the audio unchanged; and
// what the streaming platforms' loudness normalisation will do to the master.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeAudio, normalIsrc, outputFormats, readAudioFile, writeAudioFile, type OutputFormat } from '../../engine/io/index.js';
import { extensionOf } from '../../engine/index.js';
import { makeTrack } from '../helpers/music.js';
import { projectRoot } from '../../db/schemas.js';
import { hasFfmpeg, skipNotice } from '../helpers/tools.js';
import { asciiSpelling } from '../../engine/io/tags.js';
import { turnDownLine, turnDowns } from '../../engine/platforms.js';
import { master } from '../../engine/master.js';
import { analyze } from '../../engine/analysis/analyze.js';
import { reportText } from '../../engine/report.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-tags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffprobe');

const tags = {
  title: 'Night Drive',
  artist: 'Zoë Ångström',
  isrc: 'GBABC2600001',
  // Not this year: the release year, not the day the file was made, is the date tools read.
  year: 2019,
  loudness: { integratedLufs: -14, truePeakDbtp: -1.1, lraLu: 5.2 },
};

function probeTags(file: string): Record<string, string> {
  const r = spawnSync('ffprobe', ['-loglevel', 'error', '-show_entries', 'format_tags', '-of', 'json', file], { encoding: 'utf8' });
  const raw = (JSON.parse(r.stdout) as { format?: { tags?: Record<string, string> } }).format?.tags ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('release tags', () => {
  it('ISRCs are checked and written without hyphens', () => {
    expect(normalIsrc('gb-abc-26-00001')).toBe('GBABC2600001');
    expect(normalIsrc('GBABC2600001')).toBe('GBABC2600001');
    for (const bad of ['GBABC260000', 'G1ABC2600001', 'GBABC26000012', 'GB-ABC-2A-00001', '']) expect(normalIsrc(bad)).toBeNull();
  });

  const formats = outputFormats.filter((f): f is OutputFormat => !f.startsWith('wav32'));
  it.skipIf(!hasFfmpeg).each(formats)('%s: ffprobe reads title, artist, ISRC and year; the audio is unchanged', async (format) => {
    const audio = makeTrack(2, 48000);
    const file = path.join(dir, `tagged.${extensionOf[format]}`);
    // The streamed writer (files) and the in-memory one (bytes) both carry the tags.
    await writeAudioFile(file, audio, format, tags);
    const bytes = path.join(dir, `bytes.${extensionOf[format]}`);
    writeFileSync(bytes, await encodeAudio(audio, format, tags));
    for (const f of [file, bytes]) {
      const got = probeTags(f);
      expect(got.title, f).toBe('Night Drive');
      expect(got.artist, f).toBe('Zoë Ångström');
      // AIFF's AUTH holds ASCII: spelled without the accents, not with "?".
      if (format.startsWith('aiff')) expect(got.author, f).toBe('Zoe Angstrom');
      // ID3 (MP3, AIFF) carries the ISRC in its TSRC frame, which ffprobe names by the frame.
      expect(got.isrc ?? got.tsrc, f).toBe('GBABC2600001');
      expect(got.date ?? got.tyer, f).toBe('2019');
      const back = await readAudioFile(f);
      const plain = await readAudioFile(
        await (async () => {
          const p = path.join(dir, `plain.${extensionOf[format]}`);
          await writeAudioFile(p, audio, format);
          return p;
        })(),
      );
      expect(back.channels[0]!.length).toBe(plain.channels[0]!.length);
    }
  });

  it('a WAV carries the BWF chunk: originator, the ISRC as its reference, and the measured loudness', async () => {
    const file = path.join(dir, 'bwf.wav');
    await writeAudioFile(file, makeTrack(1, 48000), 'wav24', tags);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('bext');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(bytes.indexOf('data')); // before the audio, where readers look first
    const bext = bytes.subarray(at + 8);
    // bext text is ASCII (EBU Tech 3285): the name spelled without its accents.
    expect(bext.subarray(0, 256).toString('latin1').replace(/\0+$/, '')).toBe('Zoe Angstrom - Night Drive (ISRC GBABC2600001)');
    expect(asciiSpelling('Straße Łódź Ærø 東京')).toBe('Strasse Lodz AEro ??');
    expect(bext.subarray(256, 288).toString('latin1').replace(/\0+$/, '')).toBe('mixdesk');
    expect(bext.subarray(288, 320).toString('latin1').replace(/\0+$/, '')).toBe('GBABC2600001');
    expect(bext.readUInt16LE(346)).toBe(2); // version 2: loudness fields in use
    expect([bext.readInt16LE(412), bext.readInt16LE(414), bext.readInt16LE(416)]).toEqual([-1400, 520, -110]);
  });
});

describe('what the streaming platforms will do', () => {
  it('turn-downs follow each platform’s reference: a −9 LUFS master loses 5 dB on Spotify and 7 dB on Apple Music', () => {
    const loud = Object.fromEntries(turnDowns(-9).map((p) => [p.name, p.turnDownDb]));
    expect(loud).toEqual({ Spotify: 5, YouTube: 5, Tidal: 5, 'Amazon Music': 5, Deezer: 6, 'Apple Music': 7 });
    const quiet = Object.fromEntries(turnDowns(-16.4).map((p) => [p.name, p.turnDownDb]));
    expect(Object.values(quiet).every((d) => d === 0)).toBe(true);
    expect(turnDowns(-14.04).find((p) => p.name === 'Spotify')!.turnDownDb).toBe(0);
    expect(turnDownLine(-9.04)).toBe(
      'Streaming playback: Spotify, YouTube, Tidal, Amazon Music (-14 LUFS): turned down 5.0 dB; Deezer (-15 LUFS): turned down 6.0 dB; Apple Music (-16 LUFS): turned down 7.0 dB.',
    );
  });

  it('the master’s report says it', () => {
    const r = master(makeTrack(6, 48000), { preset: 'loud' });
    expect(reportText(r, 'song.wav')).toContain(turnDownLine(r.after.loudness.integratedLufs));
  });
});

describe('mixdesk master for release', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, mixdeskArgs(...args), { cwd: projectRoot, encoding: 'utf8' });

  it('--preset cd makes a CD master (44.1 kHz, 16-bit, under -0.5 dBTP) carrying the tags given', async () => {
    const input = path.join(dir, 'mix48k.wav');
    writeFileSync(input, await encodeAudio(makeTrack(6, 48000), 'wav24'));
    const out = path.join(dir, 'cd-master');
    const r = cli('master', input, '-o', out, '--preset', 'cd', '--title', 'Night Drive', '--artist', 'Mara', '--isrc', 'GB-ABC-26-00001', '--year', '2026');
    expect(r.status, r.stderr).toBe(0);
    const cd = await readAudioFile(`${out}.wav`);
    expect([cd.sampleRate, cd.bitDepth]).toEqual([44100, 16]);
    // Mastered at 44.1 kHz (not converted after the limiter): the ceiling holds on the delivered samples.
    expect(analyze(cd).peaks.truePeakDbtp).toBeLessThanOrEqual(-0.5);
    expect(r.stdout).toContain(
      'Destination checks (CD (44.1 kHz, 16-bit)):\n  ✓ WAV 16-bit, 44.1 kHz: Red Book CD audio (dithered to 16-bit)\n  ✓ True peak after MP3 encoding (320 kbps, the start, the end and the half seconds holding the 8 highest peaks): -',
    );
    if (hasFfmpeg) expect(probeTags(`${out}.wav`)).toMatchObject({ title: 'Night Drive', artist: 'Mara', isrc: 'GBABC2600001' });
    expect(cli('master', input, '-o', out, '--isrc', 'GB-ABC-26-0001').stderr.trim()).toMatch(/^--isrc expects an ISRC such as GB-ABC-26-00001/);
  });
});
