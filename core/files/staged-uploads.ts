// Resumable uploads on their way through an upload link. Each one reserves its declared size
// against the booking's quota when it starts — the check and the reservation in one transaction,
// taken in turn per booking — so twenty uploads started at once cannot together pass a quota each
// passes alone; and a link has a bounded number under way, so thousands of tiny uploads cannot
// slow everyone's next one down (counting them is one indexed query, not a read of each).
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import { t } from '../texts.js';
import type { UploadService } from './uploads.js';
import { BookingRepository } from '../booking/booking-repository.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export interface StagedUploadSettings {
  /** Uploads one link may have started and not finished at once (the page sends the files picked side by side). */
  maxUnfinishedPerLink: number;
  /** An unfinished upload nobody resumed within this long is gone (its staged bytes are removed too). */
  expiryMs: number;
}

export class TooManyUploads extends UserError {}

export class StagedUploads {
  /** The bookings' queries (their repository). */
  private readonly bookings: BookingRepository;

  constructor(
    private readonly db: Db,
    private readonly uploads: Pick<UploadService, 'assertWithinQuota' | 'assertRoom'>,
    private readonly clock: Clock,
    private readonly s: StagedUploadSettings,
  ) {
    this.bookings = new BookingRepository(db);
  }

  /** How long an unfinished upload is kept (the staging store removes its bytes after as long). */
  get expiryMs(): number {
    return this.s.expiryMs;
  }

  /**
   * Reserves an upload's declared size for the booking, or refuses it with a sentence: too many
   * under way on this link (TooManyUploads), or more than the booking's quota (FileRefused).
   */
  async reserve(u: { id: string; linkId: string; booking: { id: string; reference: string }; fileName: string; sizeBytes: number }): Promise<void> {
    const now = this.clock.now();
    const live = { gt: new Date(now.getTime() - this.s.expiryMs) };
    // The disk first, outside the transaction (a full one is told to the engineer, and SQLite's
    // writes outside a transaction wait for it).
    await this.uploads.assertRoom(u.fileName, u.sizeBytes);
    await this.db.$transaction(async (tx) => {
      // Takes the booking's row for the rest of the transaction (PostgreSQL's row lock; SQLite's
      // write lock): another reservation for the booking waits here, then counts this one.
      await this.bookings.lock(tx, u.booking);
      const underWay = await tx.stagedUpload.count({ where: { linkId: u.linkId, createdAt: live } });
      if (underWay >= this.s.maxUnfinishedPerLink) throw new TooManyUploads(t('upload-too-many-under-way', { count: underWay }));
      const staged = await tx.stagedUpload.aggregate({ where: { bookingId: u.booking.id, createdAt: live }, _sum: { sizeBytes: true } });
      await this.uploads.assertWithinQuota(u.booking, u.fileName, u.sizeBytes, Number(staged._sum.sizeBytes ?? 0n), tx);
      await tx.stagedUpload.create({ data: { id: u.id, linkId: u.linkId, bookingId: u.booking.id, sizeBytes: BigInt(u.sizeBytes), createdAt: now } });
    });
  }

  /** Uploads started and not yet taken (nor refused), oldest first: at a restart, the finished ones among them are taken. */
  unaccepted(): Promise<{ id: string; linkId: string; bookingId: string }[]> {
    return this.db.stagedUpload.findMany({ select: { id: true, linkId: true, bookingId: true }, orderBy: { createdAt: 'asc' } });
  }

  async isUnaccepted(uploadId: string): Promise<boolean> {
    return (await this.db.stagedUpload.count({ where: { id: uploadId } })) > 0;
  }

  /** The upload was taken (or refused) and its staged bytes removed: its reservation goes. */
  async release(uploadId: string): Promise<void> {
    await this.db.stagedUpload.deleteMany({ where: { id: uploadId } });
  }

  /** Reservations of uploads nobody resumed in time (their files are removed by the staging clean-up). Returns how many. */
  async expire(): Promise<number> {
    const { count } = await this.db.stagedUpload.deleteMany({ where: { createdAt: { lte: new Date(this.clock.now().getTime() - this.s.expiryMs) } } });
    return count;
  }
}

/** Uploads the artist left unfinished: no longer counted (the staging sweep removes their bytes). */
export const stagedUploadPersonalData: PersonalDataPart = {
  name: 'stagedUploads',
  async eraseIn(tx, s) {
    await tx.stagedUpload.deleteMany({ where: { bookingId: { in: s.bookingIds } } });
    return [];
  },
};
