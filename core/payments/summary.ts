// What a booking's artist has paid and still owes, as /status and the engineer's /client lookup
// show it: each payment with its date and Stripe receipt, and what remains of the price.
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { formatMoney } from '../catalog.js';
import { intlLocale, t } from '../texts.js';

interface Priced {
  id: string;
  status: string;
  priceCents: number;
  currency: string;
}

/** A booking called off or moved owes nothing more (a payment made anyway is the engineer's to settle). */
const owes = (b: Priced) => b.status !== 'cancelled' && b.status !== 'rescheduled';

/** Each booking's payment lines (none for a booking that never had a payment), dates in `zone`. */
export async function paymentLines(db: Db, bookings: readonly Priced[], zone: string): Promise<Map<string, string[]>> {
  const payments = await db.payment.findMany({ where: { bookingId: { in: bookings.map((b) => b.id) } }, orderBy: { createdAt: 'asc' } });
  const day = (d: Date) => DateTime.fromJSDate(d).setZone(zone).setLocale(intlLocale()).toFormat('d LLL yyyy');
  const out = new Map<string, string[]>();
  for (const b of bookings) {
    const mine = payments.filter((p) => p.bookingId === b.id);
    if (!mine.length) continue;
    const lines: string[] = [];
    let paid = 0;
    for (const p of mine) {
      const amount = formatMoney(p.amountCents, p.currency);
      const what = p.purpose;
      // Deposits and balances count towards the price; a paid revision is on top of it.
      const towardsPrice = p.purpose !== 'revision';
      if (p.status === 'paid') {
        if (towardsPrice) paid += p.amountCents;
        lines.push(
          p.receiptUrl
            ? t('payment-line-paid-receipt', { what, amount, date: day(p.paidAt ?? p.createdAt), receipt: p.receiptUrl })
            : t('payment-line-paid', { what, amount, date: day(p.paidAt ?? p.createdAt) }),
        );
      } else if (p.status === 'waived') {
        if (towardsPrice) paid += p.amountCents;
        lines.push(t('payment-line-waived', { what, amount }));
      } else if (p.status === 'refunded') {
        lines.push(t('payment-line-refunded', { what, amount }));
      } else if (p.status === 'open') {
        lines.push(t('payment-line-open', { what, amount }));
      }
    }
    const due = b.priceCents - paid;
    if (due > 0 && paid > 0 && owes(b)) lines.push(t('payment-line-due', { amount: formatMoney(due, b.currency) }));
    out.set(b.id, lines);
  }
  return out;
}
