// Retention of raw uploads, and files following a rescheduled booking.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneProcessedEvents, purgeExpiredUploads } from '../../core/files/retention.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { NOW, testStudio } from '../helpers/studio.js';
import type { ManualClock } from '../../core/clock.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testProviders())('retention on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let clientId: string;
  const files: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db);
    clientId = (await studio.clients.identify({ platform: 'test', externalId: 'r1', displayName: 'R' })).client.id;
    for (let i = 0; i < 3; i++) {
      const f = path.join(dir, `${provider}-${i}.wav`);
      writeFileSync(f, await encodeAudio(makeTrack(1 + i * 0.5), 'wav16'));
      files.push(f);
    }
  });
  afterAll(() => t?.drop());

  const book = (key: string, start: string) =>
    studio.bookings.create({
      clientId,
      serviceCode: 'master',
      kind: 'standard',
      start: new Date(start),
      timeZone: 'Europe/London',
      idempotencyKey: key,
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });

  async function finish(id: string): Promise<void> {
    for (const s of ['in-progress', 'delivered', 'completed'] as const) await studio.bookings.transition(id, s, 'engineer');
  }

  it('removes the stored files of bookings finished long enough ago, keeps the records, and is idempotent', async () => {
    const client = await t.db.client.findUniqueOrThrow({ where: { id: clientId } });
    const old = await book(`${provider}-old`, '2026-12-02T10:00:00Z');
    const up = await studio.uploads.accept({ client, bookingRef: old.reference, fileName: 'mix.wav', path: files[0]! });
    await finish(old.id);
    const recent = await book(`${provider}-recent`, '2026-12-02T14:00:00Z');
    await studio.uploads.accept({ client, bookingRef: recent.reference, fileName: 'mix2.wav', path: files[1]! });

    // 60 days on: nothing is old enough.
    expect((await purgeExpiredUploads(t.db, studio.store, new Date('2027-02-01T00:00:00Z'), 90)).purged).toBe(0);
    // The recent one finishes later.
    studio.clock.set(new Date('2027-02-15T00:00:00Z'));
    await finish(recent.id);
    const later = new Date('2027-03-10T00:00:00Z');
    const r = await purgeExpiredUploads(t.db, studio.store, later, 90);
    expect(r.purged).toBe(1);
    expect(r.freedBytes).toBe(Number(up.upload.sizeBytes));
    expect(await studio.store.head(up.upload.storageKey)).toBeNull();
    const row = await t.db.upload.findUniqueOrThrow({ where: { id: up.upload.id } });
    expect(row.purgedAt?.toISOString()).toBe(later.toISOString());
    expect(row.sha256).toBe(up.upload.sha256);
    expect(await t.db.upload.count({ where: { purgedAt: null } })).toBe(1);
    expect((await purgeExpiredUploads(t.db, studio.store, later, 90)).purged).toBe(0);
  });

  it('forgets processed event ids after 30 days', async () => {
    await t.db.processedEvent.createMany({
      data: [
        { key: `${provider}:old`, createdAt: new Date('2026-10-01T00:00:00Z') },
        { key: `${provider}:new`, createdAt: new Date('2026-11-20T00:00:00Z') },
      ],
    });
    expect(await pruneProcessedEvents(t.db, new Date('2026-11-24T00:00:00Z'))).toBe(1);
    expect((await t.db.processedEvent.findMany()).map((e) => e.key)).toEqual([`${provider}:new`]);
  });

  it('files sent before a reschedule move with the booking', async () => {
    studio.clock.set(NOW);
    const client = await t.db.client.findUniqueOrThrow({ where: { id: clientId } });
    const b = await book(`${provider}-move`, '2026-12-03T10:00:00Z');
    const up = await studio.uploads.accept({ client, bookingRef: b.reference, fileName: 'early.wav', path: files[2]! });
    const moved = await studio.bookings.reschedule(clientId, b.reference, new Date('2026-12-03T15:00:00Z'), `${provider}-move-2`, 'test');
    expect((await t.db.upload.findUniqueOrThrow({ where: { id: up.upload.id } })).bookingId).toBe(moved.id);
  });
});
