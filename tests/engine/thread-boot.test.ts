// The engine's threads start from where the engine runs: the build's .js beside a built engine; from
// the TypeScript sources (`npm start`), through their -boot.mjs starters and tsx. The suites start
// them from the build once it is known to match the sources (tests/engine-build-setup.ts), so this
// file runs the sources' way on purpose.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFileInThread, encodeAudio, masterFileInThread } from '../../engine/index.js';
import { ENGINE_BUILD_ENV, threadFile } from '../../engine/types.js';
import { makeTrack } from '../helpers/music.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-thread-boot-'));
const build = process.env[ENGINE_BUILD_ENV];
beforeAll(() => void delete process.env[ENGINE_BUILD_ENV]);
afterAll(() => {
  if (build !== undefined) process.env[ENGINE_BUILD_ENV] = build;
  rmSync(dir, { recursive: true, force: true });
});

describe('engine threads started from the sources', () => {
  it('boot through tsx: a master and an analysis run on their threads', async () => {
    expect(fileURLToPath(threadFile('master-thread'))).toMatch(/engine[/\\]master-thread-boot\.mjs$/);
    expect(fileURLToPath(threadFile('task-thread'))).toMatch(/engine[/\\]task-thread-boot\.mjs$/);
    const mix = path.join(dir, 'mix.wav');
    writeFileSync(mix, await encodeAudio(makeTrack(3, 48000, { level: 0.2 }), 'wav24'));
    const analysis = await analyzeFileInThread({ path: mix, name: 'mix.wav', limits: {} });
    expect(analysis.format.durationSec).toBeCloseTo(3, 1);
    const summary = await masterFileInThread({
      input: mix,
      name: 'mix.wav',
      outputs: [{ format: 'wav24', path: path.join(dir, 'm.wav') }],
      reportPng: path.join(dir, 'r.png'),
      options: {},
    });
    expect(summary.after.loudness.integratedLufs).toBeCloseTo(-14, 0);
  });

  it("with a build named, they start from the build's engine folder", () => {
    process.env[ENGINE_BUILD_ENV] = path.join('/somewhere', 'dist', 'engine');
    try {
      expect(fileURLToPath(threadFile('parallel-worker'))).toBe(path.join('/somewhere', 'dist', 'engine', 'parallel-worker.js'));
    } finally {
      delete process.env[ENGINE_BUILD_ENV];
    }
  });
});
