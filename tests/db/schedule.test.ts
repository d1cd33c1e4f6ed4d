// The engineer's hours and closed dates take effect at once in the calendar artists see, even
// though the schedule is cached between messages; Sunday hours are Sunday hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import type { Studio } from '../../core/studio.js';

const day = (date: string) => ({ start: new Date(`${date}T00:00:00Z`), end: new Date(`${date}T23:59:00Z`) });

describe.each(testProviders())('studio hours set at the desk on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db);
  });
  afterAll(() => t?.drop());

  it('Sunday hours open Sundays, at once; a blocked date closes; clearing returns to the configured hours', async () => {
    // Configured hours are Monday to Friday: nothing on Sunday 6 December.
    expect(await studio.bookings.freeSlots('master', day('2026-12-06'))).toEqual([]);
    expect((await studio.bookings.freeSlots('master', day('2026-12-07'))).length).toBeGreaterThan(0);

    await studio.desk.addWeeklyHours('sun', '10:00', '14:00');
    const sunday = await studio.bookings.freeSlots('master', day('2026-12-06'));
    expect(sunday.map((s) => s.start.toISOString())[0]).toBe('2026-12-06T10:00:00.000Z');
    expect(sunday.at(-1)!.end.toISOString()).toBe('2026-12-06T14:00:00.000Z');
    // Hours set at the desk replace the configured week: Monday is closed now.
    expect(await studio.bookings.freeSlots('master', day('2026-12-07'))).toEqual([]);
    expect(await studio.desk.availability()).toContain('sun 10:00-14:00');

    await studio.desk.blockDate('2026-12-13', 'holiday');
    expect(await studio.bookings.freeSlots('master', day('2026-12-13'))).toEqual([]);
    // Closing it again changes the note, not the list (it was listed twice).
    await studio.desk.blockDate('2026-12-13', 'studio holiday');
    expect((await studio.desk.availability()).match(/2026-12-13/g)).toHaveLength(1);
    expect(await studio.desk.availability()).toContain('• 2026-12-13: closed (studio holiday)');
    expect((await studio.bookings.freeSlots('master', day('2026-12-20'))).length).toBeGreaterThan(0);

    await studio.desk.clearWeeklyHours();
    expect(await studio.bookings.freeSlots('master', day('2026-12-06'))).toEqual([]);
    expect((await studio.bookings.freeSlots('master', day('2026-12-07'))).length).toBeGreaterThan(0);
  });

  it('a Sunday rule stored the old way (weekday 0) still means Sunday', async () => {
    await t.db.availabilityRule.create({ data: { weekday: 0, startMinute: 600, endMinute: 840 } });
    const fresh = await testStudio(t.db);
    expect((await fresh.bookings.freeSlots('master', day('2026-12-06'))).length).toBeGreaterThan(0);
    await t.db.availabilityRule.deleteMany({});
  });
});
