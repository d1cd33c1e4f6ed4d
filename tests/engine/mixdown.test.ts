// Stems to full mix, instrumental and a cappella: General MIDI stems rendered by fluidsynth plus a
// voice from espeak-ng; the renders add up, master to matching loudness, and bad stems are
// reported while the rest still mixes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio, guessStemRole, mixdown, readAudioFile, type StemInput } from '../../engine/index.js';
import { fluidsynthNotice, hasFluidsynth, renderMidi, writeSong, type Part } from '../helpers/midi.js';
import { makeTrack, residualDb } from '../helpers/music.js';
import { ffmpegEbur128, has, hasFfmpeg } from '../helpers/tools.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-mixdown-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasEspeak = has('espeak-ng');
if (!hasFluidsynth) fluidsynthNotice();
if (!hasEspeak) console.warn('espeak-ng not found: the mixdown tests with a voice stem are SKIPPED (CI installs it: apt-get install espeak-ng).');

it('guesses stem roles from file names', () => {
  const cases: [string, string][] = [
    ['Lead Vox.wav', 'lead-vocal'],
    ['vocals_main.flac', 'lead-vocal'],
    ['BVs L.wav', 'backing-vocal'],
    ['harmony 2.wav', 'backing-vocal'],
    ['Kick In.wav', 'drums'],
    ['OH.wav', 'drums'],
    ['808.wav', 'bass'],
    ['Bass DI.wav', 'bass'],
    ['Gtr Rhythm.aif', 'guitars'],
    ['Rhodes.wav', 'keys'],
    ['Strings.wav', 'keys'],
    ['Riser FX.wav', 'fx'],
    ['Track 12.wav', 'other'],
  ];
  expect(cases.map(([n]) => [n, guessStemRole(n)])).toEqual(cases);
});

describe.runIf(hasFluidsynth && hasEspeak)('on General MIDI stems and a voice', () => {
  const stemsDir = path.join(dir, 'stems');
  mkdirSync(stemsDir, { recursive: true });
  const parts: Part[] = ['drums', 'bass', 'keys', 'strings'];
  const stems = (): StemInput[] => [
    ...parts.map((p) => ({ path: path.join(stemsDir, `${p}.wav`), name: `${p}.wav`, role: guessStemRole(`${p}.wav`) })),
    { path: path.join(stemsDir, 'Lead Vocal.wav'), name: 'Lead Vocal.wav', role: guessStemRole('Lead Vocal.wav') },
  ];
  const render = () => {
    for (const p of parts) renderMidi(writeSong(path.join(stemsDir, `${p}.mid`), 8, [p]), path.join(stemsDir, `${p}.wav`));
    const r = spawnSync('espeak-ng', [
      '-v',
      'en',
      '-s',
      '150',
      '-w',
      path.join(stemsDir, 'Lead Vocal.wav'),
      'Here comes the vocal of the test song, line after line, all the way to the end of the chorus, and once again for the last time.',
    ]);
    expect(r.status).toBe(0);
  };

  it('instrumental plus a cappella add up to the full mix (residual below -60 dB), stems padded not cut', async () => {
    render();
    const out = path.join(dir, 'renders');
    mkdirSync(out, { recursive: true });
    const report = await mixdown(stems(), out, { title: 'Test Song', format: 'wav24' });
    expect(report.skipped).toEqual([]);
    expect(report.stems.map((s) => s.role)).toEqual(['drums', 'bass', 'keys', 'keys', 'lead-vocal']);
    expect(report.warnings.join('\n')).toMatch(/Lead Vocal\.wav was at 22050 Hz and was converted to 48000 Hz/);
    // The same, as codes the service words in the artist's language.
    expect(report.notes).toContainEqual({ code: 'stem-resampled', stem: 'Lead Vocal.wav', fromHz: 22050, toHz: 48000 });
    expect(report.warnings.join('\n')).toMatch(/Lead Vocal\.wav is [\d.]+ s shorter than the longest stem; it was padded with silence, not cut/);
    const [full, inst, vox] = await Promise.all([report.outputs.full, report.outputs.instrumental!, report.outputs.acappella!].map((f) => readAudioFile(f)));
    expect(full!.channels[0]!.length).toBe(Math.round(report.durationSec * 48000));
    expect(residualDb(full!, [inst!, vox!])).toBeLessThan(-60);
    const peak = Math.max(...full!.channels.map((ch) => ch.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
    expect(20 * Math.log10(peak)).toBeCloseTo(-6, 0); // headroom kept
    // The vocal is in the a cappella and the full mix, not in the instrumental.
    const rms = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
    expect(rms(vox!.channels[0]!.subarray(0, 48000 * 4))).toBeGreaterThan(0.01);
  }, 120_000);

  it.runIf(hasFfmpeg)(
    '`mixdesk mixdown --master`: the full master lands on the target (ffmpeg ebur128), and instrumental + a cappella masters add up to it (residual below -50 dB)',
    async () => {
      const out = path.join(dir, 'mastered');
      const cli = spawnSync(process.execPath, mixdeskArgs('mixdown', ...stems().map((s) => s.path), '-o', out, '--title', 'Song', '--master', '--target=-14'), {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stdout).toMatch(/Mixed 5 stems at 48000 Hz/);
      const m = ffmpegEbur128(path.join(out, 'Song - full mix (master).wav'));
      expect(Math.abs(m.integrated + 14)).toBeLessThanOrEqual(0.3);
      expect(m.truePeak).toBeLessThanOrEqual(-1);
      // Mastered separately (as before) they were each brought to -14 LUFS and the residual was -4.3 dB.
      // Through one chain the sum is exact up to the 24-bit files' dither (about -140 dBFS each).
      const [full, inst, vox] = await Promise.all(
        ['full mix', 'instrumental', 'a cappella'].map((n) => readAudioFile(path.join(out, `Song - ${n} (master).wav`))),
      );
      expect(residualDb(full!, [inst!, vox!])).toBeLessThan(-50);
      // Their loudness is reported, not forced to the target.
      expect(cli.stdout).toMatch(/Song - instrumental\.wav: -?\d+(\.\d+)? LUFS/);
    },
    120_000,
  );
});

describe('bad stems', () => {
  it('a corrupt, an empty and a 44.1 kHz mono stem among 48 kHz stereo ones: reported, and the rest still mixes', async () => {
    const d = path.join(dir, 'bad');
    mkdirSync(d, { recursive: true });
    const drums = path.join(d, 'Drums.wav');
    writeFileSync(drums, await encodeAudio(makeTrack(4, 48000), 'wav24'));
    const keys = path.join(d, 'Keys.wav');
    writeFileSync(keys, await encodeAudio(makeTrack(3, 48000, { level: 0.2 }), 'wav24'));
    const vox = path.join(d, 'Vocal.wav');
    const mono = makeTrack(4, 44100);
    writeFileSync(vox, await encodeAudio({ sampleRate: 44100, channels: [mono.channels[0]!] }, 'wav16'));
    const empty = path.join(d, 'Empty Gtr.wav');
    writeFileSync(empty, await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(0), new Float32Array(0)] }, 'wav24'));
    const corrupt = path.join(d, 'Bass.wav');
    writeFileSync(corrupt, Buffer.from('RIFF\x10\x00\x00\x00WAVEjunkjunkjunk'));
    const cli = spawnSync(process.execPath, mixdeskArgs('mixdown', drums, keys, vox, empty, corrupt, '-o', path.join(d, 'out'), '--json'), {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    const r = JSON.parse(cli.stdout) as {
      stems: { name: string; durationSec: number }[];
      skipped: { name: string; reason: string }[];
      warnings: string[];
      sampleRate: number;
    };
    expect(r.sampleRate).toBe(48000);
    expect(r.stems.map((s) => s.name)).toEqual(['Drums.wav', 'Keys.wav', 'Vocal.wav']);
    expect(r.skipped).toMatchObject([
      { name: 'Empty Gtr.wav', reason: 'it is empty (no audio)', why: { code: 'empty' } },
      { name: 'Bass.wav', reason: expect.stringMatching(/format chunk|no audio data|truncated/) as unknown as string, why: { code: 'unreadable' } },
    ]);
    expect(r.warnings).toContain('Vocal.wav was at 44100 Hz and was converted to 48000 Hz');
    expect(r.warnings.some((w) => w.startsWith('Keys.wav is 1.00 s shorter'))).toBe(true);
    expect(cli.stderr).not.toMatch(/\n\s+at /);

    const none = spawnSync(process.execPath, mixdeskArgs('mixdown', corrupt, '-o', path.join(d, 'none')), {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('none of the stems could be read, so there is nothing to mix');
    expect(none.stderr).not.toMatch(/\n\s+at /);

    // A mistyped option is a usage mistake (a negative value after a space is not: --target -14 is taken).
    const typo = spawnSync(process.execPath, mixdeskArgs('mixdown', drums, '-o', path.join(d, 'x'), '--taget', '-14'), {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--taget'");
    expect(typo.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
