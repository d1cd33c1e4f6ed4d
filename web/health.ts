// Health for whoever runs the studio: alive when the database answers; not ready, and why, while
// the disk is nearly full (a full disk answers chats with errors).
import { Hono } from 'hono';
import type { PageRouteOptions, WebEnv } from './hono-route.js';

export function healthRoutes({ studio }: PageRouteOptions<'healthCheck' | 'disk' | 'store'>): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/healthz', async (c) => {
    await studio.healthCheck();
    const short = await studio.disk.shortage();
    if (short) return c.json({ ok: false, storage: studio.store.kind, problems: [short] }, 503);
    return c.json({ ok: true, storage: studio.store.kind });
  });
  return app;
}
