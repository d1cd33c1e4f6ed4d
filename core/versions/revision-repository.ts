// The revisions' table and the only module that queries it (tests/unit/table-owners.test.ts). The
// rules — how many are free, when one is paid, what answers it — live in RevisionService and the
// delivery commit; here are the queries, each taking the caller's transaction where it must commit
// with something else.
import type { Models, Prisma, Tx } from '../../db/client.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type Revision = Models.RevisionModel;

/** A revision not answered yet: waiting for the engineer, or being made. */
const openStatuses = { in: ['requested', 'in-progress'] };

export class RevisionRepository {
  constructor(private readonly db: Tx) {}

  byId(id: string, tx: Tx = this.db): Promise<Revision | null> {
    return tx.revision.findUnique({ where: { id } });
  }

  /** The booking's newest revision still open, or null. */
  latestOpen(bookingId: string, tx: Tx = this.db): Promise<Revision | null> {
    return tx.revision.findFirst({ where: { bookingId, status: openStatuses }, orderBy: { number: 'desc' } });
  }

  /** The booking's newest revision being made and not answered by a version yet (a restarted job's). */
  inProgressUnanswered(bookingId: string): Promise<Revision | null> {
    return this.db.revision.findFirst({ where: { bookingId, status: 'in-progress', deliveryId: null }, orderBy: { number: 'desc' } });
  }

  /** How many revisions the booking asked for (`free`: only those within its allowance). */
  count(bookingId: string, o: { free?: boolean } = {}, tx: Tx = this.db): Promise<number> {
    return tx.revision.count({ where: { bookingId, ...(o.free ? { paid: false } : {}) } });
  }

  create(tx: Tx, data: Prisma.RevisionUncheckedCreateInput): Promise<Revision> {
    return tx.revision.create({ data });
  }

  async update(id: string, data: Prisma.RevisionUncheckedUpdateInput, tx: Tx = this.db): Promise<void> {
    await tx.revision.update({ where: { id }, data });
  }

  /** Revisions waiting for the engineer, oldest first, with their booking (and its client). */
  waiting(take?: number, engineerId?: string) {
    return this.db.revision.findMany({
      where: { status: 'requested', ...(engineerId ? { booking: { engineerId } } : {}) },
      include: { booking: { include: { client: true } } },
      orderBy: { createdAt: 'asc' },
      ...(take ? { take } : {}),
    });
  }

  /** The paid revisions of these bookings (what the ledger counts on top of the price). */
  paidOf(bookingIds: readonly string[]) {
    return this.db.revision.findMany({
      where: { bookingId: { in: [...bookingIds] }, paid: true },
      select: { id: true, bookingId: true, number: true, paid: true, priceCents: true, chargedAt: true },
    });
  }
}

/** Free revisions the booking has left (each delivery message says so). */
export async function freeRevisionsLeft(tx: Tx, booking: { id: string; includedRevisions: number }): Promise<number> {
  const used = await tx.revision.count({ where: { bookingId: booking.id, paid: false } });
  return Math.max(0, booking.includedRevisions - used);
}

/** What the artist asked in their revisions. */
export const revisionPersonalData: PersonalDataPart = {
  name: 'revisions',
  async exportOf(db, s) {
    return { rows: await db.revision.findMany({ where: { bookingId: { in: s.bookingIds } }, orderBy: { createdAt: 'asc' } }) };
  },
  async eraseIn(tx, s) {
    await tx.revision.updateMany({ where: { bookingId: { in: s.bookingIds } }, data: { notes: '', adjustments: '{}' } });
    return [];
  },
};
