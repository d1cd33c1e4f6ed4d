// The web app, every route in one Hono app: resumable uploads and their page, signed downloads,
// the listening room, the studio dashboard, pay links and Stripe's webhook, Telegram's webhook,
// health. What all of them share is a middleware here: the visitor's language, private caching
// headers, one error handler that answers in a sentence. web/server.ts only starts and stops it.
import { Hono, type Context } from 'hono';
import type { Studio } from '../core/studio.js';
import { deskPort, type DeskPort } from '../core/engineer/perform.js';
import { HTTPException } from 'hono/http-exception';
import { inLanguage, languageOf, studioLanguage, t, type Language } from '../core/texts.js';
import { dashboardRoutes } from './dashboard.js';
import { downloadRoutes } from './downloads.js';
import { healthRoutes, type BotHealth } from './health.js';
import { metricsRoutes, studioMetrics, type StudioMetrics } from './metrics.js';
import { limitedBodies, tooLarge, WEBHOOK_LIMIT_BYTES, type PageRouteOptions, type WebEnv } from './hono-route.js';
import { listeningRoutes } from './listening.js';
import { paymentRoutes } from './payments.js';
import { calendarRoutes } from './calendars.js';
import { uploadRoutes, type UploadRouteOptions, type UploadRoutes } from './uploads.js';

export interface WebAppOptions extends Omit<UploadRouteOptions, 'studio'> {
  studio: Studio;
  /** The engineer's commands for the dashboard (by default run on `studio`). */
  desk?: DeskPort;
  /** /metrics is served with this bearer token; without one there is no /metrics. */
  metricsToken?: string | undefined;
  /** The chat bots' connections, for /readyz. */
  bots?: BotHealth;
  /** Telegram's webhook (POST /telegram/webhook), when the bot runs in webhook mode; grammY answers 401 unless the secret-token header matches. */
  telegramWebhook?: ((req: Request) => Promise<Response>) | undefined;
}

export type WebApp = Omit<UploadRoutes, 'app'> & { app: Hono<WebEnv>; metrics: StudioMetrics | null };

/** The first language of the browser's Accept-Language the studio speaks. */
export const browserLanguage = (header: string | undefined): Language =>
  (header ?? '')
    .split(',')
    .map((part) => languageOf(part.split(';')[0]))
    .find((l) => l !== undefined) ?? studioLanguage();

/** Nothing the server answers is for caches, search engines or the next site's Referer, unless a route says otherwise. */
const PRIVATE_HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' } as const;

export function webApp(o: WebAppOptions): WebApp {
  const { log } = o;
  const app = new Hono<WebEnv>();

  // Refusals in the browser's language; pages for a booking switch to its artist's.
  app.use('*', (c, next) => inLanguage(browserLanguage(c.req.header('accept-language')), () => next()));
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(PRIVATE_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });

  const uploads = uploadRoutes(o);
  app.route('/', uploads.app);
  app.route('/', downloadRoutes(o));
  app.route('/', calendarRoutes(o));
  app.route('/', listeningRoutes(o));
  app.route('/', dashboardRoutes({ ...o, desk: o.desk ?? deskPort(o.studio) }));
  // Measured only when someone may read it (METRICS_TOKEN): no collectors otherwise.
  const metrics = o.metricsToken ? studioMetrics(o) : null;
  app.route('/', paymentRoutes({ ...o, ...(metrics ? { counters: metrics } : {}) }));
  app.route('/', healthRoutes(o, o.bots));
  if (metrics && o.metricsToken) app.route('/', metricsRoutes(metrics, o.metricsToken));
  const telegram = o.telegramWebhook;
  if (telegram) app.post('/telegram/webhook', limitedBodies(WEBHOOK_LIMIT_BYTES, tooLarge), (c) => telegram(c.req.raw));

  app.notFound((c: Context) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? c.text('not found', 404) : c.text('method not allowed', 405)));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    log.error({ err, url: c.req.url }, 'web request failed');
    return c.text(t('web-failed'), 500);
  });
  return { ...uploads, app, metrics };
}

export type { PageRouteOptions };
