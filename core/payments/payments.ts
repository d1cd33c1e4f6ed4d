// Payments (PAYMENTS=stripe): a new booking holds its time while its deposit is open; paid (the
// verified webhook, or Telegram's payment message) it goes on as a booking made without payments
// would; unpaid when the hold runs out, its time is released and the artist told. A balance still
// due when a version is ready releases the version's full-quality files once paid (see balance.ts);
// a paid revision starts once paid (see revision-payments.ts). Every event is handled once, by its id.
import type { BookingAlerts } from '../booking/booking-alerts.js';
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
import type { Invoice } from '../messages/reply.js';
import { beforeBalance, replyFile } from '../versions/version-messages.js';
import { Versions } from '../versions/versions.js';
import { PaymentRepository } from './payment-repository.js';
import { paymentLines } from './summary.js';
import type { LedgerBooking } from './ledger.js';
import { invoiceOf } from './invoices.js';
import { readLedger } from './ledger.js';
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

/** handled: settled (or a second payment refunded); duplicate: seen before; ignored: not a payment; refused: a payment not acted on (the engineer is told). */
export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored' | 'refused';

/** A payment as the provider says it was made: where (the page, or the Telegram charge), how much. */
type PaidVia =
  | { provider: 'stripe'; checkoutId: string; amountCents: number | null; currency: string | null; paymentIntentId: string | null }
  | { provider: 'telegram'; paymentId: string; amountCents: number; currency: string; telegramChargeId: string; providerChargeId: string };

/** A payment event, however it came: its id (for idempotency), its type, and the payment it says was made (null: not one). */
interface Received {
  eventId: string;
  type: string;
  paid: PaidVia | null;
}

/** What the transaction decided, for the work done after it (network calls stay outside). */
type Settlement =
  | { outcome: 'duplicate' | 'ignored' | 'refused' }
  | { outcome: 'handled'; payment: Payment; revision: Payment | null }
  | { outcome: 'handled'; twice: Payment; booking: BookingWithService };

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

/** What PaymentService works with (createStudio wires them). */
export interface PaymentServiceDeps {
  db: Db;
  bookings: BookingService;
  /** Null with PAYMENTS=off: nothing is charged. */
  gateway: PaymentGateway | null;
  outbox: Outbox;
  alerts: EngineerAlerts;
  clock: Clock;
  s: PaymentSettings;
  links: PayLinks;
  downloads: DownloadLinks;
}

export class PaymentService {
  constructor(private readonly d: PaymentServiceDeps) {
    this.rows = new PaymentRepository(d.db);
  }

  /** The payments' queries (their repository). */
  private readonly rows: PaymentRepository;

  /** What each booking was asked, paid, let off and given back, as the lines /status and the desk show. */
  linesFor(bookings: readonly LedgerBooking[], zone: string): Promise<Map<string, string[]>> {
    return paymentLines(this.d.db, bookings, zone);
  }

  /** The engineer's news of money received and given back (ENGINEER_ALERTS; set by the studio). */
  private news: BookingAlerts | null = null;

  tellEngineer(news: BookingAlerts): void {
    this.news = news;
  }

  /** Starts the revision a payment paid for (set by the studio: revisions are made elsewhere). */
  private revisionPaid: ((p: Payment) => Promise<void>) | null = null;

  onRevisionPaid(start: (p: Payment) => Promise<void>): void {
    this.revisionPaid = start;
  }

  get enabled(): boolean {
    return this.d.gateway !== null;
  }

  /** The deposit a booking's price asks for, in the currency's minor unit. */
  depositCents(priceCents: number): number {
    return Math.round((priceCents * this.d.s.depositPercent) / 100);
  }

  /**
   * The open deposit of a booking waiting for it, with its payment page: the one already made
   * (a double click, a repeated message), or a new one.
   */
  async depositFor(b: BookingWithService): Promise<Payment> {
    if (!this.d.gateway) throw new Error('payments are off');
    const open = await this.rows.open(b.id, 'deposit');
    if (open?.checkoutUrl) return open;
    const now = this.d.clock.now();
    const payment =
      open ??
      (await this.rows.create({
        bookingId: b.id,
        purpose: 'deposit',
        amountCents: this.depositCents(b.priceCents),
        currency: b.currency,
        status: 'open',
        expiresAt: new Date(now.getTime() + this.d.s.holdMinutes * 60_000),
      }));
    const checkout = await this.checkout(
      this.d.gateway,
      payment,
      b.reference,
      new Date(Math.max(payment.expiresAt.getTime(), now.getTime() + STRIPE_SHORTEST_CHECKOUT_MINUTES * 60_000)),
    );
    return this.rows.update(payment.id, { checkoutId: checkout.id, checkoutUrl: checkout.url });
  }

  /**
   * A Stripe Checkout page for a payment, named for what it pays, returning the artist to /paid;
   * kept with the amount it asks, since only a page mixdesk made settles a payment, and only for that.
   */
  private async checkout(gateway: PaymentGateway, p: Payment, reference: string, expiresAt: Date): Promise<{ id: string; url: string }> {
    const back = `${this.d.s.baseUrl}/paid?booking=${encodeURIComponent(reference)}`;
    const page = await gateway.createCheckout({
      paymentId: p.id,
      attempt: this.d.clock.now().getTime(),
      bookingReference: reference,
      description: checkoutItems[p.purpose]?.(reference) ?? reference,
      amountCents: p.amountCents,
      currency: p.currency,
      successUrl: back,
      cancelUrl: `${back}&cancelled=1`,
      expiresAt,
    });
    // Stripe replays an idempotent request's page: kept once.
    await this.rows.keepPage({ id: page.id, paymentId: p.id, amountCents: p.amountCents, currency: p.currency });
    return page;
  }

  /** "Pay the deposit of £18 (30 %) within 30 minutes to hold it: URL": the minutes its hold has left. */
  depositText(p: Payment): string {
    return t('payment-deposit-ask', {
      amount: formatMoney(p.amountCents, p.currency),
      percent: this.d.s.depositPercent,
      minutes: Math.max(1, Math.ceil((p.expiresAt.getTime() - this.d.clock.now().getTime()) / 60_000)),
      url: p.checkoutUrl ?? '',
    });
  }

  /**
   * A webhook call: the event verified (a forged or unsigned one throws SignatureRefused and
   * changes nothing), recorded by id (a second delivery is 'duplicate'), and a paid Checkout
   * Session settles its payment, all in one transaction.
   */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    if (!this.d.gateway) return 'ignored';
    const event = this.d.gateway.verifyEvent(rawBody, signature);
    const s = event.session;
    const paid = s && s.paymentStatus === 'paid' && (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded');
    const outcome = await this.receive({
      eventId: event.id,
      type: event.type,
      paid: paid ? { provider: 'stripe', checkoutId: s.id, amountCents: s.amountTotal, currency: s.currency, paymentIntentId: s.paymentIntentId } : null,
    });
    // Its receipt, once settled, outside the transaction (a network call); missing, /status says paid without it.
    const intent = s?.paymentIntentId;
    if (outcome === 'handled' && intent) {
      const url = await this.d.gateway.receiptUrl(intent).catch(() => null);
      if (url) await this.rows.setReceipt(intent, url);
    }
    return outcome;
  }

  /**
   * Telegram's successful_payment: the same path as Stripe's webhook, recorded by Telegram's charge
   * id (an update delivered twice acts once), settling only the amount and currency asked.
   */
  async receiveTelegram(p: {
    paymentId: string;
    amountCents: number;
    currency: string;
    telegramChargeId: string;
    providerChargeId: string;
  }): Promise<WebhookOutcome> {
    return this.receive({
      eventId: `telegram:${p.telegramChargeId}`,
      type: 'telegram.successful_payment',
      paid: { provider: 'telegram', ...p, currency: p.currency.toUpperCase() },
    });
  }

  /**
   * Telegram asks before it charges (and must hear back within 10 seconds): only a payment still
   * asked for, at the amount and currency asked, is accepted.
   */
  async payable(paymentId: string, amountCents: number, currency: string): Promise<PayableAnswer> {
    const p = await this.rows.withBooking(paymentId);
    if (!p || p.status !== 'open' || ['cancelled', 'rescheduled'].includes(p.booking.status)) return { ok: false, reason: t('payment-no-longer-due') };
    if (p.purpose === 'deposit' && p.expiresAt <= this.d.clock.now()) return { ok: false, reason: t('payment-no-longer-due') };
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
    return this.rows.open(bookingId, 'balance');
  }

  /** The link in the chat for a payment asked after booking (it opens a Stripe page, see pageFor). */
  payUrl(p: Pick<Payment, 'id'>): string {
    return this.d.links.url(p.id);
  }

  /** The payment a signed pay link names, or null when the link is forged. */
  verifyPayLink(token: string): string | null {
    return this.d.links.verify(token);
  }

  /**
   * Where a pay link leads: the payment's open Stripe page (a new one when the last has closed or
   * is about to), a thank-you once paid, a refusal when it is no longer asked.
   */
  async pageFor(paymentId: string): Promise<PageOutcome> {
    if (!this.d.gateway) return { kind: 'closed' };
    const p = await this.rows.withBooking(paymentId);
    if (!p) return { kind: 'closed' };
    if (['paid', 'waived'].includes(p.status)) return { kind: 'paid' };
    if (p.status !== 'open') return { kind: 'closed' };
    if (p.purpose === 'deposit') {
      const deposit = await this.depositFor(await this.d.bookings.get(p.bookingId));
      return deposit.checkoutUrl ? { kind: 'page', url: deposit.checkoutUrl } : { kind: 'closed' };
    }
    const now = this.d.clock.now();
    if (p.checkoutUrl && p.expiresAt.getTime() - now.getTime() > 10 * 60_000) return { kind: 'page', url: p.checkoutUrl };
    // A page that closed, or one for an amount no longer asked: closed at Stripe before the new one.
    if (p.checkoutId) await this.d.gateway.expireCheckout(p.checkoutId).catch(() => undefined);
    const expiresAt = new Date(now.getTime() + STRIPE_LONGEST_CHECKOUT_MINUTES * 60_000);
    const checkout = await this.checkout(this.d.gateway, p, p.booking.reference, expiresAt);
    // Claimed by its status: paid or called off meanwhile, the new page is closed again.
    const kept = await this.rows.claim(p.id, 'open', { checkoutId: checkout.id, checkoutUrl: checkout.url, expiresAt });
    if (!kept) {
      await this.d.gateway.expireCheckout(checkout.id).catch(() => undefined);
      return this.pageFor(paymentId);
    }
    return { kind: 'page', url: checkout.url };
  }

  /**
   * A payment received: recorded by its event id (a second delivery is 'duplicate'). It settles a
   * payment only when it came through a page mixdesk made for it (or a Telegram invoice naming it)
   * for exactly the amount and currency asked; anything else is recorded, not acted on, and the
   * engineer is told the numbers. Settling is one conditional update (the payment as it was read →
   * paid): of two events racing, the loser is a duplicate when it is the same page, or a second
   * payment — given back — when it is another. The payment marked paid and what it pays for going
   * on commit together; the network (refunds, closing pages, starting a revision) comes after.
   */
  private async receive(r: Received): Promise<WebhookOutcome> {
    let decided: Settlement;
    try {
      decided = await this.d.db.$transaction(async (tx) => {
        if (!(await this.rows.firstSight(tx, { id: r.eventId, type: r.type, at: this.d.clock.now() }))) return { outcome: 'duplicate' as const };
        const settlement = r.paid ? await this.settleIn(tx, r.eventId, r.paid) : { outcome: 'ignored' as const, detail: null };
        const { detail, ...rest } = { detail: null, ...settlement };
        await this.rows.eventOutcome(tx, r.eventId, 'twice' in rest ? 'paid-twice' : rest.outcome === 'handled' ? 'settled' : rest.outcome, detail);
        return rest as Settlement;
      });
    } catch (err) {
      // The same event delivered twice at once: the other delivery recorded it.
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
    if ('twice' in decided) await this.giveBackSecond(decided.twice, decided.booking);
    else if ('payment' in decided) {
      await this.closeOtherPages(decided.payment);
      if (decided.revision && this.revisionPaid) await this.revisionPaid(decided.revision);
    }
    return decided.outcome;
  }

  /** Inside receive's transaction: the payment checked, settled and acted on, or why not (kept with the event). */
  private async settleIn(tx: Tx, eventId: string, paid: PaidVia): Promise<Settlement & { detail?: string | null }> {
    const now = this.d.clock.now();
    const received = paid.amountCents === null || paid.currency === null ? '?' : formatMoney(paid.amountCents, paid.currency);
    const via = paid.provider === 'stripe' ? `Stripe ${paid.checkoutId}` : `Telegram ${paid.telegramChargeId}`;
    /** Not acted on: kept with the event (`why`, with the numbers) and told to the engineer in the studio's language. */
    const refuse = async (
      why: string,
      booking?: { reference: string; client: { displayName: string } },
      asked?: string,
    ): Promise<Settlement & { detail: string }> => {
      const detail = `${why}: ${received} received (${via})${asked ? `, ${asked} asked` : ''}`;
      await this.d.alerts.alert(
        `payment-refused:${eventId}`,
        () =>
          booking && asked
            ? t('alert-payment-refused', { ref: booking.reference, client: booking.client.displayName, received, via, asked })
            : t('alert-payment-unknown', { received, via }),
        { booking: booking?.reference, received: paid.amountCents, currency: paid.currency, via },
        tx,
      );
      return { outcome: 'refused', detail };
    };

    // Which payment: only a page mixdesk made (kept in CheckoutPage) or an invoice naming one.
    const page = paid.provider === 'stripe' ? await this.rows.page(paid.checkoutId, tx) : null;
    const paymentId = paid.provider === 'stripe' ? page?.paymentId : paid.paymentId;
    const payment = paymentId ? await this.rows.byId(paymentId, tx) : null;
    if (!payment) return refuse('no payment of ours');
    const booking = await this.d.bookings.rows.withClient(payment.bookingId, tx);
    const asked = formatMoney(payment.amountCents, payment.currency);
    // Exactly what was asked: the page's own amount (a replaced page for an old amount no longer pays) and the payment's.
    const amountOk =
      paid.amountCents === payment.amountCents &&
      paid.currency === payment.currency.toUpperCase() &&
      (!page || (page.amountCents === payment.amountCents && page.currency.toUpperCase() === paid.currency));
    if (!amountOk) return refuse('not the amount asked', booking, asked);

    const settledBy = paid.provider === 'stripe' ? paid.checkoutId : `telegram:${paid.telegramChargeId}`;
    const charge =
      paid.provider === 'stripe'
        ? { provider: 'stripe', paymentIntentId: paid.paymentIntentId }
        : { provider: 'telegram', telegramChargeId: paid.telegramChargeId, providerChargeId: paid.providerChargeId };
    const claimed = payment.status !== 'paid' && (await this.rows.claim(payment.id, payment.status, { status: 'paid', paidAt: now, settledBy, ...charge }, tx));
    if (!claimed) {
      // Settled already (before, or by an event racing this one): the same page again is a
      // duplicate; another page or charge is the artist paying twice.
      const settled = (await this.rows.byId(payment.id, tx))!;
      if (settled.status !== 'paid') throw new Error(`payment ${payment.id} changed while a payment for it was settled; try again`);
      if (settled.settledBy === settledBy) return { outcome: 'duplicate' };
      const twice = await this.rows.create(
        {
          bookingId: payment.bookingId,
          purpose: payment.purpose,
          amountCents: payment.amountCents,
          currency: payment.currency,
          status: 'duplicate',
          expiresAt: now,
          paidAt: now,
          settledBy,
          duplicateOf: payment.id,
          ...charge,
        },
        tx,
      );
      return { outcome: 'handled', twice, booking, detail: `paid twice: ${received} (${via}); the first was ${settled.settledBy ?? '?'}` };
    }

    const settled: Payment = { ...payment, status: 'paid', paidAt: now, settledBy, ...charge };
    const wasAsked = payment.status === 'open';
    let taken = false;
    let revision: Payment | null = null;
    if (payment.purpose === 'deposit') taken = await this.depositReceivedIn(tx, settled, booking);
    else if (wasAsked && payment.purpose === 'balance') {
      await this.releaseFilesIn(tx, booking, () => t('payment-balance-paid', { ref: booking.reference, amount: asked }), `balance:${payment.id}`);
      await this.news?.paid(tx, booking, 'balance', payment, payment.id);
      taken = true;
    } else if (wasAsked && payment.purpose === 'revision') {
      revision = settled;
      await this.news?.paid(tx, booking, 'revision', payment, payment.id);
      taken = true;
    }
    if (!taken)
      await this.d.alerts.alert(
        `payment-late:${payment.id}`,
        () =>
          t(payment.purpose === 'deposit' && payment.status !== 'waived' ? 'alert-deposit-late' : 'alert-payment-late', {
            ref: booking.reference,
            client: booking.client.displayName,
            amount: asked,
          }),
        { booking: booking.reference },
        tx,
      );
    return { outcome: 'handled', payment: settled, revision, detail: taken ? null : `late: the payment was ${payment.status}` };
  }

  /**
   * A payment made a second time (another page, or the chat's invoice after the page): given back
   * through Stripe (once, by its key), or — paid through Telegram's provider, which a bot cannot
   * refund — left to the engineer, who is alerted. The artist hears which, either way.
   */
  private async giveBackSecond(twice: Payment, booking: BookingWithService): Promise<void> {
    const refunded = await this.refund(twice, booking, () => t('refund-reason-twice'));
    const amount = formatMoney(twice.amountCents, twice.currency);
    await this.d.outbox.toArtist(`paid-twice:${twice.id}`, booking, () => ({
      text: t(refunded ? 'payment-twice-refunded' : 'payment-twice-pending', { what: twice.purpose, ref: booking.reference, amount }),
      visibility: 'private',
    }));
  }

  /** Settled one way, the payment's other Stripe pages are closed, so it cannot be paid again there. */
  private async closeOtherPages(p: Payment): Promise<void> {
    const pages = await this.rows.otherPages(p.id, p.settledBy);
    await this.closePages(pages.map((page) => ({ checkoutId: page.id })));
  }

  private async depositReceivedIn(tx: Tx, payment: Payment, booking: BookingWithService): Promise<boolean> {
    if (!(await this.d.bookings.depositPaidIn(tx, booking.id, 'artist (deposit paid)'))) return false;
    await this.d.outbox.toArtist(
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
    const waiting = await new Versions(this.d.db).releaseBalanceWaitIn(tx, booking.id);
    if (!waiting.length) await this.d.outbox.toArtist(key, booking, () => ({ text: thanks(), visibility: 'private' }), tx);
    for (const v of waiting) {
      const files = v.files.filter((f) => !beforeBalance(f));
      await this.d.outbox.toArtist(
        `${key}:v${v.version}`,
        booking,
        () => ({
          text: [thanks(), t('balance-files-now', { ref: booking.reference, version: v.version })].join('\n'),
          files: files.map((f) => replyFile({ downloads: this.d.downloads }, f)),
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
    const { payments } = await readLedger(this.d.db, b);
    const deposit = payments.find((p) => p.purpose === 'deposit' && (p.status === 'open' || p.status === 'paid'));
    if (!deposit) return null;
    if (deposit.status === 'open') return { refund: false, text: t('cancel-deposit-unpaid') };
    const amount = formatMoney(deposit.amountCents, deposit.currency);
    const now = this.d.clock.now().getTime();
    const early = b.startsAt ? b.startsAt.getTime() - now >= this.d.s.refundHours * 3_600_000 : ['requested', 'confirmed', 'awaiting-files'].includes(b.status);
    if (early) return { refund: true, text: t('cancel-deposit-refunded', { amount }) };
    return {
      refund: false,
      text: b.startsAt ? t('cancel-deposit-kept-session', { amount, hours: this.d.s.refundHours }) : t('cancel-deposit-kept-work', { amount }),
    };
  }

  /**
   * After a cancel: an open deposit is closed (nothing was charged); a paid one is refunded when
   * the terms the artist was shown said so, else kept. Returns what became of a paid deposit as
   * the artist reads it (null when the terms already said it is kept) and as the engineer does,
   * each written in its reader's language when called; null when there was no paid deposit.
   */
  async afterCancel(b: BookingWithService, refund: boolean): Promise<{ refunded: boolean; artist: (() => string) | null; engineer: () => string } | null> {
    const open = await this.rows.allOpen(b.id);
    await this.rows.cancelOpen(open.map((p) => p.id));
    await this.closePages(open);
    const paid = (await readLedger(this.d.db, b)).payments.find((p) => p.purpose === 'deposit' && p.status === 'paid');
    if (!paid || !this.d.gateway) return null;
    const amount = () => formatMoney(paid.amountCents, paid.currency);
    if (!refund) return { refunded: false, artist: null, engineer: () => t('alert-cancel-deposit-kept', { amount: amount() }) };
    const refunded = await this.refund(paid, b, () => t('refund-reason-cancelled'), { told: true });
    return {
      refunded,
      artist: () => t(refunded ? 'cancel-refund-done' : 'cancel-refund-pending', { amount: amount() }),
      engineer: () => t(refunded ? 'alert-cancel-deposit-refunded' : 'alert-cancel-deposit-pending', { amount: amount() }),
    };
  }

  /**
   * Gives a paid payment back in full: through Stripe's Refunds API (once per payment, however
   * often asked), or — paid through Telegram's provider, or Stripe refusing — left to the engineer,
   * who is alerted. True when it went back now.
   */
  async refund(p: Payment, b: Pick<BookingWithService, 'reference'>, why: () => string, o: { told?: boolean } = {}): Promise<boolean> {
    // Worded when the engineer's alert is written, in the engineer's language (the artist's turn may be in another).
    const amount = () => formatMoney(p.amountCents, p.currency);
    try {
      if (p.provider === 'telegram') throw new ByProvider();
      if (!this.d.gateway) throw new Error('payments are off');
      if (!p.paymentIntentId) throw new Error('the payment has no Stripe payment intent');
      const r = await this.d.gateway.refund(p.paymentIntentId, p.amountCents, `refund:${p.id}`);
      await this.rows.update(p.id, { status: 'refunded', refundId: r.id });
      // The caller tells the engineer itself when the refund is part of its news (a cancel).
      if (!o.told) await this.news?.refunded(b, amount, why, p.id);
      return true;
    } catch (err) {
      // What it was for stands either way; the refund is the engineer's to finish.
      const problem = () =>
        err instanceof ByProvider ? t('refund-by-provider', { charge: p.providerChargeId ?? p.telegramChargeId ?? '' }) : (err as Error).message;
      await this.d.alerts.alert(
        `refund-failed:${p.id}`,
        () => t('alert-refund-failed', { ref: b.reference, amount: amount(), why: why(), problem: problem() }),
        {
          booking: b.reference,
        },
      );
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
    const waived = await this.d.db.$transaction(async (tx) => {
      const open = await this.rows.open(b.id, undefined, tx);
      if (!open) return null;
      if (!(await this.rows.claim(open.id, 'open', { status: 'waived' }, tx))) return null;
      const purpose = open.purpose as 'deposit' | 'balance' | 'revision';
      if (purpose === 'deposit') {
        if (!(await this.d.bookings.depositPaidIn(tx, b.id, actor))) return null;
        await this.d.outbox.toArtist(
          `deposit-waived:${b.id}`,
          b,
          () => ({ text: t('payment-deposit-waived', { ref: b.reference }), visibility: 'private' }),
          tx,
        );
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
    const due = await this.rows.expiredDeposits(this.d.clock.now(), 100);
    let released = 0;
    for (const p of due) {
      const done = await this.d.db.$transaction(async (tx) => {
        // Claimed by its status: another instance, or the payment arriving meanwhile, wins.
        if (!(await this.rows.claim(p.id, 'open', { status: 'expired' }, tx))) return false;
        const booking = await this.d.bookings.rows.current(p.bookingId, tx);
        if (!(await this.d.bookings.releaseUnpaidIn(tx, booking.id))) return false;
        await this.d.outbox.toArtist(
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
  private async closePages(payments: readonly Pick<Payment, 'checkoutId'>[]): Promise<void> {
    for (const p of payments) if (p.checkoutId && this.d.gateway) await this.d.gateway.expireCheckout(p.checkoutId).catch(() => undefined);
  }
}

/** A payment made through Telegram's provider, which a bot cannot refund: the engineer does. */
class ByProvider extends Error {}
