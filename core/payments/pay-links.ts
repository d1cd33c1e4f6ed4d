// The link in the chat for a payment asked after booking (a balance, a paid revision): it points
// at the studio's own server, which opens a Stripe Checkout page for it (a new one once the last
// has closed: Stripe keeps a page at most 24 hours, and a balance may be paid a week later).
// Signed like the download links, so a payment's id alone opens nothing.
import { signedTokens, type SignedTokens } from '../files/signed-tokens.js';
import type { LinkSettings } from '../files/upload-links.js';

export class PayLinks {
  private readonly tokens: SignedTokens;

  constructor(private readonly s: Pick<LinkSettings, 'secret' | 'baseUrl'>) {
    this.tokens = signedTokens(s, 'pay');
  }

  url(paymentId: string): string {
    return `${this.s.baseUrl}/pay/${this.tokens.token(paymentId)}`;
  }

  /** The payment a token names, or null when it is forged or damaged. */
  verify(token: string): string | null {
    return this.tokens.payloadOf(token, /^(\w{1,64})\.([\w-]{43})$/);
  }
}
