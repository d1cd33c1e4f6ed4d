// Links to a booking's listening page, made with each delivery: "<22-character id>.<43-character
// signature>", signed with the studio's link secret over the id and expiry like the upload links,
// stored so they can be withdrawn (a booking moved or cancelled), expiring with the download links.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Models, Tx } from '../../db/client.js';
import type { BookingService, BookingWithClient } from '../booking/bookings.js';
import type { Clock } from '../clock.js';
import { LinkRefused, type LinkSettings } from '../files/upload-links.js';
import { t } from '../texts.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export class ListeningLinks {
  constructor(
    private readonly db: Db,
    private readonly bookings: BookingService,
    private readonly clock: Clock,
    /** Shared with the upload and download links: the web server sets the address it serves at. */
    private readonly s: LinkSettings,
    private readonly ttlDays: number,
  ) {}

  private sign(id: string, expiresAt: Date): string {
    return createHmac('sha256', this.s.secret).update(`listen.${id}.${expiresAt.getTime()}`).digest('base64url').slice(0, 43);
  }

  /** A new link for the booking, in the delivery's transaction; undefined while no web server serves links. */
  async issueIn(tx: Tx, bookingId: string): Promise<string | undefined> {
    if (this.s.offline) return undefined;
    const id = randomBytes(16).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlDays * 86_400_000);
    await tx.listeningLink.create({ data: { id, bookingId, expiresAt } });
    return `${this.s.baseUrl}/listen/${id}.${this.sign(id, expiresAt)}`;
  }

  /** The booking a token opens; refused (with the reason said) when forged, withdrawn, expired or called off. */
  async verify(token: string): Promise<{ link: Models.ListeningLinkModel; booking: BookingWithClient }> {
    const m = /^([\w-]{22})\.([\w-]{43})$/.exec(token);
    if (!m) throw new LinkRefused(t('listen-link-invalid'));
    const [, id, sig] = m as unknown as [string, string, string];
    const link = await this.db.listeningLink.findUnique({ where: { id } });
    const expected = link ? Buffer.from(this.sign(link.id, link.expiresAt)) : Buffer.alloc(43);
    if (!link || !timingSafeEqual(expected, Buffer.from(sig))) throw new LinkRefused(t('listen-link-invalid'));
    if (link.revokedAt) throw new LinkRefused(t('listen-link-withdrawn'));
    if (link.expiresAt <= this.clock.now()) throw new LinkRefused(t('listen-link-expired'));
    const booking = await this.bookings.withClient(link.bookingId);
    if (booking.status === 'cancelled') throw new LinkRefused(t('listen-link-withdrawn'));
    return { link, booking };
  }
}

/** Every open listening link of a booking stops working (it was moved: the moved booking's deliveries carry new ones), in the caller's transaction. */
export async function revokeListeningLinksIn(tx: Tx, bookingId: string, at: Date): Promise<void> {
  await tx.listeningLink.updateMany({ where: { bookingId, revokedAt: null }, data: { revokedAt: at } });
}

/** The artist's listening-page links: secrets, not exported; revoked. */
export const listeningLinkPersonalData: PersonalDataPart = {
  name: 'listeningLinks',
  async eraseIn(tx, s) {
    await tx.listeningLink.updateMany({ where: { bookingId: { in: s.bookingIds }, revokedAt: null }, data: { revokedAt: s.now } });
    return [];
  },
};
