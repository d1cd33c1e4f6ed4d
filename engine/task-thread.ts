// A task thread's body (see thread-pool.ts): runs the engine tasks it is sent, one at a time, and
// posts back their progress and result under the task's id.
import { parentPort } from 'node:worker_threads';
import { threadError } from './engine-thread.js';
import { tasks, type TaskName } from './tasks.js';
import { warmUp } from './parallel.js';

const port = parentPort!;
// The engine's helper thread (a second core for decoding and encoding) boots while the first job's
// file is read: a thread started for one preview or mixdown would otherwise run it on one core.
warmUp();
port.on('message', ({ id, task, job }: { id: number; task: TaskName; job: never }) => {
  const progress = (stage: string, fraction: number) => port.postMessage({ id, progress: [stage, fraction] });
  tasks[task](job, progress).then(
    (done) => port.postMessage({ id, done }),
    (err: unknown) => port.postMessage({ id, ...threadError(err) }),
  );
});
