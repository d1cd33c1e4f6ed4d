// The payments' tables — Payment, CheckoutPage, StripeEvent — and the only module that queries
// them (tests/unit/table-owners.test.ts). The rules (what is due, when a payment settles, what a
// refund gives back) live in the payment services and the ledger; here are the queries.
import type { Tx } from '../../db/client.js';

/** What was paid towards a booking follows it when it is moved, in the caller's transaction. */
export async function movePaymentsIn(tx: Tx, fromBookingId: string, toBookingId: string): Promise<void> {
  await tx.payment.updateMany({ where: { bookingId: fromBookingId }, data: { bookingId: toBookingId } });
}
