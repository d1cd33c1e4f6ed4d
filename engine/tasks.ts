// The engine's work that the service hands to its task threads, by name: each takes plain data (file
// paths and settings), so it can cross to a thread, and answers with plain data.
import { analyzeFile, type AnalyzeFileJob, type FileAnalysis } from './analyze-file.js';
import { readAudioFile, writeAudioFile, type ReleaseTags } from './io/index.js';
import { mixdown, type MixdownOptions, type MixdownReport, type StemInput } from './mixdown.js';
import type { Progress } from './types.js';

export interface PreviewJob {
  /** The master (or mix) to preview. */
  input: string;
  /** Where the MP3 is written. */
  output: string;
  name: string;
  tags?: ReleaseTags;
}

export interface MixdownJob {
  stems: StemInput[];
  outDir: string;
  options: Omit<MixdownOptions, 'progress'>;
}

export const tasks = {
  analyze: (job: AnalyzeFileJob): Promise<FileAnalysis> => analyzeFile(job),
  preview: async (job: PreviewJob): Promise<{ output: string }> => {
    await writeAudioFile(job.output, await readAudioFile(job.input), 'mp3', job.tags);
    return { output: job.output };
  },
  mixdown: (job: MixdownJob, progress: Progress): Promise<MixdownReport> => mixdown(job.stems, job.outDir, { ...job.options, progress }),
} satisfies Record<string, (job: never, progress: Progress) => Promise<unknown>>;

export type TaskName = keyof typeof tasks;
export type TaskJob<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;
