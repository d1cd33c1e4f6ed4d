// Payments (PAYMENTS=stripe): a new booking holds its time while its deposit is open; paid (the
// verified webhook, or Telegram's payment message) it goes on as a booking made without payments
// would; unpaid when the hold runs out, its time is released and the artist told. A balance still
// due when a version is ready releases the version's full-quality files once paid (see balance.ts);
// a paid revision starts once paid (see revision-payments.ts). Every event is handled once, by its id.
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import { formatMoney } from '../catalog.js';
import type { Clock } from '../clock.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import type { PaymentGateway } from './stripe-gateway.js';
import type { Models, Tx } from '../../db/client.js';
import type { DownloadLinks } from '../files/download-links.js';
import type { Invoice } from '../conversation/types.js';
import { beforeBalance, replyFile } from '../versions/version-messages.js';
import { invoiceOf } from './invoices.js';
import type { PayLinks } from './pay-links.js';

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

/** A payment received, however it came: the event that says so (its id, for idempotency) and the payment it names. */
interface Received {
  eventId: string;
  type: string;
  find: { checkoutId?: string; paymentId?: string | null };
  data: Partial<Pick<Payment, 'paymentIntentId' | 'telegramChargeId' | 'providerChargeId'>> & { provider: 'stripe' | 'telegram' };
}

/** What the payment page link leads to: Stripe's page, a thank-you (paid already), or a refusal. */
export type PageOutcome = { kind: 'page'; url: string } | { kind: 'paid' } | { kind: 'closed' };

/** Telegram's payment form asks before charging: yes, or why not (said to the artist). */
export type PayableAnswer = { ok: true } | { ok: false; reason: string };

/** Stripe keeps a Checkout page open for at most this long; the link makes a new one after. */
const STRIPE_LONGEST_CHECKOUT_MINUTES = 23 * 60;

/** What each payment is called on its Stripe page. */
const checkoutItems: Record<string, (ref: string) => string> = {
  deposit: (ref) => t('payment-deposit-item', { ref }),
  balance: (ref) => t('payment-balance-item', { ref }),
  revision: (ref) => t('payment-revision-item', { ref }),
};

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
    private readonly links: PayLinks,
    private readonly downloads: DownloadLinks,
  ) {}

  /** Starts the revision a payment paid for (set by the studio: revisions are made elsewhere). */
  private revisionPaid: ((p: Payment) => Promise<void>) | null = null;

  onRevisionPaid(start: (p: Payment) => Promise<void>): void {
    this.revisionPaid = start;
  }

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
    const checkout = await this.checkout(
      this.gateway,
      payment,
      b.reference,
      new Date(Math.max(payment.expiresAt.getTime(), now.getTime() + STRIPE_SHORTEST_CHECKOUT_MINUTES * 60_000)),
    );
    return this.db.payment.update({ where: { id: payment.id }, data: { checkoutId: checkout.id, checkoutUrl: checkout.url } });
  }

  /** A Stripe Checkout page for a payment, named for what it pays, returning the artist to /paid. */
  private checkout(gateway: PaymentGateway, p: Payment, reference: string, expiresAt: Date): Promise<{ id: string; url: string }> {
    const back = `${this.s.baseUrl}/paid?booking=${encodeURIComponent(reference)}`;
    return gateway.createCheckout({
      paymentId: p.id,
      attempt: this.clock.now().getTime(),
      bookingReference: reference,
      description: checkoutItems[p.purpose]?.(reference) ?? reference,
      amountCents: p.amountCents,
      currency: p.currency,
      successUrl: back,
      cancelUrl: `${back}&cancelled=1`,
      expiresAt,
    });
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
    const s = event.session;
    const settles =
      s && s.paymentStatus === 'paid' && (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded');
    const outcome = await this.receive(
      settles
        ? {
            eventId: event.id,
            type: event.type,
            // By its page, or by our id on it (a page replaced by a newer one, paid all the same).
            find: { checkoutId: s.id, paymentId: s.paymentId },
            data: { provider: 'stripe', paymentIntentId: s.paymentIntentId },
          }
        : { eventId: event.id, type: event.type, find: {}, data: { provider: 'stripe' } },
    );
    // Its receipt, once settled, outside the transaction (a network call); missing, /status says paid without it.
    const intent = s?.paymentIntentId;
    if (outcome === 'handled' && intent) {
      const url = await this.gateway.receiptUrl(intent).catch(() => null);
      if (url) await this.db.payment.updateMany({ where: { paymentIntentId: intent }, data: { receiptUrl: url } });
    }
    return outcome;
  }

  /**
   * Telegram's successful_payment: the same path as Stripe's webhook, recorded by Telegram's charge
   * id (an update delivered twice acts once).
   */
  async receiveTelegram(p: { paymentId: string; telegramChargeId: string; providerChargeId: string }): Promise<WebhookOutcome> {
    return this.receive({
      eventId: `telegram:${p.telegramChargeId}`,
      type: 'telegram.successful_payment',
      find: { paymentId: p.paymentId },
      data: { provider: 'telegram', telegramChargeId: p.telegramChargeId, providerChargeId: p.providerChargeId },
    });
  }

  /**
   * Telegram asks before it charges (and must hear back within 10 seconds): only a payment still
   * asked for, at the amount and currency asked, is accepted.
   */
  async payable(paymentId: string, amountCents: number, currency: string): Promise<PayableAnswer> {
    const p = await this.db.payment.findUnique({ where: { id: paymentId }, include: { booking: true } });
    if (!p || p.status !== 'open' || ['cancelled', 'rescheduled'].includes(p.booking.status)) return { ok: false, reason: t('payment-no-longer-due') };
    if (p.purpose === 'deposit' && p.expiresAt <= this.clock.now()) return { ok: false, reason: t('payment-no-longer-due') };
    if (p.amountCents !== amountCents || p.currency.toUpperCase() !== currency.toUpperCase())
      return { ok: false, reason: t('payment-amount-changed', { amount: formatMoney(p.amountCents, p.currency) }) };
    return { ok: true };
  }

  /** A payment as an invoice in the chat (Telegram Payments). */
  invoice(p: Payment, reference: string): Invoice {
    return invoiceOf(p, reference);
  }

  /** The booking's balance waiting to be paid, if any. */
  openBalance(bookingId: string): Promise<Payment | null> {
    return this.db.payment.findFirst({ where: { bookingId, purpose: 'balance', status: 'open' } });
  }

  /** The link in the chat for a payment asked after booking (it opens a Stripe page, see pageFor). */
  payUrl(p: Pick<Payment, 'id'>): string {
    return this.links.url(p.id);
  }

  /** The payment a signed pay link names, or null when the link is forged. */
  verifyPayLink(token: string): string | null {
    return this.links.verify(token);
  }

  /**
   * Where a pay link leads: the payment's open Stripe page (a new one when the last has closed or
   * is about to), a thank-you once paid, a refusal when it is no longer asked.
   */
  async pageFor(paymentId: string): Promise<PageOutcome> {
    if (!this.gateway) return { kind: 'closed' };
    const p = await this.db.payment.findUnique({ where: { id: paymentId }, include: { booking: true } });
    if (!p) return { kind: 'closed' };
    if (['paid', 'waived'].includes(p.status)) return { kind: 'paid' };
    if (p.status !== 'open') return { kind: 'closed' };
    if (p.purpose === 'deposit') {
      const deposit = await this.depositFor(await this.bookings.get(p.bookingId));
      return deposit.checkoutUrl ? { kind: 'page', url: deposit.checkoutUrl } : { kind: 'closed' };
    }
    const now = this.clock.now();
    if (p.checkoutUrl && p.expiresAt.getTime() - now.getTime() > 10 * 60_000) return { kind: 'page', url: p.checkoutUrl };
    // A page that closed, or one for an amount no longer asked: closed at Stripe before the new one.
    if (p.checkoutId) await this.gateway.expireCheckout(p.checkoutId).catch(() => undefined);
    const expiresAt = new Date(now.getTime() + STRIPE_LONGEST_CHECKOUT_MINUTES * 60_000);
    const checkout = await this.checkout(this.gateway, p, p.booking.reference, expiresAt);
    // Claimed by its status: paid or called off meanwhile, the new page is closed again.
    const kept = await this.db.payment.updateMany({
      where: { id: p.id, status: 'open' },
      data: { checkoutId: checkout.id, checkoutUrl: checkout.url, expiresAt },
    });
    if (kept.count === 0) {
      await this.gateway.expireCheckout(checkout.id).catch(() => undefined);
      return this.pageFor(paymentId);
    }
    return { kind: 'page', url: checkout.url };
  }

  /**
   * A payment received: recorded by its event id (a second delivery is 'duplicate'), the payment
   * marked paid, and what it pays for goes on — all in one transaction. A payment that arrives when
   * it was no longer asked (released, called off, replaced) goes to the engineer to settle.
   */
  private async receive(r: Received): Promise<WebhookOutcome> {
    let started: Payment | null = null;
    try {
      const outcome = await this.db.$transaction(async (tx) => {
        const seen = await tx.stripeEvent.findUnique({ where: { id: r.eventId } });
        if (seen) return 'duplicate';
        await tx.stripeEvent.create({ data: { id: r.eventId, type: r.type, receivedAt: this.clock.now() } });
        const payment =
          (r.find.checkoutId ? await tx.payment.findFirst({ where: { checkoutId: r.find.checkoutId } }) : null) ??
          (r.find.paymentId ? await tx.payment.findUnique({ where: { id: r.find.paymentId } }) : null);
        if (!payment || payment.status === 'paid') return 'ignored';
        const asked = payment.status === 'open';
        const paid = await tx.payment.update({ where: { id: payment.id }, data: { status: 'paid', paidAt: this.clock.now(), ...r.data } });
        const booking = await tx.booking.findUniqueOrThrow({ where: { id: payment.bookingId }, include: { client: true, service: true } });
        const amount = formatMoney(payment.amountCents, payment.currency);
        let taken = false;
        if (payment.purpose === 'deposit') taken = await this.depositReceivedIn(tx, paid, booking);
        else if (asked && payment.purpose === 'balance') {
          await this.releaseFilesIn(tx, booking, () => t('payment-balance-paid', { ref: booking.reference, amount }), `balance:${payment.id}`);
          taken = true;
        } else if (asked && payment.purpose === 'revision') {
          started = paid;
          taken = true;
        }
        if (!taken)
          await this.alerts.alert(
            `payment-late:${payment.id}`,
            () =>
              t(payment.purpose === 'deposit' ? 'alert-deposit-late' : 'alert-payment-late', {
                ref: booking.reference,
                client: booking.client.displayName,
                amount,
              }),
            { booking: booking.reference },
            tx,
          );
        return 'handled';
      });
      if (started && this.revisionPaid) await this.revisionPaid(started);
      return outcome;
    } catch (err) {
      // The same event delivered twice at once: the other delivery recorded it.
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
  }

  private async depositReceivedIn(tx: Tx, payment: Payment, booking: BookingWithService): Promise<boolean> {
    if (!(await this.bookings.depositPaidIn(tx, booking.id, 'artist (deposit paid)'))) return false;
    await this.outbox.toArtist(
      `deposit-paid:${payment.id}`,
      booking,
      () => ({
        text: t('payment-deposit-paid', { ref: booking.reference, amount: formatMoney(payment.amountCents, payment.currency) }),
        visibility: 'private',
      }),
      tx,
    );
    return true;
  }

  /**
   * The balance is settled: each version sent with only its report and preview gets its
   * full-quality files, in order, one message each (the thanks alone when none waited). `thanks`
   * is written when the message is, in the artist's language.
   */
  private async releaseFilesIn(tx: Tx, booking: BookingWithService, thanks: () => string, key: string): Promise<void> {
    const waiting = await tx.delivery.findMany({
      where: { bookingId: booking.id, awaitsBalance: true, status: 'ready' },
      include: { files: true },
      orderBy: { version: 'asc' },
    });
    await tx.delivery.updateMany({ where: { bookingId: booking.id, awaitsBalance: true }, data: { awaitsBalance: false } });
    if (!waiting.length) await this.outbox.toArtist(key, booking, () => ({ text: thanks(), visibility: 'private' }), tx);
    for (const v of waiting) {
      const files = v.files.filter((f) => !beforeBalance(f));
      await this.outbox.toArtist(
        `${key}:v${v.version}`,
        booking,
        () => ({
          text: [thanks(), t('balance-files-now', { ref: booking.reference, version: v.version })].join('\n'),
          files: files.map((f) => replyFile({ downloads: this.downloads }, f)),
          visibility: 'private',
        }),
        tx,
      );
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
    const refunded = await this.refund(paid, b, t('refund-reason-cancelled'));
    return { refunded, write: () => t(refunded ? 'cancel-refund-done' : 'cancel-refund-pending', { amount }) };
  }

  /**
   * Gives a paid payment back in full: through Stripe's Refunds API (once per payment, however
   * often asked), or — paid through Telegram's provider, or Stripe refusing — left to the engineer,
   * who is alerted. True when it went back now.
   */
  async refund(p: Payment, b: Pick<BookingWithService, 'reference'>, why: string): Promise<boolean> {
    const amount = formatMoney(p.amountCents, p.currency);
    try {
      if (p.provider === 'telegram') throw new Error(t('refund-by-provider', { charge: p.providerChargeId ?? p.telegramChargeId ?? '' }));
      if (!this.gateway) throw new Error('payments are off');
      if (!p.paymentIntentId) throw new Error('the payment has no Stripe payment intent');
      const r = await this.gateway.refund(p.paymentIntentId, p.amountCents, `refund:${p.id}`);
      await this.db.payment.update({ where: { id: p.id }, data: { status: 'refunded', refundId: r.id } });
      return true;
    } catch (err) {
      // What it was for stands either way; the refund is the engineer's to finish.
      await this.alerts.alert(`refund-failed:${p.id}`, () => t('alert-refund-failed', { ref: b.reference, amount, why, problem: (err as Error).message }), {
        booking: b.reference,
      });
      return false;
    }
  }

  /**
   * The engineer waives what the booking's artist was asked to pay — its deposit (it goes on as if
   * paid), its balance (the full-quality files go out) or a paid revision (it starts) — and the
   * artist is told; the engineer's command is audited like every other. Null when nothing was asked.
   */
  async waive(b: BookingWithService, actor: string): Promise<'deposit' | 'balance' | 'revision' | null> {
    let revision: Payment | null = null;
    const waived = await this.db.$transaction(async (tx) => {
      const open = await tx.payment.findFirst({ where: { bookingId: b.id, status: 'open' }, orderBy: { createdAt: 'desc' } });
      if (!open) return null;
      const claimed = await tx.payment.updateMany({ where: { id: open.id, status: 'open' }, data: { status: 'waived' } });
      if (claimed.count === 0) return null;
      const purpose = open.purpose as 'deposit' | 'balance' | 'revision';
      if (purpose === 'deposit') {
        if (!(await this.bookings.depositPaidIn(tx, b.id, actor))) return null;
        await this.outbox.toArtist(`deposit-waived:${b.id}`, b, () => ({ text: t('payment-deposit-waived', { ref: b.reference }), visibility: 'private' }), tx);
      } else if (purpose === 'balance') {
        await this.releaseFilesIn(tx, b, () => t('payment-balance-waived', { ref: b.reference }), `balance-waived:${open.id}`);
      } else {
        revision = { ...open, status: 'waived' };
      }
      return purpose;
    });
    if (revision && this.revisionPaid) await this.revisionPaid(revision);
    return waived;
  }

  /** Deposits not paid in time: each booking's time released and its artist told. Returns how many. */
  async releaseUnpaid(): Promise<number> {
    const due = await this.db.payment.findMany({ where: { purpose: 'deposit', status: 'open', expiresAt: { lte: this.clock.now() } }, take: 100 });
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
