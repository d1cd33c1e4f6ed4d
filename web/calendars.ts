// A session's calendar file behind its signed link (/cal/TOKEN): the session as it now stands, so
// opening the link again after a move or a cancellation updates the artist's calendar. And the
// studio's feed (/feed/TOKEN), revocable, that the engineers' calendar apps subscribe to.
import { Hono } from 'hono';
import { t } from '../core/texts.js';
import { contentDisposition } from '../storage/object-store.js';
import type { PageRouteOptions, WebEnv } from './hono-route.js';
import { refusedPage } from './page.js';

export function calendarRoutes({ studio }: PageRouteOptions<'name' | 'calendars' | 'feeds'>): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/cal/:token{[\\w.-]{1,400}}', async (c) => {
    const bookingId = studio.calendars.verify(c.req.param('token'));
    const file = bookingId ? await studio.calendars.file(bookingId) : null;
    if (!file) return c.html(refusedPage(studio.name, t('web-calendar-invalid')), 404);
    return c.body(file.text, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'private, no-store',
    });
  });
  // The studio's feed, which calendar apps fetch again and again: the sessions as they stand.
  app.get('/feed/:token{[\\w.-]{1,400}}', async (c) => {
    const owner = await studio.feeds.verify(c.req.param('token'));
    if (!owner) return c.html(refusedPage(studio.name, t('web-calendar-invalid')), 404);
    return c.body(await studio.feeds.file(owner), 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' });
  });
  return app;
}
