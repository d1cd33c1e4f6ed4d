// Picking a date and a time, shared by booking and rescheduling. Dates and times are shown in
// the client's time zone; availability comes from the studio's calendar.
import { DateTime } from 'luxon';
import { parseDate } from '../../booking/hours.js';
import { bookingWindow, type Interval } from '../../booking/slots.js';
import { localDate } from '../../booking/local-time.js';
import { UserError } from '../../errors.js';
import { ask, type FlowContext, type FlowData, type StepInput, type StepOutcome } from '../flow.js';
import { formatDay, formatTime } from '../format.js';
import type { Button } from '../types.js';
import { t } from '../../texts.js';

const DATES_PER_PAGE = 8;
const SLOTS_PER_ROW = 4;

function slotsByDay(slots: Interval[], zone: string): Map<string, Interval[]> {
  const byDay = new Map<string, Interval[]>();
  for (const slot of slots) {
    const day = localDate(slot.start, zone);
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  return byDay;
}

/** How far ahead one look at the calendar reaches; the next look starts where it ended. */
const LOOK_AHEAD_DAYS = 21;

/**
 * The artist's dates with a free time, in order, up to `want` of them (plus whether there are
 * more). Reads the calendar a few weeks at a time instead of the whole horizon on every press.
 */
/** The session's length when it is not the service's (a rescheduled session grown for its mix). */
const minutesOf = (data: FlowData) => (typeof data.minutes === 'number' ? data.minutes : undefined);

/** The engineer whose times are shown: the one picked (or the moved booking's); absent or "any": everyone's. */
export const engineerOf = (data: FlowData) => (typeof data.engineer === 'string' && data.engineer !== 'any' ? data.engineer : undefined);

async function freeDays(ctx: FlowContext, serviceCode: string, want: number, minutes?: number, engineer?: string): Promise<{ days: string[]; more: boolean }> {
  const window = bookingWindow(await ctx.studio.policy(), ctx.studio.clock.now());
  const days: string[] = [];
  for (let start = window.start; start < window.end && days.length <= want;) {
    const end = new Date(Math.min(window.end.getTime(), start.getTime() + LOOK_AHEAD_DAYS * 86_400_000));
    for (const day of slotsByDay(await ctx.studio.bookings.freeSlots(serviceCode, { start, end }, minutes, engineer), ctx.client.timeZone).keys()) {
      if (days.at(-1) !== day) days.push(day);
    }
    start = end;
  }
  return { days: days.slice(0, want), more: days.length > want };
}

function rows(buttons: Button[], perRow: number): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

export async function askDate(ctx: FlowContext, data: FlowData, page = 0, before?: string): Promise<StepOutcome> {
  const serviceCode = String(data.service);
  const wanted = Math.max(page, 0);
  const { days, more } = await freeDays(ctx, serviceCode, (wanted + 1) * DATES_PER_PAGE, minutesOf(data), engineerOf(data));
  if (days.length === 0) {
    throw new UserError(t('calendar-full'));
  }
  // A page that emptied meanwhile (others booked its days) shows the last one with dates.
  const p = Math.min(wanted, Math.ceil(days.length / DATES_PER_PAGE) - 1);
  const shown = days.slice(p * DATES_PER_PAGE, (p + 1) * DATES_PER_PAGE);
  const nav: Button[] = [];
  if (p > 0) nav.push({ label: t('calendar-earlier'), data: `page:${p - 1}` });
  if (more || days.length > (p + 1) * DATES_PER_PAGE) nav.push({ label: t('calendar-later'), data: `page:${p + 1}` });
  return ask(
    'date',
    { ...data, page: p },
    {
      text: `${before ? `${before}\n\n` : ''}${t('calendar-ask-day', { zone: ctx.client.timeZone, example: shown[0] ?? '' })}`,
      buttons: [
        ...rows(
          shown.map((d) => ({ label: formatDay(d), data: `date:${d}` })),
          4,
        ),
        ...(nav.length ? [nav] : []),
      ],
    },
  );
}

/** Handles the answer to `askDate`: a date button, a page button, or a typed date. */
export async function answerDate(ctx: FlowContext, input: StepInput): Promise<StepOutcome> {
  if (input.type === 'button' && input.action.startsWith('page:')) return askDate(ctx, ctx.data, Number(input.action.slice(5)));
  const raw = input.type === 'button' ? input.action.replace(/^date:/, '') : input.text;
  let date: string;
  try {
    date = parseDate(raw);
  } catch {
    throw new UserError(t('calendar-unreadable', { typed: raw }));
  }
  const zone = ctx.client.timeZone;
  const policy = await ctx.studio.policy();
  const now = ctx.studio.clock.now();
  const today = DateTime.fromJSDate(now).setZone(zone).toISODate() ?? '';
  if (date < today) throw new UserError(t('calendar-past', { day: formatDay(date), year: date.slice(0, 4) }));
  const lastDay = DateTime.fromJSDate(bookingWindow(policy, now).end).setZone(zone).toISODate() ?? '';
  if (date > lastDay) throw new UserError(t('calendar-too-far', { days: policy.horizonDays, last: formatDay(lastDay) }));
  // Only this date's times: from the start of the date to the start of the next, in the artist's zone.
  const dayStart = DateTime.fromISO(date, { zone });
  const range = { start: dayStart.toJSDate(), end: dayStart.plus({ days: 1 }).toJSDate() };
  const slots = slotsByDay(await ctx.studio.bookings.freeSlots(String(ctx.data.service), range, minutesOf(ctx.data), engineerOf(ctx.data)), zone).get(date);
  // The day filled up since the list was shown: show the list as it is now, not the stale one.
  if (!slots?.length) return askDate(ctx, ctx.data, Number(ctx.data.page ?? 0), t('calendar-day-full', { day: formatDay(date) }));
  return ask(
    'slot',
    { ...ctx.data, date },
    {
      text: t('calendar-ask-time', { day: formatDay(date), zone }),
      buttons: [
        ...rows(
          slots.map((s) => ({ label: formatTime(s.start, zone), data: `slot:${s.start.getTime().toString(36)}` })),
          SLOTS_PER_ROW,
        ),
        [{ label: t('calendar-other-days'), data: 'back' }],
      ],
    },
  );
}

/** Handles the answer to the slot question; returns the chosen start, or the next outcome. */
export async function answerSlot(ctx: FlowContext, input: StepInput): Promise<Date | StepOutcome> {
  if (input.type === 'button' && input.action === 'back') return askDate(ctx, ctx.data, Number(ctx.data.page ?? 0));
  if (input.type !== 'button' || !input.action.startsWith('slot:')) {
    throw new UserError(t('calendar-pick-time-typed'));
  }
  const start = new Date(parseInt(input.action.slice(5), 36));
  if (Number.isNaN(start.getTime())) throw new UserError(t('calendar-pick-time'));
  return start;
}
