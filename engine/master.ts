// The mastering chain: DC removal → corrective high-pass → tonal EQ (towards a reference or a house
// curve) → side EQ matching a stereo reference's width per band → mono low end → glue compression
// → gain and true-peak limiting, iterated until the integrated loudness lands on target →
// re-analysis. When the target would take more limiting than the preset allows, the master stops
// short and the report says so.
import { analyze, type Analysis } from './analysis/analyze.js';
import { averageSpectrum, MATCHING_FRAMES, type Spectrum } from './analysis/spectrum.js';
import { highpass, highShelf, lowShelf, peaking, responseDb, type Biquad } from './dsp/biquad.js';
import { distanceBands, relativeLevels } from './analysis/tonal-distance.js';
import { sideHighpass } from './dsp/stereo.js';
import { softClip } from './dsp/clipper.js';
import { dipOvers } from './dsp/peak-dips.js';
import { addOffset, meanOf } from './dsp/offset.js';
import { FINE_WINDOW } from './analysis/truepeak.js';
import {
  isShared,
  parallelEnvelope,
  parallelCompress,
  parallelLimitApply,
  parallelLimitRound,
  parallelLoudness,
  parallelMidSide,
  parallelRemoveOffsets,
  parallelTone,
  parallelTruePeak,
  parallelTruePeakOvers,
  sharedCopyOf,
  waitForHelper,
  warmUp,
} from './parallel.js';
import { dbToGain, gainToDb, type AudioData, type Progress } from './types.js';
import type { Loudness } from './analysis/loudness.js';
import { DEFAULT_INTENSITY, DEFAULT_MATCH_INTENSITY, defaultPreset, presets, type Preset, type PresetDef } from './presets.js';
import { lossText, noteText, type EngineNote } from './notes.js';
import { resample } from './dsp/resample.js';

export { isPreset, presets, type Preset } from './presets.js';

/** Audio the engine cannot master (too short to measure, or silent): the problem in words, no file name. */
export class NothingToMasterError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'NothingToMasterError';
  }
}

/** BS.1770 measures loudness in 400 ms blocks: anything shorter has no loudness to master to. */
export const SHORTEST_SECONDS = 0.4;
export const tooShortProblem = (seconds: number) => `it is too short to master (${Math.round(seconds * 1000)} ms; at least ${SHORTEST_SECONDS} s is needed)`;
export const SILENT_PROBLEM = 'it is silent (or nearly): there is nothing to master';

export interface MasterOptions {
  preset?: Preset;
  targetLufs?: number;
  ceilingDbtp?: number;
  /** How strongly EQ and compression act, 0..1 (default 0.5). */
  intensity?: number;
  /** A commercial track whose tonal balance the master should approach. */
  reference?: AudioData;
  /** Artist's tonal wishes on top of the automatic EQ, in dB (e.g. "warmer": bass +1.5, treble -1). */
  tone?: { bassDb?: number; trebleDb?: number };
  /** -1..1: more punch (+) compresses more gently so transients come through; less (-) glues harder. */
  punch?: number;
  progress?: Progress;
  /**
   * Called once with the master's samples as they will be delivered, before its closing analysis:
   * work on them can start there (the CLI's MP3 check, on the helper thread). Not called by the
   * first pass of reference matching, whose audio is dropped.
   */
  onFinal?: (audio: AudioData) => void;
  /** Process the input's sample arrays in place instead of a copy (saves a copy of the audio). */
  inPlace?: boolean;
  /**
   * Parts that sum to this mix (its instrumental and a cappella): each gets exactly the mix's chain
   * — the same filters and, frame by frame, the same compressor and limiter gain — so the mastered
   * parts still sum to the master (they null against it) instead of each being mastered alone.
   */
  parts?: AudioData[];
  /** Master to the reference's integrated loudness instead of the preset's target (still within the preset's limiting). */
  matchLoudness?: boolean;
  /**
   * Per matching band (dB, 31.5 Hz – 16 kHz): what compression and limiting took from the
   * matching EQ in a first pass, added back (internal: set by the second of master's two passes).
   */
  matchCorrection?: number[];
  /** The spectra matching decides from (internal: read once by master for both of its passes). */
  matchSpectra?: MatchSpectra;
}

/** What reference matching reads of the mix and the reference, over MATCHING_FRAMES (side: of a stereo pair). */
interface MatchSpectra {
  trackMid: Spectrum;
  trackSide: Spectrum | null;
  refMid: Spectrum;
  refSide: Spectrum | null;
}

function matchSpectraOf(track: AudioData, ref: AudioData): MatchSpectra {
  const read = (a: AudioData, part: 'mid' | 'side') =>
    part === 'side' && a.channels.length !== 2 ? null : averageSpectrum(a.channels, a.sampleRate, undefined, MATCHING_FRAMES, part);
  return { trackMid: read(track, 'mid')!, trackSide: read(track, 'side'), refMid: read(ref, 'mid')!, refSide: read(ref, 'side') };
}

export interface EqBand {
  type: 'lowshelf' | 'peaking' | 'highshelf';
  hz: number;
  gainDb: number;
  /** A peaking band's Q (0.8 unless said). */
  q?: number;
}

export interface MasterResult {
  audio: AudioData;
  /** The parts given (`MasterOptions.parts`), through the mix's chain, in the same order. */
  parts: AudioData[];
  before: Analysis;
  after: Analysis;
  settings: { preset: Preset; targetLufs: number; ceilingDbtp: number; intensity: number; reference: boolean; bassDb: number; trebleDb: number; punch: number };
  chain: {
    dcRemoved: number[];
    highpassHz: number;
    eq: EqBand[];
    /** Bands on the side signal only (with a stereo reference: the width per band matched to it). */
    sideEq: EqBand[];
    sideHighpassHz: number | null;
    /** For a stereo mix: what mono-ing the lows would lose (dB) and their left/right correlation; mono only within MONO_LOSS_LIMIT_DB. */
    lowEnd: { monoLossDb: number; correlation: number } | null;
    compressor: { thresholdDb: number; ratio: number; maxReductionDb: number; averageReductionDb: number };
    gainDb: number;
    limiter: { ceilingDbtp: number; maxReductionDb: number; busyShare: number };
    /** The soft clipper before the limiter, where the limiter alone could not reach the target: the deepest cut (dB) and the share of samples it touched. */
    clipper: { deepestDb: number; share: number } | null;
    /** Stretches a 16x meter found over the ceiling after limiting, brought down where they were: how many, and the deepest dip (dB). */
    peakDips: { count: number; deepestDb: number } | null;
  };
  targetMet: boolean;
  /** What the engine noticed, in English (the CLI, the report). */
  warnings: string[];
  /** The same as codes with their numbers, for the service to word in the artist's language. */
  notes: EngineNote[];
}

/** Long-term spectrum of commercial masters relative to 1 kHz (dB): the house curve without a reference. */
const houseCurve: [number, number][] = [
  [20, 6],
  [31.5, 8],
  [63, 9],
  [125, 6],
  [250, 3],
  [500, 1.5],
  [1000, 0],
  [2000, -2.5],
  [4000, -5.5],
  [8000, -9],
  [12500, -12.5],
  [16000, -16],
  [20000, -24],
];

function curveAt(f: number): number {
  for (let i = 1; i < houseCurve.length; i++) {
    const [f1, d1] = houseCurve[i]!;
    const [f0, d0] = houseCurve[i - 1]!;
    if (f <= f1) return d0 + ((d1 - d0) * Math.log2(f / f0)) / Math.log2(f1 / f0);
  }
  return houseCurve.at(-1)![1];
}

/**
 * The highest band the EQ decides from: 16 kHz. What lies above it depends on the sample rate
 * more than on the music (a 44.1 kHz file stops near 20 kHz, a 48 kHz one does not), and the
 * smoothing let it move the 9 kHz shelf (+0.5 dB at one rate, -0.3 at the other).
 */
const TOP_DECIDING_HZ = 16000;

/** Relative spectrum (mean over 100 Hz–10 kHz removed), smoothed over ±3 bands up to 16 kHz. */
function shape(spec: Spectrum): number[] {
  const idx = spec.hz
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f >= 100 && f <= 10000)
    .map(([, i]) => i);
  const mean = idx.reduce((s, i) => s + spec.db[i]!, 0) / idx.length;
  const top = spec.hz.findLastIndex((f) => f <= TOP_DECIDING_HZ);
  return spec.db.map((_, i) => {
    const lo = Math.max(0, i - 3),
      hi = i > top ? i : Math.min(top, i + 3);
    let s = 0;
    for (let k = lo; k <= hi; k++) s += spec.db[k]!;
    return s / (hi - lo + 1) - mean;
  });
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The EQ's bands and the spectrum region [lo, hi] (Hz) that sets each one's gain. */
const regions = [
  { type: 'lowshelf', hz: 90, lo: 31.5, hi: 125 },
  { type: 'peaking', hz: 300, lo: 200, hi: 500 },
  { type: 'peaking', hz: 1200, lo: 800, hi: 2000 },
  { type: 'peaking', hz: 3500, lo: 2500, hi: 5000 },
  { type: 'highshelf', hz: 9000, lo: 8000, hi: 16000 },
] as const;

/** Indices of the third-octave bands within [lo, hi] Hz and below Nyquist. */
function bandsBetween(hz: number[], lo: number, hi: number, sampleRate: number): number[] {
  return hz
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f >= lo && f <= hi && f < sampleRate / 2)
    .map(([, i]) => i);
}

/** Each region's difference times `amount`, bounded to ±boundDb, in 0.1 dB; bands under 0.3 dB or too near Nyquist left out. */
function eqBands(
  from: readonly (typeof regions)[number][],
  diff: (lo: number, hi: number) => number,
  amount: number,
  boundDb: number,
  sampleRate: number,
): EqBand[] {
  return from
    .map(({ type, hz, lo, hi }) => ({ type, hz, gainDb: Math.round(clamp(diff(lo, hi) * amount, -boundDb, boundDb) * 10) / 10 }))
    .filter((b) => Math.abs(b.gainDb) >= 0.3 && b.hz < sampleRate / 2.2);
}

/** EQ bands that move the track's spectrum part of the way towards the target shape. */
export function tonalEq(track: Spectrum, target: Spectrum | null, intensity: number, sampleRate: number): EqBand[] {
  const have = shape(track);
  const want = target
    ? shape(target)
    : (() => {
        const house = { hz: track.hz, db: track.hz.map(curveAt) };
        return shape(house);
      })();
  const diff = (lo: number, hi: number) => {
    const idx = bandsBetween(track.hz, lo, hi, sampleRate);
    return idx.length ? idx.reduce((s, i) => s + (want[i]! - have[i]!), 0) / idx.length : 0;
  };
  return eqBands(regions, diff, (target ? 0.8 : 0.5) * intensity, 4, sampleRate);
}

/** Below this the low end is made mono (where mono keeps it). */
const LOW_MONO_HZ = 120;
/** Mono-ing the lows may cost at most this much of their energy; beyond it they stay stereo. */
const MONO_LOSS_LIMIT_DB = 1;

/**
 * What making the low end mono would do, from the mid and side spectra: the share of the energy
 * below LOW_MONO_HZ it keeps (mid / (mid + side), as dB) and the low band's left/right correlation.
 */
/** Two spectra on the same bands as one: their powers added (mid and side: what left and right hold). */
function powerSum(a: Spectrum, b: Spectrum): Spectrum {
  return { hz: a.hz, db: a.db.map((v, i) => 10 * Math.log10(10 ** (v / 10) + 10 ** ((b.db[i] ?? -Infinity) / 10))) };
}

function lowEndInMono(mid: Spectrum, side: Spectrum, sampleRate: number): { monoLossDb: number; correlation: number } {
  const energy = (s: Spectrum) => bandsBetween(s.hz, 20, LOW_MONO_HZ, sampleRate).reduce((sum, i) => sum + 10 ** (s.db[i]! / 10), 0);
  const m = energy(mid);
  const sd = energy(side);
  // No low end to speak of: mono loses nothing.
  if (!(m + sd > 0)) return { monoLossDb: 0, correlation: 1 };
  return { monoLossDb: 10 * Math.log10(Math.max(m, 1e-30) / (m + sd)), correlation: (m - sd) / (m + sd) };
}

/** Where the side is this far under the mid, that band is mono: there is no width to shape. */
const MONO_DB = -40;

/**
 * Side-only EQ bands that move the track's width per band (side level relative to mid) part of
 * the way towards the reference's: a reference wider in the highs widens the highs, one narrower
 * in the mids narrows them. Below 200 Hz the low end is made mono anyway.
 */
export function sideEq(
  track: { mid: Spectrum; side: Spectrum },
  reference: { mid: Spectrum; side: Spectrum },
  intensity: number,
  sampleRate: number,
): EqBand[] {
  const width = (x: { mid: Spectrum; side: Spectrum }) => x.side.db.map((d, i) => d - x.mid.db[i]!);
  const have = width(track);
  const want = width(reference);
  const diff = (lo: number, hi: number) => {
    const idx = bandsBetween(track.mid.hz, lo, hi, sampleRate).filter((i) => have[i]! > MONO_DB);
    return idx.length ? idx.reduce((s, i) => s + (Math.max(want[i]!, MONO_DB) - have[i]!), 0) / idx.length : 0;
  };
  return eqBands(
    regions.filter((r) => r.type !== 'lowshelf'),
    diff,
    0.8 * intensity,
    3,
    sampleRate,
  );
}

/** What an EQ does at `hz` (dB): its bands' responses together. */
export function eqResponseDb(bands: EqBand[], fs: number, hz: number): number {
  return responseDb(sections(bands, fs), fs, hz);
}

function sections(bands: EqBand[], fs: number): Biquad[] {
  return bands.map((b) =>
    b.type === 'lowshelf' ? lowShelf(fs, b.hz, b.gainDb) : b.type === 'highshelf' ? highShelf(fs, b.hz, b.gainDb) : peaking(fs, b.hz, b.gainDb, b.q ?? 0.8),
  );
}

/** A matching band's width: about two thirds of an octave, so neighbours overlap without gaps. */
const MATCH_Q = 2.1;
/** No band of the matching EQ moves more than this (at intensity 1: the sub-bass a string piece lacks against a kick-heavy reference reaches it). */
const MATCH_BOUND_DB = 15;
/** Bands that would move less than this are left out (inaudible, and cheaper). */
const MATCH_MIN_DB = 0.2;
/** Rounds of correcting each band for its neighbours' overlap. */
const MATCH_ROUNDS = 12;

/**
 * The EQ that moves the track's tonal balance `intensity` of the way to the reference's, band by
 * third-octave band (31.5 Hz – 16 kHz): one peaking filter per band, whose gains are corrected
 * for their overlap until the cascade's response at the band centres is the wanted difference.
 * The difference is lightly smoothed (⅛ ¾ ⅛), so a lone band — a note either song dwells on — is
 * not copied whole. (¼ ½ ¼ left a third of the broad differences too: on one of ten real pairs
 * the default then closed 59 % where Matchering closes 67 %; without smoothing one fell to 53 %.)
 */
export function matchEq(
  track: Spectrum,
  reference: Spectrum,
  intensity: number,
  sampleRate: number,
  referenceRate = sampleRate,
  correction: readonly number[] = [],
): EqBand[] {
  const bands = distanceBands(track.hz, Math.min(sampleRate, referenceRate) / 2);
  const have = relativeLevels(track, bands);
  const want = relativeLevels(reference, bands);
  const diff = bands.map((_, k) => want[k]! - have[k]!);
  const smooth = diff.map((d, k) => 0.125 * (diff[k - 1] ?? d) + 0.75 * d + 0.125 * (diff[k + 1] ?? d));
  const target = smooth.map((d, k) => clamp(d * intensity + (correction[k] ?? 0), -MATCH_BOUND_DB, MATCH_BOUND_DB));
  const hz = bands.map((i) => track.hz[i]!);
  const gains = [...target];
  const cascade = () => gains.map((g, k) => peaking(sampleRate, hz[k]!, g, MATCH_Q));
  for (let round = 0; round < MATCH_ROUNDS; round++) {
    const now = cascade();
    hz.forEach((f, k) => {
      gains[k] = clamp(gains[k]! + 0.7 * (target[k]! - responseDb(now, sampleRate, f)), -MATCH_BOUND_DB * 1.5, MATCH_BOUND_DB * 1.5);
    });
  }
  return hz.flatMap((f, k) =>
    Math.abs(gains[k]!) >= MATCH_MIN_DB ? [{ type: 'peaking' as const, hz: Math.round(f), gainDb: Math.round(gains[k]! * 10) / 10, q: MATCH_Q }] : [],
  );
}

/** The most the clipper may take off a peak (dB) before the master stops short instead. */
const CLIP_MAX_DB = 3;

/** What the final safety takes off below the ceiling when a peak went over it (the report's rounding then never reads the ceiling as passed). */
const SAFETY_TRIM_DB = 0.01;
/** Overs up to this (dB) are dipped where they are (peak-dips.ts); larger ones mean limiting again, lower. */
const DIP_MAX_DB = 1;
/**
 * Once dipping, every stretch within this of the ceiling is dipped too: another 16x meter can read
 * a stretch this much higher than ours (0.01-0.02 dB measured against the tests' own), and a dip
 * costs nothing elsewhere.
 */
const DIP_MARGIN_DB = 0.02;

/** An offset below this (-80 dBFS) is left alone: no meter shows it and no speaker moves for it. */
const RESIDUAL_DC = 1e-4;

/**
 * With a reference, the master is made twice: compression and limiting reshape the spectrum the
 * matching EQ set (they press the low end hardest), so the first pass measures what they took, per
 * band, and the second sets the EQ to give it back. The first pass works on a copy and is silent.
 */
export function master(input: AudioData, o: MasterOptions = {}): MasterResult {
  // A destination with its own rate (CD: 44.1 kHz) is mastered at that rate, so the limiter and
  // the report see the samples that are delivered (converting after limiting moves the peaks).
  const rate = (presets[o.preset ?? defaultPreset] as PresetDef).delivery?.sampleRate;
  if (rate && input.sampleRate !== rate) {
    const { inPlace: _inPlace, ...rest } = o;
    return master(resample(input, rate), { ...rest, ...(o.parts ? { parts: o.parts.map((part) => resample(part, rate)) } : {}) });
  }
  const ref = o.reference;
  const amount = matchAmount(o);
  const matching = ref && !o.matchCorrection && amount > 0 ? { ...o, ...(o.matchLoudness ? { targetLufs: referenceLoudness(ref, o) } : {}) } : null;
  if (!ref || !matching) return masterOnce(input, o);
  // Read once, before either pass (the second may master the input in place), for both.
  const matchSpectra = matchSpectraOf(input, ref);
  const { parts: _parts, progress: _progress, inPlace: _inPlace, onFinal: _onFinal, ...probeOptions } = { ...matching, matchSpectra };
  const matchCorrection = correctionFromProbe(input, probeOptions, ref, matchSpectra, amount);
  return masterOnce(input, { ...matching, matchSpectra, matchCorrection });
}

/** How far the matching EQ moves the balance towards the reference's (0..1). */
const matchAmount = (o: MasterOptions): number => Math.max(0, Math.min(1, o.intensity ?? DEFAULT_MATCH_INTENSITY));

/**
 * What compression and limiting took from the matching EQ, per band: a first pass on a copy,
 * measured against where it was meant to land. Its audio is dropped when this returns (the second
 * pass needs the memory).
 */
function correctionFromProbe(input: AudioData, probeOptions: MasterOptions, ref: AudioData, spectra: MatchSpectra, intensity: number): number[] {
  const fs = input.sampleRate;
  const probe = masterOnce(input, probeOptions);
  const bands = distanceBands(probe.before.spectrum.hz, Math.min(fs, ref.sampleRate) / 2);
  const have = relativeLevels(spectra.trackMid, bands);
  const want = relativeLevels(spectra.refMid, bands);
  const got = relativeLevels(averageSpectrum(probe.audio.channels, fs, undefined, MATCHING_FRAMES), bands);
  // Where the first pass was meant to land, against where it landed: what compression and
  // limiting do to a spectrum is broad, so the difference is smoothed with its neighbours (¼ ½ ¼;
  // single bands differ by measurement alone, and those are not corrected).
  const missed = bands.map((_, k) => have[k]! + intensity * (want[k]! - have[k]!) - got[k]!);
  return missed.map((_, k) => {
    let sum = 0;
    let weight = 0;
    for (let j = -1; j <= 1; j++) {
      const v = missed[k + j];
      if (v === undefined) continue;
      sum += (2 - Math.abs(j)) * v;
      weight += 2 - Math.abs(j);
    }
    return sum / weight;
  });
}

/** The reference's integrated loudness as a target, within the range a master can be asked for. */
function referenceLoudness(ref: AudioData, o: MasterOptions): number {
  const lufs = analyze(ref).loudness.integratedLufs;
  return Number.isFinite(lufs) ? clamp(Math.round(lufs * 10) / 10, -30, -5) : (o.targetLufs ?? presets[o.preset ?? defaultPreset].targetLufs);
}

function masterOnce(input: AudioData, o: MasterOptions): MasterResult {
  const preset = o.preset ?? defaultPreset;
  const p: PresetDef = presets[preset];
  const targetLufs = o.targetLufs ?? p.targetLufs;
  const ceilingDbtp = o.ceilingDbtp ?? p.ceilingDbtp;
  const intensity = Math.max(0, Math.min(1, o.intensity ?? DEFAULT_INTENSITY));
  const fs = input.sampleRate;
  const progress = o.progress ?? (() => undefined);
  const notes: EngineNote[] = [];

  // A long file waits for the helper thread should it still be starting (a fresh thread's first
  // master): the passes below run twice as fast with it.
  if ((input.channels[0]?.length ?? 0) >= 10 * fs) waitForHelper(3000);
  else warmUp();
  progress('analyse', 0);
  // The mid's spectrum (the analysis's) and the side's (what mono lows would cost) on both threads.
  const [l, r] = input.channels;
  const spectra = input.channels.length === 2 ? parallelMidSide([l!, r!], fs) : null;
  const before = analyze(input, spectra ? { spectrum: spectra.mid } : {});
  if (before.format.durationSec < SHORTEST_SECONDS) {
    throw new NothingToMasterError(tooShortProblem(before.format.durationSec));
  }
  if (!Number.isFinite(before.loudness.integratedLufs)) throw new NothingToMasterError(SILENT_PROBLEM);
  progress('analyse', 1);

  // A working copy in shared memory, so the helper thread can take half of the heavy work.
  const chs = o.inPlace && input.channels.every(isShared) ? input.channels : input.channels.map(sharedCopyOf);
  const parts = (o.parts ?? []).map((part) => {
    if (part.sampleRate !== fs || part.channels.length !== chs.length || part.channels[0]?.length !== chs[0]?.length)
      throw new Error("a part must have the mix's sample rate, channels and length to be mastered with it");
    return part.channels.map(sharedCopyOf);
  });
  const followers = parts.flat();
  // DC: the mean comes off first, then a steep 25 Hz high-pass takes rumble and subsonics.
  // The analysis measured each channel's mean; the filter pass below takes it off on the way in.
  const dcRemoved = before.dcOffset.perChannel;
  if (before.dcOffset.maxDbfs > -60) notes.push({ code: 'dc-removed', dbfs: before.dcOffset.maxDbfs });
  const highpassHz = 25;

  if (before.phase.correlation < 0) {
    notes.push({ code: 'sides-out-of-phase', correlation: before.phase.correlation });
  } else if (before.phase.worstCorrelation < -0.3) {
    notes.push({ code: 'section-out-of-phase', atSec: before.phase.worstAtSec, correlation: before.phase.worstCorrelation });
  }

  const ref = o.reference;
  // Matching decides from the whole of the song and of the reference (MATCHING_FRAMES), not from
  // the analysis's sample of it.
  const matchSpectra = ref ? (o.matchSpectra ?? matchSpectraOf(input, ref)) : null;
  const refMid = matchSpectra?.refMid ?? null;
  const trackMid = matchSpectra?.trackMid ?? before.spectrum;
  const bassDb = clamp(o.tone?.bassDb ?? 0, -6, 6);
  const trebleDb = clamp(o.tone?.trebleDb ?? 0, -6, 6);
  const punch = clamp(o.punch ?? 0, -1, 1);
  const sideSpectrum = spectra?.side ?? null;
  // The low end is made mono only where mono keeps it: out-of-phase or wide lows would cancel.
  // The analysis's mid spectrum is measured as the side's (the same frames and windows), so their ratio is the side's share.
  const lowEnd = sideSpectrum ? lowEndInMono(before.spectrum, sideSpectrum, fs) : null;
  // A destination that needs mono lows (vinyl) gets them whatever they cost, and says what.
  const sideHighpassHz = chs.length === 2 && p.monoBelowHz ? p.monoBelowHz : lowEnd && lowEnd.monoLossDb > -MONO_LOSS_LIMIT_DB ? LOW_MONO_HZ : null;
  if (p.monoBelowHz && lowEnd && lowEnd.monoLossDb <= -MONO_LOSS_LIMIT_DB) {
    notes.push({
      code: 'vinyl-mono-lows',
      hz: p.monoBelowHz,
      outOfPhase: lowEnd.correlation < -0.2,
      correlation: lowEnd.correlation.toFixed(2),
      lossDb: lossText(lowEnd.monoLossDb),
    });
  } else if (lowEnd && !sideHighpassHz) {
    // Out-of-phase lows vanish entirely in mono: the exact figure (137 dB) means nothing to a reader.
    notes.push({
      code: lowEnd.correlation < -0.2 ? 'lows-out-of-phase' : 'lows-wide',
      hz: LOW_MONO_HZ,
      correlation: lowEnd.correlation.toFixed(2),
      lossDb: lossText(lowEnd.monoLossDb),
    });
  }
  // Lows left in stereo (out of phase, or wide): the mid holds only what survives in mono, so the
  // house curve would boost bass that is there, in the sides (+4 dB measured). It reads both.
  const heard = lowEnd && !sideHighpassHz && sideSpectrum ? powerSum(before.spectrum, sideSpectrum) : before.spectrum;
  const eq = [
    ...(ref && refMid ? matchEq(trackMid, refMid, matchAmount(o), fs, ref.sampleRate, o.matchCorrection) : tonalEq(heard, null, intensity, fs)),
    ...(bassDb ? [{ type: 'lowshelf' as const, hz: 120, gainDb: bassDb }] : []),
    ...(trebleDb && 7000 < fs / 2.2 ? [{ type: 'highshelf' as const, hz: 7000, gainDb: trebleDb }] : []),
  ];
  // The tonal curve is for mid and side alike, which is the same curve on left and right (it is
  // linear), so it runs on L/R together with the corrective high-pass; the side stage (M/S) adds
  // the mono low end and, with a stereo reference, side bands that match its width per band.
  // One pass: DC off, the cascade, the side stage, and the loudness the compressor is set from.
  const sideBands =
    ref && refMid && ref.channels.length === 2 && sideSpectrum
      ? sideEq({ mid: trackMid, side: matchSpectra!.trackSide! }, { mid: refMid, side: matchSpectra!.refSide! }, matchAmount(o), fs)
      : [];
  const side = sideHighpassHz ? [...sideHighpass(fs, sideHighpassHz), ...sections(sideBands, fs)] : [];
  const toneSections = [highpass(fs, highpassHz, 0.5412), highpass(fs, highpassHz, 1.3066), ...sections(eq, fs)];
  const toned = parallelTone(chs, fs, toneSections, dcRemoved, side);
  // The filters are linear and each part's own mean comes off: the parts still sum to the mix.
  for (const part of parts) parallelTone(part, fs, toneSections, part.map(meanOf), side);
  progress('eq', 1);

  // Punch trades glue for transients: a higher threshold and a lower ratio let more through.
  const thresholdDb = toned.shortTermMax - (2 + 4 * intensity) + 2 * punch;
  const ratio = Math.max(1.1, 1.5 + 1.5 * intensity - 0.6 * punch);
  const comp = parallelCompress(chs, fs, { thresholdDb, ratio }, followers);
  progress('compress', 1);

  // Loudness: set the gain, limit, measure, correct; the limiter's bite lowers loudness a little,
  // so a few rounds converge on the target. The oversampled envelope is computed once: the gain
  // curve for any input gain derives from it, and loudness is measured through the curve.
  const ceiling = dbToGain(ceilingDbtp - 0.1); // margin for other meters' interpolators
  /** The limiter's ceiling: `ceiling`, lowered should a 16x meter find the master over the ceiling. */
  let limitCeiling = ceiling;
  const frames = chs[0]!.length;
  // One envelope value per 4 samples (their maximum): a quarter of the memory, and a gain at
  // most 3 samples (60 µs) early, well inside the 1.5 ms look-ahead.
  const SHIFT = 2;
  let gainDb = targetLufs - parallelLoudness(chs, fs).integrated;
  // The envelope only has to be exact where a gained peak could reach the ceiling: below the
  // ceiling divided by the largest gain tried, a cheap upper bound will do (quiet passages skip
  // the oversampling). Should a round go more than 2 dB above the first estimate, it is redone
  // (the search below rarely needs more than 1.5 dB).
  const MARGIN_DB = 2;
  // With parts (instrumental, a cappella) the envelope is the highest of all three: one gain keeps
  // each of them under the ceiling (a part can peak where the whole does not: the vocal that
  // filled a gap, a peak the other part cancelled) and, being one gain, they still sum to the master.
  const envelopeFor = (maxGainDb: number) => ({ maxGainDb, values: parallelEnvelope([...chs, ...followers], SHIFT, ceiling / dbToGain(maxGainDb)) });
  let envelope = envelopeFor(gainDb + MARGIN_DB);
  progress('limit', 0.2);
  // Each pass runs half on each thread (parallel.ts); the limiter is rebuilt from the envelope.
  const limiterFor = (g: number) => {
    // (A lowered ceiling reads the envelope lower: its exact part must reach that far down too.)
    if (g + gainToDb(ceiling / limitCeiling) > envelope.maxGainDb) envelope = envelopeFor(g + gainToDb(ceiling / limitCeiling) + MARGIN_DB);
    return { channels: chs, envelope: envelope.values, shift: SHIFT, frames, inputGain: dbToGain(g), sampleRate: fs, ceiling: limitCeiling };
  };
  let lim = { maxReductionDb: 0, busyShare: 0 };
  let targetMet = true;
  // The loudness a round measured is the loudness of the output limited at that gain and ceiling.
  let measured: { gainDb: number; ceiling: number; loudness: Loudness } | undefined;
  /** What the clipper took, when the limiter alone could not reach the target within its bound. */
  let clipped = null as { deepestDb: number; share: number } | null;
  /** How far the clipper was asked to go, in all (dB). */
  let clipDb = 0;
  /** The search for the gain that lands on the target, from the gain given. */
  const search = () => {
    let last: { gainDb: number; level: number } | undefined;
    /** The last step was cut short where the limiter would reach the preset's bound. */
    let atBound = false;
    for (let round = 0; round < 8; round++) {
      const pass = parallelLimitRound(limiterFor(gainDb));
      measured = { gainDb, ceiling: limitCeiling, loudness: pass.loudness };
      lim = { maxReductionDb: pass.maxReductionDb, busyShare: pass.busyShare };
      if (lim.maxReductionDb > p.maxLimitingDb + 0.05) {
        // Too much limiting: back off until the limiter works within the preset's bound.
        targetMet = false;
        gainDb -= lim.maxReductionDb - p.maxLimitingDb;
        continue;
      }
      const level = pass.loudness.integrated;
      progress('limit', 0.2 + (0.8 * (round + 1)) / 8);
      if (Math.abs(level - targetLufs) <= 0.1 || !targetMet) break;
      if (atBound && level < targetLufs) {
        // Limiting as much as the preset allows and still short of the target: stop here.
        targetMet = false;
        break;
      }
      // Secant step: a limiter at work makes loudness grow slower than gain (about 0.7 dB per dB
      // once it takes several dB), so a plain correction would undershoot.
      const slope = last ? (level - last.level) / (gainDb - last.gainDb) : lim.maxReductionDb > 3 ? 0.7 : 1;
      last = { gainDb, level };
      const step = (targetLufs - level) / (slope > 0.2 && slope <= 1.5 ? slope : 1);
      // Once limiting, its depth grows about dB for dB with gain: a step past the preset's bound
      // would only be taken back (and could need a new envelope), so it stops at the bound.
      const room = p.maxLimitingDb - lim.maxReductionDb;
      atBound = lim.maxReductionDb > 0.5 && step > room;
      gainDb += atBound ? room : step;
    }
  };
  // Limiting a lopsided waveform takes more off one side than the other, which leaves an offset
  // again (-43 dBFS measured after 12 dB of limiting): it comes off after the chain as well, so the
  // master has none. Each part loses its own mean, so the parts still sum to the master.
  // `means`: what the limiter's pass measured, in its channels' order ([...chs, ...followers]).
  const removeOffsets = (means: number[]): number[][] =>
    parallelRemoveOffsets(
      chs,
      chs.map((_, c) => parts.map((part) => part[c]!)),
      RESIDUAL_DC,
      chs.map((_, c) => [means[c]!, ...parts.map((_, p) => means[chs.length * (p + 1) + c]!)]),
    );
  const audio: AudioData = { sampleRate: fs, channels: chs, format: input.format };
  let after: Analysis | undefined;
  /** Stretches over the ceiling at 16x after limiting, brought down where they were. */
  let peaksDipped = null as { dips: number; deepestDb: number } | null;
  // Measured as a 16x meter reads it, the master can still pass the ceiling the limiter held at 4x:
  // content the 4x filter attenuates (near Nyquist: 0.13 dB on a 44.1 kHz master with content to
  // 20 kHz) or gain that moves between samples. Then the limiting is taken back (the same gains
  // divided out) and done again with the limiter's ceiling lowered by what went over, the search
  // resumed from where it was; on the third time, all comes down by what is still over.
  for (let attempt = 0; ; attempt++) {
    search();
    // Short of the target with the limiter at its bound: a few peaks (drum hits, a few ms each)
    // need more limiting than the rest of the song. The clipper shaves those to where the limiter
    // can hold them within its bound at the gain the target wants (loudness grows about 0.7 dB per
    // dB of gain there), and the search goes on; twice at most, CLIP_MAX_DB in all (the first
    // clipping changes the gain the target needs).
    for (let clip = 0; clip < 2 && attempt === 0 && !targetMet && !p.loudnessUpTo; clip++) {
      const shortBy = targetLufs - (measured?.loudness.integrated ?? targetLufs);
      const wantedDb = Math.min(CLIP_MAX_DB - clipDb, shortBy / 0.7 + 0.3);
      if (shortBy <= 0.1 || wantedDb < 0.2) break;
      const round = softClip(chs, parts, (limitCeiling / dbToGain(gainDb + wantedDb)) * dbToGain(p.maxLimitingDb));
      // Two rounds clip the same peaks twice: their depths add up (at most), their shares do not.
      clipped = { deepestDb: (clipped?.deepestDb ?? 0) + round.deepestDb, share: Math.max(clipped?.share ?? 0, round.share) };
      clipDb += wantedDb;
      envelope = envelopeFor(gainDb + wantedDb + MARGIN_DB);
      targetMet = true;
      search();
    }
    const removed = removeOffsets(parallelLimitApply({ ...limiterFor(gainDb), channels: [...chs, ...followers] }));
    progress('verify', 0);
    // The true peak first (the analysis is made once, of the master that stays), in the same pass
    // as the overs a dip would bring down: every stretch reading within two fine windows of the dip
    // limit is read exactly, so with nothing over, the highest of them is the true peak — unless
    // nothing came that near (a master short of its ceiling), which is then measured on its own.
    const dipLimit = dbToGain(ceilingDbtp - DIP_MARGIN_DB);
    const scans = [...chs, ...followers].map((ch) => parallelTruePeakOvers(ch, dipLimit, FINE_WINDOW * FINE_WINDOW));
    const readingOf = (s: (typeof scans)[number]) => s.overs.reduce((m, o) => Math.max(m, o.value), s.below);
    let peak = Math.max(...scans.slice(0, chs.length).map(readingOf));
    if (peak < dipLimit * FINE_WINDOW * FINE_WINDOW) peak = Math.max(...chs.map((ch) => parallelTruePeak(ch)));
    // The parts only need to be under the ceiling: a reading that far under it is.
    const highest = Math.max(peak, ...scans.slice(chs.length).map(readingOf));
    if (highest <= dbToGain(ceilingDbtp)) {
      // The loudness is the last round's, offsets off or not: K-weighting's high-pass takes a
      // constant out (on ten masters 0.005 LU at most from a fresh reading, under the report's 0.01).
      const known = measured?.gainDb === gainDb && measured.ceiling === limitCeiling ? { loudness: measured.loudness } : {};
      o.onFinal?.(audio);
      after = analyze(audio, { truePeak: peak, ...known });
      break;
    }
    const over = highest / dbToGain(ceilingDbtp - SAFETY_TRIM_DB);
    // A few stretches a little over (what the 4x envelope reads low): brought down where they
    // are; the rest of the song, its loudness and the limiting stay as they are.
    const dipped =
      gainToDb(over) <= DIP_MAX_DB
        ? dipOvers([...chs, ...followers], dipLimit, dbToGain(ceilingDbtp - DIP_MARGIN_DB - SAFETY_TRIM_DB), fs, chs.length, scans)
        : null;
    if (dipped) {
      peaksDipped = { dips: dipped.dips, deepestDb: dipped.deepestDb };
      o.onFinal?.(audio);
      after = analyze(audio, { truePeak: dipped.peak });
      break;
    }
    if (attempt === 2) {
      for (const ch of [...chs, ...followers]) for (let i = 0; i < ch.length; i++) ch[i]! /= over;
      o.onFinal?.(audio);
      after = analyze(audio, { truePeak: peak / over });
      break;
    }
    removed.forEach((r, c) => r.length && [chs[c]!, ...parts.map((part) => part[c]!)].forEach((x, k) => addOffset(x, r[k]!)));
    parallelLimitApply({ ...limiterFor(gainDb), channels: [...chs, ...followers], undo: true });
    limitCeiling /= over;
    targetMet = true;
  }
  if (!after) throw new Error('the limiting loop ends with an analysis');
  const level = after.loudness.integratedLufs;
  // No brick-wall loudness (vinyl): short of the target where the limiting bound stops is the design.
  const shortByDesign = !targetMet && p.loudnessUpTo === true;
  if (shortByDesign) {
    targetMet = true;
    notes.push({ code: 'no-brickwall', lufs: level.toFixed(1), maxLimitingDb: p.maxLimitingDb, targetLufs });
  } else if (!targetMet) {
    // What it would take: loudness grows about 0.7 dB per dB of gain once the limiter works hard.
    notes.push({
      code: 'limiting-stops-short',
      lufs: level.toFixed(1),
      maxLimitingDb: p.maxLimitingDb,
      targetLufs,
      needsDb: (Math.max(0.1, targetLufs - level) / 0.7).toFixed(1),
    });
  }
  if (clipped) notes.push({ code: 'peaks-clipped', db: clipped.deepestDb.toFixed(1), share: (clipped.share * 100).toFixed(2) });
  if (after.peaks.truePeakDbtp > ceilingDbtp) notes.push({ code: 'true-peak-over', dbtp: after.peaks.truePeakDbtp, ceilingDbtp });
  if (targetMet && !shortByDesign && Math.abs(after.loudness.integratedLufs - targetLufs) > 0.3) {
    targetMet = false;
    notes.push({ code: 'target-missed', lufs: after.loudness.integratedLufs, targetLufs });
  }
  notes.push(...(p.checks?.(after) ?? []));
  progress('verify', 1);
  return {
    audio,
    parts: parts.map((channels) => ({ sampleRate: fs, channels, format: input.format })),
    before,
    after,
    settings: { preset, targetLufs, ceilingDbtp, intensity, reference: Boolean(o.reference), bassDb, trebleDb, punch },
    chain: {
      dcRemoved,
      highpassHz,
      eq,
      sideEq: sideBands,
      sideHighpassHz,
      lowEnd: lowEnd && { monoLossDb: Math.round(lowEnd.monoLossDb * 10) / 10, correlation: Math.round(lowEnd.correlation * 100) / 100 },
      compressor: {
        thresholdDb: Number(thresholdDb.toFixed(1)),
        ratio,
        maxReductionDb: Number(comp.maxReductionDb.toFixed(2)),
        averageReductionDb: Number(comp.averageReductionDb.toFixed(2)),
      },
      gainDb: Number(gainDb.toFixed(2)),
      limiter: {
        ceilingDbtp: Number(gainToDb(limitCeiling).toFixed(2)),
        maxReductionDb: Number(lim.maxReductionDb.toFixed(2)),
        busyShare: Number(lim.busyShare.toFixed(4)),
      },
      clipper: clipped && { deepestDb: Number(clipped.deepestDb.toFixed(2)), share: Number(clipped.share.toFixed(5)) },
      peakDips: peaksDipped && { count: peaksDipped.dips, deepestDb: Number(peaksDipped.deepestDb.toFixed(2)) },
    },
    targetMet,
    warnings: notes.map(noteText),
    notes,
  };
}
