// A worker process for the crash test: records when it starts and finishes a job, and in
// "hang" mode never finishes (the test kills it with SIGKILL).
import { Redis } from 'ioredis';
import { BullQueue } from '../../queue/bullmq.js';

const [url, prefix, mode] = process.argv.slice(2) as [string, string, 'hang' | 'fast'];
const log = new Redis(url);
const q = new BullQueue({ url, prefix, lockDurationMs: 2000, stalledIntervalMs: 1000 });
await q.process<{ id: string }>('master', async (data) => {
  await log.rpush(`${prefix}:log`, `start:${process.pid}:${data.id}`);
  if (mode === 'hang') await new Promise(() => undefined);
  await log.rpush(`${prefix}:log`, `done:${process.pid}:${data.id}`);
});
console.log('ready');
