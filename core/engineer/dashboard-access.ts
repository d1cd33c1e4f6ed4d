// Signing the engineer in to the studio dashboard. Authority comes from where the link is asked for
// (the engineer's own /dashboard in Discord, which only engineers see, or the studio's terminal):
// a sign-in link good once, for 15 minutes, becomes a browser session of 12 hours held in a cookie.
// Only hashes of the tokens are stored, so a database copy signs nobody in.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';

const LOGIN_MINUTES = 15;
export const SESSION_HOURS = 12;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export class DashboardAccess {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Where the web server is reached (PUBLIC_BASE_URL, or this machine's address). */
    private readonly baseUrl: () => string,
  ) {}

  /** A sign-in link for the engineer `actor` (as the audit trail names them), good once, for 15 minutes. */
  async signInLink(actor: string): Promise<{ url: string; minutes: number }> {
    const token = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + LOGIN_MINUTES * 60_000);
    await this.db.dashboardPass.create({ data: { id: hash(token), actor, kind: 'login', expiresAt } });
    return { url: `${this.baseUrl()}/studio/login/${token}`, minutes: LOGIN_MINUTES };
  }

  /** Whether a sign-in link is still good, without using it (what a link preview may see). */
  async usable(token: string): Promise<boolean> {
    if (!/^[\w-]{43}$/.test(token)) return false;
    const pass = await this.db.dashboardPass.findUnique({ where: { id: hash(token) } });
    return Boolean(pass && pass.kind === 'login' && !pass.usedAt && pass.expiresAt > this.clock.now());
  }

  /** Uses a sign-in link (once, however often it is opened) and opens a session; null when it is not good. */
  async signIn(token: string): Promise<{ token: string; expiresAt: Date; actor: string } | null> {
    if (!/^[\w-]{43}$/.test(token)) return null;
    const now = this.clock.now();
    const pass = await this.db.dashboardPass.findUnique({ where: { id: hash(token) } });
    if (!pass || pass.kind !== 'login' || pass.expiresAt <= now) return null;
    // Claimed by its unused state: two openings at once sign in one browser.
    const claimed = await this.db.dashboardPass.updateMany({ where: { id: pass.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) return null;
    const session = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await this.db.dashboardPass.create({ data: { id: hash(session), actor: pass.actor, kind: 'session', expiresAt } });
    return { token: session, expiresAt, actor: pass.actor };
  }

  /** The engineer a session cookie belongs to, or null (none, forged, expired, signed out). */
  async actorOf(sessionToken: string | undefined): Promise<string | null> {
    if (!sessionToken || !/^[\w-]{43}$/.test(sessionToken)) return null;
    const pass = await this.db.dashboardPass.findUnique({ where: { id: hash(sessionToken) } });
    return pass && pass.kind === 'session' && !pass.usedAt && pass.expiresAt > this.clock.now() ? pass.actor : null;
  }

  /** Signs a session out (its cookie opens nothing more). */
  async signOut(sessionToken: string | undefined): Promise<void> {
    if (sessionToken) await this.db.dashboardPass.updateMany({ where: { id: hash(sessionToken), kind: 'session' }, data: { usedAt: this.clock.now() } });
  }
}
