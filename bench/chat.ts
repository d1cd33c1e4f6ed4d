// npm run bench:chat: N artists (default 200) book at once through the same Conversation the bots
// use, on SQLite and (when TEST_DATABASE_URL or a postgres DATABASE_URL is set) on PostgreSQL.
// Prints, per database, bookings completed, per-message latency percentiles and errors by kind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { ManualClock } from '../core/clock.js';
import { Conversation } from '../core/conversation/engine.js';
import { createStudio } from '../core/studio.js';
import type { Provider } from '../db/schemas.js';
import { LocalObjectStore } from '../storage/local-store.js';
import { bookingCrowd, percentile } from '../tests/helpers/chat-crowd.js';
import { createTestDatabase } from '../tests/helpers/db.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const N = Number(arg('artists') ?? 200);
const pgUrl = process.env.TEST_DATABASE_URL ?? (/^postgres/.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined);
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;

async function run(provider: Provider): Promise<void> {
  const t = await createTestDatabase(provider);
  const objects = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-chat-'));
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  try {
    // A year of calendar, so every artist can find a time; the crowd still races for the first days.
    const config = loadConfig({ BOOKING_HORIZON_DAYS: '365', BOOKING_MIN_NOTICE_HOURS: '0' });
    const studio = await createStudio(t.db, config, new LocalObjectStore(objects), { clock: new ManualClock(new Date('2026-12-01T08:00:00Z')), log });
    const conversation = new Conversation(studio, log);
    const started = performance.now();
    const r = await bookingCrowd(conversation, N);
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const inDb = await t.db.booking.count();
    const errors = Object.entries(r.errors).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    console.log(`\n${provider}: ${r.booked}/${r.attempted} booked (${inDb} bookings in the database) in ${seconds.toFixed(1)} s, ${sorted.length} messages (${(sorted.length / seconds).toFixed(0)}/s)`);
    console.log(`  per message: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`);
    console.log(`  errors: ${errors}; times taken meanwhile (artist picked again): ${r.slotRetries}`);
    summary.push(`chat-bench ${provider}: ${r.booked}/${r.attempted} booked, p95 ${percentile(sorted, 95).toFixed(0)} ms`);
  } finally {
    await t.drop();
    rmSync(objects, { recursive: true, force: true });
  }
}

const summary: string[] = [];
console.log(`mixdesk chat benchmark: ${N} artists booking at once (${process.arch}, node ${process.version})`);
await run('sqlite');
if (pgUrl) await run('postgresql');
else console.log('\npostgresql: SKIPPED (set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres)');
console.log('');
for (const line of summary) console.log(line);
