/**
 * What is wrong with an audio file, as a code with its numbers: the service words it in the
 * artist's language (core/files/audio-problems.ts); `problem` keeps the engine's English detail
 * (the command line, logs, and any problem without a code).
 */
export type AudioProblem =
  | { code: 'empty' }
  | { code: 'not-audio' }
  | { code: 'no-audio' }
  | { code: 'truncated' }
  | { code: 'damaged' }
  | { code: 'compressed-aiff' }
  | { code: 'too-long'; length: string; limit: string }
  | { code: 'too-short'; ms: number; seconds: number }
  | { code: 'silent' }
  /** A stream with no length in its header, decoded past the longest the studio takes. */
  | { code: 'longer-than'; limit: string }
  | { code: 'unsupported-rate'; hz: number }
  | { code: 'unsupported-channels'; channels: number }
  /** A WAV encoding or an AIFF bit depth the readers do not decode. */
  | { code: 'unsupported-encoding' }
  /** A mixdown with stems, none of them readable. */
  | { code: 'no-stems-readable' }
  /** A job whose booking holds no stems, or no mix, to work from. */
  | { code: 'no-stems' }
  | { code: 'no-mix' }
  /** The file system refused it: gone, a folder, no permission. */
  | { code: 'unopenable' };

/** A file that cannot be read or written as audio; the message names the file and the problem. */
export class AudioFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly said?: AudioProblem,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'AudioFileError';
  }
}
