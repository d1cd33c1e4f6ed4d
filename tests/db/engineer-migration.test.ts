// A studio that ran before engineers were data, migrated: its bookings and the time they hold
// become the configured engineer's (the owner), and its calendar still refuses a double booking.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrator.js';
import { openDatabase } from '../../db/client.js';
import { adminQuery, testProviders, urlFor } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import { SlotTakenError } from '../../core/errors.js';
import type { Provider } from '../../db/schemas.js';

const ENGINEERS_MIGRATION = '20261207024621_several_engineers';

/** An empty database of the provider, and how to drop it. */
async function emptyDatabase(provider: Provider): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-migrate-'));
    return { url: `file:${path.join(dir, 'studio.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `mixdesk_migrate_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: urlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

describe.each(testProviders())('moving a one-engineer studio to engineers as data on %s', (provider) => {
  it('gives its bookings and held time to the configured engineer, who becomes the owner; the calendar still holds', async () => {
    const { url, drop } = await emptyDatabase(provider);
    try {
      await applyMigrations(url, { before: ENGINEERS_MIGRATION });
      // The studio as the version before left it: a client, a service, a booking holding 10:00–11:30.
      const old = await openDatabase(url);
      // Placeholders as each driver writes them.
      const p = (n: number) => (provider === 'sqlite' ? '?' : `$${n}`);
      const start = new Date('2026-12-02T10:00:00Z');
      try {
        await old.$executeRawUnsafe(`INSERT INTO "Client" ("id", "displayName", "timeZone", "updatedAt") VALUES ('c1', 'Lu', 'Europe/London', ${p(1)})`, start);
        await old.$executeRawUnsafe(
          `INSERT INTO "Service" ("id", "code", "name", "description", "priceCents", "currency", "durationMinutes", "includedRevisions", "revisionPriceCents", "updatedAt")
           VALUES ('s1', 'master', 'Mastering', 'old', 6000, 'GBP', 60, 2, 2000, ${p(1)})`,
          start,
        );
        await old.$executeRawUnsafe(
          `INSERT INTO "Booking" ("id", "reference", "clientId", "serviceId", "kind", "status", "startsAt", "endsAt", "timeZone", "priceCents", "currency", "includedRevisions", "idempotencyKey", "originPlatform", "originChatId", "updatedAt")
           VALUES ('b1', 'MD-OLD111', 'c1', 's1', 'virtual', 'awaiting-files', ${p(1)}, ${p(2)}, 'Europe/London', 6000, 'GBP', 2, 'old-key', 'telegram', '42', ${p(3)})`,
          start,
          new Date(start.getTime() + 3_600_000),
          start,
        );
        for (let i = 0; i < 6; i++)
          await old.$executeRawUnsafe(
            `INSERT INTO "SlotHold" ("id", "bookingId", "blockStart") VALUES (${p(1)}, 'b1', ${p(2)})`,
            `h${i}`,
            new Date(start.getTime() + i * 900_000),
          );
      } finally {
        await old.$disconnect();
      }

      expect(await applyMigrations(url)).toContain(ENGINEERS_MIGRATION);
      const db = await openDatabase(url);
      try {
        const studio = await testStudio(db, { DISCORD_ENGINEER_IDS: '999999999999999999', ENGINEER_NAME: 'Mara' });
        const [mara] = await studio.engineers.all();
        expect(mara).toMatchObject({ name: 'Mara', owner: true, identities: ['console', 'discord:999999999999999999'] });
        expect((await db.booking.findUniqueOrThrow({ where: { id: 'b1' } })).engineerId).toBe(mara!.id);
        const holds = await db.slotHold.findMany({ where: { bookingId: 'b1' } });
        expect(holds).toHaveLength(6);
        expect(holds.every((h) => h.engineerId === mara!.id)).toBe(true);
        // Her time at 10:00 is still held: a new booking there is refused, the next free hour is not.
        const lu = await studio.clients.identify({ platform: 'telegram', externalId: '43', displayName: 'Mo' });
        const book = (at: string, key: string) =>
          studio.bookings.create({
            clientId: lu.client.id,
            serviceCode: 'master',
            kind: 'standard',
            start: new Date(at),
            timeZone: 'Europe/London',
            idempotencyKey: key,
            origin: { platform: 'telegram', chatId: '43' },
            actor: 'client:test',
          });
        await expect(book('2026-12-02T10:30:00Z', 'new-1')).rejects.toBeInstanceOf(SlotTakenError);
        expect((await book('2026-12-02T12:00:00Z', 'new-2')).engineerId).toBe(mara!.id);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await drop();
    }
  });
});
