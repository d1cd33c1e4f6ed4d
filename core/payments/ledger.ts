// The one place that says what a booking's artist was asked, paid, was let off, got back and
// still owes. /status, the engineer's /client lookup, the dashboard, the balance asked before
// release and the refunds all read it; the rules live in `ledgerOf`, a pure function, so each can
// be tested (and mutated) alone.
import type { Db, Models, Tx } from '../../db/client.js';
import { RevisionRepository } from '../versions/revision-repository.js';
import { PaymentRepository } from './payment-repository.js';

type PaymentRow = Pick<Models.PaymentModel, 'id' | 'purpose' | 'status' | 'amountCents' | 'currency' | 'revisionId'>;
type RevisionRow = Pick<Models.RevisionModel, 'id' | 'number' | 'paid' | 'priceCents' | 'chargedAt'>;

export interface LedgerBooking {
  id: string;
  status: string;
  priceCents: number;
  currency: string;
}

export interface Ledger {
  /** The booking went through payments: its deposit was paid or waived (a booking made with payments off never did). */
  throughPayments: boolean;
  /** Towards the price: deposits and balances paid by the artist or waived by the engineer. */
  receivedCents: number;
  /** Of that, what the artist actually paid (the rest was waived). */
  paidCents: number;
  waivedCents: number;
  /** Given back (deposits refunded on cancelling, paid revisions closed unmade, payments made twice). */
  refundedCents: number;
  /** What of the price is still to pay before the booking is settled: only for a booking that went through payments and still owes. */
  dueCents: number;
  /** Paid revisions settled (paid up front, or waived). */
  revisionsPaidCents: number;
  /** Paid revisions delivered but not paid through mixdesk (payments off): the studio bills them. */
  revisionsOwed: { number: number; priceCents: number }[];
  revisionsOwedCents: number;
}

/** Counted as received: paid by the artist, or waived by the engineer. */
export const settledStatuses: readonly string[] = ['paid', 'waived'];

/** Deposits and balances pay the price; a paid revision is on top of it. */
const towardsPrice = (p: Pick<PaymentRow, 'purpose'>) => p.purpose === 'deposit' || p.purpose === 'balance';

/** A booking called off or moved owes nothing more (a payment made anyway is the engineer's to settle). */
const stillOwes = (b: Pick<LedgerBooking, 'status'>) => b.status !== 'cancelled' && b.status !== 'rescheduled';

const sum = (rows: readonly { amountCents: number }[]) => rows.reduce((s, r) => s + r.amountCents, 0);

export function ledgerOf(b: LedgerBooking, payments: readonly PaymentRow[], revisions: readonly RevisionRow[] = []): Ledger {
  const price = payments.filter(towardsPrice);
  const paid = price.filter((p) => p.status === 'paid');
  const waived = price.filter((p) => p.status === 'waived');
  const receivedCents = sum(paid) + sum(waived);
  const throughPayments = price.some((p) => p.purpose === 'deposit' && settledStatuses.includes(p.status));
  const revisionPayments = payments.filter((p) => p.purpose === 'revision' && settledStatuses.includes(p.status));
  // A revision paid through mixdesk (settled, waived or refunded) is the payment's business; one
  // charged with no payment at all (payments off) is billed by the studio.
  const throughMixdesk = new Set(payments.map((p) => p.revisionId).filter((id): id is string => id !== null));
  const revisionsOwed = revisions
    .filter((r) => r.paid && r.chargedAt !== null && !throughMixdesk.has(r.id))
    .map((r) => ({ number: r.number, priceCents: r.priceCents }))
    .sort((a, b) => a.number - b.number);
  return {
    throughPayments,
    receivedCents,
    paidCents: sum(paid),
    waivedCents: sum(waived),
    refundedCents: sum(payments.filter((p) => p.status === 'refunded')),
    dueCents: throughPayments && stillOwes(b) ? Math.max(0, b.priceCents - receivedCents) : 0,
    revisionsPaidCents: sum(revisionPayments),
    revisionsOwed,
    revisionsOwedCents: revisionsOwed.reduce((s, r) => s + r.priceCents, 0),
  };
}

export interface BookingMoney {
  ledger: Ledger;
  /** Its payments, oldest first (the lines /status shows). */
  payments: Models.PaymentModel[];
}

/** The ledgers of some bookings, read in two queries (inside a transaction when given one). */
export async function readLedgers(db: Db | Tx, bookings: readonly LedgerBooking[]): Promise<Map<string, BookingMoney>> {
  const ids = bookings.map((b) => b.id);
  const [payments, revisions] = await Promise.all([new PaymentRepository(db).ofBookings(ids), new RevisionRepository(db).paidOf(ids)]);
  const out = new Map<string, BookingMoney>();
  for (const b of bookings) {
    const mine = payments.filter((p) => p.bookingId === b.id);
    out.set(b.id, {
      ledger: ledgerOf(
        b,
        mine,
        revisions.filter((r) => r.bookingId === b.id),
      ),
      payments: mine,
    });
  }
  return out;
}

export async function readLedger(db: Db | Tx, b: LedgerBooking): Promise<BookingMoney> {
  return (await readLedgers(db, [b])).get(b.id)!;
}
