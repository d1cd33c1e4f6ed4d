// "Add to calendar" for an artist's session: a private link (signed like the download links) to a
// calendar file of the session in the artist's own zone and language. The link stays good when the
// session moves or is called off: it always serves the session as it now stands, under one UID with
// a SEQUENCE that goes up with each change, and a cancelled one as METHOD:CANCEL — so opening it
// again updates or removes the event the calendar app already has.
import type { BookingRepository } from '../booking/booking-repository.js';
import { serviceName } from '../catalog.js';
import { languageFor } from '../clients.js';
import { signedTokens, type SignedTokens } from '../files/signed-tokens.js';
import type { LinkSettings } from '../files/upload-links.js';
import { inLanguage, t } from '../texts.js';
import { calendarFile } from './ics.js';

export class BookingCalendars {
  constructor(
    private readonly bookings: Pick<BookingRepository, 'rescheduleChain'>,
    private readonly s: LinkSettings,
    private readonly studioName: string,
    /** Whether this process's web server serves links now (none are handed out before it listens). */
    private readonly served: () => boolean,
  ) {
    this.tokens = signedTokens(s, 'calendar');
  }

  private readonly tokens: SignedTokens;

  /** The link for a booking's session; undefined while no web server serves links. */
  link(bookingId: string): string | undefined {
    if (this.s.offline || !this.served()) return undefined;
    const payload = Buffer.from(bookingId).toString('base64url');
    return `${this.s.baseUrl}/cal/${this.tokens.token(payload)}`;
  }

  /** The booking a token names, or null when it is forged or damaged. */
  verify(token: string): string | null {
    const payload = this.tokens.payloadOf(token);
    return payload === null ? null : Buffer.from(payload, 'base64url').toString();
  }

  /** The session's calendar file as it now stands, or null when it has no time (unattended work). */
  async file(bookingId: string): Promise<{ fileName: string; text: string } | null> {
    const chain = await this.bookings.rescheduleChain(bookingId);
    const now = chain.at(-1);
    if (!now?.startsAt || !now.endsAt) return null;
    const cancelled = now.status === 'cancelled';
    const zone = now.client.timeZone;
    const text = inLanguage(languageFor(now.client), () =>
      calendarFile({
        name: this.studioName,
        zone,
        events: [
          {
            uid: `${chain[0]!.id}@mixdesk`,
            // Each move made a new booking; calling it off is one more change.
            sequence: chain.length - 1 + (cancelled ? 1 : 0),
            start: now.startsAt!,
            end: now.endsAt!,
            summary: t('calendar-summary', { service: serviceName(now.service), studio: this.studioName }),
            description: [t(now.kind === 'virtual' ? 'calendar-virtual' : 'calendar-standard'), t('calendar-reference', { ref: now.reference })].join('\n'),
            cancelled,
          },
        ],
      }),
    );
    return { fileName: `${now.reference}.ics`, text };
  }
}
