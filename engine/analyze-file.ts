// Analysing a file: decoding (within the caller's limits) and measuring. `analyzeFileInThread`
// does it on a thread of its own, so the service keeps answering chats, uploads and /healthz
// while a long upload is analysed.
import { analyze, type Analysis } from './analysis/analyze.js';
import { runEngineThread } from './engine-thread.js';
import { readAudioFile, type ReadLimits } from './io/index.js';

export interface AnalyzeFileJob {
  path: string;
  /** Names the file in audio errors. */
  name: string;
  limits: ReadLimits;
}

export async function analyzeFile(job: AnalyzeFileJob): Promise<Analysis> {
  return analyze(await readAudioFile(job.path, job.limits));
}

export function analyzeFileInThread(job: AnalyzeFileJob): Promise<Analysis> {
  return runEngineThread<Analysis>('analyze-thread', job, job.name);
}
