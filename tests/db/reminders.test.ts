// Reminders with SonoBus keycodes on SQLite and PostgreSQL: planned with the booking, moved with a
// reschedule, removed with a cancel, and sent exactly once even with two scheduler instances.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import type { Reply } from '../../core/conversation/types.js';
import { joinLink, KeycodeService, randomCode } from '../../core/sessions/keycodes.js';
import { Outbox } from '../../core/messaging/outbox.js';
import { ReminderService } from '../../core/sessions/reminders.js';
import type { Studio } from '../../core/studio.js';
import { openDatabase } from '../../db/client.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { NOW, testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });

describe.each(testProviders())('reminders on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let clientId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { STUDIO_HOURS: 'mon-sun 08:00-22:00' });
    clientId = (await studio.clients.identify({ platform: 'test', externalId: 'ana', displayName: 'Ana' })).client.id;
  });
  afterAll(() => t?.drop());

  let seq = 0;
  const book = (start: string, kind: 'virtual' | 'standard' | 'unattended' = 'virtual') =>
    studio.bookings.create({
      clientId,
      serviceCode: 'master',
      kind,
      ...(kind === 'unattended' ? {} : { start: new Date(start) }),
      timeZone: 'America/New_York',
      idempotencyKey: `rem-${++seq}`,
      origin: { platform: 'test', chatId: 'dm-ana' },
      actor: 'test',
    });

  const remindersOf = async (bookingId: string) =>
    (await t.db.reminder.findMany({ where: { bookingId }, orderBy: { dueAt: 'asc' } })).map((r) => [r.kind, r.dueAt.toISOString()]);

  it('a session gets reminders 24 h and 1 h before; unattended work none; a reschedule moves them; a cancel removes them', async () => {
    const b = await book('2026-12-03T15:00:00Z');
    expect(await remindersOf(b.id)).toEqual([
      ['before-24h', '2026-12-02T15:00:00.000Z'],
      ['before-1h', '2026-12-03T14:00:00.000Z'],
    ]);
    const soon = await book('2026-12-01T20:00:00Z', 'standard'); // 12 h away: the 24 h reminder is already past
    expect(await remindersOf(soon.id)).toEqual([['before-1h', '2026-12-01T19:00:00.000Z']]);
    const unattended = await book('', 'unattended');
    expect(await remindersOf(unattended.id)).toEqual([]);

    const moved = await studio.bookings.reschedule(clientId, b.reference, new Date('2026-12-04T16:00:00Z'), 'rem-move', 'test');
    expect(await remindersOf(b.id)).toEqual([]);
    expect(await remindersOf(moved.id)).toEqual([
      ['before-24h', '2026-12-03T16:00:00.000Z'],
      ['before-1h', '2026-12-04T15:00:00.000Z'],
    ]);
    await studio.bookings.cancel(clientId, moved.reference, 'test');
    await studio.bookings.cancel(clientId, soon.reference, 'test');
    expect(await remindersOf(moved.id)).toEqual([]);
  });

  it('two scheduler instances: every reminder is sent exactly once, with one keycode per session', async () => {
    const sessions = await Promise.all(['2026-12-05T10:00:00Z', '2026-12-05T12:00:00Z', '2026-12-05T14:00:00Z', '2026-12-06T11:00:00Z'].map((s) => book(s)));
    const standard = await book('2026-12-06T15:00:00Z', 'standard');
    // Two instances: each with its own database connection, outbox and reminder service.
    const second = await openDatabase(t.url);
    const clock = new ManualClock(NOW);
    const instances = [t.db, second].map((db) => {
      const outbox = new Outbox(db, clock, log);
      return { outbox, reminders: new ReminderService({ db, outbox, keycodes: new KeycodeService(db, 'aoo.sonobus.net'), clock, log }) };
    });
    const sends: [string, Reply][] = [];
    for (const i of instances) i.outbox.register('test', { send: async (chat, r) => void sends.push([chat, r]) });

    // Both tick every minute across the days around the sessions, racing each other.
    let sentByInstance = [0, 0];
    for (let t0 = new Date('2026-12-04T09:00:00Z').getTime(); t0 <= new Date('2026-12-06T16:00:00Z').getTime(); t0 += 30 * 60_000) {
      clock.set(new Date(t0));
      const counts = await Promise.all(instances.map((i, n) => i.reminders.sendDue(`instance-${n}`)));
      sentByInstance = sentByInstance.map((c, n) => c + counts[n]!);
      await Promise.all(instances.map((i) => i.outbox.dispatch()));
    }
    await second.$disconnect();

    const ours = sends.filter(([, r]) => sessions.some((s) => r.text.includes(s.reference)) || r.text.includes(standard.reference));
    expect(ours).toHaveLength(2 * 5);
    expect(sentByInstance[0]! + sentByInstance[1]!).toBe(10);
    expect(new Set(ours.map(([, r]) => r.text)).size).toBe(10);
    for (const s of sessions) {
      const mine = ours.filter(([, r]) => r.text.includes(s.reference)).map(([chat, r]) => ({ chat, r }));
      expect(mine).toHaveLength(2);
      expect(mine.every((m) => m.chat === 'dm-ana' && m.r.visibility === 'private')).toBe(true);
      const [day, hour] = mine.map((m) => m.r.text);
      expect(day).toMatch(/is in 24 hours, on \w+ \d+ December, \d\d:\d\d \(America\/New_York\)/);
      expect(hour).toMatch(/is in 60 minutes/);
      // The same keycode in both reminders of a session, and in the join link.
      const group = (x: string) => /Group: (mixdesk-[a-z2-9]{10})/.exec(x)![1];
      const password = (x: string) => /Password: ([a-z2-9]{12})/.exec(x)![1];
      expect(group(day!)).toBe(group(hour!));
      expect(password(day!)).toBe(password(hour!));
      expect(mine[0]!.r.links).toEqual([
        { label: 'Join the session in SonoBus', url: `https://go.sonobus.net/sblaunch?s=aoo.sonobus.net&g=${group(day!)}&p=${password(day!)}` },
      ]);
    }
    const keycodes = await t.db.keycode.findMany({ where: { bookingId: { in: sessions.map((s) => s.id) } } });
    expect(keycodes).toHaveLength(4);
    expect(new Set(keycodes.map((k) => k.groupName)).size).toBe(4);
    expect(new Set(keycodes.map((k) => k.password)).size).toBe(4);
    // A studio session is reminded without a keycode.
    const inPerson = ours.filter(([, r]) => r.text.includes(standard.reference)).map(([, r]) => r.text);
    expect(inPerson.every((x) => x.includes('See you at the studio') && !x.includes('Password'))).toBe(true);
    expect(await t.db.keycode.count({ where: { bookingId: standard.id } })).toBe(0);
    expect(await t.db.reminder.count({ where: { sentAt: null, bookingId: { in: [...sessions, standard].map((s) => s.id) } } })).toBe(0);
  });

  it('a reminder claimed by an instance that died is taken over once its claim is stale', async () => {
    const b = await book('2026-12-08T10:00:00Z');
    const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
    const outbox = new Outbox(t.db, clock, log);
    const reminders = new ReminderService({ db: t.db, outbox, keycodes: new KeycodeService(t.db, 'aoo.sonobus.net'), clock, log, claimMs: 60_000 });
    // Claimed, then the instance died before sending.
    await t.db.reminder.updateMany({ where: { bookingId: b.id, kind: 'before-24h' }, data: { claimedAt: clock.now(), claimedBy: 'dead' } });
    expect(await reminders.sendDue('alive')).toBe(0);
    clock.advance(61_000);
    expect(await reminders.sendDue('alive')).toBe(1);
    expect(await reminders.sendDue('alive')).toBe(0);
    expect(await t.db.notification.count({ where: { key: { startsWith: 'reminder:' }, chatId: 'dm-ana', payload: { contains: b.reference } } })).toBe(1);
  });
});

describe('keycodes', () => {
  it('are drawn uniformly from an unambiguous alphabet and never repeat', () => {
    const codes = Array.from({ length: 2000 }, () => randomCode(12));
    expect(new Set(codes).size).toBe(2000);
    expect(codes.every((c) => /^[a-hj-km-np-tv-z2-9]{12}$/.test(c))).toBe(true);
    // Every character of the alphabet turns up, none of the look-alikes do.
    const seen = new Set(codes.join(''));
    expect(seen.size).toBe(30);
    for (const c of '01ilou') expect(seen.has(c)).toBe(false);
  });

  it('join links escape what needs escaping', () => {
    expect(joinLink('aoo.sonobus.net', 'mixdesk-abc', 'p&q=r')).toBe('https://go.sonobus.net/sblaunch?s=aoo.sonobus.net&g=mixdesk-abc&p=p%26q%3Dr');
  });
});
