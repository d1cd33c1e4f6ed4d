// Opening hours: weekly rules in the studio's local time plus dated overrides.

/** ISO weekday (1 = Monday … 7 = Sunday) with minutes after local midnight. */
export interface WeeklyWindow {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** A studio-calendar date (YYYY-MM-DD) that is closed, or open with its own hours. */
export interface DateOverride {
  date: string;
  closed: boolean;
  windows: { startMinute: number; endMinute: number }[];
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function weekdayOf(name: string): number {
  const i = DAYS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) throw new Error(`"${name}" is not a weekday (use mon, tue, wed, thu, fri, sat, sun)`);
  return i + 1;
}

export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a time of day (use HH:MM, e.g. 09:30)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new Error(`"${text}" is not a time of day (00:00 to 24:00)`);
  return minutes;
}

export function parseRange(text: string): { startMinute: number; endMinute: number } {
  const [a, b, extra] = text.split('-');
  if (a === undefined || b === undefined || extra !== undefined) {
    throw new Error(`"${text}" is not a time range (use HH:MM-HH:MM, e.g. 10:00-18:00)`);
  }
  const startMinute = parseClock(a);
  const endMinute = parseClock(b);
  if (endMinute <= startMinute) throw new Error(`"${text}" ends before it starts`);
  return { startMinute, endMinute };
}

/** "mon-fri 10:00-18:00, sat 11:00-13:00 14:00-16:00" → windows. Days not named are closed. */
export function parseWeeklyHours(text: string): WeeklyWindow[] {
  const windows: WeeklyWindow[] = [];
  for (const entry of text
    .split(/[,;]/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [days, ...ranges] = entry.split(/\s+/);
    if (!days || ranges.length === 0) throw new Error(`"${entry}" needs days and hours, e.g. "mon-fri 10:00-18:00"`);
    const [from, to] = days.split('-');
    const first = weekdayOf(from ?? '');
    const last = to === undefined ? first : weekdayOf(to);
    if (last < first) throw new Error(`"${days}" runs backwards (write the days Monday-first, e.g. sat-sun)`);
    for (let weekday = first; weekday <= last; weekday++) {
      for (const range of ranges) windows.push({ weekday, ...parseRange(range) });
    }
  }
  if (windows.length === 0) throw new Error('no opening hours given (e.g. "mon-fri 10:00-18:00")');
  return windows;
}

export function parseDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== text.trim()) {
    throw new Error(`"${text}" is not a date (use YYYY-MM-DD, e.g. 2026-12-24)`);
  }
  return text.trim();
}

/** "2026-12-24, 2026-12-25" → closed-date overrides. */
export function parseClosedDates(text: string): DateOverride[] {
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((d) => ({ date: parseDate(d), closed: true, windows: [] }));
}
