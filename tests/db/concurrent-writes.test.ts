// Writes made while another request's transaction is open must survive that transaction's
// rollback, on both providers. (The SQLite driver adapter shares one connection: without
// serialisation a plain write joins the open transaction and is undone with it.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';

/** Lets the event loop run a few turns, so queued queries get their chance while a transaction is open. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

describe.each(testProviders())('concurrent writes on %s', (provider) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it('N plain writes made while another transaction rolls back are all kept', async () => {
    const N = 30;
    let started!: () => void;
    const open = new Promise<void>((r) => (started = r));
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.processedEvent.create({ data: { key: 'doomed' } });
        started();
        await turns(20);
        await tx.processedEvent.create({ data: { key: 'doomed-2' } });
        throw new Error('booking failed');
      })
      .catch((e: Error) => e.message);
    await open;
    const writes = Array.from({ length: N }, (_, i) =>
      t.db.notification.create({
        data: { key: `n-${i}`, platform: 'test', chatId: 'c', payload: '{}', nextAttemptAt: new Date() },
      }),
    );
    const updates = Array.from({ length: N }, (_, i) =>
      t.db.conversationState.upsert({
        where: { platform_chatId_userId: { platform: 'test', chatId: 'c', userId: `u-${i}` } },
        create: { platform: 'test', chatId: 'c', userId: `u-${i}`, token: 'fresh' },
        update: { token: 'fresh' },
      }),
    );
    await Promise.all([...writes, ...updates]);
    expect(await failing).toBe('booking failed');
    expect(await t.db.processedEvent.count({ where: { key: { startsWith: 'doomed' } } })).toBe(0);
    expect(await t.db.notification.count({ where: { key: { startsWith: 'n-' } } })).toBe(N);
    expect(await t.db.conversationState.count({ where: { token: 'fresh' } })).toBe(N);
  });

  it('transactions still isolate each other: a committed one keeps its writes, a failed one loses only its own', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.db.$transaction(async (tx) => {
          await tx.processedEvent.create({ data: { key: `tx-${i}` } });
          await turns(3);
          if (i % 2) throw new Error('odd fails');
          await tx.processedEvent.create({ data: { key: `tx-${i}-b` } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const keys = (await t.db.processedEvent.findMany({ where: { key: { startsWith: 'tx-' } } })).map((e) => e.key).sort();
    expect(keys).toHaveLength(20);
    expect(keys.every((k) => Number(k.split('-')[1]) % 2 === 0)).toBe(true);
  });
});
