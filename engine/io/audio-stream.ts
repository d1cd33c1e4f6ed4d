// An audio file read as consecutive pieces of decoded samples, for work whose memory must follow
// the piece and not the file (`mixdesk analyze` and the uploads' analysis of files of any length).
// The headers are read first: a file longer than the caller allows is refused before decoding.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { aiffConvert, aiffLayout } from './aiff.js';
import { AudioFileError } from './errors.js';
import { fileErrors, type Container, type ReadLimits } from './index.js';
import { assertFinite } from './pieces.js';
import { assertWithinLength, probeAudioFile, type AudioProbe } from './probe.js';
import { WavReader } from './wav-stream.js';

/** Frames per piece of WAV and AIFF (a few MB of samples). */
const PIECE_FRAMES = 1 << 17;
/** Bytes read at a time for the decoders. */
const READ_BYTES = 1 << 20;

export interface AudioStream {
  container: Container;
  sampleRate: number;
  channels: number;
  bitDepth: number;
  /** Frames the headers announce (for MP3 from its frame headers, before gapless trimming); null when unknown. */
  expectedFrames: number | null;
  /**
   * The audio, one array per channel in each piece (all the same length, never empty), checked as
   * it is read; AudioFileError when the file turns out corrupt, truncated or longer than allowed.
   */
  pieces(): AsyncGenerator<Float32Array[]>;
}

export async function openAudioStream(file: string, limits: ReadLimits = {}, name = path.basename(file)): Promise<AudioStream> {
  const probe = await fileErrors(name, () => probeAudioFile(file, name));
  if (limits.maxSeconds !== undefined) assertWithinLength(probe, limits.maxSeconds, name);
  const base = { container: probe.container, sampleRate: probe.sampleRate, channels: probe.channels, bitDepth: probe.bitDepth, expectedFrames: probe.frames };
  const maxFrames = limits.maxSeconds !== undefined ? Math.ceil(limits.maxSeconds * probe.sampleRate) : Infinity;
  switch (probe.container) {
    case 'wav':
      return { ...base, pieces: () => wavPieces(file, name) };
    case 'aiff':
      return { ...base, pieces: () => aiffPieces(file, name) };
    case 'flac':
      return { ...base, pieces: () => decodedPieces(probe, file, name, async (bytes) => (await import('./flac.js')).flacPieces(bytes, name, maxFrames)) };
    case 'mp3':
      return { ...base, pieces: () => decodedPieces(probe, file, name, async (bytes) => (await import('./mp3.js')).mp3Pieces(bytes, name, probe)) };
  }
}

async function* wavPieces(file: string, name: string): AsyncGenerator<Float32Array[]> {
  const reader = await WavReader.open(file, name);
  try {
    const frames = reader.frames;
    if (frames === 0) throw new AudioFileError(name, 'the file contains no audio (0 samples)', { code: 'no-audio' });
    for (let at = 0; at < frames; at += PIECE_FRAMES) {
      const count = Math.min(PIECE_FRAMES, frames - at);
      const piece = Array.from({ length: reader.channels }, () => new Float32Array(count));
      await reader.read(at, count, piece);
      if (reader.floatSource) assertFinite(piece, name, reader.sampleRate, at);
      yield piece;
    }
  } finally {
    await reader.close();
  }
}

async function* aiffPieces(file: string, name: string): AsyncGenerator<Float32Array[]> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const l = await aiffLayout((offset, length) => readAt(fh, offset, Math.max(0, Math.min(length, size - offset))), size, name);
    if (l.frames === 0) throw new AudioFileError(name, 'the file contains no audio (0 samples)', { code: 'no-audio' });
    for (let at = 0; at < l.frames; at += PIECE_FRAMES) {
      const count = Math.min(PIECE_FRAMES, l.frames - at);
      const piece = Array.from({ length: l.channels }, () => new Float32Array(count));
      aiffConvert(await readAt(fh, l.dataOffset + at * l.blockAlign, count * l.blockAlign), l, piece);
      if (l.float) assertFinite(piece, name, l.sampleRate, at);
      yield piece;
    }
  } finally {
    await fh.close();
  }
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

async function* fileBytes(file: string): AsyncGenerator<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    for (let offset = 0; ; offset += READ_BYTES) {
      const chunk = await readAt(fh, offset, READ_BYTES);
      if (chunk.length === 0) return;
      yield chunk;
    }
  } finally {
    await fh.close();
  }
}

type Decoder = (bytes: AsyncIterable<Uint8Array>) => Promise<AsyncGenerator<{ channels: Float32Array[]; sampleRate: number }>>;

/** A codec's pieces, held to what the headers said (a stream that changes format midway is refused). */
async function* decodedPieces(probe: AudioProbe, file: string, name: string, decoder: Decoder): AsyncGenerator<Float32Array[]> {
  for await (const piece of await decoder(fileBytes(file))) {
    if (piece.sampleRate !== probe.sampleRate || piece.channels.length !== probe.channels) {
      throw new AudioFileError(
        name,
        `the stream changes format midway (${piece.channels.length} channels at ${piece.sampleRate} Hz after ${probe.channels} at ${probe.sampleRate} Hz)`,
        { code: 'damaged' },
      );
    }
    yield piece.channels;
  }
}
