// The engine's task threads, so the thread that answers chats, uploads and /healthz never decodes,
// measures or encodes audio itself. Light work (analysis, which streams the file in pieces) runs
// on a few threads kept for the next job: starting one costs ~0.3 s through tsx, more than a
// stem's analysis. Heavy work (a preview or a mixdown reads whole songs into memory) gets a thread
// of its own that ends with the job, taking what it held with it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { errorFromThread, type FromThread } from './engine-thread.js';
import type { AnalyzeFileJob, FileAnalysis } from './analyze-file.js';
import type { TaskJob, TaskName, TaskResult } from './tasks.js';
import type { Progress } from './types.js';
import { threadFile } from './types.js';

type Reply = FromThread<unknown> & { id: number };

interface Pending {
  id: number;
  task: TaskName;
  job: unknown;
  fileName: string;
  progress?: Progress;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

const ran = new Map<TaskName, number>();
/** How many tasks of a kind have run on task threads in this process (tests check work left the main thread). */
export const tasksRun = (task: TaskName): number => ran.get(task) ?? 0;

function startThread(): Worker {
  return new Worker(threadFile('task-thread'));
}

function settle(p: Pending, m: Reply): boolean {
  if ('progress' in m) {
    p.progress?.(...m.progress);
    return false;
  }
  if ('done' in m) p.resolve(m.done);
  else p.reject(errorFromThread(m.error, p.fileName));
  return true;
}

let nextId = 1;

/** Threads kept for light tasks, at most `size` at once; jobs beyond that wait their turn in order. */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly waiting: Pending[] = [];

  constructor(readonly size: number) {}

  run<N extends TaskName>(task: N, job: TaskJob<N>, fileName: string, progress?: Progress): Promise<TaskResult<N>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: nextId++, task, job, fileName, ...(progress ? { progress } : {}), resolve: resolve as (v: unknown) => void, reject });
      this.next();
    });
  }

  /** Jobs running and waiting (the event-loop watch names them). */
  get load(): { running: number; waiting: number } {
    return { running: this.busy.size, waiting: this.waiting.length };
  }

  /** Ends the threads (idle ones; a running job ends first). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private next(): void {
    while (this.waiting.length && (this.idle.length || this.busy.size < this.size)) {
      const p = this.waiting.shift()!;
      const worker = this.idle.pop() ?? this.spawn();
      this.busy.set(worker, p);
      // A thread with work keeps the process alive (a command waiting for its analysis); an idle one does not.
      worker.ref();
      ran.set(p.task, tasksRun(p.task) + 1);
      worker.postMessage({ id: p.id, task: p.task, job: p.job });
    }
  }

  private spawn(): Worker {
    const worker = startThread();
    worker.on('message', (m: Reply) => {
      const p = this.busy.get(worker);
      if (!p || m.id !== p.id || !settle(p, m)) return;
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      this.next();
    });
    const lost = (err: Error) => {
      const p = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      p?.reject(err);
      this.next();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a task thread stopped (exit code ${code})`)));
    return worker;
  }
}

/** Runs one heavy task on a thread of its own, ended with the job. */
export function runOnOwnThread<N extends TaskName>(task: N, job: TaskJob<N>, fileName: string, progress?: Progress): Promise<TaskResult<N>> {
  ran.set(task, tasksRun(task) + 1);
  return new Promise((resolve, reject) => {
    const worker = startThread();
    const id = nextId++;
    let done = false;
    const p: Pending = {
      id,
      task,
      job,
      fileName,
      ...(progress ? { progress } : {}),
      resolve: (v) => {
        done = true;
        resolve(v as TaskResult<N>);
        void worker.terminate();
      },
      reject: (e) => {
        done = true;
        reject(e);
        void worker.terminate();
      },
    };
    worker.on('message', (m: Reply) => void (m.id === id && settle(p, m)));
    worker.on('error', (err) => !done && p.reject(err));
    worker.on('exit', (code) => !done && p.reject(new Error(`${task} stopped (exit code ${code})`)));
    worker.postMessage({ id, task, job });
  });
}

let shared: ThreadPool | undefined;
/** The process's pool for light tasks, one thread per core (at least one). */
export function lightTasks(): ThreadPool {
  shared ??= new ThreadPool(Math.max(1, availableParallelism()));
  return shared;
}

/** Analyses a file on the light pool: the service keeps answering chats, uploads and /healthz meanwhile. */
export function analyzeFileInThread(job: AnalyzeFileJob): Promise<FileAnalysis> {
  return lightTasks().run('analyze', job, job.name);
}
