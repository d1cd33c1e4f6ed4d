// What the standing table (core/booking/standing.ts) is told about bookings, read in one go for a
// list: their files in, the version being made or held, their session still ahead.
import type { BookingWithService } from '../booking/bookings.js';
import { standing, type Situation, type Standing, type WorkState } from '../booking/standing.js';
import { assertKnownStatus } from '../booking/status.js';
import type { Clock } from '../clock.js';
import { isWorkFile, type StoredFiles } from '../files/stored-files.js';
import { formatWhen } from '../messages/when.js';
import { sessionAhead } from './holds.js';
import { undeliveredStatuses, type Version, type Versions } from './versions.js';

export type StandingBooking = Pick<
  BookingWithService,
  'id' | 'reference' | 'status' | 'kind' | 'startsAt' | 'endsAt' | 'sessionStartedAt' | 'sessionEndedAt'
> & { service: { code: string } };

type UndeliveredVersion = Pick<Version, 'version' | 'status' | 'hold'>;

/** A booking's situation from what is known of it: its work files in or not, its newest version not delivered yet. */
function situationOf(b: StandingBooking, filesIn: boolean, latest: UndeliveredVersion | undefined, now: Date, zone: string): Situation {
  assertKnownStatus(b.reference, b.status);
  const work: WorkState = !latest ? 'none' : latest.status === 'preparing' ? 'running' : latest.hold === 'session' ? 'session' : 'review';
  return {
    status: b.status,
    service: b.service.code,
    kind: b.kind,
    filesIn,
    work,
    version: latest?.version ?? null,
    sessionAhead: sessionAhead(b, now),
    when: b.startsAt ? formatWhen(b.startsAt, zone) : null,
  };
}

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
    return new Map(
      bookings.map((b) => [
        b.id,
        situationOf(
          b,
          filesIn.has(b.id),
          undelivered.find((v) => v.bookingId === b.id),
          now,
          zone,
        ),
      ]),
    );
  }

  /** One booking's standing from its files and versions already read (the dashboard's booking page has them). */
  fromRead(b: StandingBooking, uploads: readonly Parameters<typeof isWorkFile>[0][], versions: readonly UndeliveredVersion[], zone: string): Standing {
    const latest = versions.filter((v) => undeliveredStatuses.includes(v.status)).sort((x, y) => y.version - x.version)[0];
    return standing(situationOf(b, uploads.some(isWorkFile), latest, this.clock.now(), zone));
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
