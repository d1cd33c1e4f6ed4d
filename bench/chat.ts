// npm run bench:chat: N artists (default 200) book at once through the same Conversation the bots
// use, on SQLite and (when TEST_DATABASE_URL or a postgres DATABASE_URL is set) on PostgreSQL.
// Two crowds per database: artists who arrive over ten seconds (as after an announcement) and
// read each reply for 1-3 s before tapping, as people use a chat; and a stress crowd that all
// start in the same instant and answer instantly (the desk's capacity). Both browse up to six
// pages of dates, so they spread over the calendar as a real crowd would. Prints bookings completed, per-message latency
// percentiles and errors by kind; ends with one summary line per database.
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
import { bookingCrowd, percentile, type CrowdOptions, type CrowdResult } from '../tests/helpers/chat-crowd.js';
import { createTestDatabase } from '../tests/helpers/db.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const N = Number(arg('artists') ?? 200);
const pgUrl = process.env.TEST_DATABASE_URL ?? (/^postgres/.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined);
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

async function crowd(provider: Provider, o: CrowdOptions): Promise<{ r: CrowdResult; seconds: number; inDb: number }> {
  const t = await createTestDatabase(provider);
  const objects = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-chat-'));
  try {
    // A year of calendar, so every artist can find a time; the crowd still races for the first days.
    const config = loadConfig({ BOOKING_HORIZON_DAYS: '365', BOOKING_MIN_NOTICE_HOURS: '0' });
    const studio = await createStudio(t.db, config, new LocalObjectStore(objects), { clock: new ManualClock(new Date('2026-12-01T08:00:00Z')), log });
    const conversation = new Conversation(studio, log);
    const started = performance.now();
    const r = await bookingCrowd(conversation, N, o);
    return { r, seconds: (performance.now() - started) / 1000, inDb: await t.db.booking.count() };
  } finally {
    await t.drop();
    rmSync(objects, { recursive: true, force: true });
  }
}

function report(label: string, { r, seconds, inDb }: { r: CrowdResult; seconds: number; inDb: number }): number {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const errors =
    Object.entries(r.errors)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  console.log(
    `  ${label}: ${r.booked}/${r.attempted} booked (${inDb} in the database) in ${seconds.toFixed(1)} s, ${sorted.length} messages (${(sorted.length / seconds).toFixed(0)}/s)`,
  );
  console.log(
    `    per message: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
  );
  console.log(`    errors: ${errors}; times taken meanwhile (the artist picked again): ${r.slotRetries}`);
  return percentile(sorted, 95);
}

const summary: string[] = [];
async function run(provider: Provider): Promise<void> {
  console.log(`\n${provider}`);
  const paced = await crowd(provider, { readingMs: [1000, 3000], arrivalMs: 10_000, pages: 6 });
  const p95 = report('artists arriving over 10 s, reading each reply 1-3 s', paced);
  const stress = await crowd(provider, { pages: 6 });
  const stressP95 = report('stress: every artist answers instantly', stress);
  summary.push(
    `chat-bench ${provider}: ${paced.r.booked}/${paced.r.attempted} booked, p95 ${p95.toFixed(0)} ms (stress: ${stress.r.booked}/${stress.r.attempted} booked, ${(stress.r.latencies.length / stress.seconds).toFixed(0)} messages/s, p95 ${stressP95.toFixed(0)} ms)`,
  );
}

console.log(`mixdesk chat benchmark: ${N} artists booking at once (${process.arch}, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
await run('sqlite');
if (pgUrl) await run('postgresql');
else console.log('\npostgresql: SKIPPED (set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres)');
console.log('');
for (const line of summary) console.log(line);
