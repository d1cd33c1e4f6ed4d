// The one place mixdesk reads its environment. Every setting is documented in .env.example.
import { existsSync } from 'node:fs';
import { toMinorUnits } from './core/money.js';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import cron from 'node-cron';
import { parseClosedDates, parseWeeklyHours } from './core/booking/hours.js';
import { defaultPreset, presetIds } from './engine/presets.js';
import { languages } from './core/texts.js';
import { reviewPolicies } from './core/versions/holds.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'expected true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int({ message: `expected a whole number from ${min} to ${max}` })
    .min(min, { message: `expected a whole number from ${min} to ${max}` })
    .max(max, { message: `expected a whole number from ${min} to ${max}` });

const timeZone = z.string().refine((tz) => IANAZone.isValidZone(tz), {
  message: 'expected an IANA time zone such as Europe/London or America/New_York',
});

/** An amount in the currency's major units; loadConfig turns it into minor units once CURRENCY is known. */
const money = z.coerce.number({ message: 'expected an amount such as 60 or 59.99' }).nonnegative({ message: 'expected an amount of 0 or more' });

/** Parses a setting with a parser that throws a plain message (hours, dates). */
const parsed = <T>(parse: (raw: string) => T) =>
  z.string().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    // Logs go here instead of stderr; unset, a console chat on a terminal logs to DATA_DIR/mixdesk.log (the chat owns the screen).
    LOG_FILE: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/i, {
        message: 'expected file:./path.db (SQLite) or postgres://user@host:5432/db (PostgreSQL)',
      })
      .optional(),

    STUDIO_NAME: z.string().min(1).default('mixdesk studio'),
    STUDIO_TIMEZONE: timeZone.default('Europe/London'),
    STUDIO_LANGUAGE: z.enum(languages, { message: `expected one of ${languages.join(', ')}` }).default('en'),
    STUDIO_HOURS: parsed(parseWeeklyHours).default(parseWeeklyHours('mon-fri 10:00-18:00, sat 11:00-16:00')),
    STUDIO_CLOSED_DATES: parsed(parseClosedDates).default([]),
    CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'expected a three-letter ISO currency code such as GBP' })
      .default('GBP'),

    PRICE_MIX: money.prefault('250'),
    PRICE_MASTER: money.prefault('60'),
    PRICE_MIX_MASTER: money.prefault('290'),
    PRICE_REVISION_MIX: money.prefault('40'),
    PRICE_REVISION_MASTER: money.prefault('15'),
    /** Mixing by the hour (mix, and the mix part of mix+master): the booked hours at this rate; unset = the fixed PRICE_MIX. */
    PRICE_MIX_PER_HOUR: money.optional(),
    DURATION_MIX_MINUTES: int(15, 24 * 60).default(300),
    DURATION_MASTER_MINUTES: int(15, 24 * 60).default(60),
    DURATION_MIX_MASTER_MINUTES: int(15, 24 * 60).default(360),
    FREE_REVISIONS: int(0, 20).default(2),
    UNATTENDED_DISCOUNT_PERCENT: int(0, 90).default(30),
    UNATTENDED_TURNAROUND_DAYS: int(1, 60).default(5),
    UNATTENDED_JOBS_PER_DAY: int(1, 100).default(2),

    BOOKING_MIN_NOTICE_HOURS: int(0, 24 * 30).default(24),
    BOOKING_BUFFER_MINUTES: int(0, 240).default(30),
    BOOKING_HORIZON_DAYS: int(1, 365).default(42),
    BOOKING_SLOT_STEP_MINUTES: int(15, 240)
      .refine((v) => v % 15 === 0, { message: 'expected a multiple of 15 minutes' })
      .default(60),
    BOOKING_AUTO_CONFIRM: bool.default(true),

    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)' })
      .optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT: z.url({ message: 'expected the URL of an S3-compatible server, e.g. http://127.0.0.1:9000' }).optional(),
    S3_FORCE_PATH_STYLE: bool.optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_PREFIX: z
      .string()
      .regex(/^([A-Za-z0-9][A-Za-z0-9._-]*\/)*$/, { message: 'expected a key prefix ending in a slash, e.g. mixdesk/' })
      .default(''),
    UPLOAD_MAX_MB: int(1, 100_000).default(2048),
    // Longer files are refused from their headers before decoding (albums' longest tracks and DJ mixes fit).
    UPLOAD_MAX_MINUTES: int(1, 600).default(60),
    // Stored plus staged bytes one booking may hold (its stems, mixes, references, unfinished uploads).
    UPLOAD_BOOKING_QUOTA_GB: int(1, 10_000).default(20),
    // Uploads one link may have under way at once (the upload page sends the files picked side by side).
    UPLOAD_LINK_MAX_UNFINISHED: int(1, 10_000).default(100),
    // An unfinished resumable upload nobody resumed within this long is removed (and no longer counts against the quota).
    UPLOAD_STAGING_EXPIRY_HOURS: int(1, 24 * 90).default(168),
    // Kept free on DATA_DIR's disk for the database and the jobs: uploads that would eat into it are refused, and /healthz says not ready.
    DISK_RESERVE_MB: int(0, 10_000_000).default(1024),
    RETENTION_UPLOAD_DAYS: int(1, 3650).default(90),
    WEB_HOST: z.string().min(1).default('127.0.0.1'),
    WEB_PORT: int(0, 65535).default(8080),
    PUBLIC_BASE_URL: z
      .url({ message: 'expected the address artists reach the web server at, e.g. https://studio.example.com' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    // /metrics (Prometheus) is served only with this bearer token; unset, there is no /metrics.
    METRICS_TOKEN: z.string().min(16, { message: 'expected at least 16 random characters (e.g. openssl rand -hex 24)' }).optional(),
    UPLOAD_LINK_SECRET: z.string().min(32, { message: 'expected at least 32 random characters (e.g. openssl rand -base64 48)' }).optional(),
    UPLOAD_LINK_TTL_HOURS: int(1, 24 * 90).default(72),
    RETENTION_CRON: z
      .string()
      .refine((v) => cron.validate(v), { message: 'expected a cron expression, e.g. "17 3 * * *" (03:17 every day)' })
      .default('17 3 * * *'),
    // Where `mixdesk backup` (and BACKUP_CRON's) keep their snapshots, and how many are kept.
    BACKUP_DIR: z.string().min(1).default('./backups'),
    // Scheduled backups (e.g. "47 2 * * *", 02:47 every day, studio time); unset = none.
    BACKUP_CRON: z
      .string()
      .refine((v) => cron.validate(v), { message: 'expected a cron expression, e.g. "47 2 * * *" (02:47 every day)' })
      .optional(),
    BACKUP_KEEP: int(1, 1000).default(7),
    QUEUE_DRIVER: z.enum(['inprocess', 'redis']).default('inprocess'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, { message: 'expected redis://host:6379' })
      .optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'expected letters, digits, - or _ (e.g. mixdesk)' })
      .default('mixdesk'),
    QUEUE_LOCK_SECONDS: int(1, 3600).default(30),
    SERVICE_RUNS_JOBS: bool.default(true),
    JOB_CONCURRENCY: int(1, 16).default(1),
    // On SIGTERM, how long a running job may take to finish before it is handed back (made again at the next start, or by another worker).
    SHUTDOWN_GRACE_SECONDS: int(0, 3600).default(30),
    MASTER_PRESET: z.enum(presetIds).default(defaultPreset),
    // The longest file the engine masters: it holds the whole song in memory (about 50 MB a minute at 48 kHz stereo, several copies).
    MASTER_MAX_MINUTES: int(1, 600).default(60),
    // Which versions the engine makes wait for the engineer's approval before the artist gets them.
    DELIVERY_REVIEW: z.enum(reviewPolicies).default('off'),
    DOWNLOAD_LINK_TTL_DAYS: int(1, 365).default(30),
    REMINDER_OFFSETS_HOURS: z
      .string()
      .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, { message: 'expected hours before the session, comma-separated, e.g. 24,1' })
      .transform((v) => [...new Set(v.split(',').map(Number))].filter((h) => h > 0).sort((a, b) => b - a))
      .default([24, 1]),
    SONOBUS_SERVER: z
      .string()
      .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, { message: 'expected a host name, e.g. aoo.sonobus.net' })
      .default('aoo.sonobus.net'),
    // Which booking news reaches the engineer's chats: all (requests, new, cancelled, moved, files for sessions), requests (only what waits for them), none (logged only).
    ENGINEER_ALERTS: z.enum(['all', 'requests', 'none']).default('all'),
    // The configured engineer's name (they are the owner; /engineer add brings others): what artists pick when there are several.
    ENGINEER_NAME: z.string().trim().min(1).max(40).optional(),
    ENGINEER_CHAT: z
      .string()
      .regex(/^(console|telegram|discord):\S+$/, {
        message: 'expected platform:chat, e.g. discord:<engineer user id> (a DM), telegram:<chat id> or console:engineer',
      })
      .optional(),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, { message: 'expected a token from @BotFather such as 123456:ABC-DEF…' })
      .optional(),
    TELEGRAM_API_ROOT: z
      .url({ message: 'expected the Bot API address, e.g. https://api.telegram.org or a local Bot API server' })
      .transform((u) => u.replace(/\/+$/, ''))
      .default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK: bool.default(false),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, { message: 'expected 16-256 letters, digits, _ or - (Telegram sends it back in a header)' })
      .optional(),
    DISCORD_BOT_TOKEN: z.string().min(20, { message: 'expected the bot token from the Discord developer portal' }).optional(),
    DISCORD_APPLICATION_ID: z
      .string()
      .regex(/^\d{15,25}$/, { message: 'expected the application id (a number) from the Discord developer portal' })
      .optional(),
    DISCORD_GUILD_ID: z
      .string()
      .regex(/^\d{15,25}$/, { message: 'expected a server (guild) id' })
      .optional(),
    // The studio's own server: the only one where a role can make someone the engineer.
    DISCORD_STUDIO_GUILD_ID: z
      .string()
      .regex(/^\d{15,25}$/, { message: 'expected the studio server (guild) id' })
      .optional(),
    DISCORD_ENGINEER_ROLE_ID: z
      .string()
      .regex(/^\d{15,25}$/, { message: 'expected a role id in the studio server' })
      .optional(),
    DISCORD_ENGINEER_IDS: z
      .string()
      .regex(/^\s*(\d{15,25}(\s*,\s*\d{15,25})*)?\s*$/, { message: 'expected Discord user ids, comma-separated' })
      .transform((v) =>
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .default([]),
    DISCORD_API_ROOT: z.url().optional(),
    /** Collecting payments: off (the embedded default; nothing is charged) or stripe (Checkout, verified webhooks). */
    PAYMENTS: z.enum(['off', 'stripe']).default('off'),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    /** The signing secret of the webhook endpoint (/stripe/webhook) in Stripe's dashboard (whsec_…). */
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Where the Stripe SDK calls (tests point it at a local fake); Stripe's own API when unset. */
    STRIPE_API_URL: z.url().optional(),
    /** The share of a booking's price paid to hold it (100: in full). */
    DEPOSIT_PERCENT: int(1, 100).default(30),
    /** How long an unpaid booking holds its time before it is released. */
    PAYMENT_HOLD_MINUTES: int(30, 24 * 60).default(30),
    /** A booking cancelled at least this many hours before its session gets its deposit back (unattended work: until it begins). */
    CANCEL_REFUND_HOURS: int(0, 30 * 24).default(48),
    /** From @BotFather's Payments: Telegram artists also get each payment as an invoice in the chat. */
    TELEGRAM_PAYMENT_PROVIDER_TOKEN: z.string().min(1).optional(),
    CONSOLE_CHAT: z.enum(['auto', 'on', 'off']).default('auto'),
    CONSOLE_USER: z.string().min(1).max(64).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.UPLOAD_MAX_MINUTES > env.MASTER_MAX_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPLOAD_MAX_MINUTES'],
        message: `longer than MASTER_MAX_MINUTES=${env.MASTER_MAX_MINUTES}: files would be taken that the engine will not master (raise MASTER_MAX_MINUTES or lower this)`,
      });
    }
    if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when STORAGE_DRIVER=s3' });
    }
    if (env.TELEGRAM_WEBHOOK && (!env.PUBLIC_BASE_URL || !env.TELEGRAM_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK'],
        message: 'webhook mode needs PUBLIC_BASE_URL (https, reachable by Telegram) and TELEGRAM_WEBHOOK_SECRET',
      });
    }
    if (env.PAYMENTS === 'stripe' && (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET || !env.PUBLIC_BASE_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENTS'],
        message: 'PAYMENTS=stripe needs STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and PUBLIC_BASE_URL (where Stripe sends the webhook and artists return)',
      });
    }
    if (env.TELEGRAM_PAYMENT_PROVIDER_TOKEN && env.PAYMENTS !== 'stripe') {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_PAYMENT_PROVIDER_TOKEN'],
        message: 'Telegram invoices ask for the payments PAYMENTS=stripe makes (deposits, balances, paid revisions): set PAYMENTS=stripe too',
      });
    }
    if (env.QUEUE_DRIVER === 'redis' && !env.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'required when QUEUE_DRIVER=redis' });
    }
  });

export type Env = z.infer<typeof schema>;

/** Every setting the configuration reads (documented one by one in .env.example). */
export const settingNames: readonly string[] = Object.keys(schema.shape);

export interface Config extends Env {
  DATABASE_URL: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty values count as unset, so `FOO=` in .env falls back to the default. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== ''));
}

/** Settings whose values are secrets: named in messages, never shown. */
const SECRET_SETTING = /TOKEN|SECRET|PASSWORD|ACCESS_KEY/;

/** A value as an error message may show it: secrets hidden, and a URL's password too. */
export function shownValue(name: string, value: string): string {
  if (SECRET_SETTING.test(name)) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@'));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(withoutEmpty(env));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const value = env[name];
        return `${name}=${value === undefined ? '(unset)' : shownValue(name, value)}: ${issue.message}`;
      }),
    );
  }
  const cfg = result.data;
  // Prices in the currency's minor unit (pence; yen have none), as every amount is kept and charged.
  const minor = (v: number) => toMinorUnits(v, cfg.CURRENCY);
  return {
    ...cfg,
    PRICE_MIX: minor(cfg.PRICE_MIX),
    PRICE_MASTER: minor(cfg.PRICE_MASTER),
    PRICE_MIX_MASTER: minor(cfg.PRICE_MIX_MASTER),
    PRICE_REVISION_MIX: minor(cfg.PRICE_REVISION_MIX),
    PRICE_REVISION_MASTER: minor(cfg.PRICE_REVISION_MASTER),
    PRICE_MIX_PER_HOUR: cfg.PRICE_MIX_PER_HOUR === undefined ? undefined : minor(cfg.PRICE_MIX_PER_HOUR),
    DATABASE_URL: cfg.DATABASE_URL ?? `file:${cfg.DATA_DIR.replace(/\/$/, '')}/mixdesk.db`,
  };
}

/** Reads ./.env (when present) into process.env without overriding what is already set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
