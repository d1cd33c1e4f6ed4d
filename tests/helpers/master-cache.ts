// The same mix mastered with the same settings again and again (journeys on every chat and
// language, the pipeline on both databases, the payment flows): the engine's answer for one input
// and one set of settings is made once, on a thread as the service makes it, and its files copied
// for the next asker. The engine's own results are tested in tests/engine; the first use of each
// input here is still the real engine on its thread.
//
// Shared by every test process of a run through MASTER_CACHE_ENV (a folder tests/global-setup.ts
// makes per run, so a changed engine never meets an old answer); a folder is published by rename,
// whole or not at all, so two processes making the same master at once each get a complete one.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MasterRunner } from '../../core/versions/pipeline.js';
import { masterFileInThread, type MasterSummary } from '../../engine/index.js';

export const MASTER_CACHE_ENV = 'MIXDESK_TEST_MASTER_CACHE';

const SUMMARY = 'summary.v8';
const outputName = (i: number, file: string) => `out-${i}${path.extname(file)}`;

/** Claims the making of a master for this process: true unless another process claimed it first. */
async function claim(marker: string): Promise<boolean> {
  try {
    await mkdir(marker);
    return true;
  } catch {
    return false;
  }
}

/** Waits (at most two minutes, a look every 50 ms) for another process to publish the master at `own`. */
async function published(own: string): Promise<boolean> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (existsSync(path.join(own, SUMMARY))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.stderr.write(`master-cache: gave up waiting for another process's master ${path.basename(own)}; making it here\n`);
  return false;
}

/** `fallbackDir`: where masters are kept when the run gave no shared folder (a file run on its own outside vitest's projects). */
export function cachedMasters(fallbackDir: string): MasterRunner {
  const dir = process.env[MASTER_CACHE_ENV] ?? fallbackDir;
  const made = new Map<string, Promise<string>>();
  return async (job, progress) => {
    const key = createHash('sha256')
      .update(await readFile(job.input))
      .update(JSON.stringify({ ...job, input: undefined, reportPng: undefined, outputs: job.outputs.map((o) => o.format), name: job.name }))
      .digest('hex');
    let entry = made.get(key);
    if (!entry) {
      entry = (async () => {
        const own = path.join(dir, key);
        if (existsSync(path.join(own, SUMMARY))) return own;
        // Another process making this very master (journeys on three chats run side by side): wait
        // for it rather than make it again — bounded; past the bound this process makes its own.
        if (!(await claim(`${own}.making`)) && (await published(own))) return own;
        const making = `${own}.${process.pid}.${randomBytes(4).toString('hex')}`;
        await mkdir(making, { recursive: true });
        const outputs = job.outputs.map((o, i) => ({ ...o, path: path.join(making, outputName(i, o.path)) }));
        const summary = await masterFileInThread({ ...job, outputs, reportPng: path.join(making, 'report.png') }, progress);
        await writeFile(path.join(making, SUMMARY), serialize(summary));
        // Another process may have published the same master meanwhile: theirs is as good.
        await rename(making, own).catch(() => rm(making, { recursive: true, force: true }));
        return own;
      })();
      made.set(key, entry);
    }
    const own = await entry;
    await Promise.all([
      ...job.outputs.map((o, i) => copyFile(path.join(own, outputName(i, o.path)), o.path)),
      copyFile(path.join(own, 'report.png'), job.reportPng),
    ]);
    return deserialize(await readFile(path.join(own, SUMMARY))) as MasterSummary;
  };
}
