// Shared sample memory is freed once nobody uses it: the helper thread that works on a half of
// every long job used to keep each job's arrays alive (its small heap seldom collects), so a
// service grew by about 50 MB with every master. Waits are conditions with a generous bound.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { encodeAudio, readAudioFile } from '../../engine/io/index.js';
import { helperCollectedThrough, helperJobCount, helperReady } from '../../engine/parallel.js';
import { makeTrack } from '../helpers/music.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.runIf(await helperReady(60_000))('samples read with the helper thread are freed once both threads let go', async () => {
  const wav = path.join(dir, 'mix.wav');
  writeFileSync(wav, await encodeAudio(makeTrack(60, 48000), 'wav24'));
  const shared = () => {
    gc();
    return process.memoryUsage().arrayBuffers;
  };
  const base = shared();
  const before = helperJobCount();
  for (let i = 0; i < 6; i++) {
    const audio = await readAudioFile(wav);
    expect(audio.channels[0]!.length).toBe(60 * 48000);
  }
  expect(helperJobCount()).toBeGreaterThan(before); // the helper really took halves of the work
  // Once the helper has gone idle and collected after its last job, what it was handed is gone: six reads of 2 × 11 MB
  // kept would be over 100 MB.
  await expect.poll(helperCollectedThrough, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(helperJobCount());
  expect(shared() - base).toBeLessThan(24 * 2 ** 20);
});
