// Signed download links for delivered files: the token carries the storage key, the file name
// and the expiry, signed with the studio's link secret (HMAC-SHA256). Nothing to look up, so a
// link works from any web instance; only the studio can make one.
import type { Clock } from '../clock.js';
import { signedTokens, type SignedTokens } from './signed-tokens.js';
import type { LinkSettings } from './upload-links.js';

export interface DownloadTarget {
  key: string;
  fileName: string;
  expiresAt: Date;
}

export class DownloadLinks {
  constructor(
    /** Shared with the upload links: the web server sets the address it serves at. */
    private readonly s: LinkSettings,
    private readonly clock: Clock,
    private readonly ttlDays: number,
  ) {
    this.tokens = signedTokens(s, 'download');
  }

  private readonly tokens: SignedTokens;

  /** A signed link to a stored file; undefined while no web server serves links (see LinkSettings.offline). */
  url(key: string, fileName: string): string | undefined {
    if (this.s.offline) return undefined;
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + this.ttlDays * 86_400;
    const payload = Buffer.from(JSON.stringify([key, fileName, expiresAt])).toString('base64url');
    return `${this.s.baseUrl}/d/${this.tokens.token(payload)}`;
  }

  /** What a token points at, or null when it is forged, damaged or expired. */
  verify(token: string): DownloadTarget | null {
    const payload = this.tokens.payloadOf(token);
    if (!payload) return null;
    try {
      const [key, fileName, exp] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, string, number];
      if (typeof key !== 'string' || typeof fileName !== 'string' || typeof exp !== 'number') return null;
      if (exp * 1000 <= this.clock.now().getTime()) return null;
      return { key, fileName, expiresAt: new Date(exp * 1000) };
    } catch {
      return null;
    }
  }
}
