// How bookings read in chat (times and kinds: core/messages/when.ts).
import { bookingWhen, formatWhen, kindName } from '../messages/when.js';
export { bookingWhen, formatDay, formatTime, formatWhen, kindName } from '../messages/when.js';
import { DateTime } from 'luxon';
import type { BookingWithService } from '../booking/bookings.js';
import { formatMoney, serviceName } from '../catalog.js';
import { intlLocale, t } from '../texts.js';

/** "MD-7K2Q9A · Mastering · Tue 1 Dec, 10:00": one of the artist's bookings as a choice (a button, a suggestion). */
export function bookingChoice(b: Pick<BookingWithService, 'reference' | 'service' | 'startsAt' | 'kind'>, zone: string): string {
  return t('file-for-booking', { ref: b.reference, service: serviceName(b.service), when: bookingWhen(b, zone) });
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
