// What a booking's artist has paid and still owes, as /status, the engineer's /client lookup and the
// dashboard show it: each payment with its date and Stripe receipt, paid revisions still to bill,
// and what remains of the price — all as the ledger counts it.
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { formatMoney } from '../catalog.js';
import { intlLocale, t } from '../texts.js';
import { readLedgers, type LedgerBooking } from './ledger.js';

/** Each booking's money lines (none for a booking that never had a payment or a paid revision), dates in `zone`. */
export async function paymentLines(db: Db, bookings: readonly LedgerBooking[], zone: string): Promise<Map<string, string[]>> {
  const money = await readLedgers(db, bookings);
  const day = (d: Date) => DateTime.fromJSDate(d).setZone(zone).setLocale(intlLocale()).toFormat('d LLL yyyy');
  const out = new Map<string, string[]>();
  for (const b of bookings) {
    const { ledger, payments } = money.get(b.id)!;
    const lines: string[] = [];
    for (const p of payments) {
      const amount = formatMoney(p.amountCents, p.currency);
      const what = p.purpose;
      if (p.status === 'paid')
        lines.push(
          p.receiptUrl
            ? t('payment-line-paid-receipt', { what, amount, date: day(p.paidAt ?? p.createdAt), receipt: p.receiptUrl })
            : t('payment-line-paid', { what, amount, date: day(p.paidAt ?? p.createdAt) }),
        );
      else if (p.status === 'waived') lines.push(t('payment-line-waived', { what, amount }));
      else if (p.status === 'refunded') lines.push(t(p.duplicateOf ? 'payment-line-twice-refunded' : 'payment-line-refunded', { what, amount }));
      else if (p.status === 'duplicate') lines.push(t('payment-line-twice', { what, amount }));
      else if (p.status === 'open') lines.push(t('payment-line-open', { what, amount }));
    }
    for (const r of ledger.revisionsOwed) lines.push(t('payment-line-revision-owed', { number: r.number, amount: formatMoney(r.priceCents, b.currency) }));
    if (ledger.dueCents > 0) lines.push(t('payment-line-due', { amount: formatMoney(ledger.dueCents, b.currency) }));
    if (lines.length) out.set(b.id, lines);
  }
  return out;
}
