// Calendar files (RFC 5545) through ical-generator: times written in a named zone with its
// VTIMEZONE (timezones-ical-library), so a session on the far side of a clock change is where it
// was booked in every calendar app.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

export interface CalendarEvent {
  /** Stable across changes: a calendar app updates the event it has under this id. */
  uid: string;
  /** Goes up with every change (a moved session), so the newer file wins. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  cancelled: boolean;
}

export function calendarFile(o: { name: string; zone: string; events: readonly CalendarEvent[] }): string {
  // A file whose only event is called off tells the calendar app to remove it (METHOD:CANCEL).
  const cancelling = o.events.length > 0 && o.events.every((e) => e.cancelled);
  const cal = ical({
    name: o.name,
    prodId: { company: 'mixdesk', product: 'mixdesk' },
    method: cancelling ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  cal.timezone({ name: o.zone, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  for (const e of o.events) {
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: DateTime.fromJSDate(e.start).setZone(o.zone),
      end: DateTime.fromJSDate(e.end).setZone(o.zone),
      timezone: o.zone,
      summary: e.summary,
      description: e.description,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
