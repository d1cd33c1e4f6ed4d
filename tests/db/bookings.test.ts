import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { NOW, testStudio } from '../helpers/studio.js';
import type { Studio } from '../../core/studio.js';
import { IllegalTransitionError, SlotTakenError, UserError } from '../../core/errors.js';

const at = (iso: string) => new Date(iso);

describe.each(testProviders())('bookings on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db);
    clientId = (await studio.clients.identify({ platform: 'console', externalId: 'ana', displayName: 'Ana' })).client.id;
    otherClientId = (await studio.clients.identify({ platform: 'telegram', externalId: '42', displayName: 'Ben' })).client.id;
  });
  afterAll(() => t?.drop());

  const book = (start: string, key: string, who = clientId, serviceCode = 'master') =>
    studio.bookings.create({
      clientId: who,
      serviceCode,
      kind: 'standard',
      start: at(start),
      timeZone: 'Europe/London',
      idempotencyKey: key,
      origin: { platform: 'console', chatId: 'c1' },
      actor: `client:${who}`,
    });

  it('creates a booking that is auto-confirmed and waits for files, with its history', async () => {
    const b = await book('2026-12-02T10:00:00Z', 'k-basic');
    expect(b.status).toBe('awaiting-files');
    expect(b.reference).toMatch(/^MD-[2-9A-Z]{6}$/);
    expect(b.endsAt?.toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(b.priceCents).toBe(6000);
    // Events carry the studio clock's time (fixed in tests), so check the chain, not the order.
    const events = await t.db.bookingEvent.findMany({ where: { bookingId: b.id } });
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`).sort()).toEqual(['confirmed→awaiting-files', 'null→requested', 'requested→confirmed']);
    expect(events.every((e) => e.at.getTime() === NOW.getTime())).toBe(true);
    const holds = await t.db.slotHold.count({ where: { bookingId: b.id } });
    expect(holds).toBe(6); // one hour plus the 30-minute buffer, in 15-minute blocks
  });

  it('is idempotent: the same key returns the same booking, also when the calls race', async () => {
    const [a, b, c] = await Promise.all([
      book('2026-12-02T14:00:00Z', 'k-idem'),
      book('2026-12-02T14:00:00Z', 'k-idem'),
      book('2026-12-02T14:00:00Z', 'k-idem'),
    ]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await t.db.booking.count({ where: { idempotencyKey: 'k-idem' } })).toBe(1);
  });

  it('never double-books: of many racing requests for overlapping times exactly one wins', async () => {
    const starts = [
      '2026-12-03T10:00:00Z',
      '2026-12-03T10:00:00Z',
      '2026-12-03T11:00:00Z',
      '2026-12-03T10:00:00Z',
      '2026-12-03T11:00:00Z',
      '2026-12-03T10:00:00Z',
    ];
    const results = await Promise.allSettled(starts.map((s, i) => book(s, `k-race-${i}`, i % 2 ? clientId : otherClientId)));
    // 10:00-11:00 + 30 min buffer overlaps 11:00-12:00: only one of all of them can stand.
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const l of lost) expect(l.reason).toBeInstanceOf(SlotTakenError);
    const bookings = await t.db.booking.findMany({ where: { idempotencyKey: { startsWith: 'k-race-' } } });
    expect(bookings).toHaveLength(1);
  });

  it('offers only free slots afterwards, with the buffer around booked sessions', async () => {
    const slots = await studio.bookings.freeSlots('master', { start: at('2026-12-03T00:00:00Z'), end: at('2026-12-04T00:00:00Z') });
    const taken = await t.db.booking.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'k-race-' } } });
    for (const s of slots) {
      const clear = s.end.getTime() + 30 * 60_000 <= taken.startsAt!.getTime() || s.start.getTime() >= taken.endsAt!.getTime() + 30 * 60_000;
      expect(clear).toBe(true);
    }
    expect(slots.length).toBeGreaterThan(3);
  });

  it('refuses times in the past, outside hours, and slots not on the grid', async () => {
    await expect(book('2026-11-30T10:00:00Z', 'k-past')).rejects.toThrow(/in the past/);
    await expect(book('2026-12-05T10:00:00Z', 'k-saturday')).rejects.toThrow(/not open for booking/);
    await expect(book('2026-12-04T10:20:00Z', 'k-offgrid')).rejects.toThrow(/not open for booking/);
    expect(await t.db.booking.count({ where: { idempotencyKey: { in: ['k-past', 'k-saturday', 'k-offgrid'] } } })).toBe(0);
  });

  it('rejects illegal transitions with a clear message and changes nothing', async () => {
    const b = await book('2026-12-04T15:00:00Z', 'k-illegal');
    await expect(studio.bookings.transition(b.id, 'delivered', 'engineer')).rejects.toThrow(IllegalTransitionError);
    await expect(studio.bookings.transition(b.id, 'delivered', 'engineer')).rejects.toThrow(
      `Booking ${b.reference} is confirmed, waiting for your files, so it cannot be delivered now.`,
    );
    await studio.bookings.transition(b.id, 'in-progress', 'engineer');
    await expect(studio.bookings.cancel(clientId, b.reference, 'client')).rejects.toThrow(/in progress, so it cannot be cancelled/);
    await studio.bookings.transition(b.id, 'delivered', 'engineer');
    await studio.bookings.transition(b.id, 'revision-requested', 'client');
    await studio.bookings.transition(b.id, 'in-progress', 'engineer');
    await studio.bookings.transition(b.id, 'delivered', 'engineer');
    const done = await studio.bookings.transition(b.id, 'completed', 'client');
    expect(done.status).toBe('completed');
    await expect(studio.bookings.transition(b.id, 'in-progress', 'engineer')).rejects.toThrow(/completed, so it cannot be started/);
    const events = await t.db.bookingEvent.findMany({ where: { bookingId: b.id } });
    expect(events).toHaveLength(9);
  });

  it('cancels: frees the time, and a double-pressed cancel is refused without harm', async () => {
    const b = await book('2026-12-07T10:00:00Z', 'k-cancel');
    const results = await Promise.allSettled([studio.bookings.cancel(clientId, b.reference, 'c'), studio.bookings.cancel(clientId, b.reference, 'c')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(UserError);
    expect(await t.db.slotHold.count({ where: { bookingId: b.id } })).toBe(0);
    const again = await book('2026-12-07T10:00:00Z', 'k-cancel-rebook', otherClientId);
    expect(again.status).toBe('awaiting-files');
  });

  it('keeps artists apart: nobody can see or cancel somebody else’s booking', async () => {
    const b = await book('2026-12-08T10:00:00Z', 'k-private');
    await expect(studio.bookings.cancel(otherClientId, b.reference, 'x')).rejects.toThrow(`You have no booking ${b.reference}`);
    expect((await studio.bookings.listForClient(otherClientId)).some((x) => x.id === b.id)).toBe(false);
  });

  it('reschedules: the original is marked and linked, its time freed, the new one holds the new time', async () => {
    const b = await book('2026-12-09T10:00:00Z', 'k-move');
    const moved = await studio.bookings.reschedule(clientId, b.reference, at('2026-12-09T15:00:00Z'), 'k-move-2', 'c');
    expect(moved.rescheduledFromId).toBe(b.id);
    expect(moved.status).toBe('awaiting-files');
    expect(moved.priceCents).toBe(b.priceCents);
    const old = await t.db.booking.findUniqueOrThrow({ where: { id: b.id } });
    expect(old.status).toBe('rescheduled');
    expect(await t.db.slotHold.count({ where: { bookingId: b.id } })).toBe(0);
    // Replaying the same reschedule request returns the same new booking.
    const replay = await studio.bookings.reschedule(clientId, b.reference, at('2026-12-09T15:00:00Z'), 'k-move-2', 'c');
    expect(replay.id).toBe(moved.id);
    // A reschedule onto a taken time changes nothing.
    const blocker = await book('2026-12-10T10:00:00Z', 'k-blocker', otherClientId);
    await expect(studio.bookings.reschedule(clientId, moved.reference, blocker.startsAt!, 'k-move-3', 'c')).rejects.toThrow(SlotTakenError);
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: moved.id } })).status).toBe('awaiting-files');
    expect(await t.db.slotHold.count({ where: { bookingId: moved.id } })).toBe(6);
  });

  it('unattended work gets no slot, a queue position and a due date', async () => {
    const mk = (key: string) =>
      studio.bookings.create({
        clientId,
        serviceCode: 'mix',
        kind: 'unattended',
        timeZone: 'Europe/London',
        idempotencyKey: key,
        origin: { platform: 'console', chatId: 'c1' },
        actor: 'c',
      });
    const first = await mk('k-un-1');
    const second = await mk('k-un-2');
    const third = await mk('k-un-3');
    expect(first.startsAt).toBeNull();
    expect(first.priceCents).toBe(17500); // 30% off 250
    expect(await studio.bookings.queuePosition(first)).toBe(1);
    expect(await studio.bookings.queuePosition(third)).toBe(3);
    // Five days after Tuesday 1 Dec is Sunday; the studio (mon-fri) is closed, so Monday 7 Dec.
    expect(first.dueAt!.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(second.dueAt!.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Two a day: the third is due one day later, six days on, which is that Monday too.
    expect(third.dueAt!.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    await mk('k-un-4');
    const fifth = await mk('k-un-5'); // four ahead of it: two days later than the first
    expect(fifth.dueAt!.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    await studio.bookings.cancel(clientId, first.reference, 'c');
    expect(await studio.bookings.queuePosition(second)).toBe(1);
    await expect(studio.bookings.reschedule(clientId, second.reference, at('2026-12-09T10:00:00Z'), 'k-un-move', 'c')).rejects.toThrow(/nothing to move/);
  });
});
