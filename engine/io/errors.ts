/** A file that cannot be read or written as audio; the message names the file and the problem. */
export class AudioFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'AudioFileError';
  }
}
