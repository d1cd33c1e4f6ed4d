// RIFF/WAVE: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, any channel count.
// Files are read and written in pieces, so a long WAV never sits in memory twice (bytes and samples).
import { open } from 'node:fs/promises';
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';
import { parallelConvert, parallelEncode, sharedFloat32 } from '../parallel.js';
import { convert, FLOAT_FORMAT, type WavFormat, type WavOptions } from './pcm-codec.js';

export { FLOAT_FORMAT, type WavFormat, type WavOptions };

const PCM = 1;
const FLOAT = FLOAT_FORMAT;
const EXTENSIBLE = 0xfffe;

export interface Layout {
  fmt: WavFormat;
  data: { offset: number; size: number };
}

const tagAt = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

function parseFmt(body: Uint8Array, name: string): WavFormat {
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 16) throw new AudioFileError(name, 'WAV format chunk is too short', { code: 'damaged' });
  let format = v.getUint16(0, true);
  if (format === EXTENSIBLE) {
    if (body.length < 26) throw new AudioFileError(name, 'WAV extensible format chunk is too short', { code: 'damaged' });
    format = v.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  return { format, channels: v.getUint16(2, true), sampleRate: v.getUint32(4, true), blockAlign: v.getUint16(12, true), bits: v.getUint16(14, true) };
}

/** Walks the chunks with random-access reads; returns the format and where the samples are. */
export async function layout(read: (offset: number, length: number) => Promise<Uint8Array>, fileSize: number, name: string): Promise<Layout> {
  const head = await read(0, 12);
  if (head.length < 12 || tagAt(head, 0) !== 'RIFF' || tagAt(head, 8) !== 'WAVE')
    throw new AudioFileError(name, 'not a WAV file (no RIFF/WAVE header)', { code: 'not-audio' });
  let fmt: WavFormat | undefined;
  let data: Layout['data'] | undefined;
  for (let o = 12; o + 8 <= fileSize;) {
    const h = await read(o, 8);
    const id = tagAt(h, 0);
    const size = new DataView(h.buffer, h.byteOffset, 8).getUint32(4, true);
    const body = o + 8;
    if (id === 'fmt ') fmt = parseFmt(await read(body, Math.min(size, 64)), name);
    else if (id === 'data') {
      if (body + size > fileSize) {
        throw new AudioFileError(name, `the file is truncated: its audio data should be ${size} bytes but only ${fileSize - body} are there`, {
          code: 'truncated',
        });
      }
      data = { offset: body, size };
    }
    o = body + size + (size & 1);
  }
  if (!fmt) throw new AudioFileError(name, 'WAV file has no format chunk', { code: 'damaged' });
  if (!data) throw new AudioFileError(name, 'WAV file has no audio data chunk', { code: 'no-audio' });
  const { format, channels, sampleRate, bits, blockAlign } = fmt;
  if (channels < 1 || channels > 32) throw new AudioFileError(name, `unsupported channel count ${channels}`, { code: 'unsupported-channels', channels });
  if (sampleRate < 8000 || sampleRate > 384000)
    throw new AudioFileError(name, `unsupported sample rate ${sampleRate} Hz`, { code: 'unsupported-rate', hz: sampleRate });
  const pcmOk = format === PCM && [8, 16, 24, 32].includes(bits);
  const floatOk = format === FLOAT && (bits === 32 || bits === 64);
  if (!pcmOk && !floatOk)
    throw new AudioFileError(name, `unsupported WAV encoding (format ${format}, ${bits}-bit); use PCM 16/24/32-bit or 32-bit float`, {
      code: 'unsupported-encoding',
    });
  if (blockAlign !== (bits / 8) * channels)
    throw new AudioFileError(name, 'WAV block alignment does not match its channels and bit depth', { code: 'damaged' });
  return { fmt, data };
}

function allocate(l: Layout): Float32Array[] {
  const frames = Math.floor(l.data.size / l.fmt.blockAlign);
  // Shared memory, so the engine's helper thread can work on the samples without a copy.
  return Array.from({ length: l.fmt.channels }, () => sharedFloat32(frames));
}

function decoded(l: Layout, channels: Float32Array[]): AudioData {
  return { sampleRate: l.fmt.sampleRate, channels, bitDepth: l.fmt.bits, format: 'wav', ...(l.fmt.format === FLOAT ? { floatSource: true } : {}) };
}

export async function readWav(bytes: Uint8Array, name: string): Promise<AudioData> {
  const l = await layout(async (o, n) => bytes.subarray(o, o + n), bytes.length, name);
  const channels = allocate(l);
  convert(bytes.subarray(l.data.offset, l.data.offset + l.data.size), l.fmt, channels, 0);
  return decoded(l, channels);
}

/** Reads a WAV file in 4 MB pieces straight into the sample arrays. */
export async function readWavFile(file: string, name: string): Promise<AudioData> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const read = async (offset: number, length: number) => {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      await fh.read(buf, 0, buf.length, offset);
      return buf;
    };
    const l = await layout(read, size, name);
    const channels = allocate(l);
    const piece = Math.max(1, Math.floor((4 << 20) / l.fmt.blockAlign)) * l.fmt.blockAlign;
    // Shared, so the helper thread can convert one channel of each piece while this one does the
    // other; two of them, so the next piece is read while this one is converted.
    const bufs = [new Uint8Array(new SharedArrayBuffer(piece)), new Uint8Array(new SharedArrayBuffer(piece))] as const;
    const total = channels[0]!.length * l.fmt.blockAlign;
    const readPiece = (done: number) => fh.read(bufs[(done / piece) & 1]!, 0, Math.min(piece, total - done), l.data.offset + done);
    let next = total > 0 ? readPiece(0) : null;
    for (let done = 0; done < total; done += piece) {
      const { bytesRead } = await next!;
      next = done + piece < total ? readPiece(done + piece) : null;
      parallelConvert(bufs[(done / piece) & 1]!.subarray(0, bytesRead), l.fmt, channels, done / l.fmt.blockAlign);
    }
    return decoded(l, channels);
  } finally {
    await fh.close();
  }
}

/** The RIFF header up to the data chunk's; `extra`: whole chunks (LIST/INFO, bext) to sit before the data. */
export function header(audio: AudioData, o: WavOptions, extra: Uint8Array = new Uint8Array(0)): Uint8Array {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const blockAlign = (o.bits / 8) * channels;
  const dataSize = frames * blockAlign;
  const fmtSize = o.float ? 18 : 16;
  const factSize = o.float ? 12 : 0;
  const bytes = new Uint8Array(12 + 8 + fmtSize + factSize + extra.length + 8);
  const view = new DataView(bytes.buffer);
  const str = (off: number, s: string) => [...s].forEach((ch, i) => (bytes[off + i] = ch.charCodeAt(0)));
  str(0, 'RIFF');
  view.setUint32(4, bytes.length - 8 + dataSize + (dataSize & 1), true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, o.float ? FLOAT : PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, o.bits, true);
  let p = 36;
  if (o.float) {
    view.setUint16(p, 0, true);
    p += 2;
    str(p, 'fact');
    view.setUint32(p + 4, 4, true);
    view.setUint32(p + 8, frames, true);
    p += 12;
  }
  bytes.set(extra, p);
  p += extra.length;
  str(p, 'data');
  view.setUint32(p + 4, dataSize, true);
  return bytes;
}

const FRAMES_PER_PIECE = 65536;

/** One dither generator per channel (uncorrelated noise), in shared memory (the helper thread may advance one). */
export function ditherSeeds(channels: number): Uint32Array[] {
  return Array.from({ length: channels }, (_, c) => new Uint32Array(new SharedArrayBuffer(4)).fill(0x9e3779b9 ^ (c * 0x85ebca6b)));
}

export function writeWav(audio: AudioData, o: WavOptions, extra?: Uint8Array): Uint8Array {
  const frames = audio.channels[0]?.length ?? 0;
  const head = header(audio, o, extra);
  const dataSize = frames * (o.bits / 8) * audio.channels.length;
  const bytes = new Uint8Array(head.length + dataSize + (dataSize & 1));
  bytes.set(head);
  const seeds = ditherSeeds(audio.channels.length);
  const frameBytes = (o.bits / 8) * audio.channels.length;
  for (let f = 0; f < frames; f += FRAMES_PER_PIECE) {
    const to = Math.min(frames, f + FRAMES_PER_PIECE);
    parallelEncode(audio.channels, o, f, to, seeds, bytes.subarray(head.length + f * frameBytes, head.length + to * frameBytes));
  }
  return bytes;
}

/** Writes a WAV file piece by piece (the caller renames it into place). */
export async function writeWavFile(file: string, audio: AudioData, o: WavOptions, extra?: Uint8Array): Promise<void> {
  const fh = await open(file, 'w');
  try {
    const frames = audio.channels[0]?.length ?? 0;
    await fh.write(header(audio, o, extra));
    const seeds = ditherSeeds(audio.channels.length);
    // Two piece buffers: one is written to the file while the next piece is encoded into the other.
    const pieces = [0, 1].map(() => new Uint8Array(new SharedArrayBuffer(FRAMES_PER_PIECE * 4 * (o.bits / 8) * audio.channels.length)));
    const step = FRAMES_PER_PIECE * 4;
    let writing: Promise<unknown> = Promise.resolve();
    for (let f = 0, k = 0; f < frames; f += step, k ^= 1) {
      const to = Math.min(frames, f + step);
      const out = pieces[k]!.subarray(0, (to - f) * (o.bits / 8) * audio.channels.length);
      parallelEncode(audio.channels, o, f, to, seeds, out);
      await writing; // the buffer encoded next is the one this write is reading
      writing = fh.write(out);
      writing.catch(() => undefined); // awaited above or below; an encoding error must not leave it unhandled
    }
    await writing;
    const dataSize = frames * (o.bits / 8) * audio.channels.length;
    if (dataSize & 1) await fh.write(new Uint8Array(1));
  } finally {
    await fh.close();
  }
}
