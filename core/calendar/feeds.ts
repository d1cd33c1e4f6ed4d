// Private calendar feeds — the studio's (every session) and each engineer's (their sessions): a
// signed link a calendar app subscribes to, serving the sessions as they stand (local time in the studio's zone, the booking's reference, the artist's
// first name, the service and kind, the SonoBus note for virtual ones). Each session keeps one UID
// through its moves, so subscribers see it move; a cancelled one leaves the feed. Renewing the link
// revokes the old one (a link shared by mistake stops working).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { BookingRepository, BookingWithClient } from '../booking/booking-repository.js';
import { serviceName } from '../catalog.js';
import type { Clock } from '../clock.js';
import { signedTokens, type SignedTokens } from '../files/signed-tokens.js';
import type { LinkSettings } from '../files/upload-links.js';
import { inLanguage, studioLanguage, t } from '../texts.js';
import { calendarFile, type CalendarEvent } from './ics.js';

/** How far back the feed goes: last month's sessions stay in the calendar. */
const PAST_DAYS = 31;

export class CalendarFeeds {
  constructor(
    private readonly db: Db,
    private readonly bookings: Pick<BookingRepository, 'sessionsSince' | 'rescheduleChain'>,
    /** An engineer's name by id (a feed's title). */
    private readonly engineerName: (id: string) => Promise<string | null>,
    private readonly s: LinkSettings,
    private readonly clock: Clock,
    private readonly studio: { name: string; timeZone: string },
  ) {
    this.tokens = signedTokens(s, 'feed');
  }

  private readonly tokens: SignedTokens;

  private url(id: string): string {
    return `${this.s.baseUrl}/feed/${this.tokens.token(id)}`;
  }

  /** A feed's link (made the first time it is asked for): the studio's, or `engineer:<id>`. */
  async link(owner = 'studio'): Promise<string> {
    const current = await this.db.calendarFeed.findFirst({ where: { owner, revokedAt: null }, orderBy: { createdAt: 'desc' } });
    return this.url(current?.id ?? (await this.create(owner)));
  }

  /** A new link; the old one stops working at once. */
  async renew(owner = 'studio'): Promise<string> {
    await this.db.calendarFeed.updateMany({ where: { owner, revokedAt: null }, data: { revokedAt: this.clock.now() } });
    return this.url(await this.create(owner));
  }

  private async create(owner: string): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    await this.db.calendarFeed.create({ data: { id, owner } });
    return id;
  }

  /** The feed a token names, unless forged or revoked. */
  async verify(token: string): Promise<string | null> {
    const id = this.tokens.payloadOf(token);
    if (!id) return null;
    const feed = await this.db.calendarFeed.findUnique({ where: { id } });
    return feed && !feed.revokedAt ? feed.owner : null;
  }

  /** The feed's calendar: every session (or one engineer's) from a month ago on, in the studio's zone and language. */
  async file(owner = 'studio'): Promise<string> {
    const engineerId = owner.startsWith('engineer:') ? owner.slice('engineer:'.length) : null;
    const all = await this.bookings.sessionsSince(new Date(this.clock.now().getTime() - PAST_DAYS * 86_400_000));
    const sessions = engineerId ? all.filter((b) => b.engineerId === engineerId) : all;
    const events: CalendarEvent[] = [];
    for (const b of sessions) events.push(await this.event(b));
    const name = engineerId ? `${this.studio.name} · ${(await this.engineerName(engineerId)) ?? '?'}` : this.studio.name;
    return calendarFile({ name, zone: this.studio.timeZone, events });
  }

  private async event(b: BookingWithClient): Promise<CalendarEvent> {
    // A moved session is the same event in the calendar: the UID of the booking it first was.
    const chain = b.rescheduledFromId ? await this.bookings.rescheduleChain(b.id) : [b];
    const firstName = b.client.displayName.split(/\s+/)[0] ?? b.client.displayName;
    return {
      uid: `${chain[0]!.id}@mixdesk`,
      sequence: chain.length - 1,
      start: b.startsAt!,
      end: b.endsAt!,
      // Written for the studio, in its language, whoever's request is being answered.
      ...inLanguage(studioLanguage(), () => ({
        summary: t('feed-summary', { ref: b.reference, name: firstName, service: serviceName(b.service) }),
        description: t(b.kind === 'virtual' ? 'feed-virtual' : b.kind === 'standard' ? 'feed-standard' : 'feed-unattended'),
      })),
      cancelled: false,
    };
  }
}
