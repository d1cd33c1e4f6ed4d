// A version says how it is made (Delivery.kind) instead of the code guessing it from its settings
// JSON; versions made before the column get theirs from the migration. Versions are numbered in
// one place (core/versions/versions.ts), and two made at once get two numbers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Studio } from '../../core/studio.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const root = path.resolve(import.meta.dirname, '../..');

describe.each(testProviders())('version kinds on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let bookingId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db);
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'k1', displayName: 'K' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'kind-1',
      origin: { platform: 'test', chatId: 'c' },
      actor: 't',
    });
    bookingId = b.id;
  });
  afterAll(() => t?.drop());

  it('the migration gives earlier versions the kind their settings imply', async () => {
    const rows = [
      { version: 1, settings: JSON.stringify({ targetLufs: -14 }) },
      { version: 2, settings: JSON.stringify({ mixdown: { balance: 'auto' } }) },
      { version: 3, settings: JSON.stringify({ engineer: true }) },
      { version: 4, settings: JSON.stringify({ targetLufs: -12, note: 'mixdown later' }) },
    ];
    // As they were before the column: all on its default.
    for (const r of rows) await t.db.delivery.create({ data: { bookingId, version: r.version, status: 'ready', settings: r.settings } });
    const sql = readFileSync(path.join(root, `prisma/${provider}/migrations/20261130100656_delivery_kind/migration.sql`), 'utf8');
    const backfill = sql.slice(sql.indexOf('-- Versions made before the column'));
    for (const statement of backfill.split(';').filter((s) => /UPDATE/.test(s))) await t.db.$executeRawUnsafe(statement);
    const kinds = await t.db.delivery.findMany({ where: { bookingId }, orderBy: { version: 'asc' }, select: { version: true, kind: true } });
    expect(kinds).toEqual([
      { version: 1, kind: 'master' },
      { version: 2, kind: 'mixdown' },
      { version: 3, kind: 'engineer' },
      { version: 4, kind: 'master' },
    ]);
  });

  it('unfinished versions resume by their kind: masters and mixdowns are queued again as their own jobs, engineer files refused', async () => {
    await t.db.delivery.deleteMany({ where: { bookingId } });
    // A master whose settings happen to mention "mixdown" is still a master.
    await t.db.delivery.create({ data: { bookingId, version: 1, kind: 'master', status: 'preparing', settings: JSON.stringify({ note: '"mixdown"' }) } });
    await t.db.delivery.create({ data: { bookingId, version: 2, kind: 'engineer', status: 'preparing', settings: '{}' } });
    await t.db.delivery.create({
      data: { bookingId, version: 3, kind: 'mixdown', status: 'preparing', settings: JSON.stringify({ mixdown: { balance: 'flat' } }) },
    });
    const queued: string[] = [];
    const add = studio.queue.add.bind(studio.queue);
    studio.queue.add = async (name, data, opts) => {
      queued.push(`${name} ${opts?.jobId}`);
      return add(name, data, opts);
    };
    expect(await studio.jobs.resumeUnfinished()).toBe(2);
    expect(queued).toEqual([`master master-${bookingId}-v1`, `mixdown mixdown-${bookingId}-v3`]);
    const engineer = await t.db.delivery.findFirstOrThrow({ where: { bookingId, version: 2 } });
    expect(engineer.status).toBe('failed');
    expect(await studio.pipeline.progressOf(bookingId)).toMatch(/mixdown/i);
  });

  it("two engineer's re-masters at once make two versions, each with its own settings (one was lost before)", async () => {
    await t.db.delivery.deleteMany({ where: { bookingId } });
    const booking = await t.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    await t.db.booking.update({ where: { id: bookingId }, data: { status: 'delivered' } });
    await t.db.upload.create({
      data: { bookingId, clientId: booking.clientId, role: 'mix', fileName: 'mix.wav', sizeBytes: 1n, sha256: 'x', storageKey: 'uploads/x/mix.wav' },
    });
    const answers = await Promise.all([
      studio.desk.master(booking.reference, { targetLufs: -9 }),
      studio.desk.master(booking.reference, { targetLufs: -16 }),
      studio.desk.master(booking.reference, { targetLufs: -12 }),
    ]);
    const rows = await t.db.delivery.findMany({ where: { bookingId }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(rows.map((r) => (JSON.parse(r.settings) as { targetLufs: number }).targetLufs).sort()).toEqual([-12, -16, -9]);
    expect(answers.map((a) => /as version (\d)/.exec(a)![1]).sort()).toEqual(['1', '2', '3']);
  });
});
