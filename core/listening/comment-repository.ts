// The review comments' table and the only module that queries it (tests/unit/table-owners.test.ts).
// The rules — who may change what, who is told — live in ReviewComments; here are the queries,
// each taking the caller's transaction where it must commit with something else.
import type { Models, Prisma, Tx } from '../../db/client.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type CommentRow = Models.ReviewCommentModel & { delivery: { version: number } };

const withVersion = { delivery: { select: { version: true } } } as const;

export class CommentRepository {
  constructor(private readonly db: Tx) {}

  /** The booking's comments, by version and moment (drafts only when `drafts`: the engineer never sees them). */
  list(bookingId: string, o: { drafts: boolean }): Promise<CommentRow[]> {
    return this.db.reviewComment.findMany({
      where: { bookingId, ...(o.drafts ? {} : { status: { not: 'draft' } }) },
      include: withVersion,
      orderBy: [{ delivery: { version: 'asc' } }, { startMs: 'asc' }, { number: 'asc' }],
    });
  }

  byNumber(bookingId: string, number: number, tx: Tx = this.db): Promise<CommentRow | null> {
    return tx.reviewComment.findUnique({ where: { bookingId_number: { bookingId, number } }, include: withVersion });
  }

  count(bookingId: string, tx: Tx = this.db): Promise<number> {
    return tx.reviewComment.count({ where: { bookingId } });
  }

  /** The next number of the booking's comments (the unique pair refuses a second taker of the same one). */
  async nextNumber(bookingId: string, tx: Tx): Promise<number> {
    const last = await tx.reviewComment.findFirst({ where: { bookingId }, orderBy: { number: 'desc' }, select: { number: true } });
    return (last?.number ?? 0) + 1;
  }

  create(tx: Tx, data: Prisma.ReviewCommentUncheckedCreateInput): Promise<CommentRow> {
    return tx.reviewComment.create({ data, include: withVersion });
  }

  /** Changes a comment only while it is in `status`; false when it no longer is. */
  async updateIf(id: string, status: string, data: Prisma.ReviewCommentUncheckedUpdateInput, tx: Tx = this.db): Promise<boolean> {
    const { count } = await tx.reviewComment.updateMany({ where: { id, status }, data });
    return count === 1;
  }

  async update(id: string, data: Prisma.ReviewCommentUncheckedUpdateInput, tx: Tx = this.db): Promise<void> {
    await tx.reviewComment.update({ where: { id }, data });
  }

  async removeDraft(id: string): Promise<boolean> {
    const { count } = await this.db.reviewComment.deleteMany({ where: { id, status: 'draft' } });
    return count === 1;
  }

  /** The drafts, now sent (returned as they were, in order); none when another press sent them first. */
  async sendDrafts(bookingId: string, at: Date, tx: Tx): Promise<CommentRow[]> {
    const drafts = await tx.reviewComment.findMany({ where: { bookingId, status: 'draft' }, include: withVersion, orderBy: { number: 'asc' } });
    const sent: CommentRow[] = [];
    for (const d of drafts) if (await this.updateIf(d.id, 'draft', { status: 'open', sentAt: at }, tx)) sent.push(d);
    return sent;
  }

  /** Sent comments with no answer yet and not asked for in a revision (those are in its notes), oldest first, across bookings (or one engineer's). */
  unanswered(limit: number, engineerId?: string) {
    return this.db.reviewComment.findMany({
      where: { status: 'open', answer: null, revisionId: null, ...(engineerId ? { booking: { engineerId } } : {}) },
      include: { ...withVersion, booking: { select: { reference: true, client: { select: { displayName: true } } } } },
      orderBy: { sentAt: 'asc' },
      take: limit,
    });
  }

  /** Comments not yet asked for in a revision and not resolved: what "ask for changes" gathers. */
  pending(bookingId: string, tx: Tx = this.db): Promise<CommentRow[]> {
    return tx.reviewComment.findMany({
      where: { bookingId, revisionId: null, status: { in: ['draft', 'open'] } },
      include: withVersion,
      orderBy: [{ delivery: { version: 'asc' } }, { startMs: 'asc' }],
    });
  }

  /** These comments belong to the revision now (drafts among them are sent with it). */
  async gatherIn(tx: Tx, ids: readonly string[], revisionId: string, at: Date): Promise<void> {
    if (!ids.length) return;
    await tx.reviewComment.updateMany({ where: { id: { in: [...ids] }, revisionId: null, status: 'draft' }, data: { status: 'open', sentAt: at } });
    await tx.reviewComment.updateMany({ where: { id: { in: [...ids] }, revisionId: null }, data: { revisionId } });
  }
}

/** The artist's comments are theirs: in their export, and their words erased with them. */
export const commentPersonalData: PersonalDataPart = {
  name: 'reviewComments',
  async exportOf(db, s) {
    const rows = await db.reviewComment.findMany({
      where: { bookingId: { in: s.bookingIds } },
      select: {
        number: true,
        startMs: true,
        endMs: true,
        text: true,
        status: true,
        answer: true,
        createdAt: true,
        booking: { select: { reference: true } },
        delivery: { select: { version: true } },
      },
      orderBy: { createdAt: 'asc' },
    });
    return { rows };
  },
  async eraseIn(tx, s) {
    await tx.reviewComment.deleteMany({ where: { bookingId: { in: s.bookingIds } } });
    return [];
  },
};
