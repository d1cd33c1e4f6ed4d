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
  | { code: 'silent' };

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
