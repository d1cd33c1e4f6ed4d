// What is checked before a file is decoded whole for mastering (the engine holds the whole song in
// memory, several copies of it): its length from the headers, then — read in pieces, memory
// following the piece — that it is long enough and not silent. A 2-hour silent FLAC of 1.5 MB was
// decoded to gigabytes before the master found nothing in it.
import { openAudioStream } from './io/audio-stream.js';
import { AudioFileError } from './io/index.js';
import { formatLength } from './io/probe.js';
import { SHORTEST_SECONDS, SILENT_PROBLEM, tooShortProblem } from './master.js';

/** The longest file mastered unless told otherwise (MASTER_MAX_MINUTES): about 3 GB of memory at 48 kHz stereo. */
export const DEFAULT_MASTER_MAX_MINUTES = 60;

/**
 * Below this peak a file has no loudness at all (-80 dBFS: even with K-weighting's high-shelf
 * gain both channels at that peak stay under BS.1770's -70 LUFS gate), so the engine would refuse it.
 */
const SILENT_PEAK = 10 ** (-80 / 20);

/** The first |sample| of `piece` above SILENT_PEAK, or the piece's peak when none is. */
function heardIn(piece: Float32Array[]): number {
  let peak = 0;
  for (const ch of piece)
    for (let i = 0; i < ch.length; i++) {
      const a = Math.abs(ch[i]!);
      if (a > SILENT_PEAK) return a;
      if (a > peak) peak = a;
    }
  return peak;
}

export async function checkMasterable(file: string, name: string, maxSeconds = DEFAULT_MASTER_MAX_MINUTES * 60): Promise<void> {
  let stream;
  try {
    stream = await openAudioStream(file, { maxSeconds }, name);
  } catch (err) {
    // The limit is the mastering engine's, not the studio's upload limit: say which setting it is.
    if (err instanceof AudioFileError && err.said?.code === 'too-long')
      throw new AudioFileError(
        name,
        `${err.problem.replace(/; the studio takes files of up to .*/, '')}; files of up to ${formatLength(maxSeconds)} are mastered (MASTER_MAX_MINUTES)`,
        { ...err.said, limit: formatLength(maxSeconds) },
      );
    throw err;
  }
  // A WAV's or AIFF's length is its data chunk's (the read that follows refuses one shorter than
  // it claims): once something is heard in one that is long enough, the rest need not be read.
  // A codec's length is only known by decoding it to the end.
  const knownLength = (stream.container === 'wav' || stream.container === 'aiff') && (stream.expectedFrames ?? 0) >= SHORTEST_SECONDS * stream.sampleRate;
  let frames = 0;
  let peak = 0;
  for await (const piece of stream.pieces()) {
    frames += piece[0]!.length;
    if (peak > SILENT_PEAK) continue;
    peak = Math.max(peak, heardIn(piece));
    if (peak > SILENT_PEAK && knownLength) return;
  }
  const seconds = frames / stream.sampleRate;
  if (seconds < SHORTEST_SECONDS)
    throw new AudioFileError(name, tooShortProblem(seconds), { code: 'too-short', ms: Math.round(seconds * 1000), seconds: SHORTEST_SECONDS });
  if (peak <= SILENT_PEAK) throw new AudioFileError(name, SILENT_PROBLEM, { code: 'silent' });
}
