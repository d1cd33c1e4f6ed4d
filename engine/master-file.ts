// Mastering a file to files: what the pipeline's workers run. `masterFileInThread` runs it on a
// worker thread so a service process keeps answering chats and uploads while a master is made
// (the engine itself blocks the thread it runs on, and uses a second core through its helper).
import { writeFile } from 'node:fs/promises';
import { analyze, type Analysis } from './analysis/analyze.js';
import { AudioFileError, readAudioFile, writeAudioFile, type OutputFormat, type ReleaseTags } from './io/index.js';
import { runEngineThread } from './engine-thread.js';
import { master, type MasterOptions, type MasterResult } from './master.js';
import { reportPng, reportText, type ReportLabels } from './report.js';
import { destinationChecks } from './destinations.js';
import type { EngineNote } from './notes.js';
import { waveformOf, type Waveform } from './analysis/waveform.js';
import { checkMasterable } from './master-limits.js';
import { warmUp } from './parallel.js';
import path from 'node:path';
import type { Progress } from './types.js';

export interface MasterFileJob {
  input: string;
  /** Shown in the report (the artist's file name). */
  name: string;
  reference?: string;
  outputs: { path: string; format: OutputFormat }[];
  reportPng: string;
  /** The picture's words in the artist's language (English when not given). */
  reportLabels?: ReportLabels;
  options: Omit<MasterOptions, 'reference' | 'progress' | 'inPlace' | 'parts'>;
  /** The release's title, artist, ISRC and year, written into the master's files (with the loudness measured). */
  tags?: ReleaseTags;
  /** The longest input mastered (MASTER_MAX_MINUTES), checked from its headers before it is read. */
  maxSeconds?: number;
  /** Files that sum to the input (its instrumental and a cappella), mastered with its chain so they still sum to the master. */
  parts?: { input: string; name: string; outputs: { path: string; format: OutputFormat }[] }[];
}

/** The master's numbers without the audio (small enough to pass between threads and store). */
export interface MasterSummary {
  settings: MasterResult['settings'];
  chain: MasterResult['chain'];
  targetMet: boolean;
  warnings: string[];
  /** The warnings as codes with their numbers (worded by the service in the artist's language). */
  notes: EngineNote[];
  before: Omit<Analysis, 'shortTermLufs' | 'spectrum'>;
  after: Omit<Analysis, 'shortTermLufs' | 'spectrum'>;
  reportText: string;
  /** The mastered parts' loudness and true peak, in the order given. */
  parts: { name: string; integratedLufs: number; truePeakDbtp: number }[];
  /** Short-term loudness over time, mix and master, for a listening page's strip. */
  loudnessCurve: LoudnessCurve;
  /** The mix's and the master's outlines, for the listening page's waveform. */
  waveform: { before: Waveform; after: Waveform };
}

/** Short-term loudness (LUFS) in at most `points` equal steps of `stepSec`, each the loudest short-term value in its step. */
export interface LoudnessCurve {
  stepSec: number;
  before: number[];
  after: number[];
}

/** Short-term values (every 100 ms) folded to at most `points` steps, keeping each step's loudest. */
export function foldCurve(shortTerm: readonly number[], points: number): { stepSec: number; values: number[] } {
  const per = Math.max(1, Math.ceil(shortTerm.length / points));
  const values: number[] = [];
  for (let i = 0; i < shortTerm.length; i += per) {
    const slice = shortTerm.slice(i, i + per).filter(Number.isFinite);
    values.push(slice.length ? Math.round(Math.max(...slice) * 10) / 10 : -70);
  }
  return { stepSec: per / 10, values };
}

const lean = ({ shortTermLufs: _s, spectrum: _p, ...rest }: Analysis) => rest;

export async function masterFile(job: MasterFileJob, progress?: Progress): Promise<MasterSummary> {
  // The helper thread boots (and loads the MP3 check's code) while the file is read.
  warmUp('mp3TruePeak');
  // Too long, too short or silent is found reading in pieces, before the whole song is in memory.
  await checkMasterable(job.input, job.name, job.maxSeconds);
  if (job.reference) await checkMasterable(job.reference, path.basename(job.reference), job.maxSeconds);
  const audio = await readAudioFile(job.input);
  const reference = job.reference ? await readAudioFile(job.reference) : undefined;
  const parts = await Promise.all((job.parts ?? []).map((p) => readAudioFile(p.input)));
  // Drawn before mastering: the master is made in the mix's own buffers.
  const before = waveformOf(audio);
  let result: MasterResult;
  try {
    result = master(audio, {
      ...job.options,
      inPlace: true,
      ...(reference ? { reference } : {}),
      ...(progress ? { progress } : {}),
      ...(parts.length ? { parts } : {}),
    });
  } catch (err) {
    // A silent file is the file's problem, not ours: name it like any other audio problem.
    if (err instanceof Error && /silent/.test(err.message)) throw new AudioFileError(job.name, err.message, { code: 'silent' });
    throw err;
  }
  // The PNG compresses on another thread while the audio is encoded.
  const png = reportPng(result, job.name, job.reportLabels);
  png.catch(() => undefined); // awaited below; should an output fail first, that error is the one reported
  const a = result.after;
  const tags = job.tags && {
    ...job.tags,
    loudness: { integratedLufs: a.loudness.integratedLufs, truePeakDbtp: a.peaks.truePeakDbtp, lraLu: a.loudness.rangeLu },
  };
  // The lossy check runs on the helper thread while the files are encoded here.
  const checking = destinationChecks(
    result.settings.preset,
    result.audio,
    job.outputs.map((o) => o.format),
  );
  checking.catch(() => undefined); // awaited below, after the files
  for (const [i, o] of job.outputs.entries()) {
    progress?.('encode', i / job.outputs.length);
    await writeAudioFile(o.path, result.audio, o.format, tags);
  }
  for (const [i, part] of (job.parts ?? []).entries()) for (const o of part.outputs) await writeAudioFile(o.path, result.parts[i]!, o.format);
  progress?.('encode', 1);
  const checks = await checking;
  await writeFile(job.reportPng, await png);
  return {
    settings: result.settings,
    chain: result.chain,
    targetMet: result.targetMet,
    warnings: result.warnings,
    notes: result.notes,
    before: lean(result.before),
    after: lean(result.after),
    reportText: reportText(result, job.name, checks),
    loudnessCurve: (() => {
      const before = foldCurve(result.before.shortTermLufs, 240);
      return { stepSec: before.stepSec, before: before.values, after: foldCurve(result.after.shortTermLufs, 240).values };
    })(),
    waveform: { before, after: waveformOf(result.audio) },
    parts: result.parts.map((audio, i) => {
      const a = analyze(audio);
      return { name: job.parts![i]!.name, integratedLufs: a.loudness.integratedLufs, truePeakDbtp: a.peaks.truePeakDbtp };
    }),
  };
}

let lastHelperJobs = 0;
/** How many jobs the last mastering thread to finish had handed to its helper thread (tests check both cores were used). */
export const lastMasterHelperJobs = (): number => lastHelperJobs;

// A thread per job: a thread kept for the next job held on to each job's sample buffers, about
// 100 MB a master, until its heap collected.
export function masterFileInThread(job: MasterFileJob, progress?: Progress): Promise<MasterSummary> {
  return runEngineThread<MasterSummary>('master-thread', job, job.name, (m) => {
    if ('progress' in m) progress?.(...m.progress);
    else if ('done' in m) lastHelperJobs = m.helperJobs ?? 0;
  });
}
