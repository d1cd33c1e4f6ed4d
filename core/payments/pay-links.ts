// The link in the chat for a payment asked after booking (a balance, a paid revision): it points
// at the studio's own server, which opens a Stripe Checkout page for it (a new one once the last
// has closed: Stripe keeps a page at most 24 hours, and a balance may be paid a week later).
// Signed like the download links, so a payment's id alone opens nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LinkSettings } from '../files/upload-links.js';

export class PayLinks {
  constructor(private readonly s: Pick<LinkSettings, 'secret' | 'baseUrl'>) {}

  private sign(paymentId: string): string {
    return createHmac('sha256', this.s.secret).update(`pay.${paymentId}`).digest('base64url');
  }

  url(paymentId: string): string {
    return `${this.s.baseUrl}/pay/${paymentId}.${this.sign(paymentId)}`;
  }

  /** The payment a token names, or null when it is forged or damaged. */
  verify(token: string): string | null {
    const m = /^(\w{1,64})\.([\w-]{43})$/.exec(token);
    if (!m) return null;
    const expected = Buffer.from(this.sign(m[1]!));
    const given = Buffer.from(m[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
  }
}
