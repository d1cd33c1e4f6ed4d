// The journeys master the same mix with the same settings again and again (every journey, chat and
// language): the engine's answer for one input and one set of settings is made once, on a thread
// as the service makes it, and its files copied for the next asker, so the transcripts cost a
// fraction of the engine time (the engine and the pipeline are tested for real elsewhere).
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MasterRunner } from '../../core/versions/pipeline.js';
import { masterFileInThread, type MasterSummary } from '../../engine/index.js';

interface Made {
  summary: MasterSummary;
  outputs: string[];
  png: string;
}

export function cachedMasters(dir: string): MasterRunner {
  const made = new Map<string, Promise<Made>>();
  return async (job, progress) => {
    const key = createHash('sha256')
      .update(await readFile(job.input))
      .update(JSON.stringify({ ...job, input: undefined, reportPng: undefined, outputs: job.outputs.map((o) => o.format), name: job.name }))
      .digest('hex');
    let entry = made.get(key);
    if (!entry) {
      entry = (async () => {
        const own = path.join(dir, key);
        await mkdir(own, { recursive: true });
        const outputs = job.outputs.map((o, i) => ({ ...o, path: path.join(own, `out-${i}${path.extname(o.path)}`) }));
        const png = path.join(own, 'report.png');
        const summary = await masterFileInThread({ ...job, outputs, reportPng: png }, progress);
        return { summary, outputs: outputs.map((o) => o.path), png };
      })();
      made.set(key, entry);
    }
    const { summary, outputs, png } = await entry;
    await Promise.all([...job.outputs.map((o, i) => copyFile(outputs[i]!, o.path)), copyFile(png, job.reportPng)]);
    return summary;
  };
}
