// One runner for every job that makes a version (the engine's master, the stems' mixdown): it
// queues them with one id per version (a repeated request adds nothing), takes them from the
// queue, reports a job whose last try failed (the version marked failed, the artist told, the
// engineer alerted) and queues again the versions a stopped process left preparing. What a job
// does is its kind's handler; everything around it is here once.
import type { Models } from '../../db/client.js';
import type { JobInfo } from '../../queue/job-queue.js';
import { failVersion, type Failure, type PipelineDeps, type VersionKind } from './deliveries.js';
import type { Version } from './versions.js';
import { t } from '../texts.js';

export interface VersionJob {
  bookingId: string;
  version: number;
}

/** What the runner needs from a kind of job. */
export interface VersionJobHandler<J extends VersionJob = VersionJob> {
  /** The queue's job name, and the kind of version it makes. */
  readonly name: Failure['job'];
  readonly kind: VersionKind;
  run(job: J, info: JobInfo): Promise<void>;
  /** The texts of its failure (the artist's, the engineer's alert, the progress message's last words). */
  failure(job: J, error: Error, info: JobInfo): Pick<Failure, 'artist' | 'alert' | 'progress'>;
  /** The job that finishes a version left preparing, or null when it cannot be finished (and was marked so). */
  resume(version: Models.DeliveryModel): Promise<J | null>;
}

/**
 * A job that finishes something about a version already made (its MP3 preview): retried like the
 * others; its last failure is the handler's to report, and the version stays as it is.
 */
export interface FollowUpHandler<J extends VersionJob = VersionJob> {
  readonly name: string;
  run(job: J, info: JobInfo): Promise<void>;
  failed(job: J, error: Error, info: JobInfo): Promise<void>;
  /** The jobs a stopped process left undone. */
  unfinished(): Promise<J[]>;
}

export interface RetrySettings {
  /** Tries per job (the last failure tells the artist and alerts the engineer). */
  attempts: number;
  backoffMs: number;
}

export class VersionJobs {
  private readonly handlers = new Map<string, VersionJobHandler>();
  private readonly followUps = new Map<string, FollowUpHandler>();

  constructor(
    private readonly d: PipelineDeps,
    private readonly s: RetrySettings,
  ) {}

  /** Every kind of job registered (masters, mixdowns, previews): what the operator's metrics count. */
  get kinds(): string[] {
    return [...this.handlers.keys(), ...this.followUps.keys()];
  }

  register<J extends VersionJob>(handler: VersionJobHandler<J>): void {
    this.handlers.set(handler.name, handler as unknown as VersionJobHandler);
  }

  registerFollowUp<J extends VersionJob>(handler: FollowUpHandler<J>): void {
    this.followUps.set(handler.name, handler as unknown as FollowUpHandler);
  }

  /** Queues a follow-up of a version; the same one twice is one job. */
  async enqueueFollowUp<J extends VersionJob>(name: string, job: J): Promise<void> {
    await this.d.queue.add(name, job, { jobId: versionJobId(name, job, 0), attempts: this.s.attempts, backoffMs: this.s.backoffMs });
  }

  /**
   * Queues the job of a version (its row exists already); the same version twice is one job. A
   * version queued again after its job ended without finishing it (`resumes`) gets a job id of its
   * own, since the queue keeps the ended one and would not add it again.
   */
  async enqueue<J extends VersionJob>(name: Failure['job'], job: J, resumes = 0): Promise<void> {
    await this.d.queue.add(name, job, { jobId: versionJobId(name, job, resumes), attempts: this.s.attempts, backoffMs: this.s.backoffMs });
  }

  /** Makes this process take version jobs of every kind. */
  async work(concurrency = 1): Promise<void> {
    this.d.queue.onFailed((name, data, error, info) => {
      const followUp = this.followUps.get(name);
      if (followUp)
        return followUp
          .failed(data as VersionJob, error, info)
          .catch((err: unknown) => this.d.log.error({ err, job: name }, 'reporting a failed follow-up failed'));
      const handler = this.handlers.get(name);
      if (!handler) return;
      const job = data as VersionJob;
      return failVersion(this.d, {
        bookingId: job.bookingId,
        version: job.version,
        job: handler.name,
        error,
        attempts: info.attempt,
        ...handler.failure(job, error, info),
      }).catch((err: unknown) => this.d.log.error({ err, job: name }, 'reporting a failed version job failed'));
    });
    for (const handler of this.handlers.values()) await this.d.queue.process<VersionJob>(handler.name, (job, info) => handler.run(job, info), { concurrency });
    for (const handler of this.followUps.values()) await this.d.queue.process<VersionJob>(handler.name, (job, info) => handler.run(job, info), { concurrency });
  }

  /**
   * Versions left preparing with no job to finish them, found at start and by the minute's tick:
   * - their job is unknown to the queue (the in-process queue forgets its jobs at a restart; Redis
   *   removed it): queued again under the same id (a job that does exist is not added twice);
   * - their job ended (failed for good, or done) without finishing them — its failure could not be
   *   reported, the database being down meanwhile: after a grace period (the report may be on its
   *   way) queued again under a new id, up to `MAX_RESUMES` times, the engineer told why; then
   *   reported failed, to the artist and the engineer, with the reason.
   */
  async resumeUnfinished(): Promise<number> {
    const byKind = new Map([...this.handlers.values()].map((h) => [h.kind as string, h]));
    let queued = 0;
    for (const version of await this.d.versions.allPreparing()) {
      const handler = byKind.get(version.kind);
      if (!handler) {
        // Files the engineer sent, interrupted before they were committed: they send them again.
        await this.d.versions.fail(version.id, 'interrupted before it was delivered; deliver the files again');
        continue;
      }
      const job = { bookingId: version.bookingId, version: version.version };
      const status = await this.d.queue.status(handler.name, versionJobId(handler.name, job, version.resumes));
      if (status.state === 'waiting' || status.state === 'active') {
        if (version.staleSeenAt) await this.d.versions.notStale(version.id);
        continue;
      }
      if (status.state === 'unknown') {
        const resumed = await handler.resume(version);
        if (!resumed) continue;
        await this.enqueue(handler.name, resumed, version.resumes);
        queued++;
        continue;
      }
      if (await this.stuck(handler, version, status.reason)) queued++;
    }
    for (const handler of this.followUps.values()) {
      for (const job of await handler.unfinished()) {
        await this.enqueueFollowUp(handler.name, job);
        queued++;
      }
    }
    if (queued) this.d.log.info({ jobs: queued }, 'unfinished version jobs queued again');
    return queued;
  }

  /** A version whose job ended without finishing it: queued again (true), reported failed, or left for the next sweep. */
  private async stuck(handler: VersionJobHandler, version: Version, reason = 'it stopped without a word'): Promise<boolean> {
    const now = this.d.clock.now();
    if (!version.staleSeenAt) {
      await this.d.versions.seenStale(version.id, now);
      return false;
    }
    if (now.getTime() - version.staleSeenAt.getTime() < STALE_GRACE_MS) return false;
    const job = { bookingId: version.bookingId, version: version.version };
    const ref = (await this.d.bookings.rows.referenceOf(version.bookingId)) ?? version.bookingId;
    if (version.resumes >= MAX_RESUMES) {
      const error = new Error(`its job ended ${version.resumes + 1} times without finishing it (last: ${reason})`);
      await failVersion(this.d, {
        ...job,
        job: handler.name,
        error,
        attempts: version.resumes + 1,
        ...handler.failure(job, error, { id: '', name: handler.name, attempt: version.resumes + 1 }),
      });
      return false;
    }
    const resumed = await handler.resume(version);
    if (!resumed || !(await this.d.versions.claimResume(version.id, version.resumes))) return false;
    await this.enqueue(handler.name, resumed, version.resumes + 1);
    const attempt = version.resumes + 2;
    this.d.log.warn({ booking: ref, version: version.version, reason, attempt }, 'a version left preparing by a job that could not finish it is made again');
    await this.d.alerts.alert(
      `version-resumed:${version.id}:${attempt}`,
      () => t('alert-version-resumed', { ref, version: version.version, reason, attempt, of: MAX_RESUMES + 1 }),
      {
        booking: ref,
      },
    );
    return true;
  }
}

/** Times a version is queued again after its job ended without finishing it. */
export const MAX_RESUMES = 2;

/** How long a version may sit preparing with its job ended before a sweep acts (its failure report may still be on its way). */
export const STALE_GRACE_MS = 2 * 60_000;

function versionJobId(name: string, job: VersionJob, resumes: number): string {
  return `${name}-${job.bookingId}-v${job.version}${resumes ? `-r${resumes}` : ''}`;
}
