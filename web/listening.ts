// The listening room on the web: a booking's page behind the private link each delivery message
// carries. Hono routes it (and checks the Origin of every form post: the link is the only
// credential, so no other site may post with it); html`` escapes everything interpolated. The
// player is plain Web platform code: two <audio> elements, the louder turned down by its measured
// loudness, switched at the same position. Audio is streamed with byte ranges, so seeking works.
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { sameOriginPosts, smallForms, type PageRouteOptions, type WebEnv } from './hono-route.js';
import { LinkRefused } from '../core/files/upload-links.js';
import { UserError } from '../core/errors.js';
import { PaymentNeeded } from '../core/versions/revisions.js';
import { switchLanguage, t } from '../core/texts.js';
import { languageFor } from '../core/clients.js';
import { contentTypeOf } from '../engine/formats.js';
import { parseMoment } from '../core/listening/moments.js';
import { refusedPage } from './page.js';
import type { ObjectStore } from '../storage/object-store.js';
import { roomPage } from './listening-page.js';
import type { BookingWithClient } from '../core/booking/bookings.js';

/** "bytes=START-END" (one range; END or START may be left out), clipped to the file, or null when it cannot be met. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // The last N bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

/**
 * A stored audio file to a player, in the byte range it asks for (so seeking works); null when the
 * store no longer has it.
 */
export async function streamStored(c: Context<WebEnv>, store: ObjectStore, file: { storageKey: string; format: string }): Promise<Response | null> {
  const info = await store.head(file.storageKey).catch(() => null);
  if (!info) return null;
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(file.format),
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
  };
  const header = c.req.header('range');
  const range = header ? parseRange(header, info.size) : null;
  if (header && !range) return c.body(null, 416, { ...headers, 'content-range': `bytes */${info.size}` });
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${info.size}`;
  if (c.req.method === 'HEAD' || info.size === 0) return c.body(null, range ? 206 : 200, headers);
  const body = await store.get(file.storageKey, { start, end });
  return c.body(Readable.toWeb(body) as ReadableStream, range ? 206 : 200, headers);
}

export function listeningRoutes(o: PageRouteOptions<'name' | 'listening' | 'room' | 'store' | 'downloads' | 'comments'>): Hono<WebEnv> {
  const { studio, log } = o;
  const app = new Hono<WebEnv>();
  // A form posted from another site is refused before anything runs.
  app.use('/listen/*', sameOriginPosts(o.publicBaseUrl));
  app.use(
    '/listen/*',
    smallForms((c, message) => c.json({ error: message }, 413)),
  );

  const refused = (c: Context<WebEnv>, status: 403 | 404, message: string) => c.html(refusedPage(studio.name, message), status);

  /** The booking behind the link, in its artist's language; a refusal page when the link does not open it. */
  async function opened(c: Context<WebEnv>): Promise<BookingWithClient | Response> {
    try {
      const { booking } = await studio.listening.verify(c.req.param('token') ?? '');
      switchLanguage(languageFor(booking.client));
      return booking;
    } catch (err) {
      if (err instanceof LinkRefused) return refused(c, 403, err.message);
      throw err;
    }
  }

  app.get('/listen/:token', async (c) => {
    const booking = await opened(c);
    if (booking instanceof Response) return booking;
    const view = await studio.room.view(booking);
    c.header('cache-control', 'private, no-store');
    c.header('x-robots-tag', 'noindex');
    c.header('referrer-policy', 'no-referrer');
    return c.html(roomPage({ studio: studio.name, token: c.req.param('token'), view, downloadUrl: (key, name) => studio.downloads.url(key, name) }));
  });

  app.on(['GET', 'HEAD'], '/listen/:token/file/:fileId', async (c) => {
    const booking = await opened(c);
    if (booking instanceof Response) return booking;
    const file = await studio.room.file(booking.id, c.req.param('fileId'));
    return (file && (await streamStored(c, studio.store, file))) ?? refused(c, 404, t('web-download-gone'));
  });

  /** What a post answers: what the core said, or why not (in a sentence, never a stack trace). */
  async function acting(
    c: Context<WebEnv>,
    act: (booking: BookingWithClient, form: Record<string, string | File>) => Promise<Record<string, unknown>>,
  ): Promise<Response> {
    const booking = await opened(c);
    if (booking instanceof Response) return c.json({ error: t('listen-link-invalid') }, 403);
    const form = await c.req.parseBody();
    try {
      return c.json({ ok: true, ...(await act(booking, form)) });
    } catch (err) {
      if (err instanceof PaymentNeeded) return c.json({ error: err.message, price: err.price, needsConsent: true }, 402);
      if (err instanceof UserError) return c.json({ error: err.message }, 409);
      log.error({ err, booking: booking.reference }, 'listening page action failed');
      return c.json({ error: t('web-failed') }, 500);
    }
  }

  app.post('/listen/:token/approve', (c) =>
    acting(c, async (booking, form) => {
      const version = Number(form.version);
      if (!Number.isInteger(version) || version < 1) throw new UserError(t('room-no-such-version', { version: String(form.version), ref: booking.reference }));
      await studio.room.approve(booking, version);
      return { said: t('room-approved-page', { version }) };
    }),
  );

  app.post('/listen/:token/changes', (c) =>
    acting(c, async (booking, form) => {
      const text = typeof form.text === 'string' ? form.text : '';
      return studio.room.askChanges(booking, text, form.acceptPaid === 'yes');
    }),
  );

  /** A moment as the page sends it: seconds ("83.4") or as typed ("1:23"); null when left empty. */
  const moment = (value: unknown): number | null => {
    const typed = typeof value === 'string' ? value.trim() : '';
    if (!typed) return null;
    const ms = /^\d{1,6}(\.\d{1,3})?$/.test(typed) ? Number(typed) * 1000 : parseMoment(typed);
    if (ms === null) throw new UserError(t('web-room-comment-bad-time'));
    return ms;
  };
  const commentOf = (form: Record<string, string | File>) => ({
    version: Number(form.version),
    startMs: moment(form.start) ?? NaN,
    endMs: moment(form.end),
    text: typeof form.text === 'string' ? form.text : '',
  });
  const commentNumber = (c: Context<WebEnv>) => Number(/^\d{1,6}$/.test(c.req.param('number') ?? '') ? c.req.param('number') : NaN);

  // Comments at moments: each answer carries the booking's comments as they now stand.
  app.post('/listen/:token/comments', (c) =>
    acting(c, async (booking, form) => {
      await studio.comments.add(booking, commentOf(form));
      return { comments: await studio.comments.forArtist(booking.id) };
    }),
  );

  app.post('/listen/:token/comments/send', (c) =>
    acting(c, async (booking) => {
      const count = await studio.comments.send(booking);
      return { said: t('web-room-comments-sent', { count }), comments: await studio.comments.forArtist(booking.id) };
    }),
  );

  app.post('/listen/:token/comments/:number', (c) =>
    acting(c, async (booking, form) => {
      if (form.do === 'delete') await studio.comments.remove(booking, commentNumber(c));
      else await studio.comments.edit(booking, commentNumber(c), commentOf(form));
      return { comments: await studio.comments.forArtist(booking.id) };
    }),
  );

  app.all('/listen/*', (c) => refused(c, 404, t('listen-link-invalid')));
  return app;
}
