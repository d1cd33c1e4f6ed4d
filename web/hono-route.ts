// What every part of the one web app (web/app.ts) shares: the Node bindings it runs on, what a
// route module is made from, form posts only from the page's own origin, and bounded bodies.
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { Studio } from '../core/studio.js';
import { t } from '../core/texts.js';

/** The app runs on Node's HTTP server (@hono/node-server), whose request and response are in `c.env` should a route need them. */
export type WebEnv = { Bindings: HttpBindings };

/** What a route module is made from: the few parts of the studio it uses (`K`), the log and the public address. */
export interface PageRouteOptions<K extends keyof Studio = keyof Studio> {
  studio: Pick<Studio, K>;
  log: Logger;
  /** The studio's public address (PUBLIC_BASE_URL), when behind a proxy. */
  publicBaseUrl?: string | undefined;
}

/** Refuses a form posted from another site: the origin must be the request's own, or the studio's public address (behind a proxy). */
export function sameOriginPosts(publicBaseUrl: string | undefined): MiddlewareHandler {
  const publicOrigin = publicBaseUrl ? new URL(publicBaseUrl).origin : null;
  return csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
}

/** The most a page's form post carries (a change request is at most 2,000 characters; the dashboard's forms less). */
export const FORM_LIMIT_BYTES = 64 * 1024;

/** Stripe's events and Telegram's updates are a few kilobytes; Stripe's largest are well under this. */
export const WEBHOOK_LIMIT_BYTES = 1 << 20;

/**
 * Refuses a body over `maxSize` before it is read whole (by its declared length, or while it
 * streams in): a 413 with a sentence, written by `refuse`, and memory that does not follow what
 * someone chose to send.
 */
export function limitedBodies(maxSize: number, refuse: (c: Context, message: string) => Response | Promise<Response>): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => refuse(c, t('web-body-too-large', { kb: Math.round(maxSize / 1024) })) });
}

/** `limitedBodies` at the size of a page's form. */
export const smallForms = (refuse: (c: Context, message: string) => Response | Promise<Response>): MiddlewareHandler => limitedBodies(FORM_LIMIT_BYTES, refuse);

/** A refusal by size also closes the connection: what is still on its way is not read. */
export const tooLarge = (c: Context, message: string): Response => {
  c.header('connection', 'close');
  return c.text(message, 413);
};
