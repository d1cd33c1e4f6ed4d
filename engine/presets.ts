// The mastering presets, defined once: the engine's targets, the studio's MASTER_PRESET setting,
// the engineer's /master choices, the CLI's usage and the docs all read this table.
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
}

export const presets = {
  streaming: { targetLufs: -14, ceilingDbtp: -1, maxLimitingDb: 8, label: 'streaming (Spotify, YouTube, Tidal)' },
  loud: { targetLufs: -9, ceilingDbtp: -2, maxLimitingDb: 12, label: 'loud (club, competitive genres)' },
  apple: { targetLufs: -16, ceilingDbtp: -1, maxLimitingDb: 8, label: 'Apple Music / Sound Check' },
  cd: { targetLufs: -10, ceilingDbtp: -0.5, maxLimitingDb: 10, label: 'CD (44.1 kHz, 16-bit)', delivery: { sampleRate: 44100, bitDepth: 16 } },
  vinyl: { targetLufs: -14, ceilingDbtp: -1, maxLimitingDb: 1.5, label: 'vinyl (lacquer cutting)', monoBelowHz: 150, loudnessUpTo: true },
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
