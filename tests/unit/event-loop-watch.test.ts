// The service says in its log when its thread was held up, for how long and what was running.
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { watchEventLoop } from '../../event-loop-watch.js';
import { jobsLately, tracked } from '../../queue/running.js';

const turn = () => new Promise((r) => setTimeout(r, 5));

describe('event-loop watch', () => {
  it('warns once the thread is held past the limit, naming the jobs running then', async () => {
    const lines: { msg: string; stallMs: number; running: { jobs: string[] } }[] = [];
    const log = pino(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]);
          done();
        },
      }),
    );
    const watch = watchEventLoop({ log, warnAfterMs: 200, running: () => ({ jobs: jobsLately() }) });
    try {
      let release!: () => void;
      const job = tracked('preview', 'MD-1-v1', () => new Promise<void>((r) => (release = r)));
      // Held up by work done on this thread (what a preview encoded here did): at least 300 ms.
      const until = performance.now() + 300;
      while (performance.now() < until);
      // Said as soon as the thread is free again (a condition, bounded).
      for (let i = 0; i < 1000 && !lines.length; i++) await turn();
      expect(lines).toHaveLength(1);
      expect(lines[0]!.stallMs).toBeGreaterThanOrEqual(250);
      expect(lines[0]!.msg).toMatch(/^the service did not answer for \d+ ms \(limit 200 ms\)$/);
      expect(lines[0]!.running.jobs).toEqual([expect.stringMatching(/^preview:MD-1-v1 \(running \d+ s\)$/)]);
      release();
      await job;
      expect(jobsLately()).toEqual(['preview:MD-1-v1 (ended)']);
    } finally {
      watch.stop();
    }
  });
});
