// /metrics in Prometheus's text format (prom-client), for whoever runs the studio: jobs waiting,
// running and failed by kind with the oldest one's age, job durations, the outbox, webhook
// outcomes, stored uploads, bookings by status, and the process (event-loop delay, memory). Off
// unless METRICS_TOKEN is set; then a scrape must carry it as a bearer token (compared in constant
// time), so the figures never leak to the open web.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { onJobSettled, runningByKind } from '../queue/running.js';
import type { PageRouteOptions, WebEnv } from './hono-route.js';

export type MetricsStudio = 'queue' | 'jobs' | 'outbox' | 'bookings' | 'uploads';

/** What the web app counts as it goes (the rest is read at each scrape). */
export interface WebCounters {
  webhook(provider: 'stripe' | 'telegram', outcome: string): void;
}

export interface StudioMetrics extends WebCounters {
  registry: Registry;
  /** Stops listening to this process's jobs. */
  dispose(): void;
}

const sameToken = (given: string, wanted: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `read`, shared by the calls made while one is under way: a scrape collects every series at once,
 * so two series read from the same query (jobs and their oldest; the outbox; stored files) ask once.
 */
function sharedWhileRunning<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () =>
    (running ??= read().finally(() => {
      running = null;
    }));
}

export function studioMetrics({ studio }: Pick<PageRouteOptions<MetricsStudio>, 'studio'>): StudioMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mixdesk_' });
  const kinds = () => studio.jobs.kinds;
  const jobCounts = sharedWhileRunning(() => studio.queue.counts(kinds()));
  const outbox = sharedWhileRunning(() => studio.outbox.stats());
  const stored = sharedWhileRunning(() => studio.uploads.files.totals());

  new Gauge({
    name: 'mixdesk_jobs',
    help: 'Jobs by kind and state, across every process sharing the queue',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [kind, c] of Object.entries(await jobCounts())) {
        this.set({ kind, state: 'waiting' }, c.waiting);
        this.set({ kind, state: 'active' }, c.active);
        this.set({ kind, state: 'failed' }, c.failed);
      }
    },
  });
  new Gauge({
    name: 'mixdesk_jobs_oldest_waiting_seconds',
    help: 'How long the oldest waiting job of each kind has waited',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [kind, c] of Object.entries(await jobCounts())) this.set({ kind }, c.oldestWaitingSeconds);
    },
  });
  new Gauge({
    name: 'mixdesk_jobs_running_here',
    help: 'Jobs this process is running now, by kind',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const kind of kinds()) this.set({ kind }, 0);
      for (const [kind, n] of runningByKind()) this.set({ kind }, n);
    },
  });
  const durations = new Histogram({
    name: 'mixdesk_job_duration_seconds',
    help: 'How long the jobs this process ran took, by kind and outcome',
    labelNames: ['kind', 'outcome'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
    registers: [registry],
  });
  const stopListening = onJobSettled((kind, seconds, outcome) => durations.observe({ kind, outcome }, seconds));

  new Gauge({
    name: 'mixdesk_outbox_messages',
    help: 'Messages to chats waiting to go out (pending) and given up on (failed)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const s = await outbox();
      this.set({ state: 'pending' }, s.pending);
      this.set({ state: 'failed' }, s.failed);
    },
  });
  new Gauge({
    name: 'mixdesk_outbox_oldest_pending_seconds',
    help: 'Age of the oldest message waiting to go out (0 when none waits)',
    registers: [registry],
    async collect() {
      const { oldestPendingAt } = await outbox();
      this.set(oldestPendingAt ? Math.max(0, (Date.now() - oldestPendingAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'mixdesk_bookings',
    help: 'Bookings by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, n] of await studio.bookings.rows.countByStatus()) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'mixdesk_uploads_stored',
    help: 'Files stored now (not purged)',
    registers: [registry],
    async collect() {
      this.set((await stored()).files);
    },
  });
  new Gauge({
    name: 'mixdesk_uploads_stored_bytes',
    help: 'Bytes of the files stored now',
    registers: [registry],
    async collect() {
      this.set((await stored()).bytes);
    },
  });
  const uploads = new Counter({
    name: 'mixdesk_uploads_total',
    help: 'Files received by this process: accepted, already held (duplicate), or refused by reason',
    labelNames: ['outcome', 'reason'],
    registers: [registry],
  });
  const uploadBytes = new Counter({ name: 'mixdesk_upload_bytes_total', help: 'Bytes of the files this process accepted', registers: [registry] });
  const stopUploads = studio.uploads.onOutcome((o) => {
    if (o.outcome === 'refused') uploads.inc({ outcome: 'refused', reason: o.code });
    else uploads.inc({ outcome: o.outcome, reason: '' });
    if (o.outcome === 'accepted') uploadBytes.inc(o.bytes);
  });
  const webhooks = new Counter({
    name: 'mixdesk_webhook_outcomes_total',
    help: 'Payment webhook calls and what came of them',
    labelNames: ['provider', 'outcome'],
    registers: [registry],
  });

  return {
    registry,
    webhook: (provider, outcome) => webhooks.inc({ provider, outcome }),
    dispose: () => {
      stopListening();
      stopUploads();
    },
  };
}

/** GET /metrics, behind the bearer token (web/app.ts mounts it only when one is configured). */
export function metricsRoutes(metrics: StudioMetrics, token: string): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/metrics', async (c) => {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) return c.text('a bearer token is needed (METRICS_TOKEN)', 401, { 'www-authenticate': 'Bearer' });
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });
  return app;
}
