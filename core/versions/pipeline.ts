// The pipeline: a mix uploaded for a mastering booking is mastered with the booking's settings,
// encoded in the artist's format (plus an MP3 preview), stored, and delivered back to the chat it
// came from with the report picture. Every step can run again without harm: a version's delivery
// row is keyed by (booking, version), its files by a fixed storage key, and the finish — file
// rows, booking status, revision, and the message in the outbox — commits in one transaction
// that only the first finisher gets to run. A worker killed mid-job loses or doubles nothing.
import { reportLabelsFor } from './report-labels.js';
import { ownedName } from '../files/leftovers.js';
import { statusText } from '../booking/status.js';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import {
  analyzeFileInThread,
  AudioFileError,
  extensionOf,
  isOutputFormat,
  masterFileInThread,
  type MasterFileJob,
  type MasterSummary,
  type OutputFormat,
  type Preset,
  type Waveform,
} from '../../engine/index.js';
import { safeFileName } from '../../storage/object-store.js';
import { DEFAULT_INTENSITY, presets, type PresetDef } from '../../engine/presets.js';
import { defaultFormat, formatForDepth } from '../../engine/formats.js';
import type { JobInfo } from '../../queue/job-queue.js';
import type { BookingWithService } from '../booking/bookings.js';
import type { Reply } from '../messages/reply.js';
import { formatWhen } from '../messages/when.js';
import { commitDelivery, releaseHeld, storeVersionFile, type PipelineDeps, type StoredFile, type VersionKind } from './deliveries.js';
import type { ArchiveOutcome, UploadOutcome } from '../files/uploads.js';
import type { VersionJobs } from './version-jobs.js';
import { holdFor, sessionAhead, type Hold, type SessionFacts } from './holds.js';
import { aboutDuration, measuredSpeed, overallProgress } from './progress.js';
import { RevisionRepository } from './revision-repository.js';
import { PREVIEW_JOB } from './preview-job.js';
import { releaseFileBase, releaseOf, releaseTags } from './release.js';
import { UserError } from '../errors.js';
import { audioProblemInWords } from '../files/audio-problems.js';
import { t } from '../texts.js';

/** The engine settings of one version; a revision starts from the previous version's. */
export interface MasterSettings {
  preset: Preset;
  targetLufs?: number;
  ceilingDbtp?: number;
  intensity?: number;
  bassDb?: number;
  trebleDb?: number;
  punch?: number;
  /** Match the tonal balance of the booking's latest reference upload. */
  useReference?: boolean;
}

/**
 * Settings with every default filled in, as one comparable string: {preset} and {preset,
 * targetLufs: −14, bassDb: 0} master the same when −14 is the preset's target.
 */
export function effectiveSettings(s: MasterSettings): string {
  const p = presets[s.preset] ?? presets.streaming;
  return JSON.stringify([
    s.preset,
    s.targetLufs ?? p.targetLufs,
    s.ceilingDbtp ?? p.ceilingDbtp,
    s.intensity ?? DEFAULT_INTENSITY,
    s.bassDb ?? 0,
    s.trebleDb ?? 0,
    s.punch ?? 0,
    Boolean(s.useReference),
  ]);
}

export interface MasterJob {
  bookingId: string;
  version: number;
  settings: MasterSettings;
  revisionId?: string;
}

export type MasterRunner = (job: MasterFileJob, progress: (stage: string, fraction: number) => void) => Promise<MasterSummary>;

export interface PipelineSettings {
  preset: Preset;
  /** Where jobs unpack their working files. */
  workDir?: string;
  /** How the engine is run; a worker thread by default. */
  runMaster?: MasterRunner;
  /** The longest input mastered (MASTER_MAX_MINUTES), in seconds. */
  masterMaxSeconds?: number;
}

const stageTexts: Record<string, () => string> = {
  queued: () => t('stage-queued'),
  fetch: () => t('stage-fetch'),
  mix: () => t('stage-mix'),
  analyse: () => t('stage-analyse'),
  eq: () => t('stage-eq'),
  compress: () => t('stage-compress'),
  limit: () => t('stage-limit'),
  verify: () => t('stage-verify'),
  encode: () => t('stage-encode'),
  store: () => t('stage-store'),
};
const stageLabel = (stage: string): string | undefined => stageTexts[stage]?.();

/** What an engineer's own files can be, as the next version carries them (Discord's /deliver, `mixdesk desk deliver`). */
export const engineerFileKinds = ['full', 'instrumental', 'acappella', 'master'] as const;
export type EngineerFileKind = (typeof engineerFileKinds)[number];

export class Pipeline {
  constructor(
    private readonly d: PipelineDeps,
    private readonly s: PipelineSettings,
    private readonly jobs: VersionJobs,
  ) {
    jobs.register<MasterJob>({
      name: 'master',
      kind: 'master',
      run: (job, info) => this.runMaster(job, info),
      failure: (job, error, info) => ({
        progress: (ref) => t('progress-stopped', { version: job.version, ref }),
        artist: (ref, reason) => t('master-failed', { ref, version: job.version, reason }),
        alert: (ref) => t('master-failed-alert', { version: job.version, ref, attempts: info.attempt, error: error.message }),
      }),
      resume: async (d) => {
        // A revision's version answers the revision still in progress.
        const revision = await new RevisionRepository(this.d.db).inProgressUnanswered(d.bookingId);
        const settings = JSON.parse(d.settings) as MasterSettings;
        return { bookingId: d.bookingId, version: d.version, settings, ...(d.version > 1 && revision ? { revisionId: revision.id } : {}) };
      },
    });
  }

  /** After a file arrived in chat or on the web: starts what it makes possible, and says so. */
  async afterUpload(outcome: UploadOutcome | ArchiveOutcome): Promise<Reply[]> {
    const fresh = ('archive' in outcome ? outcome.received : [outcome]).filter((o) => !o.duplicate);
    // The engineer prepares an attended session from its files: they hear when files arrive.
    const first = fresh[0];
    if (first && first.booking.kind !== 'unattended') {
      await this.d.bookingAlerts?.filesForSession(
        await this.d.bookings.withClient(first.booking.id),
        fresh.map((o) => o.upload.fileName),
      );
    }
    const mixes = fresh.filter((o) => o.upload.role === 'mix');
    const last = mixes.at(-1);
    if (!last) return [];
    const booking = await this.d.bookings.get(last.booking.id);
    if (booking.service.code !== 'master') return [];
    switch (booking.status) {
      case 'requested':
        return [{ text: t('master-waits-for-confirm', { file: last.upload.fileName, ref: booking.reference }) }];
      case 'confirmed':
      case 'awaiting-files':
        await this.startFirstMaster(booking);
        return [
          {
            text: sessionAhead(booking, this.d.clock.now())
              ? t('master-for-session', { when: formatWhen(booking.startsAt!, booking.timeZone) })
              : t('master-starting', { file: last.upload.fileName, estimate: await this.estimateText(last.upload.durationSec) }),
          },
        ];
      case 'in-progress':
        return [{ text: t('master-newer-mix', { file: last.upload.fileName }) }];
      default:
        return [];
    }
  }

  /**
   * The first version, once a confirmed mastering booking has its mix (also after a late confirm).
   * Before an attended session it is the engineer's starting point: the booking waits for its
   * session, and a newer mix sent before it gets a new starting point.
   */
  async startFirstMaster(booking: BookingWithService): Promise<void> {
    const settings = this.defaultSettings();
    if (sessionAhead(booking, this.d.clock.now())) {
      if (await this.d.versions.find(booking.id, 1)) await this.masterNext(booking.id, settings);
      else await this.enqueueMaster({ bookingId: booking.id, version: 1, settings });
      return;
    }
    if (booking.status === 'confirmed' || booking.status === 'awaiting-files')
      await this.d.bookings.transition(booking.id, 'in-progress', 'pipeline', 'mix received: automatic master');
    await this.enqueueMaster({ bookingId: booking.id, version: 1, settings });
  }

  /** What a booking's first version is mastered with: the studio's preset, nothing moved. */
  defaultSettings(): MasterSettings {
    return { preset: this.s.preset };
  }

  /** Masters a known version (the first, or one a restart resumes): adding it again (a double click, a repeated upload) changes nothing. */
  async enqueueMaster(job: MasterJob): Promise<void> {
    await this.d.versions.prepare(job.bookingId, job.version, 'master', job.settings);
    await this.jobs.enqueue('master', job);
  }

  /** Whether a version the engine made for this booking now would wait for the engineer (and why). */
  holdNow(b: SessionFacts): Hold | null {
    return holdFor(b, this.d.review, this.d.clock.now());
  }

  /** Masters the booking's next version with these settings; returns its number. */
  async masterNext(bookingId: string, settings: MasterSettings, revisionId?: string): Promise<number> {
    const { version } = await this.d.versions.prepareNext(bookingId, 'master', settings);
    await this.jobs.enqueue<MasterJob>('master', { bookingId, version, settings, ...(revisionId ? { revisionId } : {}) });
    return version;
  }

  /**
   * The version already made (or being made) with these settings from the booking's current mix,
   * or null: the same master twice is never made, nor delivered as new.
   */
  async sameVersion(bookingId: string, settings: MasterSettings): Promise<number | null> {
    const mix = await this.d.files.latest(bookingId, 'mix');
    if (!mix) return null;
    const wanted = effectiveSettings(settings);
    const same = (await this.d.versions.all(bookingId)).find(
      (v) =>
        v.kind === 'master' &&
        ((v.status === 'preparing' && !v.sourceUploadId) || (['ready', 'held'].includes(v.status) && v.sourceUploadId === mix.id)) &&
        effectiveSettings(JSON.parse(v.settings) as MasterSettings) === wanted,
    );
    return same?.version ?? null;
  }

  /** "about 10 seconds, going by this studio's recent masters": how long mastering this much audio takes here. */
  private async estimateText(durationSec: number | null): Promise<string> {
    const { speed, measured } = await measuredSpeed(this.d.versions, this.d.files);
    const time = aboutDuration((durationSec ?? 0) / speed);
    return measured ? t('estimate-measured', { time }) : t('estimate-first-guess', { time });
  }

  /** "Master version 2: limiting to the target loudness (60%, about 5 seconds left)." for /status, or null. */
  async progressOf(bookingId: string): Promise<string | null> {
    const d = await this.d.versions.latestPreparing(bookingId);
    if (!d) return null;
    const stage = stageLabel(d.stage ?? 'queued') ?? d.stage;
    const mixdown = d.kind === ('mixdown' satisfies VersionKind);
    const vars = { version: d.version, stage: stage ?? '' };
    if (!d.stage || d.stage === 'queued') return mixdown ? t('progress-mixdown', vars) : t('progress-master', vars);
    const percent = Math.round(d.progress * 100);
    if (mixdown) return t('progress-mixdown-percent', { ...vars, percent });
    const mix = await this.d.files.latest(bookingId, 'mix');
    const { speed } = await measuredSpeed(this.d.versions, this.d.files);
    // What is left of the expected time, and never more than the share of it the steps still to
    // run take: the studio's measured speed counts queue waits, so near the end the countdown alone
    // said "95%, about 2 minutes left" for a job done 15 s later.
    const total = (mix?.durationSec ?? 0) / speed;
    const left = Math.min(total - (this.d.clock.now().getTime() - d.createdAt.getTime()) / 1000, total * (1 - d.progress));
    return t('progress-master-percent', { ...vars, percent, left: left > 2 ? t('progress-left', { time: aboutDuration(left) }) : t('progress-almost-done') });
  }

  private async runMaster(data: MasterJob, info: JobInfo): Promise<void> {
    const delivery = await this.d.versions.prepare(data.bookingId, data.version, 'master', data.settings, null);
    if (delivery.status !== 'preparing') return; // finished (or given up) by an earlier try
    const booking = await this.d.bookings.withClient(data.bookingId);
    if (booking.status === 'cancelled') {
      await this.d.versions.fail(delivery.id, 'booking cancelled');
      return;
    }
    const mix = await this.d.files.latest(booking.id, 'mix');
    if (!mix) throw new AudioFileError('(none)', 'there is no mix stored for this booking', { code: 'no-mix' });
    const reference = data.settings.useReference ? await this.d.files.latest(booking.id, 'reference') : null;
    const previous = await this.d.versions.latestReady(booking.id);
    const newSource = previous?.sourceUploadId && previous.sourceUploadId !== mix.id ? mix.fileName : undefined;
    this.d.log.info({ booking: booking.reference, version: data.version, attempt: info.attempt, pid: process.pid }, 'master started');

    // An attended session's starting point is the engineer's: the artist hears of it in the session.
    const artistFollows = !sessionAhead(booking, this.d.clock.now());
    const announce = async (write: () => string) => {
      if (!artistFollows) return;
      await this.d.outbox
        .progressToArtist(`progress:${delivery.id}`, booking, () => ({ text: write(), visibility: 'private' }))
        .catch((err: unknown) => this.d.log.warn({ err }, 'progress message not recorded'));
    };
    const progress = this.progressWriter(delivery.id, (stage) =>
      announce(() => t('progress-running', { version: data.version, ref: booking.reference, stage: stageLabel(stage) ?? stage })),
    );
    const base = this.s.workDir ?? tmpdir();
    await mkdir(base, { recursive: true });
    const work = await mkdtemp(path.join(base, ownedName('master-')));
    try {
      progress('fetch', 0);
      const input = path.join(work, `in-${safeFileName(mix.fileName)}`);
      await pipe(await this.d.store.get(mix.storageKey), createWriteStream(input));
      const refPath = reference ? path.join(work, `ref-${safeFileName(reference.fileName)}`) : undefined;
      if (reference && refPath) await pipe(await this.d.store.get(reference.storageKey), createWriteStream(refPath));

      const chosen = isOutputFormat(booking.client.deliveryFormat) ? booking.client.deliveryFormat : defaultFormat;
      // A CD master is delivered in 16-bit (the engine masters it at 44.1 kHz and dithers it).
      const format = formatForDepth(chosen, (presets[data.settings.preset] as PresetDef).delivery?.bitDepth);
      // "Artist - Title (Master v2)" once the artist gave them (/release), else after the mix.
      const release = releaseOf(booking.release);
      const base = releaseFileBase(release, data.version) ?? `${mix.fileName.replace(/\.[^.]+$/, '')} - master v${data.version}`;
      // The MP3 preview follows the delivery (preview-job.ts): LAME alone takes longer than the master.
      const files: { kind: string; format: string; name: string; local: string }[] = [
        { kind: 'master', format, name: `${base}.${extensionOf[format]}`, local: '' },
      ];
      for (const [i, f] of files.entries()) f.local = path.join(work, `out-${i}.${extensionOf[f.format as OutputFormat]}`);
      const png = path.join(work, 'report.png');
      const s = data.settings;
      const run = this.s.runMaster ?? masterFileInThread;
      const summary = await run(
        {
          input,
          name: mix.fileName,
          ...(refPath ? { reference: refPath } : {}),
          outputs: files.map((f) => ({ path: f.local, format: f.format as OutputFormat })),
          reportPng: png,
          reportLabels: reportLabelsFor(booking.client),
          tags: releaseTags(release),
          ...(this.s.masterMaxSeconds ? { maxSeconds: this.s.masterMaxSeconds } : {}),
          options: {
            preset: s.preset,
            ...(s.targetLufs !== undefined ? { targetLufs: s.targetLufs } : {}),
            ...(s.ceilingDbtp !== undefined ? { ceilingDbtp: s.ceilingDbtp } : {}),
            ...(s.intensity !== undefined ? { intensity: s.intensity } : {}),
            tone: { bassDb: s.bassDb ?? 0, trebleDb: s.trebleDb ?? 0 },
            punch: s.punch ?? 0,
          },
        },
        progress,
      );

      progress('store', 0);
      const stored: StoredFile[] = [];
      for (const f of [...files, { kind: 'report', format: 'png', name: `${base} report.png`, local: png }])
        stored.push(await storeVersionFile(this.d, booking.id, data.version, { kind: f.kind, format: f.format, fileName: f.name, local: f.local }));
      const hold = await this.finish(delivery.id, booking, data, mix.id, stored, summary, newSource);
      // An MP3 master needs none, unless the balance holds it back (the job decides).
      await this.jobs.enqueueFollowUp(PREVIEW_JOB, { bookingId: booking.id, version: data.version });
      await progress.settled();
      if (hold !== false) await announce(() => t(hold === 'review' ? 'progress-review' : 'progress-ready', { version: data.version, ref: booking.reference }));
      this.d.log.info(
        { booking: booking.reference, version: data.version, lufs: summary.after.loudness.integratedLufs, hold, pid: process.pid },
        hold ? 'master held' : 'master delivered',
      );
    } finally {
      await progress.settled();
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * Progress into the delivery row (for /status) at most twice a second, and to the chat at each
   * new stage (one message, edited where the platform can), in order, without holding the job up;
   * `settled()` waits for what was written so far, so the last word ("ready", or the failure) is
   * never overtaken by a step announced before it (seen on a busy PostgreSQL: "storing the files…"
   * left standing under a delivered master).
   */
  private progressWriter(
    deliveryId: string,
    onStage: (stage: string) => Promise<unknown>,
  ): ((stage: string, fraction: number) => void) & { settled(): Promise<void> } {
    let last = { stage: '', at: 0 };
    let chain = Promise.resolve();
    const write = (stage: string, fraction: number) => {
      const now = Date.now();
      if (stage === last.stage && now - last.at < 500) return;
      if (stage !== last.stage) chain = chain.then(() => onStage(stage)).then(() => undefined);
      last = { stage, at: now };
      chain = chain
        .then(() => this.d.versions.stage(deliveryId, stage, overallProgress('master', stage, fraction)))
        .then(
          () => undefined,
          () => undefined,
        );
    };
    return Object.assign(write, { settled: () => chain });
  }

  private async finish(
    deliveryId: string,
    booking: BookingWithService,
    data: MasterJob,
    sourceUploadId: string,
    files: StoredFile[],
    m: MasterSummary,
    newSource?: string,
  ): Promise<Hold | null | false> {
    const a = m.after;
    const committed = await commitDelivery(this.d, {
      deliveryId,
      booking,
      files,
      actor: 'pipeline',
      engine: true,
      ready: {
        sourceUploadId,
        reportKey: files.find((f) => f.kind === 'report')!.storageKey,
        reportText: m.reportText,
        settings: JSON.stringify(data.settings),
        waveform: JSON.stringify(m.waveform),
      },
      facts: {
        kind: 'master',
        lufs: a.loudness.integratedLufs,
        dbtp: a.peaks.truePeakDbtp,
        target: m.settings.targetLufs,
        ceiling: m.settings.ceilingDbtp,
        targetMet: m.targetMet,
        warnings: m.warnings,
        notes: m.notes,
        ...(newSource ? { newSource } : {}),
        sourceLufs: m.before.loudness.integratedLufs,
        curve: m.loudnessCurve,
      },
      ...(data.revisionId ? { revisionId: data.revisionId } : {}),
    });
    return committed && committed.hold;
  }

  /**
   * The outline of a file the engineer sent, for the listening page's waveform; none when the
   * engine cannot read it (the version is delivered all the same, the page shows no waveform).
   */
  /**
   * Reads each of the engineer's files whole (on a task thread), before a version is taken: one
   * that is not audio (a DAW project attached by mistake) or is damaged is refused by name, and
   * nothing reaches the artist. The outline of `outlined` is kept for the listening page.
   */
  private async checkEngineerFiles(
    files: readonly { name: string; path: string }[],
    outlined: { name: string; path: string } | undefined,
  ): Promise<{ waveform: Waveform | undefined; containers: string[] }> {
    let waveform: Waveform | undefined;
    const containers: string[] = [];
    for (const f of files) {
      try {
        const read = await analyzeFileInThread({ path: f.path, name: f.name, limits: {}, waveform: f === outlined });
        if (f === outlined) waveform = read.waveform;
        containers.push(read.format.container ?? (f.name.split('.').pop() ?? '').toLowerCase());
      } catch (err) {
        if (err instanceof AudioFileError) throw new UserError(t('deliver-not-audio', { file: f.name, problem: audioProblemInWords(err) }));
        throw err;
      }
    }
    return { waveform, containers };
  }

  /** The engineer sends a held version (a session's starting point, a reviewed one) to the artist. */
  async deliverHeld(booking: BookingWithService, version: number, actor: string): Promise<void> {
    await releaseHeld(this.d, booking, version, actor);
    // Released with a balance due, it needs its preview (made already for a master).
    await this.jobs.enqueueFollowUp(PREVIEW_JOB, { bookingId: booking.id, version });
    this.d.log.info({ booking: booking.reference, version, actor }, 'held version delivered');
  }

  /**
   * Files the engineer made (a master, or a mix's full / instrumental / a cappella renders) become
   * the next version and go to the artist the same way as the automatic master.
   */
  async deliverFiles(
    bookingId: string,
    files: { name: string; path: string; kind: EngineerFileKind }[],
    actor: string,
    note?: string,
  ): Promise<{ version: number; reference: string }> {
    const booking = await this.d.bookings.get(bookingId);
    if (['cancelled', 'rescheduled', 'completed', 'requested'].includes(booking.status)) {
      throw new UserError(t('deliver-nothing-to-deliver', { ref: booking.reference, status: statusText(booking.status) }));
    }
    if (!files.length) throw new UserError(t('deliver-attach'));
    const { waveform, containers } = await this.checkEngineerFiles(files, files.find((f) => f.kind === 'master') ?? files.find((f) => f.kind === 'full'));
    // The number is taken first, so the files are stored under the version they belong to.
    const delivery = await this.d.versions.prepareNext(bookingId, 'engineer', { engineer: true }, null);
    const version = delivery.version;
    const stored: StoredFile[] = [];
    try {
      // Stored as what each file is (its container, served as audio/wav, audio/aiff…), whatever its name says.
      for (const [i, f] of files.entries())
        stored.push(
          await storeVersionFile(this.d, bookingId, version, {
            kind: f.kind,
            format: containers[i]!,
            fileName: f.name,
            local: f.path,
          }),
        );
    } catch (err) {
      // Not stored, not delivered: the version says so instead of staying "being prepared".
      await this.d.versions.fail(delivery.id, `the files could not be stored: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
    await commitDelivery(this.d, {
      deliveryId: delivery.id,
      booking,
      files: stored,
      actor,
      engine: false,
      ready: { reportText: note ?? null, ...(waveform ? { waveform: JSON.stringify({ after: waveform }) } : {}) },
      facts: { kind: 'engineer', renders: [...new Set(files.map((f) => f.kind))], ...(note ? { note } : {}) },
    });
    await this.jobs.enqueueFollowUp(PREVIEW_JOB, { bookingId, version });
    this.d.log.info({ booking: booking.reference, version, files: files.length, actor }, 'engineer delivery');
    return { version, reference: booking.reference };
  }
}
