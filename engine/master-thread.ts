// The mastering thread's body (see master-file.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { threadError } from './engine-thread.js';
import { masterFile, type MasterFileJob } from './master-file.js';
import { helperJobCount } from './parallel.js';

const port = parentPort!;
try {
  const done = await masterFile(workerData as MasterFileJob, (stage, f) => port.postMessage({ progress: [stage, f] }));
  port.postMessage({ done, helperJobs: helperJobCount() });
} catch (err) {
  port.postMessage(threadError(err));
}
