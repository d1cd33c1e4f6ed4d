// The balance before release: a booking that went through payments (its deposit paid or waived)
// and still owes part of its price gets each version's report and MP3 preview at once, and its
// full-quality files when the rest is paid. Decided in the delivery's own transaction, so a
// version is either sent whole or sent with the balance asked, never both.
import type { Models, Tx } from '../../db/client.js';
import { formatMoney } from '../catalog.js';
import type { Clock } from '../clock.js';
import type { Invoice } from '../messages/reply.js';
import type { PayLinks } from './pay-links.js';
import { invoiceOf } from './invoices.js';
import { readLedger, type LedgerBooking } from './ledger.js';
import { PaymentRepository } from './payment-repository.js';

export interface BalanceDue {
  payment: Models.PaymentModel;
  /** The link in the chat that opens its payment page. */
  url: string;
  /** The same amount as an invoice in the chat, where the chat takes payments (Telegram). */
  invoice: Invoice;
  amount: string;
}

export class Balances {
  constructor(
    private readonly enabled: boolean,
    private readonly links: PayLinks,
    private readonly clock: Clock,
  ) {}

  /**
   * What the booking still owes before its full-quality files go out, with the open payment that
   * asks for it (made now, or the one already asked, its amount following the price), or null.
   * A booking made with payments off (no deposit) owes nothing here: the studio bills it as before.
   */
  async dueIn(tx: Tx, b: LedgerBooking & { reference: string }): Promise<BalanceDue | null> {
    if (!this.enabled) return null;
    const { ledger, payments } = await readLedger(tx, b);
    const due = ledger.dueCents;
    if (due <= 0) return null;
    const now = this.clock.now();
    let open = payments.find((p) => p.purpose === 'balance' && p.status === 'open');
    // The price moved since it was asked: the link (the same) opens a new page for the new amount,
    // closing the old one first (pageFor), so the old amount cannot be paid.
    const rows = new PaymentRepository(tx);
    if (open && open.amountCents !== due) open = await rows.update(open.id, { amountCents: due, expiresAt: now });
    open ??= await rows.create({ bookingId: b.id, purpose: 'balance', amountCents: due, currency: b.currency, status: 'open', expiresAt: now });
    return { payment: open, url: this.links.url(open.id), invoice: invoiceOf(open, b.reference), amount: formatMoney(due, b.currency) };
  }
}
