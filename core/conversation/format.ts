// How bookings, times and prices read in chat.
import { DateTime } from 'luxon';
import type { BookingWithService } from '../booking/bookings.js';
import { formatMoney, isSessionKind, kindLabel, serviceName } from '../catalog.js';
import { intlLocale, t } from '../texts.js';
import { localTime } from '../booking/local-time.js';

export function formatWhen(at: Date, zone: string, studioZone?: string): string {
  const here = DateTime.fromJSDate(at).setZone(zone);
  const s = `${here.setLocale(intlLocale()).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
  if (!studioZone || studioZone === zone) return s;
  return t('when-studio-time', { when: s, studioTime: DateTime.fromJSDate(at).setZone(studioZone).toFormat('HH:mm') });
}

/** A calendar date (already in the reader's zone) as "Wed 2 Dec"; read as UTC so no zone lookup is needed. */
export function formatDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale(intlLocale()).toFormat('ccc d LLL');
}

export function formatTime(at: Date, zone: string): string {
  return localTime(at, zone);
}

/** "Sat 12 Dec, 14:00" for a session, the kind ("unattended") for a booking without a time: a booking told apart in a list. */
export function bookingWhen(b: Pick<BookingWithService, 'startsAt' | 'kind'>, zone: string): string {
  return b.startsAt ? DateTime.fromJSDate(b.startsAt).setZone(zone).setLocale(intlLocale()).toFormat('ccc d LLL, HH:mm') : kindName(b.kind).toLowerCase();
}

/** "MD-7K2Q9A · Mastering · Tue 1 Dec, 10:00": one of the artist's bookings as a choice (a button, a suggestion). */
export function bookingChoice(b: Pick<BookingWithService, 'reference' | 'service' | 'startsAt' | 'kind'>, zone: string): string {
  return t('file-for-booking', { ref: b.reference, service: serviceName(b.service), when: bookingWhen(b, zone) });
}

export function kindName(kind: string): string {
  return isSessionKind(kind) ? kindLabel(kind).name : kind;
}

/** One booking in a few lines, in the client's time zone; `status` is its standing as the artist reads it (core/booking/standing.ts). */
export function describeBooking(b: BookingWithService, zone: string, studioZone: string, status: string, queuePosition?: number | null): string {
  const lines = [
    b.kind === 'unattended'
      ? t('booking-title-unattended', { ref: b.reference, service: serviceName(b.service) })
      : t('booking-title', { ref: b.reference, service: serviceName(b.service), kind: kindName(b.kind).toLowerCase() }),
  ];
  if (b.startsAt) lines.push(`  ${t('booking-when', { when: formatWhen(b.startsAt, zone, studioZone) })}`);
  if (b.dueAt) {
    const date = DateTime.fromJSDate(b.dueAt).setZone(zone).setLocale(intlLocale()).toFormat('ccc d LLL yyyy');
    lines.push(`  ${queuePosition ? t('booking-due-queue', { date, position: queuePosition }) : t('booking-due', { date })}`);
  }
  lines.push(`  ${t('booking-price', { price: formatMoney(b.priceCents, b.currency), revisions: b.includedRevisions })}`);
  lines.push(`  ${t('booking-status', { status })}`);
  return lines.join('\n');
}
