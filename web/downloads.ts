// A delivered file behind a signed link (/d/TOKEN): redirected to S3's own signed address, or
// streamed from the local store. A forged, expired or emptied link gets a page that says so.
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { contentDisposition } from '../storage/object-store.js';
import { t } from '../core/texts.js';
import type { PageRouteOptions, WebEnv } from './hono-route.js';
import { refusedPage } from './page.js';

export function downloadRoutes({ studio, log }: PageRouteOptions<'name' | 'downloads' | 'store'>): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.on(['GET', 'HEAD'], '/d/:token{[\\w.-]{1,2000}}', async (c) => {
    const target = studio.downloads.verify(c.req.param('token'));
    if (!target) return c.html(refusedPage(studio.name, t('web-download-invalid')), 403);
    // A validly signed key that the store refuses (outside it, malformed) is as gone as a missing one.
    const info = await studio.store.head(target.key).catch((err: unknown) => {
      log.warn({ err, key: target.key }, 'signed download key refused by the store');
      return null;
    });
    if (!info) return c.html(refusedPage(studio.name, t('web-download-gone')), 404);
    if (studio.store.presignGet) return c.redirect(await studio.store.presignGet(target.key, 900, target.fileName), 302);
    const headers = {
      'content-type': info.contentType ?? 'application/octet-stream',
      'content-length': String(info.size),
      'content-disposition': contentDisposition(target.fileName),
      'cache-control': 'private, no-store',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(Readable.toWeb(await studio.store.get(target.key)) as ReadableStream, 200, headers);
  });
  return app;
}
