// Everything the studio reports about a file. Field names are a stable API (README: "Analysis JSON").
import { gainToDb, type AudioData } from '../types.js';
import type { ChannelStats } from './stats.js';
import { averageSpectrum, type Spectrum } from './spectrum.js';
import { parallelLoudness, parallelStats, parallelTruePeak } from '../parallel.js';
import type { Loudness } from './loudness.js';

export interface Analysis {
  format: { container: string | null; sampleRate: number; channels: number; bitDepth: number | null; durationSec: number };
  loudness: { integratedLufs: number; rangeLu: number; momentaryMaxLufs: number; shortTermMaxLufs: number };
  peaks: { truePeakDbtp: number; samplePeakDbfs: number };
  /** Mean of each channel (linear, full scale = 1) and in dBFS. */
  dcOffset: { perChannel: number[]; maxDbfs: number };
  /** Phase correlation, -1..1: overall and the worst 1 s section (start time in seconds). */
  phase: { correlation: number; worstCorrelation: number; worstAtSec: number };
  /** Side/mid RMS ratio: 0 mono, ~1 very wide, >1 more out-of-phase than in-phase. */
  stereoWidth: number;
  /** Runs of 3 or more consecutive samples at full scale. */
  clipping: { runs: number; clippedSamples: number; longestRun: number; firstAtSec: number | null };
  /** Leading and trailing time below -60 dBFS. */
  silence: { leadingSec: number; trailingSec: number };
  /** Short-term loudness every 100 ms (LUFS). */
  shortTermLufs: number[];
  spectrum: Spectrum;
}

const round = (v: number, digits = 2) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);
// Silence (or one silent side) has no phase problem to report.
const corr = (ll: number, rr: number, lr: number) => (ll > 1e-12 && rr > 1e-12 ? lr / Math.sqrt(ll * rr) : 1);

/** What the caller already measured on exactly this audio, so it is not measured twice. */
export interface KnownMeasures {
  loudness?: Loudness;
  /** The true peak over all channels (linear, as truePeak measures it). */
  truePeak?: number;
  /** averageSpectrum of the audio (its mid). */
  spectrum?: Spectrum;
}

export function analyze(audio: AudioData, known: KnownMeasures = {}): Analysis {
  const { channels, sampleRate } = audio;
  const loudness = known.loudness ?? parallelLoudness(channels, sampleRate);
  const { stats, pairs } = parallelStats(channels, halfSecond(sampleRate));
  return assembleAnalysis({
    format: { container: audio.format ?? null, sampleRate, channels: channels.length, bitDepth: audio.bitDepth ?? null },
    frames: channels[0]?.length ?? 0,
    loudness,
    stats,
    pairs,
    truePeak: known.truePeak ?? Math.max(...channels.map((c, i) => parallelTruePeak(c, stats[i]!.peak))),
    spectrum: known.spectrum ?? averageSpectrum(channels, sampleRate),
  });
}

/** Half-second blocks of left/right sums: 1 s windows (hop 0.5 s), the whole, and mid/side all come from them. */
export const halfSecond = (sampleRate: number): number => Math.max(1, Math.floor(sampleRate / 2));

/** The measures an analysis is made of, however the audio was read (whole, or streamed in pieces). */
export interface Measures {
  format: Omit<Analysis['format'], 'durationSec'>;
  frames: number;
  loudness: Loudness;
  stats: ChannelStats[];
  /** Left/right sums of half-second blocks, 3 per block (empty for mono). */
  pairs: Float64Array;
  /** Linear, over all channels. */
  truePeak: number;
  spectrum: Spectrum;
}

export function assembleAnalysis(m: Measures): Analysis {
  const { stats, pairs, loudness: loud, frames: n } = m;
  const { sampleRate } = m.format;
  const half = halfSecond(sampleRate);
  const samplePeak = Math.max(...stats.map((s) => s.peak));
  const dc = stats.map((s) => (n ? s.sum / n : 0));
  const firstClips = stats.map((s) => s.firstClip).filter((f) => f >= 0);
  const clip = {
    runs: stats.reduce((a, s) => a + s.runs, 0),
    clippedSamples: stats.reduce((a, s) => a + s.clipped, 0),
    longestRun: Math.max(...stats.map((s) => s.longest)),
    firstAtSec: firstClips.length ? Math.min(...firstClips) / sampleRate : null,
  };
  const lead = Math.min(...stats.map((s) => s.lead));
  const trail = Math.min(...stats.map((s) => s.trail));
  let phase = { correlation: 1, worstCorrelation: 1, worstAtSec: 0 };
  let width = 0;
  if (m.format.channels >= 2) {
    const blocks = Array.from({ length: pairs.length / 3 }, (_, k) => [pairs[3 * k]!, pairs[3 * k + 1]!, pairs[3 * k + 2]!] as [number, number, number]);
    const total = blocks.reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]] as [number, number, number], [0, 0, 0]);
    phase.correlation = corr(...total);
    for (let k = 0; k + 1 < blocks.length; k++) {
      const a = blocks[k]!,
        b = blocks[k + 1]!;
      const c = corr(a[0] + b[0], a[1] + b[1], a[2] + b[2]);
      if (c < phase.worstCorrelation) phase = { ...phase, worstCorrelation: c, worstAtSec: (k * half) / sampleRate };
    }
    const [ll, rr, lr] = total;
    const mid = ll + rr + 2 * lr;
    const side = ll + rr - 2 * lr;
    width = mid > 0 ? Math.sqrt(Math.max(0, side) / mid) : side > 0 ? Infinity : 0;
  }
  return {
    format: { ...m.format, durationSec: round(n / sampleRate, 3) },
    loudness: {
      integratedLufs: round(loud.integrated),
      rangeLu: round(loud.range),
      momentaryMaxLufs: round(loud.momentaryMax),
      shortTermMaxLufs: round(loud.shortTermMax),
    },
    peaks: { truePeakDbtp: round(gainToDb(m.truePeak)), samplePeakDbfs: round(gainToDb(samplePeak)) },
    dcOffset: { perChannel: dc.map((v) => round(v, 6)), maxDbfs: round(gainToDb(Math.max(...dc.map(Math.abs)))) },
    phase: { correlation: round(phase.correlation, 3), worstCorrelation: round(phase.worstCorrelation, 3), worstAtSec: round(phase.worstAtSec, 1) },
    stereoWidth: round(width, 3),
    clipping: clip,
    silence: { leadingSec: round(lead / sampleRate, 3), trailingSec: round(trail / sampleRate, 3) },
    shortTermLufs: [...loud.shortTerm].map((v) => round(v, 1)),
    spectrum: m.spectrum,
  };
}
