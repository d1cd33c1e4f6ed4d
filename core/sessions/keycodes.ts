// SonoBus keycodes for virtual sessions: a group name and password made from a cryptographic
// random source, one pair per session, never reused (the group name is unique in the database),
// and the join link that opens SonoBus straight into the group.
import { randomBytes } from 'node:crypto';
import type { Db, Models } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type Keycode = Models.KeycodeModel;

// Crockford-style alphabet without look-alikes (0/O, 1/I/L), easy to read out over a call.
const ALPHABET = 'abcdefghjkmnpqrstvwxyz23456789';

/** `length` characters from ALPHABET, uniformly (rejection sampling, no modulo bias). */
export function randomCode(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 256 - (256 % ALPHABET.length) && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

export function joinLink(server: string, group: string, password: string): string {
  const q = new URLSearchParams({ s: server, g: group, p: password });
  return `https://go.sonobus.net/sblaunch?${q.toString()}`;
}

export class KeycodeService {
  constructor(
    private readonly db: Db,
    private readonly server: string,
  ) {}

  link(k: Pick<Keycode, 'groupName' | 'password'>): string {
    return joinLink(this.server, k.groupName, k.password);
  }

  /**
   * The session's keycode, made on first use. Two instances racing both converge on the oldest
   * row (the loser removes its own), so every reminder of one session carries the same keycode.
   */
  async forSession(booking: Pick<Models.BookingModel, 'id' | 'startsAt' | 'endsAt'>): Promise<Keycode> {
    const existing = await this.db.keycode.findFirst({ where: { bookingId: booking.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    if (existing) return existing;
    if (!booking.startsAt || !booking.endsAt) throw new Error('a keycode needs a session time');
    let mine: Keycode | undefined;
    for (let tries = 0; !mine; tries++) {
      try {
        mine = await this.db.keycode.create({
          data: {
            bookingId: booking.id,
            groupName: `mixdesk-${randomCode(10)}`,
            password: randomCode(12),
            // Open from an hour before (sound check) until an hour after the session.
            validFrom: new Date(booking.startsAt.getTime() - 3_600_000),
            validUntil: new Date(booking.endsAt.getTime() + 3_600_000),
          },
        });
      } catch (err) {
        // A group name that ever existed is never handed out again; draw another.
        if (!isUniqueViolation(err) || tries > 5) throw err;
      }
    }
    const first = await this.db.keycode.findFirstOrThrow({ where: { bookingId: booking.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    if (first.id !== mine.id) await this.db.keycode.delete({ where: { id: mine.id } });
    return first;
  }
}

/** The SonoBus groups and passwords of the artist's sessions: secrets, not exported; erased. */
export const keycodePersonalData: PersonalDataPart = {
  name: 'keycodes',
  async eraseIn(tx, s) {
    await tx.keycode.deleteMany({ where: { bookingId: { in: s.bookingIds } } });
    return [];
  },
};
