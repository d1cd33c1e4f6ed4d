// How times, days and session kinds read in every message the studio sends, in the reader's
// language and time zone. Used by the conversation, the desk, the versions and the alerts alike.
import { DateTime } from 'luxon';
import { isSessionKind, kindLabel } from '../catalog.js';
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
export function bookingWhen(b: { startsAt: Date | null; kind: string }, zone: string): string {
  return b.startsAt ? DateTime.fromJSDate(b.startsAt).setZone(zone).setLocale(intlLocale()).toFormat('ccc d LLL, HH:mm') : kindName(b.kind).toLowerCase();
}

export function kindName(kind: string): string {
  return isSessionKind(kind) ? kindLabel(kind).name : kind;
}
