// The mastering presets, defined once: the engine's targets, the studio's MASTER_PRESET setting,
// the engineer's /master choices, the CLI's usage and the docs all read this table. A preset
// carries its own behaviour (what its destination takes, its own checks, its default format), so
// a new one is a row here and nothing elsewhere asks for a preset by name.
import type { Analysis } from './analysis/analyze.js';
import type { OutputFormat } from './formats.js';
import type { EngineNote } from './notes.js';
import { vinylWarnings } from './vinyl.js';

/** What a preset's destination takes of a lossless file, and how each answer is said. */
export interface Destination {
  /** Who receives the files ("distributors", "CD plants"): a lossy file is refused in their name. */
  takers: string;
  accepts(bits: number, sampleRate: number): boolean;
  /** Said of a file it takes, and of one it does not. */
  yes: string;
  no: string;
}

/** Distributors and streaming services: any lossless file at 44.1 kHz or more. */
const distributors: Destination = {
  takers: 'distributors',
  accepts: (_bits, rate) => rate >= 44100,
  yes: 'distributors take it (lossless, 44.1 kHz or more)',
  no: 'distributors need 44.1 kHz or more',
};

export interface PresetDef {
  targetLufs: number;
  ceilingDbtp: number;
  maxLimitingDb: number;
  label: string;
  /** The destination's sample rate and bit depth (CD: 44.1 kHz, 16-bit); none: the mix's rate, any depth. */
  delivery?: { sampleRate: number; bitDepth: 16 | 24 };
  /** Made mono below this (a lathe cuts stereo lows as vertical groove motion), whatever mono costs them. */
  monoBelowHz?: number;
  /** The target is a limit, not a goal: short of it where the limiting bound stops, without a warning (no brick-wall loudness). */
  loudnessUpTo?: boolean;
  destination: Destination;
  /** What its destination would raise about the master as made (a lathe: sibilance, out-of-phase lows). */
  checks?: (after: Analysis) => EngineNote[];
  /** The CLI's format when none is asked for (the CD preset makes a CD master). */
  defaultFormat?: OutputFormat;
}

export const presets = {
  streaming: { targetLufs: -14, ceilingDbtp: -1, maxLimitingDb: 8, label: 'streaming (Spotify, YouTube, Tidal)', destination: distributors },
  loud: { targetLufs: -9, ceilingDbtp: -2, maxLimitingDb: 12, label: 'loud (club, competitive genres)', destination: distributors },
  apple: {
    targetLufs: -16,
    ceilingDbtp: -1,
    maxLimitingDb: 8,
    label: 'Apple Music / Sound Check',
    destination: {
      takers: 'distributors',
      accepts: (bits, rate) => bits >= 24 && rate >= 44100,
      yes: 'meets Apple Digital Masters (24-bit, 44.1 kHz or more)',
      no: 'Apple Digital Masters needs 24-bit at 44.1 kHz or more',
    },
  },
  cd: {
    targetLufs: -10,
    ceilingDbtp: -0.5,
    maxLimitingDb: 10,
    label: 'CD (44.1 kHz, 16-bit)',
    delivery: { sampleRate: 44100, bitDepth: 16 },
    destination: {
      takers: 'CD plants',
      accepts: (bits, rate) => bits === 16 && rate === 44100,
      yes: 'Red Book CD audio (dithered to 16-bit)',
      no: 'a CD needs 44.1 kHz, 16-bit',
    },
    defaultFormat: 'wav16',
  },
  vinyl: {
    targetLufs: -14,
    ceilingDbtp: -1,
    maxLimitingDb: 1.5,
    label: 'vinyl (lacquer cutting)',
    monoBelowHz: 150,
    loudnessUpTo: true,
    destination: {
      takers: 'cutting engineers',
      accepts: (bits) => bits >= 24,
      yes: "what cutting engineers ask for (24-bit, no dither, the mix's rate)",
      no: 'cutting engineers ask for 24-bit',
    },
    checks: vinylWarnings,
  },
} as const satisfies Record<string, PresetDef>;

export type Preset = keyof typeof presets;
/** The ids, as a non-empty tuple (what zod's enum takes). */
export const presetIds = Object.keys(presets) as [Preset, ...Preset[]];
export const defaultPreset: Preset = 'streaming';

export function isPreset(v: string): v is Preset {
  return Object.hasOwn(presets, v);
}

/** "streaming (-14 LUFS, -1 dBTP)": how a preset is offered in a choice. */
export const presetChoice = (p: Preset): string => `${p} (${presets[p].targetLufs} LUFS, ${presets[p].ceilingDbtp} dBTP)`;

/** How strongly the engine corrects tone and dynamics when no intensity is given (0..1). */
export const DEFAULT_INTENSITY = 0.5;

/**
 * How far reference matching moves the tonal balance when no intensity is given: nearly all the
 * way (at 0.5 it closed 38-50 % of the distance, less than Matchering on most pairs; at 0.8, with
 * matchEq's smoothing as it is now, one real pair of ten stayed 1 point under it). Compression
 * keeps DEFAULT_INTENSITY; an intensity given sets both.
 */
export const DEFAULT_MATCH_INTENSITY = 0.9;
