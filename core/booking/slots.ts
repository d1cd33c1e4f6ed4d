// Free slots from opening hours, minimum notice, buffers and a horizon. Wall-clock hours are
// resolved per date in the studio's time zone, so DST changes move the UTC instants, not the hours.
import { DateTime } from 'luxon';
import type { DateOverride, WeeklyWindow } from './hours.js';
import { addDays, isoWeekday, localDate, memoInstant } from './local-time.js';

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

/** The instant a wall-clock minute of a studio date falls on (24:00 is the next midnight). */
function atMinute(zone: string, date: string, minute: number): number {
  return memoInstant(zone, date, minute, () => {
    const day = DateTime.fromISO(date, { zone }).startOf('day');
    if (minute >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
    return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
  });
}

/** Opening windows of one studio-calendar date (YYYY-MM-DD) as UTC intervals. */
export function openWindows(policy: SchedulePolicy, date: string): Interval[] {
  const overrides = policy.overrides.filter((o) => o.date === date);
  if (overrides.some((o) => o.closed)) return [];
  const withHours = overrides.flatMap((o) => o.windows);
  const weekday = isoWeekday(date);
  const windows = withHours.length > 0 ? withHours : policy.weekly.filter((w) => w.weekday === weekday);
  return windows
    .map((w) => ({ start: new Date(atMinute(policy.timeZone, date, w.startMinute)), end: new Date(atMinute(policy.timeZone, date, w.endMinute)) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Is any block of [start, end + buffer) held? The same blocks as `blocksFor`, without allocating. */
export function overlapsTaken(startMs: number, endMs: number, bufferMinutes: number, taken: ReadonlySet<number>): boolean {
  if (taken.size === 0) return false;
  const stop = endMs + bufferMinutes * 60_000;
  for (let t = Math.floor(startMs / BLOCK_MS) * BLOCK_MS; t < stop; t += BLOCK_MS) if (taken.has(t)) return true;
  return false;
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
    end: new Date(atMinute(policy.timeZone, addDays(localDate(now, policy.timeZone), policy.horizonDays + 1), 0)),
  };
}

export function generateSlots(policy: SchedulePolicy, q: SlotQuery): Interval[] {
  const window = bookingWindow(policy, q.now);
  const from = q.from && q.from > window.start ? q.from : window.start;
  const to = q.to && q.to < window.end ? q.to : window.end;
  if (from >= to) return [];
  const durationMs = q.durationMinutes * 60_000;
  const slots: Interval[] = [];
  const fromMs = from.getTime();
  const toMs = to.getTime();
  // The studio dates of `from` and `to` (windows never span more than a day past their date).
  const lastDay = localDate(to, policy.timeZone);
  for (let day = localDate(fromMs - 86_400_000, policy.timeZone); day <= lastDay; day = addDays(day, 1)) {
    for (const w of openWindows(policy, day)) {
      for (let t = w.start.getTime(); t + durationMs <= w.end.getTime(); t += policy.stepMinutes * 60_000) {
        if (t < fromMs || t >= toMs) continue;
        if (overlapsTaken(t, t + durationMs, policy.bufferMinutes, q.taken)) continue;
        slots.push({ start: new Date(t), end: new Date(t + durationMs) });
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
