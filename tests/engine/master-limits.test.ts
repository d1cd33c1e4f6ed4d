// What is decided before a file is decoded whole for mastering: too long from its headers, too
// short or silent from reading it in pieces — so memory follows the piece, not the file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { masterFile } from '../../engine/master-file.js';
import { checkMasterable } from '../../engine/master-limits.js';
import { hasFfmpeg, run, skipNotice } from '../helpers/tools.js';
import { writeFileSync } from 'node:fs';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-master-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffmpeg');

/** `mixdesk master IN -o OUT` as a user runs it: exit code, what it said, and its peak memory in MB. */
async function masterCommand(input: string, out: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, mixdeskArgs('master', input, '-o', out), {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env, NODE_OPTIONS: `--import ${path.join(projectRoot, 'tests/helpers/report-max-rss.mjs')}` },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  const [code] = (await once(child, 'close')) as [number | null];
  const peaks = [...stderr.matchAll(/max-rss-kb (\d+)/g)].map((m) => Number(m[1]) / 1024);
  return { code, said: stderr.replace(/max-rss-kb \d+\n/g, '').trim(), peakMb: Math.max(...peaks) };
}

/** The pipeline's master of `input`, into the test's folder. */
const job = (input: string) => ({
  input,
  name: path.basename(input),
  outputs: [{ path: path.join(dir, 'o.wav'), format: 'wav24' as const }],
  reportPng: path.join(dir, 'o.png'),
  options: {},
});

describe('before mastering', () => {
  it.skipIf(!hasFfmpeg)(
    'a 2-hour silent FLAC (1.5 MB) is refused in bounded memory: from its header by default, as silent when long files are allowed',
    async () => {
      const f = path.join(dir, 'two-hours-silent.flac');
      run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', '7200', '-c:a', 'flac', '-sample_fmt', 's16', f, '-y']);
      const out = path.join(dir, 'never.wav');

      const byHeader = await masterCommand(f, out);
      expect(byHeader.code).toBe(1);
      expect(byHeader.said).toBe('two-hours-silent.flac: it is 2 h 0 min long; files of up to 1 h 0 min are mastered (MASTER_MAX_MINUTES)');

      // It peaked at 5.7 GB before: the whole file was decoded before the master found it silent.
      const bySound = await masterCommand(f, out, { MASTER_MAX_MINUTES: '180' });
      expect(bySound.code).toBe(1);
      expect(bySound.said).toBe('two-hours-silent.flac: it is silent (or nearly): there is nothing to master');
      expect(bySound.peakMb).toBeLessThan(400);
      expect(existsSync(out)).toBe(false);

      const bad = await masterCommand(f, out, { MASTER_MAX_MINUTES: 'lots' });
      expect(bad.code).not.toBe(0);
      expect(bad.said).toContain('MASTER_MAX_MINUTES expects a whole number of minutes from 1 to 600, got "lots"');
    },
    180_000,
  );

  it('the pipeline’s master refuses too short and silent files the same way, before reading them whole', async () => {
    const short = path.join(dir, 'blip.wav');
    writeFileSync(
      short,
      await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(4800).fill(0.5), new Float32Array(4800).fill(0.5)], bitDepth: 24 }, 'wav24'),
    );
    await expect(masterFile(job(short))).rejects.toThrow('blip.wav: it is too short to master (100 ms; at least 0.4 s is needed)');
    const silent = path.join(dir, 'hush.wav');
    writeFileSync(silent, await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(96000), new Float32Array(96000)], bitDepth: 24 }, 'wav24'));
    await expect(masterFile(job(silent))).rejects.toThrow('hush.wav: it is silent (or nearly): there is nothing to master');
    await expect(masterFile({ ...job(silent), maxSeconds: 1 })).rejects.toThrow(
      'hush.wav: it is 2.0 s long; files of up to 1.0 s are mastered (MASTER_MAX_MINUTES)',
    );
  });

  it('a WAV is checked up to its first sound, its length being its header’s: the rest is left to the read that masters it', async () => {
    // 10 s of tone whose very last sample is not a number: a check reading the whole file would
    // find it; this one stops once it has heard the tone, and the master's own read refuses it.
    const frames = 480000;
    const tone = () => Float32Array.from({ length: frames }, (_, i) => 0.3 * Math.sin(i / 10));
    const bytes = await encodeAudio({ sampleRate: 48000, channels: [tone(), tone()], bitDepth: 32 }, 'wav32f');
    new DataView(bytes.buffer, bytes.byteOffset).setFloat32(bytes.length - 4, NaN, true);
    const file = path.join(dir, 'late-nan.wav');
    writeFileSync(file, bytes);
    await expect(checkMasterable(file, 'late-nan.wav')).resolves.toBeUndefined();
    await expect(masterFile(job(file))).rejects.toThrow('late-nan.wav: the file contains invalid samples (not a number) at 10.000 s');
    // A truncated one is refused by its header before any sound is read.
    writeFileSync(path.join(dir, 'cut.wav'), bytes.subarray(0, bytes.length >> 1));
    await expect(checkMasterable(path.join(dir, 'cut.wav'), 'cut.wav')).rejects.toThrow('cut.wav: the file is truncated');
  });
});
