// How bookings, times and prices read in chat.
import { DateTime } from 'luxon';
import type { BookingWithService } from '../booking/bookings.js';
import { isBookingStatus, statusLabels } from '../booking/status.js';
import { formatMoney, isSessionKind, kindLabels } from '../catalog.js';

export function formatWhen(at: Date, zone: string, studioZone?: string): string {
  const here = DateTime.fromJSDate(at).setZone(zone);
  let s = `${here.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
  if (studioZone && studioZone !== zone) {
    s += ` — ${DateTime.fromJSDate(at).setZone(studioZone).toFormat('HH:mm')} at the studio`;
  }
  return s;
}

export function formatDay(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).toFormat('ccc d LLL');
}

export function formatTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at).setZone(zone).toFormat('HH:mm');
}

export function kindName(kind: string): string {
  return isSessionKind(kind) ? kindLabels[kind].name : kind;
}

export function statusName(status: string): string {
  return isBookingStatus(status) ? statusLabels[status] : status;
}

/** One booking in a few lines, in the client's time zone. */
export function describeBooking(b: BookingWithService, zone: string, studioZone: string, queuePosition?: number | null): string {
  const lines = [`${b.reference} — ${b.service.name}, ${kindName(b.kind).toLowerCase()} session`];
  if (b.startsAt) lines.push(`  When: ${formatWhen(b.startsAt, zone, studioZone)}`);
  if (b.dueAt) {
    lines.push(`  Due by: ${DateTime.fromJSDate(b.dueAt).setZone(zone).toFormat('ccc d LLL yyyy')}${queuePosition ? ` (number ${queuePosition} in the unattended queue)` : ''}`);
  }
  lines.push(`  Price: ${formatMoney(b.priceCents, b.currency)} · ${b.includedRevisions} free revisions`);
  lines.push(`  Status: ${statusName(b.status)}`);
  return lines.join('\n');
}
