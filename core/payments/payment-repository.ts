// The payments' tables — Payment, CheckoutPage, StripeEvent — and the only module that queries
// them (tests/unit/table-owners.test.ts). The rules (what is due, when a payment settles, what a
// refund gives back) live in the payment services and the ledger (ledger.ts, a pure function over
// these rows); here are the queries, each taking the caller's transaction where it must commit with
// something else. A status change is a claim: it happens only from the status the caller read, so
// two instances (or a webhook racing a button) cannot both apply it.
import type { Models, Prisma, Tx } from '../../db/client.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type Payment = Models.PaymentModel;
export type CheckoutPage = Models.CheckoutPageModel;
export type PaymentPurpose = 'deposit' | 'balance' | 'revision';

export class PaymentRepository {
  constructor(private readonly db: Tx) {}

  byId(id: string, tx: Tx = this.db): Promise<Payment | null> {
    return tx.payment.findUnique({ where: { id } });
  }

  withBooking(id: string) {
    return this.db.payment.findUnique({ where: { id }, include: { booking: true } });
  }

  /** The booking's newest open payment (of one purpose, when given), or null. */
  open(bookingId: string, purpose?: PaymentPurpose, tx: Tx = this.db): Promise<Payment | null> {
    return tx.payment.findFirst({ where: { bookingId, status: 'open', ...(purpose ? { purpose } : {}) }, orderBy: { createdAt: 'desc' } });
  }

  /** Every open payment of the booking (of one purpose, when given). */
  allOpen(bookingId: string, purpose?: PaymentPurpose): Promise<Payment[]> {
    return this.db.payment.findMany({ where: { bookingId, status: 'open', ...(purpose ? { purpose } : {}) } });
  }

  /** Every payment of these bookings, oldest first (what their ledgers are read from). */
  ofBookings(bookingIds: readonly string[], tx: Tx = this.db): Promise<Payment[]> {
    return tx.payment.findMany({ where: { bookingId: { in: [...bookingIds] } }, orderBy: { createdAt: 'asc' } });
  }

  create(data: Prisma.PaymentUncheckedCreateInput, tx: Tx = this.db): Promise<Payment> {
    return tx.payment.create({ data });
  }

  update(id: string, data: Prisma.PaymentUncheckedUpdateInput, tx: Tx = this.db): Promise<Payment> {
    return tx.payment.update({ where: { id }, data });
  }

  /** Changes the payment only while it is still `from` (one status or several): true when this call changed it. */
  async claim(id: string, from: string | readonly string[], data: Prisma.PaymentUncheckedUpdateInput, tx: Tx = this.db): Promise<boolean> {
    const status = typeof from === 'string' ? from : { in: [...from] };
    const { count } = await tx.payment.updateMany({ where: { id, status }, data });
    return count === 1;
  }

  /** Cancels these payments where still open. */
  async cancelOpen(ids: readonly string[], tx: Tx = this.db): Promise<void> {
    await tx.payment.updateMany({ where: { id: { in: [...ids] }, status: 'open' }, data: { status: 'cancelled' } });
  }

  /** Stripe's receipt for a charge, on the payment it settled. */
  async setReceipt(paymentIntentId: string, receiptUrl: string): Promise<void> {
    await this.db.payment.updateMany({ where: { paymentIntentId }, data: { receiptUrl } });
  }

  /** Deposits still open past their time, at most `take`. */
  expiredDeposits(now: Date, take: number): Promise<Payment[]> {
    return this.db.payment.findMany({ where: { purpose: 'deposit', status: 'open', expiresAt: { lte: now } }, take });
  }

  /** Paid (or waived) revisions since `since` whose revision never started (a stopped process's), at most `take`. */
  revisionsNotStarted(since: Date, take: number): Promise<Payment[]> {
    return this.db.payment.findMany({
      where: {
        purpose: 'revision',
        status: { in: ['paid', 'waived'] },
        revisionId: null,
        request: { not: null },
        OR: [{ paidAt: { gte: since } }, { paidAt: null, createdAt: { gte: since } }],
      },
      take,
    });
  }

  /** The paid payment of a revision, or null. */
  paidFor(revisionId: string): Promise<Payment | null> {
    return this.db.payment.findFirst({ where: { revisionId, status: 'paid' } });
  }

  // ── Stripe's Checkout pages and events ──────────────────────────────────────────────────────

  /** A Checkout page mixdesk made, kept with the amount it asks (only such a page settles a payment). */
  async keepPage(page: { id: string; paymentId: string; amountCents: number; currency: string }): Promise<void> {
    await this.db.checkoutPage.upsert({ where: { id: page.id }, create: page, update: {} });
  }

  page(id: string, tx: Tx = this.db): Promise<CheckoutPage | null> {
    return tx.checkoutPage.findUnique({ where: { id } });
  }

  /** The payment's pages other than the one that settled it. */
  otherPages(paymentId: string, settledBy: string | null): Promise<CheckoutPage[]> {
    return this.db.checkoutPage.findMany({ where: { paymentId, id: { not: settledBy ?? '' } } });
  }

  /** Records a Stripe event once: false when it was recorded before (a redelivery). */
  async firstSight(tx: Tx, event: { id: string; type: string; at: Date }): Promise<boolean> {
    if (await tx.stripeEvent.findUnique({ where: { id: event.id } })) return false;
    await tx.stripeEvent.create({ data: { id: event.id, type: event.type, receivedAt: event.at } });
    return true;
  }

  async eventOutcome(tx: Tx, id: string, outcome: string, detail: string | null): Promise<void> {
    await tx.stripeEvent.update({ where: { id }, data: { outcome, detail } });
  }
}

/** What was paid towards a booking follows it when it is moved, in the caller's transaction. */
export async function movePaymentsIn(tx: Tx, fromBookingId: string, toBookingId: string): Promise<void> {
  await tx.payment.updateMany({ where: { bookingId: fromBookingId }, data: { bookingId: toBookingId } });
}

/** A prepaid revision's payment is tied to the revision it paid for; false when another revision took it first. */
export async function claimRevisionPaymentIn(tx: Tx, paymentId: string, revisionId: string): Promise<boolean> {
  const { count } = await tx.payment.updateMany({ where: { id: paymentId, revisionId: null }, data: { revisionId } });
  return count === 1;
}

/** Payments are kept for the studio's accounts (amounts, dates, receipts); what the artist wrote with a paid revision goes. */
export const paymentPersonalData: PersonalDataPart = {
  name: 'payments',
  async exportOf(db, s) {
    return { rows: await db.payment.findMany({ where: { bookingId: { in: s.bookingIds } }, orderBy: { createdAt: 'asc' } }) };
  },
  async eraseIn(tx, s) {
    await tx.payment.updateMany({ where: { bookingId: { in: s.bookingIds } }, data: { request: null, checkoutUrl: null } });
    return [];
  },
};
