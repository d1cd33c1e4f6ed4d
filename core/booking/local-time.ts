// Calendar arithmetic in a time zone, fast enough to run for every slot of a year's calendar on
// every chat message. Luxon resolves a zone's offset through Intl on each conversion, which cost
// ~10 µs a call and dominated a busy booking desk; these cache what never changes.

const formatters = new Map<string, Intl.DateTimeFormat>();

interface Style {
  name: string;
  locale: string;
  options: Intl.DateTimeFormatOptions;
}

/** One Intl formatter per style and zone, built once: building one costs more than using it. */
function formatter(style: Style, zone: string): Intl.DateTimeFormat {
  const key = `${style.name}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(style.locale, { ...style.options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

// en-CA writes dates as YYYY-MM-DD.
const DATE: Style = { name: 'date', locale: 'en-CA', options: { year: 'numeric', month: '2-digit', day: '2-digit' } };
const TIME: Style = { name: 'time', locale: 'en-GB', options: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } };

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | number, zone: string): string {
  return formatter(DATE, zone).format(instant);
}

/** HH:mm (24-hour) of an instant in a time zone. */
export function localTime(instant: Date | number, zone: string): string {
  return formatter(TIME, zone).format(instant);
}

/** ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();

/**
 * Memoises a pure (zone, date, minute) → instant conversion; the map is bounded (cleared when
 * full: entries are cheap to recompute, and a studio's calendar needs a few thousand).
 */
export function memoInstant(zone: string, date: string, minute: number, compute: () => number): number {
  const key = `${zone}|${date}|${minute}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const v = compute();
  cache.set(key, v);
  return v;
}
