// The ledger's rules, one combination each: every assertion here fails when the rule it guards is
// changed (counting a waived deposit, a refund, a duplicate or a paid revision towards the price;
// owing on a cancelled booking; billing a revision that was paid up front).
import { describe, expect, it } from 'vitest';
import { ledgerOf } from '../../core/payments/ledger.js';

const booking = { id: 'b1', status: 'delivered', priceCents: 4200, currency: 'GBP' };
let n = 0;
const pay = (purpose: string, status: string, amountCents: number, revisionId: string | null = null) => ({
  id: `p${++n}`,
  purpose,
  status,
  amountCents,
  currency: 'GBP',
  revisionId,
});
const revision = (id: string, number: number, o: { paid?: boolean; charged?: boolean } = {}) => ({
  id,
  number,
  paid: o.paid ?? true,
  priceCents: 1500,
  chargedAt: o.charged === false ? null : new Date('2026-12-01T10:00:00Z'),
});

describe('the ledger', () => {
  it('a paid deposit counts towards the price; the rest is due', () => {
    const l = ledgerOf(booking, [pay('deposit', 'paid', 1260)]);
    expect(l).toMatchObject({ throughPayments: true, receivedCents: 1260, paidCents: 1260, waivedCents: 0, dueCents: 2940 });
  });

  it('a waived deposit counts as received, though nothing was paid', () => {
    const l = ledgerOf(booking, [pay('deposit', 'waived', 1260)]);
    expect(l).toMatchObject({ throughPayments: true, receivedCents: 1260, paidCents: 0, waivedCents: 1260, dueCents: 2940 });
  });

  it('an open deposit is not received, and a booking that never went through payments owes nothing here', () => {
    expect(ledgerOf(booking, [pay('deposit', 'open', 1260)])).toMatchObject({ throughPayments: false, receivedCents: 0, dueCents: 0 });
    expect(ledgerOf(booking, [])).toMatchObject({ throughPayments: false, dueCents: 0, revisionsOwedCents: 0 });
  });

  it('a refunded deposit is not received; the booking made again owes its whole price', () => {
    const refunded = ledgerOf({ ...booking, status: 'cancelled' }, [pay('deposit', 'refunded', 1260)]);
    expect(refunded).toMatchObject({ throughPayments: false, receivedCents: 0, refundedCents: 1260, dueCents: 0 });
    const again = ledgerOf({ ...booking, id: 'b2' }, [pay('deposit', 'paid', 1260), pay('balance', 'open', 2940)]);
    expect(again).toMatchObject({ receivedCents: 1260, dueCents: 2940 });
  });

  it('a price that grew after the balance was paid is due again, by the difference', () => {
    const l = ledgerOf({ ...booking, priceCents: 5000 }, [pay('deposit', 'paid', 1260), pay('balance', 'paid', 2940)]);
    expect(l).toMatchObject({ receivedCents: 4200, dueCents: 800 });
    expect(ledgerOf(booking, [pay('deposit', 'paid', 1260), pay('balance', 'paid', 2940)]).dueCents).toBe(0);
  });

  it('a payment made twice is not received twice, refunded or not', () => {
    const l = ledgerOf(booking, [pay('deposit', 'paid', 1260), pay('deposit', 'duplicate', 1260), pay('deposit', 'refunded', 1260)]);
    expect(l).toMatchObject({ receivedCents: 1260, paidCents: 1260, dueCents: 2940 });
  });

  it('a cancelled or moved booking owes nothing more', () => {
    for (const status of ['cancelled', 'rescheduled']) expect(ledgerOf({ ...booking, status }, [pay('deposit', 'paid', 1260)]).dueCents).toBe(0);
  });

  it('paid revisions are on top of the price: paid up front they are settled, refunded they are neither', () => {
    const l = ledgerOf(
      booking,
      [pay('deposit', 'paid', 1260), pay('revision', 'paid', 1500, 'r3'), pay('revision', 'refunded', 1500, 'r4')],
      [
        revision('r3', 3),
        // Charged when paid up front, then closed unmade and refunded: nothing owed.
        revision('r4', 4),
      ],
    );
    expect(l).toMatchObject({ receivedCents: 1260, dueCents: 2940, revisionsPaidCents: 1500, refundedCents: 1500, revisionsOwed: [] });
  });

  it('with payments off, a paid revision delivered is owed to the studio; one not yet delivered or free is not', () => {
    const l = ledgerOf(booking, [], [revision('r3', 3), revision('r1', 1, { paid: false }), revision('r4', 4, { charged: false }), revision('r5', 5)]);
    expect(l.revisionsOwed).toEqual([
      { number: 3, priceCents: 1500 },
      { number: 5, priceCents: 1500 },
    ]);
    expect(l.revisionsOwedCents).toBe(3000);
    // Waived by the engineer: settled, not owed.
    expect(ledgerOf(booking, [pay('revision', 'waived', 1500, 'r3')], [revision('r3', 3)]).revisionsOwed).toEqual([]);
  });
});
