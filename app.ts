// The composition root: reads configuration, opens the database, builds the studio core and
// wires the adapters. `mixdesk start`, workers and tests all build the app through here.
import { hostname, userInfo } from 'node:os';
import type { Logger } from 'pino';
import { ConfigError, type Config } from './config.js';
import { Conversation } from './core/conversation/engine.js';
import { systemClock, type Clock } from './core/clock.js';
import { createStudio, type Studio } from './core/studio.js';
import { openDatabase, type Db } from './db/client.js';
import { applyMigrations } from './db/migrator.js';
import { providerOf } from './db/adapters.js';
import { runConsoleChat } from './bots/console/console-chat.js';
import { createObjectStore } from './storage/index.js';
import { pruneProcessedEvents, purgeExpiredUploads } from './core/files/retention.js';
import { removeLeftovers } from './core/files/leftovers.js';
import { scheduleTick } from './scheduled-tick.js';
import { watchEventLoop } from './event-loop-watch.js';
import { jobsLately } from './queue/running.js';
import { lightTasks } from './engine/thread-pool.js';
import path from 'node:path';
import { startWebServer, type WebOptions, type WebServer } from './web/server.js';
import { s3Staging, type Staging } from './web/staging.js';
import { createTelegramBot, type TelegramBot } from './bots/telegram/bot.js';
import { TelegramTokenRefused } from './bots/telegram/connect.js';
import { createDiscordBot, type DiscordBot } from './bots/discord/bot.js';
import { linkSecret } from './web/secret.js';
import { createJobQueue } from './queue/index.js';
import { deskPort } from './core/engineer/perform.js';
import type { BotHealth } from './web/health.js';
import { runningByKind } from './queue/running.js';
import { within } from './bounded.js';

export interface App {
  config: Config;
  db: Db;
  studio: Studio;
  conversation: Conversation;
  log: Logger;
  close(): Promise<void>;
}

/** Settings accepted by the configuration that this build cannot serve yet: refuse them clearly. */
export function unsupportedSettings(config: Config): string[] {
  const problems: string[] = [];
  if (config.QUEUE_DRIVER === 'inprocess' && !config.SERVICE_RUNS_JOBS) {
    problems.push(
      'SERVICE_RUNS_JOBS=false with QUEUE_DRIVER=inprocess: nothing would ever master or remind; use QUEUE_DRIVER=redis with `mixdesk worker` processes, or SERVICE_RUNS_JOBS=true.',
    );
  }
  return problems;
}

export async function createApp(config: Config, log: Logger, clock: Clock = systemClock): Promise<App> {
  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length) log.info({ applied }, 'database migrated');
  const db = await openDatabase(config.DATABASE_URL, {
    retry: { warn: (o, msg) => log.warn(o, msg) },
    onConnectionError: (err) => log.warn({ problem: err.message }, 'a database connection was closed by the server; the next query opens another'),
  });
  const studio = await createStudio(db, config, createObjectStore(config), {
    clock,
    links: {
      secret: config.UPLOAD_LINK_SECRET ?? (await linkSecret(config.DATA_DIR)),
      baseUrl: config.PUBLIC_BASE_URL ?? `http://${config.WEB_HOST}:${config.WEB_PORT}`,
      ttlHours: config.UPLOAD_LINK_TTL_HOURS,
    },
    log,
    queue: createJobQueue(config),
  });
  const conversation = new Conversation(studio, log);
  await removeLeftovers(
    [
      { dir: path.resolve(config.DATA_DIR, 'work'), prefixes: ['master-', 'mixdown-', 'preview-'] },
      ...(config.STORAGE_DRIVER === 'local' ? [{ dir: path.resolve(config.DATA_DIR, 'objects', '.tmp') }] : []),
    ],
    clock.now().getTime(),
    log,
  );
  log.info({ database: providerOf(config.DATABASE_URL), storage: studio.store.kind, studio: config.STUDIO_NAME }, 'mixdesk ready');
  return {
    config,
    db,
    studio,
    conversation,
    log,
    close: async () => {
      await studio.queue.close();
      await db.$disconnect();
    },
  };
}

export function consoleChatWanted(config: Config): boolean {
  if (config.CONSOLE_CHAT === 'on') return true;
  if (config.CONSOLE_CHAT === 'off') return false;
  return !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_BOT_TOKEN;
}

/**
 * Takes pipeline jobs here, and every minute sends due reminders, releases unpaid bookings and
 * finds versions left unfinished (each claimed, so any number of instances may).
 */
async function runJobs(app: App): Promise<() => void> {
  await app.studio.jobs.work(app.config.JOB_CONCURRENCY);
  await app.studio.jobs.resumeUnfinished();
  const instance = `${hostname()}:${process.pid}`;
  const reminders = scheduleTick(app.log, 'reminders', '* * * * *', async () => {
    const sent = await app.studio.reminders.sendDue(instance);
    if (sent) app.log.info({ sent }, 'reminders sent');
    const released = await app.studio.payments.releaseUnpaid();
    if (released) app.log.info({ released }, 'unpaid bookings released');
    const started = await app.studio.paidRevisions.startPending();
    if (started) app.log.info({ started }, 'paid revisions started after an interruption');
    // Versions whose job could not finish them nor report it (a database outage): made again, or reported.
    await app.studio.jobs.resumeUnfinished();
  });
  return () => reminders.stop();
}

/** `mixdesk worker`: takes jobs from the shared queue until SIGINT/SIGTERM. */
export async function runWorker(app: App): Promise<void> {
  if (app.studio.queue.kind !== 'redis') app.log.warn('QUEUE_DRIVER=inprocess: this worker only runs jobs queued in its own process (use Redis to share work)');
  const stop = await runJobs(app);
  const watch = watchLoop(app);
  app.log.info({ pid: process.pid, concurrency: app.config.JOB_CONCURRENCY }, 'worker ready');
  await stopSignal();
  watch.stop();
  stop();
  await drainJobs(app);
}

/** Warns in the log when this process's thread is held up (see event-loop-watch.ts), naming the jobs running then. */
function watchLoop(app: App) {
  return watchEventLoop({ log: app.log, running: () => ({ jobs: jobsLately(), engineThreads: lightTasks().load }) });
}

/** Scheduled housekeeping. Each job is safe to run on several instances at once. */
function scheduleJobs(app: App, web: WebServer | null): () => void {
  const retention = scheduleTick(
    app.log,
    'retention',
    app.config.RETENTION_CRON,
    async () => {
      await purgeExpiredUploads(app.db, app.studio.store, app.studio.clock.now(), app.config.RETENTION_UPLOAD_DAYS, app.log);
      await pruneProcessedEvents(app.db, app.studio.clock.now());
      const exports = await app.studio.privacy.purgeExports(app.studio.clock.now());
      if (exports) app.log.info({ exports }, 'retention: artists’ data exports past their links removed');
      const forgotten = await app.studio.uploads.held.purge(app.studio.clock.now());
      if (forgotten) app.log.info({ forgotten }, 'retention: files nobody said the booking of were removed');
      const abandoned = (await web?.cleanUpStaging()) ?? 0;
      if (abandoned) app.log.info({ abandoned }, 'retention: unfinished uploads removed from staging');
    },
    { timezone: app.config.STUDIO_TIMEZONE },
  );
  const backups = app.config.BACKUP_CRON ? scheduleBackups(app, app.config.BACKUP_CRON) : null;
  return () => {
    retention.stop();
    backups?.stop();
  };
}

/** BACKUP_CRON: `mixdesk backup` on a schedule, logged; a second instance finds the folder busy and says so. */
function scheduleBackups(app: App, expression: string) {
  return scheduleTick(
    app.log,
    'backup',
    expression,
    async () => {
      const { scheduledBackup } = await import('./ops/backup-cli.js');
      await scheduledBackup(app.config, app.log, app.studio.clock.now());
    },
    { timezone: app.config.STUDIO_TIMEZONE },
  );
}

/** `mixdesk start`: runs the service until the console chat ends or a signal arrives. */
/**
 * `mixdesk start`: the chats, the web server and (SERVICE_RUNS_JOBS) the jobs. `bots: false`
 * (`--no-bots`) runs the web server and the jobs only, so a deployment can run several web
 * instances beside one that talks to the chats (or Telegram in webhook mode everywhere).
 */
export async function startService(app: App, o: { bots?: boolean } = {}): Promise<void> {
  const c: Config = o.bots === false ? { ...app.config, TELEGRAM_BOT_TOKEN: undefined, DISCORD_BOT_TOKEN: undefined, CONSOLE_CHAT: 'off' } : app.config;
  if (o.bots === false) app.log.info('started with --no-bots: the web server and the jobs only');
  else if (!consoleChatWanted(c) && !c.TELEGRAM_BOT_TOKEN && !c.DISCORD_BOT_TOKEN) {
    throw new Error('Nothing to talk to: no bot is configured and CONSOLE_CHAT=off. Set CONSOLE_CHAT=on (or auto).');
  }
  // A refused token is the operator's to fix: say so plainly (no stack trace).
  const refusedError = (setting: string, err: unknown) =>
    new ConfigError([`${setting}: the platform refused to connect with it (${err instanceof Error ? err.message : String(err)})`]);
  const refused =
    (setting: string) =>
    (err: unknown): never => {
      throw refusedError(setting, err);
    };
  // Telegram connects in the background (bounded, logged retries): an unreachable Telegram never
  // holds up the web server, Discord, the console or the jobs.
  let telegram: TelegramBot | null = null;
  let telegramWebhook: ((req: Request) => Promise<Response>) | undefined;
  let discordBot: DiscordBot | null = null;
  // What /readyz says of the bots: each configured one, connected or why not.
  const bots: BotHealth = () => [
    ...(c.TELEGRAM_BOT_TOKEN ? [{ name: 'telegram', problem: telegram ? null : 'not connected yet (retrying in the background)' }] : []),
    ...(c.DISCORD_BOT_TOKEN ? [{ name: 'discord', problem: discordBot?.client.isReady() ? null : 'not connected to the gateway' }] : []),
  ];
  const web = await startWeb(
    app,
    bots,
    c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_WEBHOOK
      ? async (req) =>
          // Not connected yet: Telegram delivers the update again later.
          telegramWebhook ? telegramWebhook(req) : new Response(null, { status: 503 })
      : undefined,
  );
  if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_WEBHOOK && !web) {
    throw new Error(`TELEGRAM_WEBHOOK=true needs the web server, which could not start on ${c.WEB_HOST}:${c.WEB_PORT}.`);
  }
  // A refused token is the operator's to fix and stops the service (as a bad setting does); an
  // unreachable Telegram does not.
  let failStart!: (err: unknown) => void;
  const fatal = new Promise<never>((_, reject) => (failStart = reject));
  fatal.catch(() => undefined); // raced below; a failure after the service stopped is moot
  const token = c.TELEGRAM_BOT_TOKEN;
  if (token) {
    void (async () => {
      const bot = await createTelegramBot({
        token,
        apiRoot: c.TELEGRAM_API_ROOT,
        conversation: app.conversation,
        outbox: app.studio.outbox,
        store: app.studio.store,
        log: app.log,
        ...(c.TELEGRAM_PAYMENT_PROVIDER_TOKEN ? { payments: { providerToken: c.TELEGRAM_PAYMENT_PROVIDER_TOKEN, service: app.studio.payments } } : {}),
      });
      telegram = bot;
      if (c.TELEGRAM_WEBHOOK) {
        telegramWebhook = bot.webhook(c.TELEGRAM_WEBHOOK_SECRET!);
        await bot.bot.api.setWebhook(`${c.PUBLIC_BASE_URL}/telegram/webhook`, { secret_token: c.TELEGRAM_WEBHOOK_SECRET! });
        app.log.info('telegram bot: webhook set');
      } else {
        await bot.startPolling();
        app.log.info({ bot: bot.bot.botInfo.username }, 'telegram bot: polling');
      }
    })().catch((err: unknown) => {
      if (err instanceof TelegramTokenRefused) return void failStart(refusedError('TELEGRAM_BOT_TOKEN', err));
      app.log.error(`telegram bot not started: ${err instanceof Error ? err.message : String(err)}; everything else runs`);
    });
  }
  const discord = c.DISCORD_BOT_TOKEN
    ? createDiscordBot({
        token: c.DISCORD_BOT_TOKEN,
        studio: app.studio,
        desk: deskPort(app.studio),
        conversation: app.conversation,
        log: app.log,
        ...(c.DISCORD_API_ROOT ? { apiRoot: c.DISCORD_API_ROOT } : {}),
      })
    : null;
  if (discord) {
    discordBot = discord;
    await discord.login().catch(refused('DISCORD_BOT_TOKEN'));
    app.log.info('discord bot: connected');
  }
  const stopJobs = scheduleJobs(app, web);
  const watch = watchLoop(app);
  const stopWork = app.config.SERVICE_RUNS_JOBS ? await runJobs(app) : () => undefined;
  // Messages recorded in the outbox (by this or another instance) go out every few seconds.
  const dispatcher = setInterval(() => void app.studio.outbox.dispatch().catch((err: unknown) => app.log.error({ err }, 'outbox dispatch failed')), 2000);
  try {
    const signalled = stopSignal();
    await Promise.race([signalled, fatal, ...(consoleChatWanted(c) ? [runConsole(app)] : [])]);
  } finally {
    // In order, so nothing is lost: no new chat updates, no new work; the running job finishes
    // within the grace or is handed back; what waits in the outbox goes out; then the rest closes.
    clearInterval(dispatcher);
    watch.stop();
    await (telegram as TelegramBot | null)?.stop();
    stopWork();
    stopJobs();
    await drainJobs(app);
    await flushOutbox(app);
    await discord?.stop();
    await web?.close();
  }
}

/** Resolves at the first SIGINT or SIGTERM (a second one is the CLI's: it exits at once). */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** Stops taking jobs here and gives the running ones SHUTDOWN_GRACE_SECONDS to finish; past that they are handed back. */
async function drainJobs(app: App): Promise<void> {
  const grace = app.config.SHUTDOWN_GRACE_SECONDS;
  const runningNow = () => [...runningByKind()].map(([kind, n]) => `${kind} ×${n}`);
  const running = runningNow();
  if (running.length) app.log.info({ running, graceSeconds: grace }, 'stopping: letting the running jobs finish');
  const finished = await app.studio.queue.drain(grace * 1000);
  if (!finished)
    app.log.warn(
      { running: runningNow(), graceSeconds: grace },
      'stopping: jobs still running after the grace are handed back (made again at the next start, or by another worker)',
    );
}

/** What waits in the outbox goes out before the senders close (bounded: a platform that does not answer keeps it for the next start). */
async function flushOutbox(app: App): Promise<void> {
  try {
    if ((await within(app.studio.outbox.dispatch(), OUTBOX_FLUSH_MS, 'late')) === 'late')
      app.log.warn({ boundMs: OUTBOX_FLUSH_MS }, 'stopping: the outbox did not empty in time; the rest goes at the next start');
  } catch (err) {
    app.log.warn({ err }, 'stopping: the outbox could not be flushed; it goes at the next start');
  }
}

/** How long a stopping service tries to send what waits in the outbox. */
const OUTBOX_FLUSH_MS = 10_000;

/** Files in S3: unfinished uploads wait there too, locked through Redis when there is one, so any web instance resumes them. */
function s3StagingFor(c: Config, expiryMs: number): Staging {
  return s3Staging({
    bucket: c.S3_BUCKET!,
    region: c.S3_REGION,
    ...(c.S3_ENDPOINT ? { endpoint: c.S3_ENDPOINT } : {}),
    ...(c.S3_FORCE_PATH_STYLE !== undefined ? { forcePathStyle: c.S3_FORCE_PATH_STYLE } : {}),
    ...(c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } } : {}),
    prefix: c.S3_PREFIX,
    expiryMs,
    workDir: path.resolve(c.DATA_DIR, 'staging'),
    ...(c.REDIS_URL ? { redisUrl: c.REDIS_URL } : {}),
  });
}

/** The upload web server; if its port is taken the service runs on without it (links are then refused clearly). */
async function startWeb(app: App, bots: BotHealth, telegramWebhook?: WebOptions['telegramWebhook']): Promise<WebServer | null> {
  const c = app.config;
  if (c.STORAGE_DRIVER === 's3' && !c.REDIS_URL)
    app.log.info('unfinished uploads wait in S3; without REDIS_URL their lock is this process’s, so run one web instance (or set REDIS_URL)');
  try {
    const web = await startWebServer({
      studio: app.studio,
      log: app.log,
      host: c.WEB_HOST,
      port: c.WEB_PORT,
      ...(c.PUBLIC_BASE_URL ? { publicBaseUrl: c.PUBLIC_BASE_URL } : {}),
      stagingDir: path.resolve(c.DATA_DIR, 'staging'),
      ...(c.STORAGE_DRIVER === 's3' ? { staging: s3StagingFor(c, app.studio.staged.expiryMs) } : {}),
      maxUploadBytes: c.UPLOAD_MAX_MB * 8 * 2 ** 20,
      maxFileMb: c.UPLOAD_MAX_MB,
      metricsToken: c.METRICS_TOKEN,
      bots,
      ...(telegramWebhook ? { telegramWebhook } : {}),
    });
    // Uploads a stopped process received whole but never took: taken in the background (each is analysed).
    void web.recoverStaged().catch((err: unknown) => app.log.error({ err }, 'taking uploads finished before the restart failed'));
    return web;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `${c.WEB_HOST}:${c.WEB_PORT} is already in use by another program (set WEB_PORT)`
        : code === 'EACCES'
          ? `no permission to listen on ${c.WEB_HOST}:${c.WEB_PORT}`
          : (err as Error).message;
    // Links would point at whatever holds the port: none are handed out unless PUBLIC_BASE_URL names another server.
    if (!c.PUBLIC_BASE_URL) app.studio.links.markOffline();
    app.log.warn(`web server not started: ${why}; upload and download links are unavailable`);
    return null;
  }
}

async function runConsole(app: App): Promise<void> {
  await runConsoleChat({
    conversation: app.conversation,
    outbox: app.studio.outbox,
    input: process.stdin,
    output: process.stdout,
    user: app.config.CONSOLE_USER ?? (userInfo().username || 'artist'),
    store: app.studio.store,
    studioName: app.config.STUDIO_NAME,
  });
}
