// What the main thread hands the helper thread (parallel.ts → parallel-worker.ts): the jobs and
// the envelope they travel in. Types only, so neither side imports the other.
import type { CompressorSettings } from './dsp/compressor.js';
import type { WavFormat, WavOptions } from './io/pcm-codec.js';
import type { LimitRange } from './limit-range.js';
import type { ToneRange } from './tone-range.js';

export type Job =
  | { op: 'envelope'; channels: Float32Array[]; out: Float32Array; shift: number; floor: number; from: number; to: number }
  | { op: 'truePeak'; x: Float32Array; from: number; to: number; samplePeak?: number }
  | { op: 'truePeakOvers'; x: Float32Array; limit: number; from: number; to: number; reach: number; out: Float64Array }
  | { op: 'energies'; x: Float32Array; sampleRate: number; out: Float64Array }
  | { op: 'stereoEnergies'; l: Float32Array; r: Float32Array; sampleRate: number; warmFrom: number; from: number; to: number; out: Float64Array }
  | { op: 'stats'; l: Float32Array; r: Float32Array; size: number; first: number; last: number; pairs: Float64Array; out: Float64Array }
  | { op: 'pcm'; bytes: Uint8Array; fmt: WavFormat; out: Float32Array; channel: number; at: number }
  | { op: 'limitRound'; range: LimitRange; out: Float64Array; stats: Float64Array }
  | { op: 'limitApply'; range: LimitRange; sums: Float64Array }
  | { op: 'tone'; range: ToneRange }
  | {
      op: 'compress';
      channels: Float32Array[];
      sampleRate: number;
      settings: CompressorSettings;
      from: number;
      to: number;
      warm: Float32Array[];
      stats: Float64Array;
    }
  /** removeOffset of x and its followers → out: [how many came off, the values…]. */
  | { op: 'offset'; x: Float32Array; followers: Float32Array[]; residual: number; out: Float64Array; means?: number[] }
  /** The average spectrum of a stereo pair's mid or side → out: its band levels (dB). */
  | { op: 'spectrum'; l: Float32Array; r: Float32Array; sampleRate: number; part: 'mid' | 'side'; out: Float64Array }
  | { op: 'encode'; src: Float32Array; channel: number; channels: number; o: WavOptions; from: number; to: number; seed: Uint32Array; out: Uint8Array }
  | { op: 'encodeFrames'; channels: Float32Array[]; o: WavOptions; from: number; to: number; states: number[]; out: Uint8Array; ends: Int32Array }
  /** Taken by onHelper while the caller goes on: the master's true peak once made an MP3 (truePeakAfterMp3) → [dBTP, stretches]. */
  | { op: 'mp3TruePeak'; channels: Float32Array[]; sampleRate: number };

export interface Envelope {
  job: Job;
  /** [0]: 0 while running, 1 when done, 2 on failure. */
  flag: Int32Array;
  result: Float64Array;
}
