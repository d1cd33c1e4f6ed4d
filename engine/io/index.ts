// Reading and writing audio files by content, not by name: a renamed file is read for what it
// is, and anything that is not audio is refused with a message naming the file and the problem.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AudioData } from '../types.js';
import { readAiff, writeAiff } from './aiff.js';
import { AudioFileError } from './errors.js';
import { assertFinite } from './pieces.js';
// The FLAC and MP3 codecs (WebAssembly and asm.js) load on first use: WAV work starts faster.
const flac = () => import('./flac.js');
const mp3 = () => import('./mp3.js');
import { aiffWithTags, flacWithTags, hasTags, mp3WithTags, wavChunks, type ReleaseTags } from './tags.js';
export { normalIsrc, type ReleaseTags } from './tags.js';
/** The rates MP3 has (as in mp3.ts, kept here so choosing one needs no codec). */
const mp3SampleRates = [32000, 44100, 48000] as const;
import { resample } from '../dsp/resample.js';
import { readWav, readWavFile, writeWav, writeWavFile, type WavOptions } from './wav.js';
import { assertWithinLength, probeAudioFile } from './probe.js';
import { detectContainer, type Container } from './container.js';
import { formats, type FormatSpec, type OutputFormat } from '../formats.js';

export { detectContainer, type Container };

export { AudioFileError };

export { extensionOf, isOutputFormat, outputFormats, type OutputFormat } from '../formats.js';

function validate(audio: AudioData, name: string): AudioData {
  const frames = audio.channels[0]?.length ?? 0;
  if (frames === 0) throw new AudioFileError(name, 'the file contains no audio (0 samples)', { code: 'no-audio' });
  // Integer PCM (and FLAC) always decodes to finite samples; float sources are checked here (a
  // full pass over the samples, so only where it can find something), the MP3 decoder's output as
  // it is decoded.
  if (!audio.floatSource) return audio;
  assertFinite(audio.channels, name, audio.sampleRate);
  return audio;
}

export interface ReadLimits {
  /** Files longer than this are refused from their headers, before decoding. */
  maxSeconds?: number;
}

export async function decodeAudio(bytes: Uint8Array, name: string, limits: ReadLimits & { sampleRate?: number; channels?: number } = {}): Promise<AudioData> {
  if (bytes.length === 0) throw new AudioFileError(name, 'the file is empty', { code: 'empty' });
  const container = detectContainer(bytes);
  switch (container) {
    case 'wav':
      return validate(await readWav(bytes, name), name);
    case 'aiff':
      return validate(await readAiff(bytes, name), name);
    case 'flac':
      return validate(
        await (
          await flac()
        ).readFlac(bytes, name, limits.maxSeconds !== undefined && limits.sampleRate ? Math.ceil(limits.maxSeconds * limits.sampleRate) : Infinity),
        name,
      );
    case 'mp3':
      return validate(await (await mp3()).readMp3(bytes, name, limits), name);
    default:
      throw new AudioFileError(name, 'not an audio file we can read (expected WAV, AIFF, FLAC or MP3)', { code: 'not-audio' });
  }
}

export async function readAudioFile(file: string, limits: ReadLimits = {}): Promise<AudioData> {
  const name = path.basename(file);
  return fileErrors(name, async () => {
    // The headers first: what the file will decode to decides whether it is decoded at all.
    const probe = await probeAudioFile(file, name);
    if (limits.maxSeconds !== undefined) assertWithinLength(probe, limits.maxSeconds, name);
    // WAV, the usual format for long masters and stems, is read in pieces; the rest whole.
    if (probe.container === 'wav') return validate(await readWavFile(file, name), name);
    return await decodeAudio(await readFile(file), name, { ...limits, sampleRate: probe.sampleRate, channels: probe.channels });
  });
}

/** Turns a system error (no such file, a folder…) into the message a user reads. */
export async function fileErrors<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AudioFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    throw new AudioFileError(name, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`, {
      code: 'unopenable',
    });
  }
}

/** MP3 has no 88.2/96 kHz: such sources are converted to 44.1 or 48 kHz (the family they belong to). */
function mp3Rate(audio: AudioData): AudioData {
  if ((mp3SampleRates as readonly number[]).includes(audio.sampleRate)) return audio;
  return resample(audio, audio.sampleRate % 11025 === 0 ? 44100 : 48000);
}

/** Source precision above the target's: quantizing it needs dither. */
function needsDither(audio: AudioData, bits: number): boolean {
  return audio.bitDepth === undefined || audio.bitDepth === 0 || audio.bitDepth > bits || audio.format === 'mp3';
}

type Encoder = (audio: AudioData, spec: FormatSpec, tags: ReleaseTags | undefined) => Promise<Uint8Array> | Uint8Array;

/** PCM containers take 16 or 24 bits (WAV also 32-bit float); the bits come from the format's row. */
const pcmBits = (spec: FormatSpec) => spec.bits as 16 | 24;

const wavOptions = (audio: AudioData, spec: FormatSpec): WavOptions =>
  spec.float ? { bits: 32, float: true } : { bits: pcmBits(spec), dither: needsDither(audio, spec.bits) };

/** Each container's encoder, given the format's row: a format is a row in engine/formats.ts, not a case here. */
const encoders: Record<Container, Encoder> = {
  wav: (audio, spec, tags) => writeWav(audio, wavOptions(audio, spec), tags && wavChunks(tags)),
  aiff: (audio, spec) => writeAiff(audio, { bits: pcmBits(spec), dither: needsDither(audio, spec.bits) }),
  flac: (audio, spec) => flac().then((f) => f.writeFlac(audio, { bits: pcmBits(spec), dither: needsDither(audio, spec.bits) })),
  mp3: (audio, spec) => mp3().then((m) => m.writeMp3(mp3Rate(audio), { mode: spec.mp3Mode ?? 'cbr320' })),
};

/** The release's tags in each container's own way (WAV's chunks are written with its header). */
const taggers: Record<Container, (bytes: Uint8Array, tags: ReleaseTags) => Uint8Array> = {
  wav: (bytes) => bytes,
  aiff: aiffWithTags,
  flac: flacWithTags,
  mp3: mp3WithTags,
};

/** The file's bytes in `format`, carrying the release's tags when given. */
export async function encodeAudio(audio: AudioData, format: OutputFormat, tags?: ReleaseTags): Promise<Uint8Array> {
  const spec: FormatSpec = formats[format];
  const tagged = hasTags(tags) ? tags : undefined;
  const bytes = await encoders[spec.container](audio, spec, tagged);
  return tagged ? taggers[spec.container](bytes, tagged) : bytes;
}

/** Writes via a temporary file and a rename, so a crash never leaves half a file under the name. */
export async function writeAudioFile(file: string, audio: AudioData, format: OutputFormat, tags?: ReleaseTags): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // WAV, the long masters' usual format, is written in pieces; the rest whole.
    const spec: FormatSpec = formats[format];
    if (spec.container === 'wav') await writeWavFile(tmp, audio, wavOptions(audio, spec), hasTags(tags) ? wavChunks(tags) : undefined);
    else await writeFile(tmp, await encodeAudio(audio, format, tags));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
