// Free slots from opening hours, minimum notice, buffers and a horizon. Wall-clock hours are
// resolved per date in the studio's time zone, so DST changes move the UTC instants, not the hours.
import { DateTime } from 'luxon';
import type { DateOverride, WeeklyWindow } from './hours.js';

export interface SchedulePolicy {
  timeZone: string;
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
  minNoticeMinutes: number;
  bufferMinutes: number;
  horizonDays: number;
  stepMinutes: number;
}

export interface Interval {
  start: Date;
  end: Date;
}

/** Bookings hold the studio in blocks of this many minutes (all real UTC offsets are multiples of it). */
export const BLOCK_MINUTES = 15;
const BLOCK_MS = BLOCK_MINUTES * 60_000;

/** Block starts covering [start, end + buffer): what a booking holds so no other can overlap it. */
export function blocksFor(slot: Interval, bufferMinutes: number): Date[] {
  const first = Math.floor(slot.start.getTime() / BLOCK_MS) * BLOCK_MS;
  const stop = slot.end.getTime() + bufferMinutes * 60_000;
  const blocks: Date[] = [];
  for (let t = first; t < stop; t += BLOCK_MS) blocks.push(new Date(t));
  return blocks;
}

function atMinute(day: DateTime, minute: number): DateTime {
  if (minute >= 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
}

/** Opening windows of one studio-calendar date (YYYY-MM-DD) as UTC intervals. */
export function openWindows(policy: SchedulePolicy, date: string): Interval[] {
  const day = DateTime.fromISO(date, { zone: policy.timeZone }).startOf('day');
  const overrides = policy.overrides.filter((o) => o.date === date);
  if (overrides.some((o) => o.closed)) return [];
  const withHours = overrides.flatMap((o) => o.windows);
  const windows = withHours.length > 0 ? withHours : policy.weekly.filter((w) => w.weekday === day.weekday);
  return windows
    .map((w) => ({ start: atMinute(day, w.startMinute).toJSDate(), end: atMinute(day, w.endMinute).toJSDate() }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export interface SlotQuery {
  durationMinutes: number;
  now: Date;
  /** Block start times (ms) already held by other bookings. */
  taken: ReadonlySet<number>;
  /** Limit to slots starting in [from, to); both default to the booking window. */
  from?: Date;
  to?: Date;
}

/** First and last instant a session may start at, given notice and horizon. */
export function bookingWindow(policy: SchedulePolicy, now: Date): Interval {
  return {
    start: new Date(now.getTime() + policy.minNoticeMinutes * 60_000),
    end: DateTime.fromJSDate(now).setZone(policy.timeZone).startOf('day').plus({ days: policy.horizonDays + 1 }).toJSDate(),
  };
}

export function generateSlots(policy: SchedulePolicy, q: SlotQuery): Interval[] {
  const window = bookingWindow(policy, q.now);
  const from = q.from && q.from > window.start ? q.from : window.start;
  const to = q.to && q.to < window.end ? q.to : window.end;
  if (from >= to) return [];
  const durationMs = q.durationMinutes * 60_000;
  const slots: Interval[] = [];
  // One day of margin either side: a studio date can straddle UTC dates.
  let day = DateTime.fromJSDate(from).setZone(policy.timeZone).startOf('day').minus({ days: 1 });
  const lastDay = DateTime.fromJSDate(to).setZone(policy.timeZone).startOf('day').plus({ days: 1 });
  for (; day <= lastDay; day = day.plus({ days: 1 })) {
    for (const w of openWindows(policy, day.toISODate() ?? '')) {
      for (let t = w.start.getTime(); t + durationMs <= w.end.getTime(); t += policy.stepMinutes * 60_000) {
        const slot = { start: new Date(t), end: new Date(t + durationMs) };
        if (slot.start < from || slot.start >= to) continue;
        if (blocksFor(slot, policy.bufferMinutes).some((b) => q.taken.has(b.getTime()))) continue;
        slots.push(slot);
      }
    }
  }
  return slots;
}

/** Is this exact slot bookable now? (A client may press a slot button long after it was shown.) */
export function isBookable(policy: SchedulePolicy, slot: Interval, q: Omit<SlotQuery, 'from' | 'to'>): boolean {
  return generateSlots(policy, { ...q, from: slot.start, to: new Date(slot.start.getTime() + 1) }).some(
    (s) => s.start.getTime() === slot.start.getTime() && s.end.getTime() === slot.end.getTime(),
  );
}
