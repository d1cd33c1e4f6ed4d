// The JobQueue port: heavy or retryable work (mastering, encoding, delivering, reminders) runs as
// named jobs. In-process by default; BullMQ on Redis when workers run on other machines. Both pass
// the same contract tests (tests/queue).

export interface JobOptions {
  /** A job with an id that is already queued, running or done is not added again. */
  jobId?: string;
  /** Tries in all (default 3). */
  attempts?: number;
  /** First retry delay; doubles with each further try (default 1000 ms). */
  backoffMs?: number;
  delayMs?: number;
}

export interface JobInfo {
  id: string;
  name: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

/** Told of a job that failed its last try (it must not throw; a promise it returns is awaited where the queue can). */
export type FailedListener = (name: string, data: unknown, error: Error, job: JobInfo) => void | Promise<void>;

/** Where a job stands: waiting (or delayed for a retry), active, done, failed for good (with why), or unknown to the queue. */
export interface JobStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'unknown';
  reason?: string;
}

export interface JobQueue {
  readonly kind: 'inprocess' | 'redis';
  /** Queues a job; resolves with its id (the existing one for a duplicate jobId). */
  add<T>(name: string, data: T, opts?: JobOptions): Promise<string>;
  /** Where the job `id` of `name` stands (unknown: never added here, removed, or forgotten by a restart). */
  status(name: string, id: string): Promise<JobStatus>;
  /** Starts taking jobs of `name` in this process. */
  process<T>(name: string, handler: JobHandler<T>, opts?: { concurrency?: number }): Promise<void>;
  /** Called once when a job has failed its last try; the in-process queue counts it as running until the listener's promise settles. */
  onFailed(listener: FailedListener): void;
  close(): Promise<void>;
}

export const defaultAttempts = 3;
export const defaultBackoffMs = 1000;
