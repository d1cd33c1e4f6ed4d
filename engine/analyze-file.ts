// Analysing a file: read in pieces (within the caller's limits) and measured as it is read, so
// memory follows the piece, not the file. `analyzeFileInThread` (thread-pool.ts) does it on one of
// the engine's task threads, so the service keeps answering chats, uploads and /healthz while files are analysed.
import path from 'node:path';
import { AnalysisStream } from './analysis/analysis-stream.js';
import type { Analysis } from './analysis/analyze.js';
import { StemCharacterMeter, type StemCharacter } from './analysis/stem-character.js';
import { WaveformMeter, type Waveform } from './analysis/waveform.js';
import { openAudioStream } from './io/audio-stream.js';
import type { ReadLimits } from './io/index.js';

export interface AnalyzeFileJob {
  path: string;
  /** Names the file in audio errors. */
  name: string;
  limits: ReadLimits;
  /** Also measure what the mixing estimate reads (stems). */
  character?: boolean;
  /** Also draw its outline (a version's, for the listening page). */
  waveform?: boolean;
  /** Frames the spectrum reads (see MATCHING_FRAMES); the analysis's 128 when not said. */
  spectrumFrames?: number;
}

export type FileAnalysis = Analysis & { character?: StemCharacter; waveform?: Waveform };

export async function analyzeFile(job: AnalyzeFileJob): Promise<FileAnalysis> {
  const stream = await openAudioStream(job.path, job.limits, job.name);
  const analysis = new AnalysisStream(stream, job.spectrumFrames);
  const character = job.character ? new StemCharacterMeter(stream.sampleRate) : null;
  const waveform = job.waveform ? new WaveformMeter(stream.sampleRate) : null;
  for await (const piece of stream.pieces()) {
    analysis.add(piece);
    character?.add(piece);
    waveform?.add(piece);
  }
  return {
    ...analysis.result(),
    ...(character ? { character: character.result() } : {}),
    ...(waveform ? { waveform: waveform.result() } : {}),
  };
}

/** `mixdesk analyze FILE`: the file's name in messages, no length limit. */
export const analyzeAudioFile = (file: string): Promise<Analysis> => analyzeFile({ path: file, name: path.basename(file), limits: {} });
