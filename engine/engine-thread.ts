// Running a piece of the engine on a thread of its own, so the process that asked (the service,
// answering chats and uploads) keeps answering while the engine blocks that thread. One thread a
// job: when it ends, everything the job held goes with it.
import { Worker } from 'node:worker_threads';
import { AudioFileError } from './io/index.js';
import type { AudioProblem } from './io/errors.js';
import { threadFile } from './types.js';

/** What a thread body posts back: progress while it works, then its result or its error. */
export type FromThread<T> = { progress: [string, number] } | { done: T; helperJobs?: number } | { error: ThreadError };

/** An error as it crosses from a thread: audio problems keep their file, problem and code. */
export interface ThreadError {
  message: string;
  fileName?: string;
  problem?: string;
  said?: AudioProblem;
}

/** A thread body's error as a message (audio problems keep their file name and problem). */
export function threadError(err: unknown): FromThread<never> {
  return {
    error:
      err instanceof AudioFileError
        ? { message: err.message, fileName: err.fileName, problem: err.problem, ...(err.said ? { said: err.said } : {}) }
        : { message: err instanceof Error ? err.message : String(err) },
  };
}

/** A thread's error as the caller's: audio problems keep their type (callers tell the artist what is wrong), the rest is an Error. */
export function errorFromThread(e: ThreadError, fileName: string): Error {
  return e.problem !== undefined ? new AudioFileError(e.fileName ?? fileName, e.problem, e.said) : new Error(e.message);
}

const started = new Map<string, number>();
/** How many threads of a body this process has started (tests check work left the main thread). */
export const threadsStarted = (body: string): number => started.get(body) ?? 0;

/**
 * Runs `<body>.ts` (from sources, through its `-boot.mjs` starter) or `<body>.js` (built) with
 * `data`; resolves with what it posts as `done`. `fileName` names the file in audio errors.
 */
export function runEngineThread<T>(body: string, data: unknown, fileName: string, onMessage?: (m: FromThread<T>) => void): Promise<T> {
  started.set(body, threadsStarted(body) + 1);
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadFile(body), { workerData: data });
    let settled = false;
    worker.on('message', (m: FromThread<T>) => {
      onMessage?.(m);
      if ('done' in m) {
        settled = true;
        resolve(m.done);
      } else if ('error' in m) {
        settled = true;
        reject(errorFromThread(m.error, fileName));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`${body} stopped (exit code ${code})`));
    });
  });
}
