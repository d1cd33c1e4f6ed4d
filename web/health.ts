// Health for whoever runs the studio. /healthz: alive (the database answers and the disk has
// room). /readyz: ready to serve artists — the database, the job queue (Redis when used), the
// object store, the disk and the chat bots each answer — with a reason for every part that does
// not, so a balancer stops sending chats to an instance that would only answer them with errors,
// and sends them again once it recovers (no restart needed).
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { PageRouteOptions, WebEnv } from './hono-route.js';
import { within } from '../bounded.js';

/** A chat bot's connection as the process knows it: null while fine, else why not. */
export type BotHealth = () => { name: string; problem: string | null }[];

/** How long one part may take to answer before it counts as not answering. */
const PART_TIMEOUT_MS = 3000;

/**
 * The part's answer (null: fine; else our own sentence), "no answer" once the bound passes, or —
 * when it throws — "not answering": the error itself (a driver's message may name hosts and
 * users) goes to the log, not to whoever asked.
 */
async function check(part: string, run: () => Promise<string | null>, log: Logger): Promise<string | null> {
  try {
    return await within(run(), PART_TIMEOUT_MS, `no answer within ${PART_TIMEOUT_MS / 1000} s`);
  } catch (err) {
    log.warn({ err, part }, 'readiness: a part is not answering');
    return 'not answering (the log says why)';
  }
}

export function healthRoutes({ studio, log }: PageRouteOptions<'healthCheck' | 'disk' | 'store' | 'queue'>, bots: BotHealth = () => []): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/healthz', async (c) => {
    await studio.healthCheck();
    const short = await studio.disk.shortage();
    if (short) return c.json({ ok: false, storage: studio.store.kind, problems: [short] }, 503);
    return c.json({ ok: true, storage: studio.store.kind });
  });

  app.get('/readyz', async (c) => {
    const parts: Record<string, string | null> = Object.fromEntries(
      await Promise.all([
        check('database', async () => (await studio.healthCheck(), null), log).then((p) => ['database', p] as const),
        check('queue', () => studio.queue.problem(), log).then((p) => [`queue (${studio.queue.kind})`, p] as const),
        // A key nobody writes: answered "not there" by a store that works, an error by one that does not.
        check('storage', async () => (await studio.store.head('readyz/probe'), null), log).then((p) => [`storage (${studio.store.kind})`, p] as const),
        check('disk', () => studio.disk.shortage(), log).then((p) => ['disk', p] as const),
      ]),
    );
    for (const bot of bots()) parts[`bot (${bot.name})`] = bot.problem;
    const problems = Object.entries(parts)
      .filter(([, p]) => p !== null)
      .map(([part, p]) => `${part}: ${p}`);
    return c.json(
      { ok: problems.length === 0, parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v ?? 'ok'])), problems },
      problems.length ? 503 : 200,
    );
  });
  return app;
}
