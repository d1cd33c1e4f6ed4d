// Stripe through its official SDK: Checkout Sessions for what the artist pays, and the webhook's
// events verified against the endpoint's signing secret (on the raw body, as Stripe signs it).
import Stripe from 'stripe';

export interface CheckoutRequest {
  /** Our payment's id, carried back by the webhook (metadata and client_reference_id). */
  paymentId: string;
  /** Stripe replays an idempotent request's first answer, errors included, so each attempt has its own key. */
  attempt: number;
  bookingReference: string;
  description: string;
  amountCents: number;
  currency: string;
  successUrl: string;
  cancelUrl: string;
  /** Stripe closes the page then (it takes 30 minutes to 24 hours from now). */
  expiresAt: Date;
}

/** A Checkout Session as an event tells it: what was paid, how much, in what currency. */
export interface GatewaySession {
  id: string;
  paymentStatus: string | null;
  paymentIntentId: string | null;
  /** What the page charged, in the currency's minor unit (null when the event does not say). */
  amountTotal: number | null;
  /** ISO code, upper case. */
  currency: string | null;
}

/** What the studio needs of an event: its id (for idempotency), type, and the session it is about. */
export interface GatewayEvent {
  id: string;
  type: string;
  session: GatewaySession | null;
}

export interface PaymentGateway {
  createCheckout(r: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** The event the raw body holds, when its signature is Stripe's; throws otherwise. */
  verifyEvent(rawBody: Buffer, signature: string | undefined): GatewayEvent;
  /** Closes a Checkout page nobody paid, so a booking called off or released cannot be paid after all. */
  expireCheckout(checkoutId: string): Promise<void>;
  /** The receipt Stripe made for a paid payment (its charge's receipt page), or null. */
  receiptUrl(paymentIntentId: string): Promise<string | null>;
  /** Gives an amount of a payment back (once per key, however often it is asked). */
  refund(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }>;
}

export class SignatureRefused extends Error {}

/** The SDK's host, port and protocol from a URL (a local fake in tests), or Stripe's own API. */
function apiTarget(apiUrl: string | undefined): Stripe.StripeConfig {
  if (!apiUrl) return {};
  const u = new URL(apiUrl);
  return { host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)), protocol: u.protocol === 'https:' ? 'https' : 'http' };
}

export class StripeGateway implements PaymentGateway {
  private readonly stripe: Stripe;

  constructor(
    secretKey: string,
    private readonly webhookSecret: string,
    apiUrl?: string,
  ) {
    // Bounded: two retries on network errors (the SDK's idempotency keys make them safe).
    this.stripe = new Stripe(secretKey, { ...apiTarget(apiUrl), maxNetworkRetries: 2, timeout: 20_000 });
  }

  async createCheckout(r: CheckoutRequest): Promise<{ id: string; url: string }> {
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: r.paymentId,
        metadata: { payment: r.paymentId, booking: r.bookingReference },
        line_items: [{ quantity: 1, price_data: { currency: r.currency.toLowerCase(), unit_amount: r.amountCents, product_data: { name: r.description } } }],
        success_url: r.successUrl,
        cancel_url: r.cancelUrl,
        expires_at: Math.floor(r.expiresAt.getTime() / 1000),
      },
      // The SDK's own retries of this call reuse the key: one Checkout Session per attempt.
      // The amount is part of it: Stripe refuses a key seen before with other parameters.
      { idempotencyKey: `checkout:${r.paymentId}:${r.amountCents}:${r.attempt}` },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a payment page`);
    return { id: session.id, url: session.url };
  }

  async expireCheckout(checkoutId: string): Promise<void> {
    await this.stripe.checkout.sessions.expire(checkoutId);
  }

  async receiptUrl(paymentIntentId: string): Promise<string | null> {
    const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
    const charge = intent.latest_charge;
    return charge && typeof charge === 'object' ? (charge.receipt_url ?? null) : null;
  }

  async refund(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }> {
    const refund = await this.stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents }, { idempotencyKey });
    return { id: refund.id };
  }

  verifyEvent(rawBody: Buffer, signature: string | undefined): GatewayEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature ?? '', this.webhookSecret);
    } catch (err) {
      throw new SignatureRefused((err as Error).message);
    }
    return { id: String(event.id), type: String(event.type), session: sessionOf((event as { data?: { object?: unknown } }).data?.object) };
  }
}

/**
 * The Checkout Session an event's object is, or null for anything else — a signed event may still
 * carry a shape we do not expect (`data.object: null`), and that is no reason to fail. Only what is
 * typed as Stripe types it is taken: the page's id, its payment status, amount and currency.
 */
export function sessionOf(object: unknown): GatewaySession | null {
  if (!object || typeof object !== 'object') return null;
  const o = object as Record<string, unknown>;
  if (o.object !== 'checkout.session' || typeof o.id !== 'string') return null;
  const intent = o.payment_intent;
  return {
    id: o.id,
    paymentStatus: typeof o.payment_status === 'string' ? o.payment_status : null,
    // Expanded or not, the intent's id.
    paymentIntentId:
      typeof intent === 'string'
        ? intent
        : intent && typeof intent === 'object' && typeof (intent as { id?: unknown }).id === 'string'
          ? (intent as { id: string }).id
          : null,
    amountTotal: Number.isSafeInteger(o.amount_total) ? (o.amount_total as number) : null,
    currency: typeof o.currency === 'string' ? o.currency.toUpperCase() : null,
  };
}
