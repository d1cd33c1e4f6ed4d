// What a file will decode to, read from its headers (and, for MP3, its frame headers) without
// decoding it: so a small file that claims hours of audio is refused before it is decoded, and
// memory follows what a file really holds. A 1.5 MB FLAC of two hours of silence decodes to
// 2.7 GB of samples; its STREAMINFO says so in 42 bytes.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AudioFileError } from './errors.js';
import { layout } from './wav.js';
import { aiffLayout } from './aiff.js';
import { detectContainer, type Container } from './container.js';

export interface AudioProbe {
  container: Container;
  sampleRate: number;
  channels: number;
  /** Bits per sample of the source (0 for MP3). */
  bitDepth: number;
  /** Frames (samples per channel) the file holds, or null when its header does not say (a streamed FLAC). */
  frames: number | null;
  durationSec: number | null;
}

/** Reads a file in 1 MB windows, so a scan of many small headers costs few system calls. */
class WindowedFile {
  private window = new Uint8Array(0);
  private start = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  async bytes(offset: number, length: number): Promise<Uint8Array> {
    if (offset < this.start || offset + length > this.start + this.window.length) {
      const n = Math.max(0, Math.min(Math.max(length, 1 << 20), this.size - offset));
      const buf = new Uint8Array(n);
      await this.fh.read(buf, 0, n, offset);
      this.window = buf;
      this.start = offset;
    }
    return this.window.subarray(offset - this.start, offset - this.start + length);
  }
}

const tag = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

async function probeAiff(f: WindowedFile, name: string): Promise<AudioProbe> {
  const l = await aiffLayout((offset, length) => f.bytes(offset, length).then((b) => b.slice()), f.size, name);
  return { container: 'aiff', channels: l.channels, sampleRate: l.sampleRate, bitDepth: l.bits, frames: l.frames, durationSec: l.frames / l.sampleRate };
}

/**
 * What a FLAC stream's STREAMINFO says (the block after "fLaC"; `total` 0 when the length is not
 * given), or null where the bytes do not start with one.
 */
export function flacStreamInfo(b: Uint8Array): { sampleRate: number; channels: number; bitDepth: number; total: number } | null {
  if (b.length < 26 || (b[4]! & 0x7f) !== 0) return null;
  return {
    sampleRate: (b[18]! << 12) | (b[19]! << 4) | (b[20]! >> 4),
    channels: ((b[20]! >> 1) & 7) + 1,
    bitDepth: (((b[20]! & 1) << 4) | (b[21]! >> 4)) + 1,
    total: (b[21]! & 0x0f) * 2 ** 32 + ((b[22]! << 24) >>> 0) + (b[23]! << 16) + (b[24]! << 8) + b[25]!,
  };
}

async function probeFlac(f: WindowedFile, name: string): Promise<AudioProbe> {
  const b = await f.bytes(0, 42);
  const info = b.length < 42 ? null : flacStreamInfo(b);
  if (!info) throw new AudioFileError(name, 'not a readable FLAC file (no STREAMINFO block)', { code: 'damaged' });
  const { sampleRate, channels, bitDepth, total } = info;
  if (sampleRate === 0) throw new AudioFileError(name, 'not a readable FLAC file (sample rate 0)', { code: 'damaged' });
  return { container: 'flac', sampleRate, channels, bitDepth, frames: total || null, durationSec: total ? total / sampleRate : null };
}

// MPEG audio layer III frame headers (ISO 11172-3, 13818-3, and the unofficial MPEG 2.5).
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V1 = [44100, 48000, 32000];

interface MpegFrame {
  /** 3 = MPEG 1, 2 = MPEG 2, 0 = MPEG 2.5 */
  version: number;
  sampleRate: number;
  mono: boolean;
  length: number;
  samples: number;
}

export function parseMpegHeader(b: Uint8Array, o = 0): MpegFrame | undefined {
  if (o + 4 > b.length || b[o] !== 0xff || (b[o + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (b[o + 1]! >> 3) & 3;
  const layer = (b[o + 1]! >> 1) & 3;
  const bitrateIndex = b[o + 2]! >> 4;
  const rateIndex = (b[o + 2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const v1 = version === 3;
  const sampleRate = RATES_V1[rateIndex]! / (v1 ? 1 : version === 2 ? 2 : 4);
  const kbps = (v1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]!;
  const padding = (b[o + 2]! >> 1) & 1;
  const length = Math.floor(((v1 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { version, sampleRate, mono: b[o + 3]! >> 6 === 3, length, samples: v1 ? 1152 : 576 };
}

/** Where a Xing/Info tag starts in a frame: after the header and the side information. */
export const xingOffset = (f: MpegFrame): number => 4 + (f.version === 3 ? (f.mono ? 17 : 32) : f.mono ? 9 : 17);

/** Frames a Xing/Info header (in the first frame) says the stream has, if it has one. */
function xingFrames(first: Uint8Array, f: MpegFrame): number | undefined {
  const o = xingOffset(f);
  if (o + 12 > first.length) return undefined;
  const id = tag(first, o);
  if (id !== 'Xing' && id !== 'Info') return undefined;
  const v = new DataView(first.buffer, first.byteOffset, first.byteLength);
  return v.getUint32(o + 4) & 1 ? v.getUint32(o + 8) : undefined;
}

/**
 * Samples the encoder added (its delay at the start and the padding to whole frames at the end),
 * from the LAME extension of a Xing/Info frame, which gapless decoders leave out; 0 without one.
 */
function encoderTrim(first: Uint8Array, f: MpegFrame): number {
  const o = xingOffset(f);
  if (o + 8 > first.length || (tag(first, o) !== 'Xing' && tag(first, o) !== 'Info')) return 0;
  const flags = new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(o + 4);
  const ext = o + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  if (ext + 24 > first.length || !['LAME', 'Lavf', 'Lavc'].includes(tag(first, ext))) return 0;
  const delay = (first[ext + 21]! << 4) | (first[ext + 22]! >> 4);
  const padding = ((first[ext + 22]! & 0x0f) << 8) | first[ext + 23]!;
  return delay + padding;
}

/** A run of this many chained frames tells MPEG audio from random bytes that happen to start like a header. */
const MIN_FRAME_RUN = 3;

async function probeMp3(f: WindowedFile, name: string): Promise<AudioProbe> {
  let o = 0;
  const id3 = await f.bytes(0, 10);
  if (id3.length === 10 && tag(id3, 0).startsWith('ID3')) {
    const size = ((id3[6]! & 0x7f) << 21) | ((id3[7]! & 0x7f) << 14) | ((id3[8]! & 0x7f) << 7) | (id3[9]! & 0x7f);
    o = 10 + size + (id3[5]! & 0x10 ? 10 : 0);
  }
  // The first frame: the first header within 64 KB after the tag that starts a chain of frames.
  const searchEnd = Math.min(f.size, o + 65_536);
  for (; o + 4 <= searchEnd; o++) {
    const first = parseMpegHeader(await f.bytes(o, 4));
    if (!first) continue;
    let frames = 0;
    let at = o;
    let declared: number | undefined;
    let trim = 0;
    // Whether the chain ran into the end of the file (perhaps mid-frame), rather than into other bytes.
    let toTheEnd: boolean;
    for (;;) {
      const h = parseMpegHeader(await f.bytes(at, 4));
      if (!h || h.sampleRate !== first.sampleRate || h.version !== first.version || at + h.length > f.size) {
        toTheEnd = at + 4 > f.size || (!!h && h.sampleRate === first.sampleRate && at + h.length > f.size);
        break;
      }
      if (frames === 0) {
        const head = await f.bytes(at, Math.min(h.length, 256));
        declared = xingFrames(head, h);
        trim = encoderTrim(head, h);
      }
      frames++;
      at += h.length;
    }
    // A Xing/Info frame carries no audio of its own.
    const audioFrames = declared !== undefined ? frames - 1 : frames;
    const seconds = (audioFrames * first.samples) / first.sampleRate;
    if (declared !== undefined && toTheEnd && audioFrames < declared * 0.98) {
      const said = (declared * first.samples) / first.sampleRate;
      throw new AudioFileError(name, `the file is truncated: its header declares ${said.toFixed(1)} s of audio but only ${seconds.toFixed(1)} s is there`, {
        code: 'truncated',
      });
    }
    if (frames < MIN_FRAME_RUN && !toTheEnd) continue;
    if (frames < MIN_FRAME_RUN) throw new AudioFileError(name, 'not a readable MP3 file (no run of MPEG audio frames)', { code: 'damaged' });
    return {
      container: 'mp3',
      sampleRate: first.sampleRate,
      channels: first.mono ? 1 : 2,
      bitDepth: 0,
      // What a gapless decoder gives: the encoder's delay and padding left out.
      frames: Math.max(0, audioFrames * first.samples - trim),
      durationSec: Math.max(0, audioFrames * first.samples - trim) / first.sampleRate,
    };
  }
  throw new AudioFileError(name, 'not a readable MP3 file (no run of MPEG audio frames)', { code: 'damaged' });
}

/** The format and length of an audio file from its headers; AudioFileError when it is not audio we read. */
export async function probeAudioFile(file: string, name = path.basename(file)): Promise<AudioProbe> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) throw new AudioFileError(name, 'the file is empty', { code: 'empty' });
    const f = new WindowedFile(fh, size);
    const container = detectContainer(await f.bytes(0, 12));
    switch (container) {
      case 'wav': {
        const l = await layout((offset, length) => f.bytes(offset, length).then((b) => b.slice()), size, name);
        const frames = Math.floor(l.data.size / l.fmt.blockAlign);
        return { container, sampleRate: l.fmt.sampleRate, channels: l.fmt.channels, bitDepth: l.fmt.bits, frames, durationSec: frames / l.fmt.sampleRate };
      }
      case 'aiff':
        return await probeAiff(f, name);
      case 'flac':
        return await probeFlac(f, name);
      case 'mp3':
        return await probeMp3(f, name);
      default:
        throw new AudioFileError(name, 'not an audio file we can read (expected WAV, AIFF, FLAC or MP3)', { code: 'not-audio' });
    }
  } finally {
    await fh.close();
  }
}

/** Decoded sizes past this are refused before decoding: the file claims more audio than the studio takes. */
export function assertWithinLength(p: AudioProbe, maxSeconds: number, name: string): void {
  if (p.durationSec !== null && p.durationSec > maxSeconds) {
    throw new AudioFileError(name, `it is ${formatLength(p.durationSec)} long; the studio takes files of up to ${formatLength(maxSeconds)}`, {
      code: 'too-long',
      length: formatLength(p.durationSec),
      limit: formatLength(maxSeconds),
    });
  }
}

export function formatLength(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const h = Math.floor(m / 60);
  return h > 0 ? `${h} h ${m % 60} min` : m > 0 ? `${m} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`;
}
