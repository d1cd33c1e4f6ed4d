// The private upload page (/u/TOKEN) and the resumable upload endpoint (/files/, the tus protocol
// through @tus/server). Every tus request carries the link's token; an upload started under one
// link cannot be continued under another. Finished uploads are taken by FinishedUploads
// (finished-uploads.ts) as files sent in chat are, then the staged copy is removed.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { EVENTS, Server as TusServer } from '@tus/server';
import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import { serviceName } from '../core/catalog.js';
import { languageFor } from '../core/clients.js';
import { isDiskFull, UserError } from '../core/errors.js';
import { DiskFull } from '../core/files/disk-space.js';
import { TooManyUploads } from '../core/files/staged-uploads.js';
import { LinkRefused } from '../core/files/upload-links.js';
import { intlLocale, switchLanguage, t } from '../core/texts.js';
import type { PageRouteOptions, WebEnv } from './hono-route.js';
import { refusedPage, uploadPage } from './page.js';
import { FinishedUploads, keepsStaged } from './finished-uploads.js';
import { localStaging, type Staging } from './staging.js';

/** The studio's parts the uploads use. */
type UploadPorts = 'name' | 'links' | 'staged' | 'uploads' | 'mixTime' | 'pipeline' | 'outbox' | 'bookings' | 'disk';

export interface UploadRouteOptions extends PageRouteOptions<UploadPorts> {
  /** Staging folder for unfinished resumable uploads (and, staged in S3, for taking finished ones). */
  stagingDir: string;
  /** Where unfinished uploads wait: `stagingDir` unless given (S3 and Redis: see staging.ts). */
  staging?: Staging;
  /** Largest upload (a zip of stems may be larger than one file). */
  maxUploadBytes: number;
  maxFileMb: number;
}

export interface UploadRoutes {
  app: Hono<WebEnv>;
  /** Takes the uploads a stopped process received whole but never took (run once after start). */
  recoverStaged(): Promise<number>;
  /** Removes unfinished uploads nobody resumed in time; returns how many. */
  cleanUpStaging(): Promise<number>;
  /** Closes the staging's connections (Redis). */
  close(): Promise<void>;
}

const tusClient = createRequire(import.meta.url).resolve('tus-js-client/dist/tus.min.js');

const refuse = (status: number, message: string) => ({ status_code: status, body: JSON.stringify({ error: message }) });

export function uploadRoutes(o: UploadRouteOptions): UploadRoutes {
  const { studio, log } = o;
  const staging = o.staging ?? localStaging(o.stagingDir, studio.staged.expiryMs);
  const datastore = staging.datastore;

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
    ...(staging.locker ? { locker: staging.locker } : {}),
    ...(staging.namingFunction ? { namingFunction: staging.namingFunction } : {}),
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
        const answer = await finished.take(upload, link, booking, true);
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
      const answer = await finished.take(upload, link, booking, false);
      return { status_code: answer.status, body: JSON.stringify(answer.status === 200 ? { message: answer.message } : { error: answer.message }) };
    },
  });

  const finished = new FinishedUploads({ studio, log, staging });
  const forget = (id: string) => finished.forget(id);

  // The staged copy goes once the answer is written: the creation-with-upload POST still reads the
  // upload after onUploadFinish, and removing it there turned a stored file into a 404.
  tus.on(EVENTS.POST_FINISH, (_req, res, upload) => {
    if (keepsStaged(res.status)) return;
    void forget(upload.id).catch((err: unknown) => log.warn({ err, upload: upload.id }, 'could not remove a finished upload from staging'));
  });

  const app = new Hono<WebEnv>();
  // tus speaks Web requests and responses: the body streams to the staging store as it arrives.
  const resumable = (c: Context<WebEnv>) => tus.handleWeb(c.req.raw);
  app.all('/files', resumable);
  app.all('/files/*', resumable);

  app.get('/assets/tus.min.js', (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(Readable.toWeb(createReadStream(tusClient)) as ReadableStream, 200, { 'content-type': 'text/javascript' });
  });

  app.get('/u/:token{[\\w.-]{1,120}}', async (c) => {
    const token = c.req.param('token');
    try {
      const { link, booking } = await studio.links.verify(token);
      switchLanguage(languageFor(booking.client));
      return c.html(
        uploadPage({
          studio: studio.name,
          reference: booking.reference,
          service: serviceName(booking.service),
          purpose: link.purpose,
          token,
          maxMb: o.maxFileMb,
          expires: DateTime.fromJSDate(link.expiresAt).setZone(booking.client.timeZone).setLocale(intlLocale()).toFormat('ccc d LLL, HH:mm ZZZZ'),
        }),
      );
    } catch (err) {
      if (err instanceof LinkRefused) return c.html(refusedPage(studio.name, err.message), 403);
      throw err;
    }
  });

  return {
    app,
    close: () => staging.close(),
    recoverStaged: () => finished.recover(),
    cleanUpStaging: async () => {
      const removed = await tus.cleanUpExpiredUploads();
      await studio.staged.expire();
      return removed;
    },
  };
}
