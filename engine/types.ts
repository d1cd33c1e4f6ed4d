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
