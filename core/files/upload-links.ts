// Private upload links: one per booking and purpose, signed (HMAC-SHA256), expiring, revocable.
// The token is "<id>.<signature>": the id finds the link's row (expiry, revocation), the
// signature proves the studio made it; neither alone is enough.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Models, Tx } from '../../db/client.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { Client } from '../clients.js';
import type { UploadRole } from './uploads.js';
import { acceptsFiles, statusText } from '../booking/status.js';
import { t } from '../texts.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type UploadLink = Models.UploadLinkModel;

/** Why a link was refused; shown on the page, with a 403. */
export class LinkRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkRefused';
  }
}

export interface LinkSettings {
  secret: string;
  /** e.g. https://studio.example.com (no trailing slash) */
  baseUrl: string;
  ttlHours: number;
  /**
   * Nothing serves links at baseUrl: this process's web server could not start and no
   * PUBLIC_BASE_URL points at another. Download links are then withheld rather than pointing at
   * whatever else holds the port.
   */
  offline?: boolean;
}

export class UploadLinkService {
  /** False while no web server serves the links (then none are handed out). */
  available = false;

  /** Called by the web server once it listens: links can be handed out, at this address. */
  servedAt(baseUrl: string): void {
    this.s.baseUrl = baseUrl.replace(/\/+$/, '');
    this.s.offline = false;
    this.available = true;
  }

  /** No web server serves this process's links (its port was taken): hand out none, upload or download. */
  markOffline(): void {
    this.available = false;
    this.s.offline = true;
  }

  constructor(
    private readonly db: Db,
    private readonly bookings: BookingService,
    private readonly clock: Clock,
    private readonly s: LinkSettings,
  ) {}

  private sign(id: string, expiresAt: Date): string {
    return createHmac('sha256', this.s.secret).update(`${id}.${expiresAt.getTime()}`).digest('base64url').slice(0, 43);
  }

  url(token: string): string {
    return `${this.s.baseUrl}/u/${token}`;
  }

  /** A new link for one of the client's bookings that takes files. */
  async issue(client: Client, bookingRef: string, purpose: UploadRole): Promise<{ link: UploadLink; token: string; url: string; booking: BookingWithService }> {
    if (!this.available) throw new UserError(t('upload-links-off'));
    const booking = await this.bookings.ownedBy(client.id, bookingRef);
    if (!acceptsFiles(booking.status)) throw new UserError(t('booking-takes-no-files', { ref: booking.reference, status: statusText(booking.status) }));
    const id = randomBytes(16).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.s.ttlHours * 3_600_000);
    const link = await this.db.uploadLink.create({ data: { id, bookingId: booking.id, purpose, expiresAt } });
    const token = `${id}.${this.sign(id, expiresAt)}`;
    return { link, token, url: this.url(token), booking };
  }

  /** The link and booking behind a token, or LinkRefused with a message for the page. */
  async verify(token: string): Promise<{ link: UploadLink; booking: BookingWithService & { client: Models.ClientModel } }> {
    // Exactly "<22-character id>.<43-character signature>": nothing before, between or after.
    const m = /^([\w-]{22})\.([\w-]{43})$/.exec(token);
    if (!m) throw new LinkRefused(t('link-invalid'));
    const [, id, sig] = m as unknown as [string, string, string];
    const link = await this.db.uploadLink.findUnique({ where: { id } });
    const expected = link ? Buffer.from(this.sign(link.id, link.expiresAt)) : Buffer.alloc(43);
    const given = Buffer.from(sig);
    if (!link || !timingSafeEqual(expected, given)) throw new LinkRefused(t('link-invalid'));
    return this.stillOpen(link);
  }

  /**
   * The link an upload was started under, and its booking, when it still takes files (an upload
   * finished before a restart is taken under the link it came through); throws LinkRefused when not.
   */
  async opened(linkId: string): Promise<{ link: UploadLink; booking: BookingWithService & { client: Models.ClientModel } }> {
    const link = await this.db.uploadLink.findUnique({ where: { id: linkId } });
    if (!link) throw new LinkRefused(t('link-invalid'));
    return this.stillOpen(link);
  }

  private async stillOpen(link: UploadLink): Promise<{ link: UploadLink; booking: BookingWithService & { client: Models.ClientModel } }> {
    if (link.revokedAt) throw new LinkRefused(t('link-withdrawn'));
    if (link.expiresAt <= this.clock.now()) throw new LinkRefused(t('link-expired'));
    const booking = await this.bookings.withClient(link.bookingId);
    if (!acceptsFiles(booking.status)) throw new LinkRefused(t('booking-takes-no-files', { ref: booking.reference, status: statusText(booking.status) }));
    return { link, booking };
  }

  /** Ids of every link a booking was given (an unfinished upload names the link it started under). */
  async idsFor(bookingId: string): Promise<Set<string>> {
    return new Set((await this.db.uploadLink.findMany({ where: { bookingId }, select: { id: true } })).map((l) => l.id));
  }

  async revoke(linkId: string): Promise<void> {
    await this.db.uploadLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
  }

  /** Withdraws every open link of a booking (cancelled, finished). */
  async revokeForBooking(bookingId: string): Promise<void> {
    await this.db.uploadLink.updateMany({ where: { bookingId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
  }
}

/** Every open upload link of a booking stops working (it was cancelled or moved), in the caller's transaction. */
export async function revokeUploadLinksIn(tx: Tx, bookingId: string, at: Date): Promise<void> {
  await tx.uploadLink.updateMany({ where: { bookingId, revokedAt: null }, data: { revokedAt: at } });
}

/** The artist's upload links: secrets, not exported; revoked. */
export const uploadLinkPersonalData: PersonalDataPart = {
  name: 'uploadLinks',
  async eraseIn(tx, s) {
    await tx.uploadLink.updateMany({ where: { bookingId: { in: s.bookingIds }, revokedAt: null }, data: { revokedAt: s.now } });
    return [];
  },
};
