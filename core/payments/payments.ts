// Deposits (PAYMENTS=stripe): a new booking holds its time while its deposit is open; paid (the
// verified webhook) it goes on as a booking made without payments would; unpaid when the hold
// runs out, its time is released and the artist told. Every event is handled once, by its id.
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import { formatMoney } from '../catalog.js';
import type { Clock } from '../clock.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import type { GatewayEvent, PaymentGateway } from './stripe-gateway.js';
import type { Models } from '../../db/client.js';

export type Payment = Models.PaymentModel;

export interface PaymentSettings {
  depositPercent: number;
  holdMinutes: number;
  /** Cancelled at least this long before the session, the deposit is refunded (unattended: until the work begins). */
  refundHours: number;
  /** Where the artist returns after paying (the web server's public address). */
  baseUrl: string;
}

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/** Stripe keeps a Checkout page open for at least this long. */
const STRIPE_SHORTEST_CHECKOUT_MINUTES = 30;

export class PaymentService {
  constructor(
    private readonly db: Db,
    private readonly bookings: BookingService,
    /** Null with PAYMENTS=off: nothing is charged. */
    private readonly gateway: PaymentGateway | null,
    private readonly outbox: Outbox,
    private readonly alerts: EngineerAlerts,
    private readonly clock: Clock,
    private readonly s: PaymentSettings,
  ) {}

  get enabled(): boolean {
    return this.gateway !== null;
  }

  /** The deposit a booking's price asks for, in the currency's minor unit. */
  depositCents(priceCents: number): number {
    return Math.round((priceCents * this.s.depositPercent) / 100);
  }

  /**
   * The open deposit of a booking waiting for it, with its payment page: the one already made
   * (a double click, a repeated message), or a new one.
   */
  async depositFor(b: BookingWithService): Promise<Payment> {
    if (!this.gateway) throw new Error('payments are off');
    const open = await this.db.payment.findFirst({ where: { bookingId: b.id, purpose: 'deposit', status: 'open' } });
    if (open?.checkoutUrl) return open;
    const now = this.clock.now();
    const payment =
      open ??
      (await this.db.payment.create({
        data: {
          bookingId: b.id,
          purpose: 'deposit',
          amountCents: this.depositCents(b.priceCents),
          currency: b.currency,
          status: 'open',
          expiresAt: new Date(now.getTime() + this.s.holdMinutes * 60_000),
        },
      }));
    const checkout = await this.gateway.createCheckout({
      paymentId: payment.id,
      attempt: now.getTime(),
      bookingReference: b.reference,
      description: t('payment-deposit-item', { ref: b.reference }),
      amountCents: payment.amountCents,
      currency: payment.currency,
      successUrl: `${this.s.baseUrl}/paid?booking=${encodeURIComponent(b.reference)}`,
      cancelUrl: `${this.s.baseUrl}/paid?booking=${encodeURIComponent(b.reference)}&cancelled=1`,
      expiresAt: new Date(Math.max(payment.expiresAt.getTime(), now.getTime() + STRIPE_SHORTEST_CHECKOUT_MINUTES * 60_000)),
    });
    return this.db.payment.update({ where: { id: payment.id }, data: { checkoutId: checkout.id, checkoutUrl: checkout.url } });
  }

  /** "Pay the deposit of £18 (30 %) within 30 minutes to hold it: URL": the minutes its hold has left. */
  depositText(p: Payment): string {
    return t('payment-deposit-ask', {
      amount: formatMoney(p.amountCents, p.currency),
      percent: this.s.depositPercent,
      minutes: Math.max(1, Math.ceil((p.expiresAt.getTime() - this.clock.now().getTime()) / 60_000)),
      url: p.checkoutUrl ?? '',
    });
  }

  /**
   * A webhook call: the event verified (a forged or unsigned one throws SignatureRefused and
   * changes nothing), recorded by id (a second delivery is 'duplicate'), and a paid Checkout
   * Session settles its deposit, all in one transaction.
   */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    if (!this.gateway) return 'ignored';
    const event = this.gateway.verifyEvent(rawBody, signature);
    const outcome = await this.settle(event);
    // Its receipt, once settled, outside the transaction (a network call); missing, /status says paid without it.
    const intent = event.session?.paymentIntentId;
    if (outcome === 'handled' && intent) {
      const url = await this.gateway.receiptUrl(intent).catch(() => null);
      if (url) await this.db.payment.updateMany({ where: { paymentIntentId: intent }, data: { receiptUrl: url } });
    }
    return outcome;
  }

  private async settle(event: GatewayEvent): Promise<WebhookOutcome> {
    try {
      return await this.db.$transaction(async (tx) => {
        const seen = await tx.stripeEvent.findUnique({ where: { id: event.id } });
        if (seen) return 'duplicate';
        await tx.stripeEvent.create({ data: { id: event.id, type: event.type, receivedAt: this.clock.now() } });
        const s = event.session;
        const settles =
          s && s.paymentStatus === 'paid' && (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded');
        if (!settles) return 'ignored';
        const payment = await tx.payment.findFirst({ where: { checkoutId: s.id } });
        if (!payment || payment.status === 'paid') return 'ignored';
        const now = this.clock.now();
        await tx.payment.update({ where: { id: payment.id }, data: { status: 'paid', paidAt: now, paymentIntentId: s.paymentIntentId } });
        const booking = await tx.booking.findUniqueOrThrow({ where: { id: payment.bookingId }, include: { client: true } });
        if (await this.bookings.depositPaidIn(tx, booking.id, 'artist (deposit paid)')) {
          await this.outbox.toArtist(
            `deposit-paid:${payment.id}`,
            booking,
            () => ({
              text: t('payment-deposit-paid', { ref: booking.reference, amount: formatMoney(payment.amountCents, payment.currency) }),
              visibility: 'private',
            }),
            tx,
          );
        } else {
          // Paid after its time was released (or the booking was called off): the engineer settles it.
          await this.alerts.alert(
            `deposit-late:${payment.id}`,
            () =>
              t('alert-deposit-late', {
                ref: booking.reference,
                client: booking.client.displayName,
                amount: formatMoney(payment.amountCents, payment.currency),
              }),
            { booking: booking.reference },
            tx,
          );
        }
        return 'handled';
      });
    } catch (err) {
      // The same event delivered twice at once: the other delivery recorded it.
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
  }

  /**
   * What cancelling would do with the booking's deposit, said before the artist confirms: nothing
   * charged yet (an open deposit), a paid one refunded (early enough) or kept. Null: no deposit.
   */
  async cancellationTerms(b: BookingWithService): Promise<{ refund: boolean; text: string } | null> {
    const deposit = await this.db.payment.findFirst({ where: { bookingId: b.id, purpose: 'deposit', status: { in: ['open', 'paid'] } } });
    if (!deposit) return null;
    if (deposit.status === 'open') return { refund: false, text: t('cancel-deposit-unpaid') };
    const amount = formatMoney(deposit.amountCents, deposit.currency);
    const now = this.clock.now().getTime();
    const early = b.startsAt ? b.startsAt.getTime() - now >= this.s.refundHours * 3_600_000 : ['requested', 'confirmed', 'awaiting-files'].includes(b.status);
    if (early) return { refund: true, text: t('cancel-deposit-refunded', { amount }) };
    return {
      refund: false,
      text: b.startsAt ? t('cancel-deposit-kept-session', { amount, hours: this.s.refundHours }) : t('cancel-deposit-kept-work', { amount }),
    };
  }

  /**
   * After a cancel: an open deposit is closed (nothing was charged); a paid one is refunded when
   * the terms the artist was shown said so. Returns whether it was refunded and what the artist
   * reads (written in the reader's language when called), or null when there was nothing to give back.
   */
  async afterCancel(b: BookingWithService, refund: boolean): Promise<{ refunded: boolean; write: () => string } | null> {
    const open = await this.db.payment.findMany({ where: { bookingId: b.id, status: 'open' } });
    await this.db.payment.updateMany({ where: { bookingId: b.id, status: 'open' }, data: { status: 'cancelled' } });
    await this.closePages(open);
    const paid = await this.db.payment.findFirst({ where: { bookingId: b.id, purpose: 'deposit', status: 'paid' } });
    if (!paid || !refund || !this.gateway) return null;
    const amount = formatMoney(paid.amountCents, paid.currency);
    try {
      if (!paid.paymentIntentId) throw new Error('the payment has no Stripe payment intent');
      const r = await this.gateway.refund(paid.paymentIntentId, paid.amountCents, `refund:${paid.id}`);
      await this.db.payment.update({ where: { id: paid.id }, data: { status: 'refunded', refundId: r.id } });
      return { refunded: true, write: () => t('cancel-refund-done', { amount }) };
    } catch (err) {
      // The booking is cancelled either way; the refund is the engineer's to finish.
      await this.alerts.alert(`refund-failed:${paid.id}`, () => t('alert-refund-failed', { ref: b.reference, amount, problem: (err as Error).message }), {
        booking: b.reference,
      });
      return { refunded: false, write: () => t('cancel-refund-pending', { amount }) };
    }
  }

  /**
   * The engineer waives a booking's open deposit: it goes on as if paid, and the artist is told
   * (the engineer's command is audited like every other). False when there was none to waive.
   */
  async waive(b: BookingWithService, actor: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const claimed = await tx.payment.updateMany({ where: { bookingId: b.id, status: 'open' }, data: { status: 'waived' } });
      if (claimed.count === 0) return false;
      if (!(await this.bookings.depositPaidIn(tx, b.id, actor))) return false;
      await this.outbox.toArtist(`deposit-waived:${b.id}`, b, () => ({ text: t('payment-deposit-waived', { ref: b.reference }), visibility: 'private' }), tx);
      return true;
    });
  }

  /** Deposits not paid in time: each booking's time released and its artist told. Returns how many. */
  async releaseUnpaid(): Promise<number> {
    const due = await this.db.payment.findMany({ where: { status: 'open', expiresAt: { lte: this.clock.now() } }, take: 100 });
    let released = 0;
    for (const p of due) {
      const done = await this.db.$transaction(async (tx) => {
        // Claimed by its status: another instance, or the payment arriving meanwhile, wins.
        const claimed = await tx.payment.updateMany({ where: { id: p.id, status: 'open' }, data: { status: 'expired' } });
        if (claimed.count === 0) return false;
        const booking = await tx.booking.findUniqueOrThrow({ where: { id: p.bookingId } });
        if (!(await this.bookings.releaseUnpaidIn(tx, booking.id))) return false;
        await this.outbox.toArtist(
          `deposit-expired:${p.id}`,
          booking,
          () => ({ text: t('payment-deposit-expired', { ref: booking.reference }), visibility: 'private' }),
          tx,
        );
        return true;
      });
      if (done) released++;
    }
    await this.closePages(due);
    return released;
  }

  /**
   * Closes the Checkout pages of deposits that can no longer be paid. Best effort: a page Stripe
   * will not close (paid meanwhile, already expired) is settled by the webhook, which sends a payment
   * that arrives anyway to the engineer.
   */
  private async closePages(payments: readonly Payment[]): Promise<void> {
    for (const p of payments) if (p.checkoutId && this.gateway) await this.gateway.expireCheckout(p.checkoutId).catch(() => undefined);
  }
}
