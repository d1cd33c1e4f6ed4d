// PostgreSQL ending the service's connections (a restart, a failover, pg_terminate_backend) while
// artists chat: it costs a few answers ("try again in a moment"), never the process — an 'error'
// event on a checked-out pg Client with no listener used to end it — and the chat works again as
// soon as the database does. Conversation.handle never throws, even when the event cannot be recorded.
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import { isDatabaseUnavailable } from '../../db/transient.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const busy = "The studio's desk is very busy right now, so I could not save that. Nothing was changed; please try again in a moment.";

it('connection errors are told apart from others', () => {
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
  expect(isDatabaseUnavailable({ code: 'P2039', message: 'Database error', meta: { driverAdapterError: { cause: { originalCode: '57P01' } } } })).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
  expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
});

describe.runIf(testProviders().includes('postgresql'))('PostgreSQL dropping connections', () => {
  let t: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    t = await createTestDatabase('postgresql');
    admin = new pg.Client({ connectionString: t.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.drop();
  });

  /** Ends every connection of the test database's, as an administrator (or a failover) would. */
  const terminate = () =>
    admin.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1', [new URL(t.url).pathname.slice(1)]);

  it('artists chatting through repeated drops get answers, never a crash; after it, everything works', async () => {
    const studio = await testStudio(t.db);
    const conversation = new Conversation(studio, pino({ level: 'silent' }));
    const artists = Array.from({ length: 8 }, (_, i) => ({
      platform: 'test',
      chatId: `drop-${i}`,
      userId: `drop-${i}`,
      displayName: `Artist ${i}`,
      isPrivateChat: true,
    }));
    let drops = 0;
    let running = true;
    // Drops while the chat flows: a bounded number, each after the last was done.
    const dropper = (async () => {
      while (running && drops < 40) {
        const r = await terminate();
        if (r.rows[0].n > 0) drops++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const answers: string[] = [];
    let eventId = 0;
    await Promise.all(
      artists.map(async (a) => {
        for (let i = 0; i < 25; i++) {
          const replies = await conversation.handle({ ...a, kind: 'text', text: i % 2 ? '/mybookings' : '/help', eventId: `drop-${++eventId}` });
          answers.push(...replies.map((r) => r.text));
        }
      }),
    );
    running = false;
    await dropper;
    expect(drops).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThanOrEqual(artists.length * 25);
    // A drop costs an answer saying to try again; nothing unexpected, nothing lost silently.
    expect(answers.filter((a) => /went wrong|error id/i.test(a))).toEqual([]);
    // The database is back: every artist is answered normally.
    for (const a of artists) {
      const [reply] = await conversation.handle({ ...a, kind: 'text', text: '/mybookings', eventId: `after-${a.userId}` });
      expect(reply!.text).not.toBe(busy);
    }
    expect(await t.db.client.count()).toBe(artists.length);
  });

  it('an event that cannot even be recorded is answered, not thrown', async () => {
    const studio = await testStudio(t.db);
    const conversation = new Conversation(studio, pino({ level: 'silent' }));
    const rec = { platform: 'test', chatId: 'rec', userId: 'rec', displayName: 'Rec', isPrivateChat: true };
    const recorded = t.db.processedEvent.create.bind(t.db.processedEvent);
    t.db.processedEvent.create = (() => Promise.reject(new Error('Connection terminated unexpectedly'))) as unknown as typeof recorded;
    try {
      const replies = await conversation.handle({ ...rec, kind: 'text', text: '/help', eventId: 'rec-1' });
      expect(replies.map((r) => r.text)).toEqual([busy]);
    } finally {
      t.db.processedEvent.create = recorded;
    }
    // Redelivered once the database is back, it is handled.
    const again = await conversation.handle({ ...rec, kind: 'text', text: '/help', eventId: 'rec-1' });
    expect(again[0]!.text).not.toBe(busy);
  });
});
