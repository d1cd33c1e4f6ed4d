// npm run bench, part two: the queues and the pipeline. Throughput of the in-process and the Redis
// queue for 1,000 small jobs, and upload → delivery of 240 s tracks with one worker and with two.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { applyMigrations } from '../db/migrator.js';
import { openDatabase } from '../db/client.js';
import { loadConfig } from '../config.js';
import { createStudio } from '../core/studio.js';
import { encodeAudio } from '../engine/index.js';
import { BullQueue } from '../queue/bullmq.js';
import { InProcessQueue } from '../queue/in-process.js';
import type { JobQueue } from '../queue/job-queue.js';
import { LocalObjectStore } from '../storage/local-store.js';
import { makeTrack } from '../tests/helpers/music.js';
import { loadAverage } from './load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-pipeline-'));
const JOBS = 1000;

async function throughput(queue: JobQueue, concurrency: number): Promise<number> {
  let done = 0;
  let finish!: () => void;
  const all = new Promise<void>((r) => (finish = r));
  await queue.process<{ n: number }>(
    'tiny',
    async () => {
      if (++done === JOBS) finish();
    },
    { concurrency },
  );
  const t0 = performance.now();
  await Promise.all(Array.from({ length: JOBS }, (_, n) => queue.add('tiny', { n })));
  await all;
  const ms = performance.now() - t0;
  await queue.close();
  return ms;
}

console.log(`\nmixdesk pipeline benchmark (${process.arch}, node ${process.version}, ${loadAverage()})\n`);
const inproc = await throughput(new InProcessQueue(), 1);
console.log(`in-process queue: ${JOBS} small jobs in ${inproc.toFixed(0)} ms (${((JOBS / inproc) * 1000).toFixed(0)} jobs/s)`);
const redisUrl = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
const redisUp = await probe.connect().then(
  () => probe.ping().then(() => true),
  () => false,
);
probe.disconnect();
if (redisUp) {
  const prefix = `mdbench-${Date.now()}`;
  const ms = await throughput(new BullQueue({ url: redisUrl, prefix }), 16);
  console.log(
    `Redis queue (BullMQ, loopback, 16 at a time): ${JOBS} small jobs in ${ms.toFixed(0)} ms (${((JOBS / ms) * 1000).toFixed(0)} jobs/s, ${(ms / inproc).toFixed(1)}x the in-process time)`,
  );
  const cleanup = new Redis(redisUrl);
  const keys = await cleanup.keys(`${prefix}:*`);
  if (keys.length) await cleanup.del(...keys);
  cleanup.disconnect();
} else {
  console.log(`Redis queue: SKIPPED (no Redis at ${redisUrl})`);
}

// Upload → delivery: the same path a chat upload takes (validate, store, queue, master on a worker
// thread, encode WAV + MP3 preview, store, record the delivery message).
const seconds = 240;
const mix = path.join(dir, 'track.wav');
writeFileSync(mix, await encodeAudio(makeTrack(seconds, 48000), 'wav24'));

async function endToEnd(tracks: number, workers: number): Promise<number[]> {
  const url = `file:${path.join(dir, `e2e-${tracks}-${workers}.db`)}`;
  await applyMigrations(url);
  const db = await openDatabase(url);
  const queue = new InProcessQueue();
  const config = loadConfig({ DATA_DIR: dir, STUDIO_HOURS: 'mon-sun 00:00-23:59' });
  const studio = await createStudio(db, config, new LocalObjectStore(path.join(dir, `objects-${tracks}-${workers}`)), { queue });
  await studio.jobs.work(workers);
  const starts: number[] = [];
  const bookingsIds: string[] = [];
  for (let i = 0; i < tracks; i++) {
    const { client } = await studio.clients.identify({ platform: 'bench', externalId: `artist-${i}`, displayName: `Artist ${i}` });
    const booking = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: `bench-${i}`,
      origin: { platform: 'bench', chatId: `c${i}` },
      actor: 'bench',
    });
    bookingsIds.push(booking.id);
    starts.push(performance.now());
    const outcome = await studio.uploads.accept({ client, bookingRef: booking.reference, fileName: 'track.wav', path: mix });
    await studio.pipeline.afterUpload(outcome);
  }
  await queue.idle();
  const ends = await Promise.all(
    bookingsIds.map(
      async (id) =>
        (
          await db.notification.findFirstOrThrow({
            where: { key: { startsWith: 'delivery:' }, payload: { contains: (await db.booking.findUniqueOrThrow({ where: { id } })).reference } },
          })
        ).createdAt,
    ),
  );
  // The MP3 preview follows the delivery in its own message.
  const previews = await Promise.all(
    bookingsIds.map(async (id) => {
      const version = await db.delivery.findFirstOrThrow({ where: { bookingId: id } });
      return (await db.notification.findFirst({ where: { key: `preview:${version.id}` } }))?.createdAt;
    }),
  );
  await queue.close();
  await db.$disconnect();
  const t0 = performance.timeOrigin;
  lastPreviewMs = previews[0] ? previews[0].getTime() - (t0 + starts[0]!) : NaN;
  return ends.map((e, i) => e.getTime() - (t0 + starts[i]!));
}

let lastPreviewMs = NaN;
const [single] = await endToEnd(1, 1);
console.log(
  `\nupload → delivery, one ${seconds} s 48 kHz 24-bit track, one worker: ${(single! / 1000).toFixed(2)} s (${(seconds / (single! / 1000)).toFixed(0)}x realtime; goal ≤ 4 s); its MP3 preview follows at ${(lastPreviewMs / 1000).toFixed(2)} s`,
);
for (const workers of [1, 2]) {
  const times = await endToEnd(2, workers);
  console.log(
    `upload → delivery, two tracks at once, ${workers} worker${workers > 1 ? 's' : ''}: last delivered after ${(Math.max(...times) / 1000).toFixed(2)} s (first after ${(Math.min(...times) / 1000).toFixed(2)} s)`,
  );
}
console.log(
  '(each master already uses both cores through its helper thread, so a second worker on this 2-core machine mostly overlaps I/O and encoding; more machines add throughput)',
);
rmSync(dir, { recursive: true, force: true });
