// What the mixdown noticed and why it left a stem out, as codes with their numbers: the service
// words them in the artist's language (core/versions/version-messages.ts); the command line and
// older stored versions read `mixdownNoteText` / `skipText`, in English.
import type { AudioProblem } from './io/errors.js';
export type MixdownNote =
  | { code: 'stem-resampled'; stem: string; fromHz: number; toHz: number }
  | { code: 'stem-silent'; stem: string }
  | { code: 'stem-padded'; stem: string; seconds: string }
  | { code: 'no-vocals' }
  | { code: 'no-instruments' };

/** Why a stem was left out of the mix: it could not be read (the reader's problem), it is empty, or it has too many channels. */
export type SkipReason = { code: 'unreadable'; problem: string; said?: AudioProblem } | { code: 'empty' } | { code: 'channels'; channels: number };

export function mixdownNoteText(n: MixdownNote): string {
  switch (n.code) {
    case 'stem-resampled':
      return `${n.stem} was at ${n.fromHz} Hz and was converted to ${n.toHz} Hz`;
    case 'stem-silent':
      return `${n.stem} is silent`;
    case 'stem-padded':
      return `${n.stem} is ${n.seconds} s shorter than the longest stem; it was padded with silence, not cut`;
    case 'no-vocals':
      return 'no stem is tagged as a vocal, so there is no a cappella';
    case 'no-instruments':
      return 'every stem is tagged as a vocal, so there is no instrumental';
  }
}

export function skipText(r: SkipReason): string {
  switch (r.code) {
    case 'unreadable':
      return r.problem;
    case 'empty':
      return 'it is empty (no audio)';
    case 'channels':
      return `it has ${r.channels} channels; stems must be mono or stereo`;
  }
}
