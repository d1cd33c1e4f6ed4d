// What the standing table (core/booking/standing.ts) is told about bookings, read in one go for a
// list: their files in, the version being made or held, their session still ahead.
import type { BookingWithService } from '../booking/bookings.js';
import { standing, type Situation, type Standing, type WorkState } from '../booking/standing.js';
import { assertKnownStatus } from '../booking/status.js';
import type { Clock } from '../clock.js';
import type { StoredFiles } from '../files/stored-files.js';
import { formatWhen } from '../conversation/format.js';
import { sessionAhead } from './holds.js';
import type { Versions } from './versions.js';

export type StandingBooking = Pick<
  BookingWithService,
  'id' | 'reference' | 'status' | 'kind' | 'startsAt' | 'endsAt' | 'sessionStartedAt' | 'sessionEndedAt'
> & { service: { code: string } };

export class Standings {
  constructor(
    private readonly files: StoredFiles,
    private readonly versions: Versions,
    private readonly clock: Clock,
  ) {}

  /** Each booking's situation; `zone` is the reader's time zone (the session's time is told in it). */
  async situations(bookings: readonly StandingBooking[], zone: string): Promise<Map<string, Situation>> {
    const ids = bookings.map((b) => b.id);
    const [filesIn, undelivered] = await Promise.all([this.files.workFilesIn(ids), this.versions.undelivered(ids)]);
    const now = this.clock.now();
    const out = new Map<string, Situation>();
    for (const b of bookings) {
      assertKnownStatus(b.reference, b.status);
      const latest = undelivered.find((v) => v.bookingId === b.id);
      const work: WorkState = !latest ? 'none' : latest.status === 'preparing' ? 'running' : latest.hold === 'session' ? 'session' : 'review';
      out.set(b.id, {
        status: b.status,
        service: b.service.code,
        kind: b.kind,
        filesIn: filesIn.has(b.id),
        work,
        version: latest?.version ?? null,
        sessionAhead: sessionAhead(b, now),
        when: b.startsAt ? formatWhen(b.startsAt, zone) : null,
      });
    }
    return out;
  }

  /** One booking's standing, told in the language of the moment. */
  async one(b: StandingBooking, zone: string): Promise<Standing> {
    return standing((await this.situations([b], zone)).get(b.id)!);
  }

  /** Each booking's standing, told in the language of the moment. */
  async of(bookings: readonly StandingBooking[], zone: string): Promise<Map<string, Standing>> {
    const situations = await this.situations(bookings, zone);
    return new Map([...situations].map(([id, s]) => [id, standing(s)]));
  }
}
