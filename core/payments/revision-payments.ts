// Paid revisions with payments on: the artist's "yes" asks for the payment (a link, and an invoice
// where the chat takes one), and the revision starts when the payment arrives — the same revision
// it would have been, checked before asking so nobody pays for a change that would be refused. A
// revision closed without a new version gives its payment back. Payments that arrive while this
// process is down are started by the minute's tick.
import type { Db } from '../../db/client.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import { formatMoney } from '../catalog.js';
import type { Clock } from '../clock.js';
import type { Invoice, Reply } from '../messages/reply.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import {
  PaymentNeeded,
  revisionStartedText,
  RevisionAlreadyStarted,
  type AskedRevision,
  type RevisionService,
  type RevisionStarted,
} from '../versions/revisions.js';
import type { Payment, PaymentService } from './payments.js';
import type { PaymentGateway } from './stripe-gateway.js';
import { PaymentRepository } from './payment-repository.js';

export interface RevisionPaymentAsk {
  number: number;
  amount: string;
  url: string;
  invoice: Invoice;
}

/** What the artist reads when a revision waits for its payment: the link, and the chat's invoice. */
export function payFirstReply(b: Pick<BookingWithService, 'reference'>, ask: RevisionPaymentAsk): Reply {
  return {
    text: t('revise-pay-first', { number: ask.number, ref: b.reference, amount: ask.amount, url: ask.url }),
    links: [{ label: t('revise-pay-button', { amount: ask.amount }), url: ask.url }],
    invoice: ask.invoice,
    visibility: 'private',
  };
}

/** What RevisionPayments works with (createStudio wires them). */
export interface RevisionPaymentsDeps {
  db: Db;
  payments: PaymentService;
  gateway: PaymentGateway | null;
  revisions: RevisionService;
  bookings: BookingService;
  outbox: Outbox;
  alerts: EngineerAlerts;
  clock: Clock;
  log: Logger;
}

export class RevisionPayments {
  /** The payments' queries (their repository). */
  private readonly rows: PaymentRepository;

  constructor(private readonly d: RevisionPaymentsDeps) {
    this.rows = new PaymentRepository(d.db);
    d.payments.onRevisionPaid((p) => this.start(p));
    d.revisions.onClosedUnmade((id) => this.refundUnmade(id));
  }

  /** Whether a revision beyond the free ones is paid before it starts (payments on). */
  get upFront(): boolean {
    return this.d.payments.enabled;
  }

  /**
   * A revision the artist asked for (`acceptPaid`: and agreed to its price, when beyond the free
   * ones): started now, or — beyond the free ones with payments on — its payment asked, to start
   * when paid. Throws PaymentNeeded when a paid one was not agreed to.
   */
  async requestOrAsk(
    b: BookingWithService,
    asked: AskedRevision,
    acceptPaid: boolean,
    actor: string,
  ): Promise<{ started: RevisionStarted } | { pay: RevisionPaymentAsk }> {
    if (this.upFront && (await this.d.revisions.allowance(b)).freeLeft === 0) {
      if (!acceptPaid) throw new PaymentNeeded(b, formatMoney(b.service.revisionPriceCents, b.currency));
      return { pay: await this.ask(b, asked) };
    }
    const { understood: _understood, ...request } = asked;
    return { started: await this.d.revisions.request(b, { ...request, acceptPaid, actor }) };
  }

  /**
   * The artist said yes to a paid revision: checked as the revision itself would be (a refusal is
   * said now, nothing asked), then its payment asked. Asked again differently, the earlier unpaid
   * one is replaced (its page closed).
   */
  async ask(b: BookingWithService, asked: AskedRevision): Promise<RevisionPaymentAsk> {
    await this.d.revisions.check(b, asked);
    const earlier = await this.rows.allOpen(b.id, 'revision');
    const payment = await this.d.db.$transaction(async (tx) => {
      await this.rows.cancelOpen(
        earlier.map((p) => p.id),
        tx,
      );
      return this.rows.create(
        {
          bookingId: b.id,
          purpose: 'revision',
          amountCents: b.service.revisionPriceCents,
          currency: b.currency,
          status: 'open',
          expiresAt: this.d.clock.now(),
          request: JSON.stringify(asked),
        },
        tx,
      );
    });
    for (const p of earlier) if (p.checkoutId && this.d.gateway) await this.d.gateway.expireCheckout(p.checkoutId).catch(() => undefined);
    const { used } = await this.d.revisions.allowance(b);
    return {
      number: used + 1,
      amount: formatMoney(payment.amountCents, payment.currency),
      url: this.d.payments.payUrl(payment),
      invoice: this.d.payments.invoice(payment, b.reference),
    };
  }

  /**
   * Starts the revision a payment paid for (or the engineer waived), once however often it is
   * called, and tells the artist. When it can no longer be made (the booking moved on meanwhile),
   * the payment goes back and the artist hears why.
   */
  async start(p: Payment): Promise<void> {
    if (!p.request || p.revisionId) return;
    const asked = JSON.parse(p.request) as AskedRevision;
    const booking = await this.d.bookings.get(p.bookingId);
    const amount = formatMoney(p.amountCents, p.currency);
    try {
      const started = await this.d.revisions.request(booking, {
        notes: asked.notes,
        adjustments: asked.adjustments,
        forEngineer: asked.forEngineer,
        ...(asked.newSource ? { newSource: asked.newSource } : {}),
        ...(asked.fromDefaults ? { fromDefaults: true } : {}),
        acceptPaid: true,
        actor: `client:${booking.clientId}`,
        prepaid: { paymentId: p.id, waived: p.status === 'waived' },
      });
      const text = revisionStartedText(booking, started, asked.understood, amount);
      await this.d.outbox.toArtist(`revision-paid:${p.id}`, booking, () => ({
        text: `${t(p.status === 'waived' ? 'payment-revision-waived' : 'payment-revision-paid', { amount, ref: booking.reference })}\n${text()}`,
        visibility: 'private',
      }));
    } catch (err) {
      if (err instanceof RevisionAlreadyStarted) return;
      if (!(err instanceof UserError)) {
        // Not the artist's doing (the database, the queue): the minute's tick tries again for a day.
        this.d.log.error({ err, booking: booking.reference, payment: p.id }, 'a paid revision could not start');
        await this.d.alerts.alert(
          `revision-start-failed:${p.id}`,
          () => t('alert-revision-start-failed', { ref: booking.reference, problem: (err as Error).message }),
          {
            booking: booking.reference,
          },
        );
        return;
      }
      // Paid, but the revision cannot be made now: the money goes back, and the artist hears why.
      this.d.log.warn({ booking: booking.reference, payment: p.id, problem: err.message }, 'a paid revision could not start');
      const back = await this.giveBack(p, booking, () => err.message);
      // Not tried again: refunded, or left to the engineer (alerted) when the refund failed.
      await this.rows.update(p.id, { request: null });
      await this.d.outbox.toArtist(`revision-unstarted:${p.id}`, booking, () => ({
        text: t('payment-revision-unstarted', { ref: booking.reference, reason: err.message, refund: back() }),
        visibility: 'private',
      }));
    }
  }

  /**
   * Paid revisions whose start was interrupted (a stopped process, a failure of ours): started now,
   * for up to a day after payment (the engineer was alerted of a failure). Returns how many were tried.
   */
  async startPending(): Promise<number> {
    const since = new Date(this.d.clock.now().getTime() - 86_400_000);
    const pending = await this.rows.revisionsNotStarted(since, 20);
    for (const p of pending) await this.start(p);
    return pending.length;
  }

  /** A prepaid revision the engineer closed without a new version: its payment goes back. */
  private async refundUnmade(revisionId: string): Promise<void> {
    const p = await this.rows.paidFor(revisionId);
    if (!p) return;
    const booking = await this.d.bookings.get(p.bookingId);
    const back = await this.giveBack(p, booking, () => t('refund-revision-unmade'));
    await this.d.outbox.toArtist(`revision-refund:${p.id}`, booking, () => ({ text: back(), visibility: 'private' }));
  }

  /** Refunds a payment (Stripe), or leaves it to the engineer (Telegram's provider, a failed refund). */
  private async giveBack(p: Payment, booking: BookingWithService, why: () => string): Promise<() => string> {
    if (p.status !== 'paid') {
      await this.rows.claim(p.id, 'waived', { status: 'cancelled' });
      return () => '';
    }
    const refunded = await this.d.payments.refund(p, booking, why);
    return () => t(refunded ? 'cancel-refund-done' : 'cancel-refund-pending', { amount: formatMoney(p.amountCents, p.currency) });
  }
}
