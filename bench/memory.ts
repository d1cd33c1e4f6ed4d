// npm run bench:memory — one service masters 50 files (4-minute mixes, the whole path a chat
// upload takes: validate, store, master on its thread, encode, report, MP3 preview, the delivery
// recorded), and prints its memory after each tenth with a forced full GC before each reading
// (counted from the end of a first master, which loads the engine and starts its threads).
// Ends with one line: `memory: rss after 50 masters N MB (start M MB)`. Goal: growth ≤ 50 MB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { applyMigrations } from '../db/migrator.js';
import { openDatabase } from '../db/client.js';
import { loadConfig } from '../config.js';
import { createStudio } from '../core/studio.js';
import { encodeAudio } from '../engine/index.js';
import { InProcessQueue } from '../queue/in-process.js';
import { LocalObjectStore } from '../storage/local-store.js';
import { makeTrack } from '../tests/helpers/music.js';
import { loadAverage } from './load.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MASTERS = Number(process.env.MASTERS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 240);
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-memory-'));
const mb = (n: number) => Math.round(n / 2 ** 20);
const reading = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
};

console.log(`\nmixdesk memory benchmark: ${MASTERS} masters of a ${SECONDS} s 48 kHz 24-bit mix in one service (${loadAverage()})\n`);
const mix = path.join(dir, 'mix.wav');
writeFileSync(mix, await encodeAudio(makeTrack(SECONDS, 48000), 'wav24'));
const url = `file:${path.join(dir, 'memory.db')}`;
await applyMigrations(url);
const db = await openDatabase(url);
const queue = new InProcessQueue();
const config = loadConfig({ DATA_DIR: dir, STUDIO_HOURS: 'mon-sun 00:00-23:59', UPLOAD_MAX_MINUTES: '60' });
const studio = await createStudio(db, config, new LocalObjectStore(path.join(dir, 'objects')), { queue });
studio.outbox.register('bench', { send: async () => undefined });
await studio.jobs.work(1);

/** One master through the whole path a chat upload takes, its messages sent. */
async function master(i: number): Promise<void> {
  const { client } = await studio.clients.identify({ platform: 'bench', externalId: `artist-${i}`, displayName: `Artist ${i}` });
  const booking = await studio.bookings.create({
    clientId: client.id,
    serviceCode: 'master',
    kind: 'unattended',
    timeZone: 'UTC',
    idempotencyKey: `memory-${i}`,
    origin: { platform: 'bench', chatId: `c${i}` },
    actor: 'bench',
  });
  const outcome = await studio.uploads.accept({ client, bookingRef: booking.reference, fileName: 'mix.wav', path: mix });
  await studio.pipeline.afterUpload(outcome);
  await queue.idle();
  await studio.outbox.dispatch();
}

const cold = reading();
console.log(`before any master: rss ${cold.rss} MB, heap ${cold.heap} MB, arrayBuffers ${cold.arrayBuffers} MB`);
// The first master loads the engine (its WebAssembly kernels, codecs) and starts its threads: what
// that takes is the service's size, not growth, so the count starts after it.
await master(0);
const start = reading();
console.log(`start (after one master): rss ${start.rss} MB, heap ${start.heap} MB, external ${start.external} MB, arrayBuffers ${start.arrayBuffers} MB`);
for (let i = 1; i <= MASTERS; i++) {
  await master(i);
  if (i % 10 === 0 || i === MASTERS) {
    const r = reading();
    console.log(`after ${i} masters: rss ${r.rss} MB, heap ${r.heap} MB, external ${r.external} MB, arrayBuffers ${r.arrayBuffers} MB`);
  }
}
const end = reading();
console.log(`memory: rss after ${MASTERS} masters ${end.rss} MB (start ${start.rss} MB)`);
await queue.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
