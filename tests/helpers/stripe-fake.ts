// A local HTTP fake of the Stripe endpoints mixdesk calls (Checkout Sessions), reached by the
// official SDK through its host/port/protocol options; and webhook payloads signed exactly as
// Stripe signs them (the SDK's own test-header helper).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface FakeCheckout {
  id: string;
  url: string;
  form: URLSearchParams;
  idempotencyKey: string | undefined;
}

/** The webhook signing secret of the studios the tests configure (StripeFake.settings). */
export const WEBHOOK_SECRET = 'whsec_mixdesk_test';

export class StripeFake {
  readonly sessions: FakeCheckout[] = [];
  readonly expired: string[] = [];
  readonly refunds: { id: string; paymentIntent: string | null; amount: number; idempotencyKey: string | undefined }[] = [];
  /** Answer the next calls with this status (a Stripe outage). */
  failWith: number | null = null;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const reply = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.sessions.length}` });
          res.end(JSON.stringify(body));
        };
        if (this.failWith) return reply(this.failWith, { error: { type: 'api_error', message: 'Stripe is having a bad day' } });
        if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
          const key = req.headers['idempotency-key'] as string | undefined;
          const again = key ? this.sessions.find((s) => s.idempotencyKey === key) : undefined;
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const session = again ?? {
            id: `cs_test_${this.sessions.length + 1}`,
            url: `https://checkout.stripe.test/c/pay/cs_test_${this.sessions.length + 1}`,
            form,
            idempotencyKey: key,
          };
          if (!again) this.sessions.push(session);
          return reply(200, {
            id: session.id,
            object: 'checkout.session',
            url: session.url,
            mode: 'payment',
            status: 'open',
            payment_status: 'unpaid',
            client_reference_id: form.get('client_reference_id'),
            amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
            currency: form.get('line_items[0][price_data][currency]'),
          });
        }
        const expire = /^\/v1\/checkout\/sessions\/(cs_[\w]+)\/expire$/.exec(req.url ?? '');
        if (req.method === 'POST' && expire) {
          this.expired.push(expire[1]!);
          return reply(200, { id: expire[1], object: 'checkout.session', status: 'expired', payment_status: 'unpaid' });
        }
        const intent = /^\/v1\/payment_intents\/(pi_[\w]+)/.exec(req.url ?? '');
        if (req.method === 'GET' && intent) {
          return reply(200, {
            id: intent[1],
            object: 'payment_intent',
            status: 'succeeded',
            latest_charge: { id: `ch_${intent[1]}`, object: 'charge', receipt_url: `https://pay.stripe.test/receipts/${intent[1]}` },
          });
        }
        if (req.method === 'POST' && req.url === '/v1/refunds') {
          const key = req.headers['idempotency-key'] as string | undefined;
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const refund = (key && this.refunds.find((r) => r.idempotencyKey === key)) || {
            id: `re_test_${this.refunds.length + 1}`,
            paymentIntent: form.get('payment_intent'),
            amount: Number(form.get('amount')),
            idempotencyKey: key,
          };
          if (!this.refunds.includes(refund)) this.refunds.push(refund);
          return reply(200, { id: refund.id, object: 'refund', amount: refund.amount, payment_intent: refund.paymentIntent, status: 'succeeded' });
        }
        reply(404, { error: { type: 'invalid_request_error', message: `no such endpoint in the fake: ${req.method} ${req.url}` } });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  /** Forgets what earlier tests did (the fake is shared by a file's tests). */
  reset(): void {
    this.sessions.length = 0;
    this.refunds.length = 0;
    this.expired.length = 0;
    this.failWith = null;
  }

  /** The studio's settings for payments through this fake, webhooks signed with WEBHOOK_SECRET. */
  settings(): Record<string, string> {
    return {
      PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_mixdesk',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: this.url,
      PUBLIC_BASE_URL: 'https://studio.test',
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/**
 * A `checkout.session.completed` event for a fake session, as Stripe sends it: the amount and
 * currency the page was made for (or, to play an attacker or a mistake, others), its intent.
 */
export function completedEvent(
  eventId: string,
  session: Pick<FakeCheckout, 'id' | 'form'>,
  o: { paymentStatus?: string; amount?: number; currency?: string; paymentIntent?: string; type?: string } = {},
): string {
  return JSON.stringify({
    id: eventId,
    object: 'event',
    type: o.type ?? 'checkout.session.completed',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        client_reference_id: session.form.get('client_reference_id'),
        payment_status: o.paymentStatus ?? 'paid',
        payment_intent: o.paymentIntent ?? `pi_${session.id}`,
        amount_total: o.amount ?? Number(session.form.get('line_items[0][price_data][unit_amount]')),
        currency: o.currency ?? session.form.get('line_items[0][price_data][currency]'),
      },
    },
  });
}

/** The Stripe-Signature header Stripe would send with this payload. */
export const signed = (payload: string, secret: string): string => new Stripe('sk_test_signing').webhooks.generateTestHeaderString({ payload, secret });
