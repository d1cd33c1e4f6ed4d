// What the pages served by Hono (the listening room, the studio dashboard) share: form posts only
// from the page's own origin, and the app as a handler of the Node server, failing in a sentence.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { Studio } from '../core/studio.js';
import { t } from '../core/texts.js';

/** What a page's routes are made from. */
export interface PageRouteOptions {
  studio: Studio;
  log: Logger;
  /** The studio's public address (PUBLIC_BASE_URL), when behind a proxy. */
  publicBaseUrl?: string | undefined;
}

/** A handler of the Node server's requests. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Refuses a form posted from another site: the origin must be the request's own, or the studio's public address (behind a proxy). */
export function sameOriginPosts(publicBaseUrl: string | undefined): MiddlewareHandler {
  const publicOrigin = publicBaseUrl ? new URL(publicBaseUrl).origin : null;
  return csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
}

/** The most a page's form post carries (a change request is at most 2,000 characters; the dashboard's forms less). */
export const FORM_LIMIT_BYTES = 64 * 1024;

/**
 * Refuses a form body over `FORM_LIMIT_BYTES` before it is read whole (by its declared length, or
 * while it streams in): a 413 with a sentence, written by `refuse`, and memory that does not follow
 * what someone chose to send.
 */
export function smallForms(refuse: (c: Context, message: string) => Response | Promise<Response>): MiddlewareHandler {
  return bodyLimit({ maxSize: FORM_LIMIT_BYTES, onError: (c) => refuse(c, t('web-body-too-large', { kb: FORM_LIMIT_BYTES / 1024 })) });
}

/** The app as the Node server's handler: Hono's own refusals keep their status; anything else is logged and answered 500. */
export function nodeHandler(app: Hono, log: Logger, what: string): NodeHandler {
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    log.error({ err, url: c.req.url }, `${what} failed`);
    return c.text(t('web-failed'), 500);
  });
  const listener = getRequestListener(app.fetch);
  return async (req, res) => void (await listener(req, res));
}
