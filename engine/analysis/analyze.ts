// Everything the studio reports about a file. Field names are a stable API (README: "Analysis JSON").
import { durationSec, gainToDb, type AudioData } from '../types.js';
import { measureLoudness } from './loudness.js';
import { averageSpectrum, type Spectrum } from './spectrum.js';
import { truePeak } from './truepeak.js';

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
const CLIP = 0.99995;
const SILENCE = 10 ** (-60 / 20);

function correlation(l: Float32Array, r: Float32Array, from: number, to: number): number {
  let lr = 0, ll = 0, rr = 0;
  for (let i = from; i < to; i++) {
    const a = l[i]!, b = r[i]!;
    lr += a * b;
    ll += a * a;
    rr += b * b;
  }
  // Silence (or one silent side) has no phase problem to report.
  return ll > 1e-12 && rr > 1e-12 ? lr / Math.sqrt(ll * rr) : 1;
}

export function analyze(audio: AudioData): Analysis {
  const { channels, sampleRate } = audio;
  const n = channels[0]?.length ?? 0;
  const loud = measureLoudness(channels, sampleRate);
  let samplePeak = 0;
  const dc: number[] = [];
  let clip = { runs: 0, clippedSamples: 0, longestRun: 0, firstAtSec: null as number | null };
  let lead = n;
  let trail = n;
  for (const ch of channels) {
    let sum = 0;
    let run = 0;
    for (let i = 0; i < n; i++) {
      const v = ch[i]!;
      const a = v < 0 ? -v : v;
      sum += v;
      if (a > samplePeak) samplePeak = a;
      if (a >= CLIP) run++;
      else if (run > 0) {
        if (run >= 3) clip = { runs: clip.runs + 1, clippedSamples: clip.clippedSamples + run, longestRun: Math.max(clip.longestRun, run), firstAtSec: clip.firstAtSec ?? (i - run) / sampleRate };
        run = 0;
      }
    }
    if (run >= 3) clip = { runs: clip.runs + 1, clippedSamples: clip.clippedSamples + run, longestRun: Math.max(clip.longestRun, run), firstAtSec: clip.firstAtSec ?? (n - run) / sampleRate };
    dc.push(n ? sum / n : 0);
    let i = 0;
    while (i < n && Math.abs(ch[i]!) < SILENCE) i++;
    lead = Math.min(lead, i);
    let j = n - 1;
    while (j >= 0 && Math.abs(ch[j]!) < SILENCE) j--;
    trail = Math.min(trail, n - 1 - j);
  }
  let phase = { correlation: 1, worstCorrelation: 1, worstAtSec: 0 };
  let width = 0;
  if (channels.length >= 2) {
    const [l, r] = channels as [Float32Array, Float32Array];
    phase.correlation = correlation(l, r, 0, n);
    const win = sampleRate;
    for (let s = 0; s + win <= n; s += win / 2) {
      const c = correlation(l, r, s, s + win);
      if (c < phase.worstCorrelation) phase = { ...phase, worstCorrelation: c, worstAtSec: s / sampleRate };
    }
    let mid = 0, side = 0;
    for (let i = 0; i < n; i++) {
      const m = l[i]! + r[i]!, s = l[i]! - r[i]!;
      mid += m * m;
      side += s * s;
    }
    width = mid > 0 ? Math.sqrt(side / mid) : side > 0 ? Infinity : 0;
  }
  const tp = Math.max(...channels.map(truePeak));
  return {
    format: { container: audio.format ?? null, sampleRate, channels: channels.length, bitDepth: audio.bitDepth ?? null, durationSec: round(durationSec(audio), 3) },
    loudness: {
      integratedLufs: round(loud.integrated),
      rangeLu: round(loud.range),
      momentaryMaxLufs: round(loud.momentaryMax),
      shortTermMaxLufs: round(loud.shortTermMax),
    },
    peaks: { truePeakDbtp: round(gainToDb(tp)), samplePeakDbfs: round(gainToDb(samplePeak)) },
    dcOffset: { perChannel: dc.map((v) => round(v, 6)), maxDbfs: round(gainToDb(Math.max(...dc.map(Math.abs)))) },
    phase: { correlation: round(phase.correlation, 3), worstCorrelation: round(phase.worstCorrelation, 3), worstAtSec: round(phase.worstAtSec, 1) },
    stereoWidth: round(width, 3),
    clipping: clip,
    silence: { leadingSec: round(lead / sampleRate, 3), trailingSec: round(trail / sampleRate, 3) },
    shortTermLufs: [...loud.shortTerm].map((v) => round(v, 1)),
    spectrum: averageSpectrum(channels, sampleRate),
  };
}
