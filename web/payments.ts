// Money on the web: Stripe's webhook, the pay links the chat sends, and the page Stripe's Checkout
// sends the artist back to (the chat says the rest once the webhook arrives).
import { Hono } from 'hono';
import { SignatureRefused } from '../core/payments/stripe-gateway.js';
import { t } from '../core/texts.js';
import { limitedBodies, tooLarge, WEBHOOK_LIMIT_BYTES, type PageRouteOptions, type WebEnv } from './hono-route.js';
import { messagePage, refusedPage } from './page.js';
import type { WebCounters } from './metrics.js';

export function paymentRoutes({ studio, log, counters }: PageRouteOptions<'name' | 'payments'> & { counters?: WebCounters }): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const enabled = () => studio.payments.enabled;

  /**
   * The raw body (as signed; at most 1 MB) verified with the endpoint's secret — unsigned or forged
   * calls get 400 and change nothing — and each event handled once.
   */
  app.post(
    '/stripe/webhook',
    async (c, next) => (enabled() ? next() : c.notFound()),
    limitedBodies(WEBHOOK_LIMIT_BYTES, tooLarge),
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      try {
        const outcome = await studio.payments.handleWebhook(body, c.req.header('stripe-signature'));
        counters?.webhook('stripe', outcome);
        return c.json({ received: true, outcome });
      } catch (err) {
        if (err instanceof SignatureRefused) {
          log.warn({ problem: err.message }, 'a Stripe webhook call was refused: its signature does not match');
          counters?.webhook('stripe', 'signature-refused');
          return c.json({ error: 'signature refused' }, 400);
        }
        throw err;
      }
    },
  );

  /**
   * A pay link from the chat: on to the payment's Stripe page (made when none is open), or a page
   * saying it is paid already or no longer asked. A forged link gets the same refusal as a closed one.
   */
  app.get('/pay/:token{[\\w.-]{1,200}}', async (c) => {
    if (!enabled()) return c.notFound();
    const paymentId = studio.payments.verifyPayLink(c.req.param('token'));
    if (!paymentId) return c.html(refusedPage(studio.name, t('web-pay-closed')), 404);
    try {
      const page = await studio.payments.pageFor(paymentId);
      if (page.kind === 'paid') return c.html(messagePage(studio.name, t('web-pay-paid')));
      if (page.kind === 'closed') return c.html(refusedPage(studio.name, t('web-pay-closed')), 410);
      return c.redirect(page.url, 303);
    } catch (err) {
      // Stripe not answering: the link stays good; the artist tries again.
      log.warn({ err, payment: paymentId }, 'a payment page could not be opened');
      return c.html(refusedPage(studio.name, t('web-pay-unavailable')), 503);
    }
  });

  app.get('/paid', (c) => c.html(messagePage(studio.name, t(c.req.query('cancelled') !== undefined ? 'web-payment-cancelled' : 'web-payment-done'))));
  return app;
}
