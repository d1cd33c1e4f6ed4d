// The analysis thread's body (see analyze-file.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { threadError } from './engine-thread.js';
import { analyzeFile, type AnalyzeFileJob } from './analyze-file.js';

const port = parentPort!;
try {
  port.postMessage({ done: await analyzeFile(workerData as AnalyzeFileJob) });
} catch (err) {
  port.postMessage(threadError(err));
}
