import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Planar audio: one Float32Array per channel, samples nominally in [-1, 1]. */
export interface AudioData {
  sampleRate: number;
  channels: Float32Array[];
  /** Bit depth of the source (16, 24, 32; 32 or 64 for float sources; 0 for lossy). */
  bitDepth?: number;
  /** Container/codec the audio came from: wav, aiff, flac, mp3. */
  format?: string;
  /** The source stored floating-point samples (WAV/AIFF-C float), which may hold non-finite values. */
  floatSource?: boolean;
}

export function frameCount(a: AudioData): number {
  return a.channels[0]?.length ?? 0;
}

export function durationSec(a: AudioData): number {
  return frameCount(a) / a.sampleRate;
}

/** Reports progress of long work as a fraction 0..1 of the stage named. */
export type Progress = (stage: string, fraction: number) => void;

export const dbToGain = (db: number): number => 10 ** (db / 20);
export const gainToDb = (g: number): number => (g > 0 ? 20 * Math.log10(g) : -Infinity);

/**
 * Whether the module at `moduleUrl` (its import.meta.url) runs from the TypeScript sources (through
 * tsx) rather than the build; tsx may add a query to the URL, so only the path counts.
 */
export const runsFromSources = (moduleUrl: string): boolean => new URL(moduleUrl).pathname.endsWith('.ts');

/** Names a build of these very sources whose threads the sources may start instead of their own (see threadFile). */
export const ENGINE_BUILD_ENV = 'MIXDESK_ENGINE_BUILD';

/**
 * The file a thread of the engine (`body`: master-thread, task-thread, parallel-worker) runs: the
 * built `<body>.js` beside a built engine; from the sources, `<body>-boot.mjs`, which loads the
 * TypeScript through tsx (about 0.4 s of a core per thread) — unless ENGINE_BUILD_ENV names the
 * build's engine folder, which the test suites' set-up does after making sure it was built from the
 * sources as they are (tests/engine-build-setup.ts).
 */
export function threadFile(body: string): URL {
  const built = process.env[ENGINE_BUILD_ENV];
  if (!runsFromSources(import.meta.url)) return new URL(`./${body}.js`, import.meta.url);
  return built ? pathToFileURL(path.join(built, `${body}.js`)) : new URL(`./${body}-boot.mjs`, import.meta.url);
}
