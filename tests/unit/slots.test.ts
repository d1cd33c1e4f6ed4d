import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseWeeklyHours } from '../../core/booking/hours.js';
import { blocksFor, generateSlots, isBookable, openWindows, type SchedulePolicy } from '../../core/booking/slots.js';

const policy = (over: Partial<SchedulePolicy> = {}): SchedulePolicy => ({
  timeZone: 'Europe/London',
  weekly: parseWeeklyHours('mon-sun 10:00-18:00'),
  overrides: [],
  minNoticeMinutes: 0,
  bufferMinutes: 0,
  horizonDays: 60,
  stepMinutes: 60,
  ...over,
});

const local = (d: Date, zone: string) => DateTime.fromJSDate(d).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
const iso = (d: Date) => d.toISOString();

describe('opening windows across DST', () => {
  it('Europe/London: 10:00 local is 10:00Z in winter and 09:00Z on the day clocks go forward', () => {
    const p = policy();
    expect(openWindows(p, '2026-03-28').map((w) => iso(w.start))).toEqual(['2026-03-28T10:00:00.000Z']);
    expect(openWindows(p, '2026-03-29').map((w) => iso(w.start))).toEqual(['2026-03-29T09:00:00.000Z']);
    // Clocks go back on 25 October 2026.
    expect(openWindows(p, '2026-10-24').map((w) => iso(w.start))).toEqual(['2026-10-24T09:00:00.000Z']);
    expect(openWindows(p, '2026-10-25').map((w) => iso(w.start))).toEqual(['2026-10-25T10:00:00.000Z']);
  });

  it('America/New_York: a night window spanning the change has 3 real hours in spring and 5 in autumn', () => {
    const p = policy({ timeZone: 'America/New_York', weekly: parseWeeklyHours('mon-sun 00:00-04:00') });
    const [spring] = openWindows(p, '2026-03-08');
    const [autumn] = openWindows(p, '2026-11-01');
    expect((spring!.end.getTime() - spring!.start.getTime()) / 3_600_000).toBe(3);
    expect((autumn!.end.getTime() - autumn!.start.getTime()) / 3_600_000).toBe(5);
  });

  it('slots keep their wall-clock times in the studio zone on both sides of a change', () => {
    for (const [zone, before, after] of [
      ['Europe/London', '2026-03-28', '2026-03-30'],
      ['Europe/London', '2026-10-24', '2026-10-26'],
      ['America/New_York', '2026-03-07', '2026-03-09'],
      ['America/New_York', '2026-10-31', '2026-11-02'],
    ] as const) {
      const p = policy({ timeZone: zone, weekly: parseWeeklyHours('mon-sun 10:00-13:00') });
      const slots = generateSlots(p, {
        durationMinutes: 60,
        now: DateTime.fromISO(`${before}T00:00`, { zone }).toJSDate(),
        taken: new Set(),
        to: DateTime.fromISO(`${after}T23:59`, { zone }).toJSDate(),
      });
      expect(slots.map((s) => local(s.start, zone).slice(11))).toEqual(['10:00', '11:00', '12:00', '10:00', '11:00', '12:00', '10:00', '11:00', '12:00']);
      expect(new Set(slots.map((s) => s.end.getTime() - s.start.getTime()))).toEqual(new Set([3_600_000]));
    }
  });

  it('a window from midnight on the night clocks go forward has one hour less of slots', () => {
    const p = policy({ weekly: parseWeeklyHours('mon-sun 00:00-04:00') });
    const now = new Date('2026-03-28T12:00:00Z');
    const slots = generateSlots(p, { durationMinutes: 60, now, taken: new Set(), to: new Date('2026-03-29T12:00:00Z') });
    // 01:00-02:00 does not exist in London on 29 March: 00:00, 02:00 and 03:00 BST are left.
    expect(slots.map((s) => local(s.start, 'Europe/London'))).toEqual(['2026-03-29 00:00', '2026-03-29 02:00', '2026-03-29 03:00']);
  });
});

describe('slot rules', () => {
  const now = new Date('2026-12-01T08:00:00Z'); // Tuesday

  it('respects minimum notice', () => {
    const slots = generateSlots(policy({ minNoticeMinutes: 24 * 60 }), { durationMinutes: 60, now, taken: new Set(), to: new Date('2026-12-03T00:00:00Z') });
    expect(slots[0] && iso(slots[0].start)).toBe('2026-12-02T10:00:00.000Z');
  });

  it('respects the horizon', () => {
    const slots = generateSlots(policy({ horizonDays: 2 }), { durationMinutes: 60, now, taken: new Set() });
    const last = slots.at(-1)!;
    expect(local(last.start, 'Europe/London')).toBe('2026-12-03 17:00');
  });

  it('keeps sessions inside opening hours', () => {
    const slots = generateSlots(policy(), { durationMinutes: 300, now, taken: new Set(), to: new Date('2026-12-02T00:00:00Z') });
    expect(slots.map((s) => local(s.start, 'Europe/London').slice(11))).toEqual(['10:00', '11:00', '12:00', '13:00']);
  });

  it('a held booking plus its buffer blocks overlapping slots on both sides', () => {
    const p = policy({ bufferMinutes: 30 });
    const held = { start: new Date('2026-12-01T13:00:00Z'), end: new Date('2026-12-01T14:00:00Z') };
    const taken = new Set(blocksFor(held, 30).map((b) => b.getTime()));
    const slots = generateSlots(p, { durationMinutes: 60, now, taken, to: new Date('2026-12-02T00:00:00Z') });
    // 12:00-13:00 would end exactly when the booking starts, leaving no buffer; 14:00 starts inside its buffer.
    expect(slots.map((s) => local(s.start, 'Europe/London').slice(11))).toEqual(['10:00', '11:00', '15:00', '16:00', '17:00']);
  });

  it('closed dates and date overrides replace the weekly hours', () => {
    const p = policy({
      overrides: [
        { date: '2026-12-02', closed: true, windows: [] },
        { date: '2026-12-03', closed: false, windows: [{ startMinute: 14 * 60, endMinute: 16 * 60 }] },
      ],
    });
    expect(openWindows(p, '2026-12-02')).toEqual([]);
    const slots = generateSlots(p, {
      durationMinutes: 60,
      now,
      taken: new Set(),
      from: new Date('2026-12-02T00:00:00Z'),
      to: new Date('2026-12-04T00:00:00Z'),
    });
    expect(slots.map((s) => local(s.start, 'Europe/London'))).toEqual(['2026-12-03 14:00', '2026-12-03 15:00']);
  });

  it('isBookable rejects a slot that was free when shown but is now taken or too soon', () => {
    const p = policy({ minNoticeMinutes: 60 });
    const slot = { start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-01T11:00:00Z') };
    expect(isBookable(p, slot, { durationMinutes: 60, now, taken: new Set() })).toBe(true);
    expect(isBookable(p, slot, { durationMinutes: 60, now, taken: new Set([slot.start.getTime()]) })).toBe(false);
    expect(isBookable(p, slot, { durationMinutes: 60, now: new Date('2026-12-01T09:30:00Z'), taken: new Set() })).toBe(false);
    expect(isBookable(p, { ...slot, start: new Date('2026-12-01T10:30:00Z') }, { durationMinutes: 60, now, taken: new Set() })).toBe(false);
  });
});

describe('hours parsing', () => {
  it('parses ranges and several windows a day', () => {
    expect(parseWeeklyHours('mon-tue 10:00-12:00 13:00-18:00')).toEqual([
      { weekday: 1, startMinute: 600, endMinute: 720 },
      { weekday: 1, startMinute: 780, endMinute: 1080 },
      { weekday: 2, startMinute: 600, endMinute: 720 },
      { weekday: 2, startMinute: 780, endMinute: 1080 },
    ]);
  });
  it('explains bad input', () => {
    expect(() => parseWeeklyHours('funday 10:00-12:00')).toThrow(/not a weekday/);
    expect(() => parseWeeklyHours('mon 18:00-10:00')).toThrow(/ends before it starts/);
    expect(() => parseWeeklyHours('mon 25:00-26:00')).toThrow(/not a time of day/);
    expect(() => parseWeeklyHours('')).toThrow(/no opening hours/);
  });
});
