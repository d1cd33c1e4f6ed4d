// Calendar arithmetic in a time zone, fast enough to run for every slot of a year's calendar on
// every chat message. Luxon resolves a zone's offset through Intl on each conversion, which cost
// ~10 µs a call and dominated a busy booking desk; these cache what never changes.

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | number, zone: string): string {
  let f = dayFormatters.get(zone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(zone, f);
  }
  return f.format(instant);
}

/** ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();

/**
 * Memoises a pure (zone, date, minute) → instant conversion; the map is bounded (cleared when
 * full: entries are cheap to recompute, and a studio's calendar needs a few thousand).
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** HH:mm (24-hour) of an instant in a time zone. */
export function localTime(instant: Date | number, zone: string): string {
  let f = timeFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(zone, f);
  }
  return f.format(instant);
}

export function memoInstant(zone: string, date: string, minute: number, compute: () => number): number {
  const key = `${zone}|${date}|${minute}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const v = compute();
  cache.set(key, v);
  return v;
}
