// The mastering thread's body (see master-file.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { AudioFileError } from './io/index.js';
import { masterFile, type MasterFileJob } from './master-file.js';
import { helperJobCount } from './parallel.js';

const port = parentPort!;
try {
  const done = await masterFile(workerData as MasterFileJob, (stage, f) => port.postMessage({ progress: [stage, f] }));
  port.postMessage({ done, helperJobs: helperJobCount() });
} catch (err) {
  port.postMessage({
    error: err instanceof AudioFileError ? { message: err.message, fileName: err.fileName, problem: err.problem } : { message: err instanceof Error ? err.message : String(err) },
  });
}
