// The small HTTP server: the private upload page (/u/TOKEN), the resumable upload endpoint
// (/files/, the tus protocol through @tus/server) and health. Every tus request carries the
// link's token; an upload started under one link cannot be continued under another. Finished
// uploads go through the same upload service as files sent in chat, then the staged copy is
// removed.
import { serviceName } from '../core/catalog.js';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server as TusServer } from '@tus/server';
import type { Logger } from 'pino';
import { isDiskFull, UserError, userMessage } from '../core/errors.js';
import { LinkRefused } from '../core/files/upload-links.js';
import { TooManyUploads } from '../core/files/staged-uploads.js';
import { DiskFull } from '../core/files/disk-space.js';
import type { Studio } from '../core/studio.js';
import type { ArtistChat } from '../core/messaging/outbox.js';
import { contentDisposition } from '../storage/object-store.js';
import { describeAny } from '../core/conversation/uploads.js';
import { messagePage, refusedPage, uploadPage } from './page.js';
import { newSourceOf, type UploadRole } from '../core/files/uploads.js';
import { inLanguage, intlLocale, languageOf, studioLanguage, switchLanguage, t, type Language } from '../core/texts.js';
import { languageFor } from '../core/clients.js';
import { SignatureRefused } from '../core/payments/stripe-gateway.js';
import { listeningRoute } from './listening.js';
import { dashboardRoute } from './dashboard.js';

export interface WebOptions {
  studio: Studio;
  log: Logger;
  host: string;
  port: number;
  /** Where artists reach this server; defaults to http://host:port. */
  publicBaseUrl?: string;
  /** Staging folder for unfinished resumable uploads. */
  stagingDir: string;
  /** Largest upload (a zip of stems may be larger than one file). */
  maxUploadBytes: number;
  maxFileMb: number;
  /** Telegram's webhook (POST /telegram/webhook), when the bot runs in webhook mode. */
  telegramWebhook?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface WebServer {
  url: string;
  /** Takes the uploads a stopped process received whole but never took (run once after start). */
  recoverStaged(): Promise<number>;
  /** Removes unfinished uploads nobody resumed in time; returns how many. */
  cleanUpStaging(): Promise<number>;
  close(): Promise<void>;
}

const tusClient = createRequire(import.meta.url).resolve('tus-js-client/dist/tus.min.js');

/** Stripe's events and Telegram's updates are a few kilobytes; Stripe's largest are well under this. */
const WEBHOOK_LIMIT_BYTES = 1 << 20;

/** A body declared larger than `limit` is refused before a byte of it is read. */
const declaredOver = (req: IncomingMessage, limit: number) => Number(req.headers['content-length'] ?? 0) > limit;

const refuse = (status: number, message: string) => ({ status_code: status, body: JSON.stringify({ error: message }) });

export async function startWebServer(o: WebOptions): Promise<WebServer> {
  const { studio, log } = o;
  await mkdir(o.stagingDir, { recursive: true });
  const datastore = new FileStore({ directory: o.stagingDir, expirationPeriodInMilliseconds: studio.staged.expiryMs });

  const linkOf = async (token: string | null) => {
    try {
      return await studio.links.verify(token ?? '');
    } catch (err) {
      if (err instanceof LinkRefused) throw refuse(403, err.message);
      throw err;
    }
  };

  const tus = new TusServer({
    path: '/files',
    datastore,
    maxSize: o.maxUploadBytes,
    relativeLocation: true,
    async onUploadCreate(req, upload) {
      const { link, booking } = await linkOf(req.headers.get('x-upload-token'));
      const name = upload.metadata?.filename;
      if (!name) throw refuse(400, t('web-no-file-name'));
      // The booking's allowance covers what it stores and what is on its way, so a link cannot
      // stage more than that however many uploads it starts.
      if (upload.size === undefined) throw refuse(400, t('upload-size-unknown'));
      try {
        await studio.staged.reserve({ id: upload.id, linkId: link.id, booking, fileName: name, sizeBytes: upload.size });
      } catch (err) {
        if (err instanceof TooManyUploads) throw refuse(429, err.message);
        if (err instanceof DiskFull) throw refuse(507, err.message);
        if (err instanceof UserError) throw refuse(413, err.message);
        throw err;
      }
      return { metadata: { ...upload.metadata, link: link.id } };
    },
    async onIncomingRequest(req, uploadId) {
      const { link } = await linkOf(req.headers.get('x-upload-token'));
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      // Someone else's upload id, or one that no longer exists: the same answer either way.
      if (!upload || upload.metadata?.link !== link.id) throw refuse(404, t('web-no-such-upload'));
      // A resume finding every byte there, but the file never taken (the service stopped while
      // taking it): taken before the page hears "done". Its staged copy stays a while, since the
      // answer to this HEAD still reads it.
      if (req.method === 'HEAD' && upload.size !== undefined && upload.offset === upload.size && (await studio.staged.isUnaccepted(upload.id))) {
        const { booking } = await linkOf(req.headers.get('x-upload-token'));
        switchLanguage(languageFor(booking.client));
        const answer = await takeFinished(upload, link, booking, true);
        if (!keepsStaged(answer.status)) {
          await studio.staged.release(upload.id);
          setTimeout(() => void datastore.remove(upload.id).catch(() => undefined), 10 * 60_000).unref();
        }
      }
    },
    // The disk filled while bytes arrived: the partial upload goes (it would keep the disk full), and the page hears why.
    async onResponseError(req, err) {
      if (!isDiskFull(err)) return undefined;
      const id = /\/files\/([^/?]+)/.exec(new URL(req.url).pathname)?.[1];
      const upload = id ? await datastore.getUpload(id).catch(() => null) : null;
      if (id) await forget(id).catch(() => undefined);
      await studio.disk.shortage().catch(() => null); // the engineer hears of it
      return refuse(507, t('upload-disk-full', { file: upload?.metadata?.filename ?? '' }));
    },
    async onUploadFinish(req, upload) {
      const { link, booking } = await linkOf(req.headers.get('x-upload-token'));
      switchLanguage(languageFor(booking.client));
      const answer = await takeFinished(upload, link, booking, false);
      return { status_code: answer.status, body: JSON.stringify(answer.status === 200 ? { message: answer.message } : { error: answer.message }) };
    },
  });

  type Staged = { id: string; metadata?: Record<string, string | null> | undefined };
  const fileNameOf = (upload: Staged) => upload.metadata?.filename ?? 'upload';
  /** A take that failed on our side (busy, or a fault): the staged copy stays, and a resume or a restart takes it. */
  const keepsStaged = (status: number) => status >= 500;

  /** A refused upload, said in the artist's chat (no page may be waiting to show it). */
  const tellRefused = (upload: Staged, booking: ArtistChat, problem: string) =>
    studio.outbox.toArtist(`web-upload:${upload.id}`, booking, () => ({
      text: t('web-upload-refused-chat', { file: fileNameOf(upload), problem }),
      visibility: 'private',
    }));

  /**
   * A finished upload taken like a file sent in chat — validated, stored, what it starts started —
   * and said in the artist's chat too (the page may be closed, or the service restarted before it
   * answered). A refusal is said there when no page waits for it (`tellRefusal`).
   */
  async function takeFinished(
    upload: Staged,
    link: { purpose: string },
    booking: Awaited<ReturnType<Studio['links']['opened']>>['booking'],
    tellRefusal: boolean,
  ): Promise<{ status: number; message: string }> {
    const staged = path.join(o.stagingDir, upload.id);
    let answer: { status: number; message: string };
    try {
      const outcome = await studio.uploads.acceptAny({
        client: booking.client,
        bookingRef: booking.reference,
        fileName: fileNameOf(upload),
        path: staged,
        sourceKey: `tus:${upload.id}`,
        role: link.purpose as UploadRole,
      });
      // A file for a delivered booking: the question whether to use it is asked in the chat (/revise).
      const source = newSourceOf(outcome) ? [t('new-source-web', { ref: booking.reference })] : [];
      // Stems for a mix: the estimate; a question about more hours is asked in the chat (/quote).
      const estimate = await studio.mixTime.afterFiles(outcome);
      const hours = estimate.ask ? [t('estimate-ask-in-chat', { ref: booking.reference })] : estimate.reply ? [estimate.reply.text] : [];
      const message = [...describeAny(outcome, booking.client.timeZone), ...(await studio.pipeline.afterUpload(outcome))]
        .map((r) => r.text)
        .concat(source, hours)
        .join('\n');
      answer = { status: 200, message };
    } catch (err) {
      const message = userMessage(err);
      if (message === undefined) {
        log.error({ err, upload: upload.id }, 'finishing a resumable upload failed');
        return { status: 500, message: t('web-not-stored') };
      }
      answer = { status: err instanceof UserError ? 422 : 503, message };
      if (keepsStaged(answer.status) || !tellRefusal) return answer;
      await tellRefused(upload, booking, message);
      return answer;
    }
    await studio.outbox.toArtist(`web-upload:${upload.id}`, booking, () => ({ text: answer.message, visibility: 'private' }));
    return answer;
  }

  /** Removes a taken (or refused) upload's staged bytes and its reservation. */
  const forget = (id: string) =>
    datastore
      .remove(id)
      .catch(() => undefined)
      .then(() => studio.staged.release(id));

  /**
   * An upload whose last byte arrived but which was never taken (the process stopped while taking
   * it): taken now under the link it came through, or — the link withdrawn or the booking closed
   * meanwhile — refused in the artist's chat. Its staged copy goes either way.
   */
  async function finishStaged(upload: Staged, linkId: string, bookingId: string): Promise<void> {
    let opened: Awaited<ReturnType<Studio['links']['opened']>>;
    try {
      opened = await studio.links.opened(linkId);
    } catch (err) {
      if (!(err instanceof LinkRefused)) throw err;
      const booking = await studio.bookings.withClient(bookingId);
      await inLanguage(languageFor(booking.client), () => tellRefused(upload, booking, err.message));
      return forget(upload.id);
    }
    const { link, booking } = opened;
    const answer = await inLanguage(languageFor(booking.client), () => takeFinished(upload, link, booking, true));
    if (!keepsStaged(answer.status)) await forget(upload.id);
  }

  /** At start: every finished upload the last process did not take is taken (or refused) now. Returns how many. */
  async function recoverStaged(): Promise<number> {
    let taken = 0;
    for (const row of await studio.staged.unaccepted()) {
      const upload = await datastore.getUpload(row.id).catch(() => null);
      if (!upload) {
        await studio.staged.release(row.id); // gone: expired, or removed by hand
        continue;
      }
      if (upload.size === undefined || upload.offset !== upload.size) continue; // unfinished: the artist resumes it
      await finishStaged(upload, row.linkId, row.bookingId);
      taken++;
    }
    if (taken) log.info({ uploads: taken }, 'uploads finished before a restart were taken');
    return taken;
  }

  // The staged copy goes once the answer is written: the creation-with-upload POST still reads the
  // upload after onUploadFinish, and removing it there turned a stored file into a 404.
  tus.on(EVENTS.POST_FINISH, (_req, res, upload) => {
    if (keepsStaged(res.status)) return;
    void forget(upload.id).catch((err: unknown) => log.warn({ err, upload: upload.id }, 'could not remove a finished upload from staging'));
  });

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
    res.end(body);
  };

  /** Refused by its size: a sentence, and the connection closed (what is still on its way is not read). */
  const tooLarge = (res: ServerResponse, limit: number) => {
    res.setHeader('connection', 'close');
    send(res, 413, 'text/plain; charset=utf-8', t('web-body-too-large', { kb: Math.round(limit / 1024) }));
  };

  /** A delivered file behind a signed link: redirected to S3, or streamed from local disk. */
  const serveDownload = async (token: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = studio.downloads.verify(token);
    if (!target) return send(res, 403, 'text/html; charset=utf-8', refusedPage(studio.name, t('web-download-invalid')));
    // A validly signed key that the store refuses (outside it, malformed) is as gone as a missing one.
    const info = await studio.store.head(target.key).catch((err: unknown) => {
      log.warn({ err, key: target.key }, 'signed download key refused by the store');
      return null;
    });
    if (!info) return send(res, 404, 'text/html; charset=utf-8', refusedPage(studio.name, t('web-download-gone')));
    if (studio.store.presignGet) {
      res.writeHead(302, {
        location: await studio.store.presignGet(target.key, 900, target.fileName),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      return void res.end();
    }
    res.writeHead(200, {
      'content-type': info.contentType ?? 'application/octet-stream',
      'content-length': String(info.size),
      'content-disposition': contentDisposition(target.fileName),
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    });
    if (req.method === 'HEAD') return void res.end();
    const body = await studio.store.get(target.key);
    await pipeline(body, res);
  };

  /** The first language of the browser's Accept-Language the studio speaks. */
  const browserLanguage = (header: string | undefined): Language =>
    (header ?? '')
      .split(',')
      .map((part) => languageOf(part.split(';')[0]))
      .find((l) => l !== undefined) ?? studioLanguage();

  /**
   * Stripe's webhook: the raw body (as signed; at most 1 MB) verified with the endpoint's secret —
   * unsigned or forged calls get 400 and change nothing — and each event handled once.
   */
  const stripeWebhook = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (declaredOver(req, WEBHOOK_LIMIT_BYTES)) return tooLarge(res, WEBHOOK_LIMIT_BYTES);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > WEBHOOK_LIMIT_BYTES) return tooLarge(res, WEBHOOK_LIMIT_BYTES);
      chunks.push(chunk);
    }
    const signature = req.headers['stripe-signature'];
    try {
      const outcome = await studio.payments.handleWebhook(Buffer.concat(chunks), Array.isArray(signature) ? signature[0] : signature);
      return send(res, 200, 'application/json', JSON.stringify({ received: true, outcome }));
    } catch (err) {
      if (err instanceof SignatureRefused) {
        log.warn({ problem: err.message }, 'a Stripe webhook call was refused: its signature does not match');
        return send(res, 400, 'application/json', JSON.stringify({ error: 'signature refused' }));
      }
      throw err;
    }
  };

  /**
   * A pay link from the chat: on to the payment's Stripe page (made when none is open), or a page
   * saying it is paid already or no longer asked. A forged link gets the same refusal as a closed one.
   */
  const payPage = async (token: string, res: ServerResponse): Promise<void> => {
    const paymentId = studio.payments.verifyPayLink(token);
    const html = 'text/html; charset=utf-8';
    if (!paymentId) return send(res, 404, html, refusedPage(studio.name, t('web-pay-closed')));
    try {
      const page = await studio.payments.pageFor(paymentId);
      if (page.kind === 'paid') return send(res, 200, html, messagePage(studio.name, t('web-pay-paid')));
      if (page.kind === 'closed') return send(res, 410, html, refusedPage(studio.name, t('web-pay-closed')));
      res.writeHead(303, { location: page.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      return void res.end();
    } catch (err) {
      // Stripe not answering: the link stays good; the artist tries again.
      log.warn({ err, payment: paymentId }, 'a payment page could not be opened');
      return send(res, 503, html, refusedPage(studio.name, t('web-pay-unavailable')));
    }
  };

  const listening = listeningRoute({ studio, log, publicBaseUrl: o.publicBaseUrl });
  const dashboard = dashboardRoute({ studio, log, publicBaseUrl: o.publicBaseUrl });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/files' || url.pathname.startsWith('/files/')) return tus.handle(req, res);
    // grammY's handler answers 401 unless Telegram's secret-token header matches.
    if (url.pathname === '/telegram/webhook' && o.telegramWebhook && req.method === 'POST') {
      // An update is a few kilobytes; grammY reads whatever arrives once the secret matches.
      if (declaredOver(req, WEBHOOK_LIMIT_BYTES)) return tooLarge(res, WEBHOOK_LIMIT_BYTES);
      return o.telegramWebhook(req, res);
    }
    if (url.pathname === '/stripe/webhook' && req.method === 'POST' && studio.payments.enabled) return stripeWebhook(req, res);
    if (url.pathname.startsWith('/listen/')) return listening(req, res);
    if (url.pathname === '/studio' || url.pathname.startsWith('/studio/')) return dashboard(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/healthz') {
      await studio.healthCheck();
      // A disk nearly full answers chats with errors: not ready, and why.
      const short = await studio.disk.shortage();
      if (short) return send(res, 503, 'application/json', JSON.stringify({ ok: false, storage: studio.store.kind, problems: [short] }));
      return send(res, 200, 'application/json', JSON.stringify({ ok: true, storage: studio.store.kind }));
    }
    if (url.pathname === '/assets/tus.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=86400' });
      createReadStream(tusClient).pipe(res);
      return;
    }
    // Where Stripe's Checkout sends the artist back: the chat says the rest once the webhook arrives.
    if (url.pathname === '/paid')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        messagePage(studio.name, t(url.searchParams.has('cancelled') ? 'web-payment-cancelled' : 'web-payment-done')),
      );
    const pay = /^\/pay\/([\w.-]{1,200})$/.exec(url.pathname);
    if (pay && studio.payments.enabled) return payPage(pay[1]!, res);
    const download = /^\/d\/([\w.-]{1,2000})$/.exec(url.pathname);
    if (download) return serveDownload(download[1]!, req, res);
    const page = /^\/u\/([\w.-]{1,120})$/.exec(url.pathname);
    if (page) {
      try {
        const { link, booking } = await studio.links.verify(page[1]!);
        switchLanguage(languageFor(booking.client));
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          uploadPage({
            studio: studio.name,
            reference: booking.reference,
            service: serviceName(booking.service),
            purpose: link.purpose,
            token: page[1]!,
            maxMb: o.maxFileMb,
            expires: DateTime.fromJSDate(link.expiresAt).setZone(booking.client.timeZone).setLocale(intlLocale()).toFormat('ccc d LLL, HH:mm ZZZZ'),
          }),
        );
      } catch (err) {
        if (err instanceof LinkRefused) return send(res, 403, 'text/html; charset=utf-8', refusedPage(studio.name, err.message));
        throw err;
      }
    }
    send(res, 404, 'text/plain', 'not found');
  };

  const server: HttpServer = createServer((req, res) => {
    // Refusals in the browser's language; pages for a booking switch to its artist's.
    inLanguage(browserLanguage(req.headers['accept-language']), () => handle(req, res)).catch((err: unknown) => {
      log.error({ err, url: req.url }, 'web request failed');
      if (!res.headersSent) send(res, 500, 'text/plain', t('web-failed'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = o.publicBaseUrl ?? `http://${o.host}:${port}`;
  studio.links.servedAt(url);
  log.info({ url }, 'web server listening');
  return {
    url,
    recoverStaged,
    cleanUpStaging: async () => {
      const removed = await tus.cleanUpExpiredUploads();
      await studio.staged.expire();
      return removed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        studio.links.available = false;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
