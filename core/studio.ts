// The core's services wired over one database; the composition root (app.ts) and the tests
// both build the studio through here.
import { PersonalData } from './privacy/personal-data.js';
import { BookingCalendars } from './calendar/booking-calendar.js';
import { CalendarFeeds } from './calendar/feeds.js';
import type { StudioSettings } from './settings.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/client.js';
import { BookingService } from './booking/bookings.js';
import { SchedulePolicySource, syncCatalog } from './booking/schedule.js';
import type { SchedulePolicy } from './booking/slots.js';
import { catalogFromConfig, type Catalog } from './catalog.js';
import { ClientService } from './clients.js';
import { setStudioLanguage } from './texts.js';
import { systemClock, type Clock } from './clock.js';
import { UploadService } from './files/uploads.js';
import { StagedUploads } from './files/staged-uploads.js';
import { DiskSpace, type FreeSpace } from './files/disk-space.js';
import { UploadLinkService, type LinkSettings } from './files/upload-links.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Outbox } from './messaging/outbox.js';
import type { Logger } from './logger.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { JobQueue } from '../queue/job-queue.js';
import { InProcessQueue } from '../queue/in-process.js';
import { presets } from '../engine/presets.js';
import { BookingAlerts } from './booking/booking-alerts.js';
import { EngineerAlerts, engineerChats } from './messaging/alerts.js';
import { alertRecipients, Engineers } from './engineer/engineers.js';
import { EngineerDesk } from './engineer/engineer-desk.js';
import { DownloadLinks } from './files/download-links.js';
import { KeycodeService } from './sessions/keycodes.js';
import { Pipeline, type PipelineSettings } from './versions/pipeline.js';
import { VersionJobs, type RetrySettings } from './versions/version-jobs.js';
import { Versions } from './versions/versions.js';
import { StoredFiles } from './files/stored-files.js';
import { Standings } from './versions/standings.js';
import { ReminderService } from './sessions/reminders.js';
import { LiveNotes } from './sessions/live-notes.js';
import { RevisionService } from './versions/revisions.js';
import { StudioDesk } from './engineer/desk.js';
import { DialogStore } from './conversation/state.js';
import { bookingFollowUps } from './booking/follow-ups.js';
import { MixdownJobs } from './versions/mixdown-job.js';
import { PreviewJobs } from './versions/preview-job.js';
import { EngineerAuthority } from './engineer/authority.js';
import { GuildSettingsRepository } from './guild-settings.js';
import { EngineerAudit } from './engineer/audit.js';
import { MixTime } from './booking/mix-time.js';
import { PaymentService } from './payments/payments.js';
import { StripeGateway } from './payments/stripe-gateway.js';
import { Balances } from './payments/balance.js';
import { PayLinks } from './payments/pay-links.js';
import { RevisionPayments } from './payments/revision-payments.js';
import { ListeningLinks } from './listening/links.js';
import { ListeningRoom } from './listening/room.js';
import { ReviewComments } from './listening/comments.js';
import { DashboardAccess } from './engineer/dashboard-access.js';
import { StudioBoard } from './engineer/dashboard.js';

export interface Studio {
  name: string;
  /** Each chat's dialog (persisted) and the chat events already handled. */
  dialogs: DialogStore;
  clock: Clock;
  catalog: Catalog;
  timeZone: string;
  policy(): Promise<SchedulePolicy>;
  clients: ClientService;
  bookings: BookingService;
  /** Booking news for the engineer (ENGINEER_ALERTS). */
  bookingAlerts: BookingAlerts;
  store: ObjectStore;
  uploads: UploadService;
  /** Resumable uploads under way, reserved against the booking's quota. */
  staged: StagedUploads;
  links: UploadLinkService;
  outbox: Outbox;
  queue: JobQueue;
  pipeline: Pipeline;
  /** A booking's versions (numbers, progress, the latest delivered). */
  versions: Versions;
  /** Every job that makes a version (masters, mixdowns): `work()` takes them, `resumeUnfinished()` after a restart. */
  jobs: VersionJobs;
  revisions: RevisionService;
  reminders: ReminderService;
  /** What the artist types during a running session, to its engineer, and the engineer's replies. */
  notes: LiveNotes;
  keycodes: KeycodeService;
  downloads: DownloadLinks;
  alerts: EngineerAlerts;
  desk: StudioDesk;
  mixdowns: MixdownJobs;
  /** The studio's engineers: who they are, what they take, where they hear. */
  engineers: Engineers;
  /** The owner's management of the engineers (/engineer, whose hours, whose queue, handing bookings over). */
  staff: EngineerDesk;
  /** Who is the studio's engineer, from the studio's configuration only. */
  authority: EngineerAuthority;
  /** What the engineers did. */
  audit: EngineerAudit;
  /** A mix's hours: measured from its stems, set by the engineer, booked by the artist. */
  mixTime: MixTime;
  /** Where bookings stand, told the same way to the artist and the engineer everywhere. */
  standings: Standings;
  /** Deposits, balances and paid revisions through Stripe (PAYMENTS=stripe); `enabled` is false with payments off. */
  payments: PaymentService;
  /** Paid revisions paid before they start (with payments on). */
  paidRevisions: RevisionPayments;
  /** Links to each booking's listening page (made with each delivery). */
  listening: ListeningLinks;
  /** What the listening page shows, and approving or asking for changes there. */
  room: ListeningRoom;
  /** Comments at moments of a version: the artist's on the page, the engineer's answers. */
  comments: ReviewComments;
  /** Signing the engineer in to the studio dashboard (sign-in links, browser sessions). */
  dashboardAccess: DashboardAccess;
  /** What the studio dashboard shows. */
  board: StudioBoard;
  /** Each Discord server's /setup. */
  guilds: GuildSettingsRepository;
  /** Throws when the database does not answer (/healthz). */
  healthCheck(): Promise<void>;
  /** The studio's disk: /healthz says not ready while it is nearly full. */
  disk: DiskSpace;
  /** An artist's data on request: /mydata, /forgetme, client export, client forget. */
  privacy: PersonalData;
  /** "Add to calendar" links for sessions. */
  calendars: BookingCalendars;
  /** The studio's private calendar feed (/calendar). */
  feeds: CalendarFeeds;
}

export interface StudioOptions {
  clock?: Clock;
  links?: LinkSettings;
  log?: Logger;
  /** In-process by default. */
  queue?: JobQueue;
  /** How free space is measured (tests fill a disk without filling one). */
  freeSpace?: FreeSpace;
  /** Overrides for the pipeline (tests run the engine on the calling thread, with fewer retries). */
  pipeline?: Partial<PipelineSettings & RetrySettings>;
}

/**
 * Engineers became data: the engineer the configuration names is the owner (made on the first
 * start, given a Discord id newly listed later), and what was booked before is theirs. Two
 * processes starting at once (web and worker) may race to make the owner: the loser reads it.
 */
async function ensureEngineers(engineers: Engineers, bookings: BookingService, config: StudioSettings): Promise<void> {
  const configured = {
    name: config.ENGINEER_NAME ?? config.STUDIO_NAME,
    named: config.ENGINEER_NAME !== undefined,
    identities: ['console', ...config.DISCORD_ENGINEER_IDS.map((id) => `discord:${id}`)],
  };
  let owner;
  try {
    owner = await engineers.ensureConfigured(configured);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    owner = await engineers.ensureConfigured(configured);
  }
  await bookings.rows.assignUnassigned(owner.id);
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

export async function createStudio(db: Db, config: StudioSettings, store: ObjectStore, o: StudioOptions = {}): Promise<Studio> {
  const clock = o.clock ?? systemClock;
  const log = o.log ?? quiet;
  setStudioLanguage(config.STUDIO_LANGUAGE);
  const linkSettings = o.links ?? {
    secret: randomBytes(32).toString('base64url'),
    baseUrl: config.PUBLIC_BASE_URL ?? `http://${config.WEB_HOST}:${config.WEB_PORT}`,
    ttlHours: config.UPLOAD_LINK_TTL_HOURS,
  };
  const catalog = catalogFromConfig(config);
  await syncCatalog(db, catalog);
  const schedule = new SchedulePolicySource(db, {
    timeZone: config.STUDIO_TIMEZONE,
    weekly: config.STUDIO_HOURS,
    closedDates: config.STUDIO_CLOSED_DATES,
    minNoticeMinutes: config.BOOKING_MIN_NOTICE_HOURS * 60,
    bufferMinutes: config.BOOKING_BUFFER_MINUTES,
    horizonDays: config.BOOKING_HORIZON_DAYS,
    stepMinutes: config.BOOKING_SLOT_STEP_MINUTES,
  });
  const policy = () => schedule.get();
  const engineers = new Engineers(
    db,
    catalog.services.map((s) => s.code),
  );
  const bookings = new BookingService(
    db,
    catalog,
    (engineerId) => schedule.get(engineerId),
    {
      autoConfirm: config.BOOKING_AUTO_CONFIRM,
      unattendedTurnaroundDays: config.UNATTENDED_TURNAROUND_DAYS,
      unattendedJobsPerDay: config.UNATTENDED_JOBS_PER_DAY,
      reminderOffsetsHours: config.REMINDER_OFFSETS_HOURS,
      depositFirst: config.PAYMENTS === 'stripe',
    },
    clock,
    { offering: async (code) => (await engineers.offering(code)).map((e) => e.id) },
  );
  await ensureEngineers(engineers, bookings, config);
  const outbox = new Outbox(db, clock, log);
  const queue = o.queue ?? new InProcessQueue();
  const downloads = new DownloadLinks(linkSettings, clock, config.DOWNLOAD_LINK_TTL_DAYS);
  const configuredChats = engineerChats(config.ENGINEER_CHAT, config.DISCORD_ENGINEER_IDS);
  const alerts = new EngineerAlerts(
    outbox,
    log,
    alertRecipients(engineers, (ref, tx) => bookings.rows.engineerIdOf(ref, tx), configuredChats),
  );
  const bookingAlerts = new BookingAlerts(bookings.rows, alerts, config.ENGINEER_ALERTS, config.STUDIO_TIMEZONE);
  bookings.watch(bookingFollowUps);
  // The engineer hears of arrivals, moves and released holds (a cancellation is told by whoever cancelled, with its refund).
  bookings.watch({
    arrived: (tx, id, depositPaid) => bookingAlerts.arrived(tx, id, depositPaid),
    moved: (tx, fromId, toId) => bookingAlerts.moved(tx, fromId, toId),
    released: (tx, id) => bookingAlerts.released(tx, id),
  });
  const versions = new Versions(db);
  const files = new StoredFiles(db);
  const standings = new Standings(files, versions, clock);
  const payLinks = new PayLinks(linkSettings);
  const balances = new Balances(config.PAYMENTS === 'stripe', payLinks, clock);
  const listening = new ListeningLinks(db, bookings, clock, linkSettings, config.DOWNLOAD_LINK_TTL_DAYS);
  const comments = new ReviewComments({ db, alerts, outbox, clock, links: linkSettings });
  const deps = {
    db,
    versions,
    files,
    store,
    queue,
    outbox,
    bookings,
    downloads,
    alerts,
    clock,
    log,
    review: config.DELIVERY_REVIEW,
    balances,
    listening,
    bookingAlerts,
  };
  const disk = new DiskSpace(path.resolve(config.DATA_DIR), config.DISK_RESERVE_MB * 2 ** 20, alerts, clock, o.freeSpace);
  const uploads = new UploadService({
    files,
    store,
    bookings,
    maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
    maxSeconds: config.UPLOAD_MAX_MINUTES * 60,
    quotaBytes: config.UPLOAD_BOOKING_QUOTA_GB * 2 ** 30,
    disk,
    clock,
  });
  const { attempts = 3, backoffMs = 5_000, ...pipelineSettings } = o.pipeline ?? {};
  const jobs = new VersionJobs(deps, { attempts, backoffMs });
  const workDir = path.resolve(config.DATA_DIR, 'work');
  const pipeline = new Pipeline(deps, { preset: config.MASTER_PRESET, workDir, masterMaxSeconds: config.MASTER_MAX_MINUTES * 60, ...pipelineSettings }, jobs);
  const keycodes = new KeycodeService(db, config.SONOBUS_SERVER);
  const audit = new EngineerAudit(db, clock);
  const guilds = new GuildSettingsRepository(db);
  const clients = new ClientService(db, config.STUDIO_TIMEZONE);
  const revisions = new RevisionService({
    db,
    bookings,
    versions,
    files,
    pipeline,
    alerts,
    clock,
    log,
    baseTargetLufs: presets[config.MASTER_PRESET].targetLufs,
  });
  const mixdowns = new MixdownJobs(deps, { preset: config.MASTER_PRESET, workDir, masterMaxSeconds: config.MASTER_MAX_MINUTES * 60 }, jobs);
  const notes = new LiveNotes(db, outbox, alerts, clock);
  new PreviewJobs(deps, jobs, workDir);
  const gateway = config.PAYMENTS === 'stripe' ? new StripeGateway(config.STRIPE_SECRET_KEY!, config.STRIPE_WEBHOOK_SECRET!, config.STRIPE_API_URL) : null;
  const payments = new PaymentService({
    db,
    bookings,
    gateway,
    outbox,
    alerts,
    clock,
    s: {
      depositPercent: config.DEPOSIT_PERCENT,
      holdMinutes: config.PAYMENT_HOLD_MINUTES,
      refundHours: config.CANCEL_REFUND_HOURS,
      baseUrl: linkSettings.baseUrl,
    },
    links: payLinks,
    downloads,
  });
  payments.tellEngineer(bookingAlerts);
  const paidRevisions = new RevisionPayments({ db, payments, gateway, revisions, bookings, outbox, alerts, clock, log });
  const uploadLinks = new UploadLinkService(db, bookings, clock, linkSettings);
  return {
    name: config.STUDIO_NAME,
    feeds: new CalendarFeeds(db, bookings.rows, async (id) => (await engineers.byId(id))?.name ?? null, linkSettings, clock, {
      name: config.STUDIO_NAME,
      timeZone: config.STUDIO_TIMEZONE,
    }),
    calendars: new BookingCalendars(bookings.rows, linkSettings, config.STUDIO_NAME, () => uploadLinks.available),
    privacy: new PersonalData({
      db,
      store,
      clients,
      bookings: bookings.rows,
      outbox,
      alerts,
      downloads,
      clock,
      log,
      exportDays: config.DOWNLOAD_LINK_TTL_DAYS,
    }),
    dialogs: new DialogStore(db),
    bookingAlerts,
    clock,
    catalog,
    timeZone: config.STUDIO_TIMEZONE,
    policy,
    clients,
    bookings,
    store,
    uploads,
    staged: new StagedUploads(db, uploads, clock, {
      maxUnfinishedPerLink: config.UPLOAD_LINK_MAX_UNFINISHED,
      expiryMs: config.UPLOAD_STAGING_EXPIRY_HOURS * 3_600_000,
    }),
    links: uploadLinks,
    outbox,
    queue,
    pipeline,
    versions,
    jobs,
    revisions,
    reminders: new ReminderService({ db, outbox, keycodes, clock, log }),
    notes,
    keycodes,
    downloads,
    alerts,
    desk: new StudioDesk({
      clients,
      bookings,
      pipeline,
      revisions,
      keycodes,
      outbox,
      clock,
      studioZone: config.STUDIO_TIMEZONE,
      defaultPreset: config.MASTER_PRESET,
      catalog,
      mixdowns,
      uploads,
      schedule,
      audit,
      versions,
      downloads,
      notes,
      comments,
      standings,
      payments,
      engineerNames: async () => new Map((await engineers.active()).map((e) => [e.id, e.name])),
    }),
    staff: new EngineerDesk({ engineers, bookings, schedule, configuredChats, alerts, clock }),
    mixdowns,
    audit,
    mixTime: new MixTime({ db, files, bookings, catalog, alerts, outbox, clock }),
    standings,
    payments,
    paidRevisions,
    listening,
    room: new ListeningRoom({ db, bookings, revisions, paidRevisions, outbox, alerts, clock, standings, comments }),
    comments,
    dashboardAccess: new DashboardAccess(db, clock, () => linkSettings.baseUrl),
    board: new StudioBoard(db, clock, config.STUDIO_TIMEZONE, audit, standings, comments),
    guilds,
    healthCheck: async () => void (await db.$queryRawUnsafe('SELECT 1')),
    disk,
    engineers,
    authority: new EngineerAuthority(guilds, engineers, {
      discordEngineerIds: config.DISCORD_ENGINEER_IDS,
      discordStudioGuildId: config.DISCORD_STUDIO_GUILD_ID,
      discordEngineerRoleId: config.DISCORD_ENGINEER_ROLE_ID,
    }),
  };
}
