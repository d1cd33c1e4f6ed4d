// What is wrong with an audio file, in the reader's language: the engine's problem code worded
// through the locale files. English readers get the engine's own detail (which carries the exact
// numbers: bytes present, frames lost); a problem without a code is framed in the reader's
// language with that detail quoted.
import type { AudioProblem } from '../../engine/io/errors.js';
import { currentLanguage, t } from '../texts.js';

export function audioProblemInWords(e: { problem: string; said?: AudioProblem | undefined }): string {
  if (currentLanguage() === 'en') return e.problem;
  const said = e.said;
  if (!said) return t('audio-problem-other', { detail: e.problem });
  switch (said.code) {
    case 'empty':
      return t('audio-problem-empty');
    case 'not-audio':
      return t('audio-problem-not-audio');
    case 'no-audio':
      return t('audio-problem-no-audio');
    case 'truncated':
      return t('audio-problem-truncated');
    case 'damaged':
      return t('audio-problem-damaged');
    case 'compressed-aiff':
      return t('audio-problem-compressed-aiff');
    case 'too-long':
      return t('audio-problem-too-long', { length: said.length, limit: said.limit });
    case 'too-short':
      return t('audio-problem-too-short', { ms: said.ms, seconds: said.seconds });
    case 'silent':
      return t('audio-problem-silent');
    case 'longer-than':
      return t('audio-problem-longer-than', { limit: said.limit });
    case 'unsupported-rate':
      return t('audio-problem-unsupported-rate', { hz: said.hz });
    case 'unsupported-channels':
      return t('audio-problem-unsupported-channels', { channels: said.channels });
    case 'unsupported-encoding':
      return t('audio-problem-unsupported-encoding');
    case 'no-stems-readable':
      return t('audio-problem-no-stems-readable');
    case 'no-stems':
      return t('audio-problem-no-stems');
    case 'no-mix':
      return t('audio-problem-no-mix');
    case 'unopenable':
      return t('audio-problem-unopenable');
  }
}
