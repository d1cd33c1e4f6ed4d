// AIFF and AIFF-C (uncompressed: NONE, sowt, fl32, fl64). No AIFF writer exists on npm; the
// format is small enough to write here: big-endian PCM, an 80-bit float sample rate.
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';
import { quantize, rng } from './pcm.js';

/** The 80-bit extended float AIFF stores its sample rate in. */
export function readExtended(view: DataView, o: number): number {
  const expon = view.getUint16(o) & 0x7fff;
  const hi = view.getUint32(o + 2);
  const lo = view.getUint32(o + 6);
  if (expon === 0 && hi === 0 && lo === 0) return 0;
  return (hi * 2 ** 32 + lo) * 2 ** (expon - 16383 - 63);
}

function writeExtended(view: DataView, o: number, value: number): void {
  const e = Math.floor(Math.log2(value));
  const mantissa = value / 2 ** e; // in [1, 2)
  view.setUint16(o, e + 16383);
  const hi = Math.floor(mantissa * 2 ** 31);
  view.setUint32(o + 2, hi);
  view.setUint32(o + 6, Math.round((mantissa * 2 ** 31 - hi) * 2 ** 32));
}

/** Where an AIFF file's samples are and how they are stored. */
export interface AiffLayout {
  channels: number;
  frames: number;
  sampleRate: number;
  /** Bits per sample (32 or 64 for float). */
  bits: number;
  float: boolean;
  littleEndian: boolean;
  /** Byte offset of the first frame. */
  dataOffset: number;
  blockAlign: number;
}

/**
 * The layout from the chunk headers, read through `read(offset, length)` (a file of `size` bytes),
 * so a long file's headers are found without reading its samples.
 */
export async function aiffLayout(read: (offset: number, length: number) => Promise<Uint8Array> | Uint8Array, size: number, name: string): Promise<AiffLayout> {
  const tag = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const head = await read(0, 12);
  if (head.length < 12 || tag(head, 0) !== 'FORM' || (tag(head, 8) !== 'AIFF' && tag(head, 8) !== 'AIFC')) {
    throw new AudioFileError(name, 'not an AIFF file (no FORM/AIFF header)', { code: 'not-audio' });
  }
  const aifc = tag(head, 8) === 'AIFC';
  let comm: { channels: number; frames: number; bits: number; sampleRate: number; compression: string } | undefined;
  let ssnd: { offset: number; size: number } | undefined;
  for (let o = 12; o + 8 <= size;) {
    const h = await read(o, 8);
    const id = tag(h, 0);
    const chunkSize = view(h).getUint32(4);
    const body = o + 8;
    if (id === 'COMM') {
      if (chunkSize < 18 || body + 18 > size) throw new AudioFileError(name, 'AIFF COMM chunk is too short', { code: 'damaged' });
      const c = await read(body, Math.min(22, chunkSize));
      const v = view(c);
      comm = {
        channels: v.getUint16(0),
        frames: v.getUint32(2),
        bits: v.getUint16(6),
        sampleRate: readExtended(v, 8),
        compression: aifc && c.length >= 22 ? tag(c, 18) : 'NONE',
      };
    } else if (id === 'SSND') {
      if (body + 8 > size) throw new AudioFileError(name, 'the file is truncated inside its sound data', { code: 'truncated' });
      ssnd = { offset: body + 8 + view(await read(body, 4)).getUint32(0), size: chunkSize - 8 };
    }
    o = body + chunkSize + (chunkSize & 1);
  }
  if (!comm) throw new AudioFileError(name, 'AIFF file has no COMM (format) chunk', { code: 'damaged' });
  const { channels, frames, sampleRate, compression } = comm;
  let { bits } = comm;
  const float = compression === 'fl32' || compression === 'FL32' || compression === 'fl64' || compression === 'FL64';
  if (float) bits = compression.toLowerCase() === 'fl32' ? 32 : 64;
  const littleEndian = compression === 'sowt';
  if (!['NONE', 'sowt'].includes(compression) && !float)
    throw new AudioFileError(name, `compressed AIFF-C (${compression}) is not supported; export uncompressed AIFF or WAV`, { code: 'compressed-aiff' });
  if (![8, 16, 24, 32].includes(bits) && !float) throw new AudioFileError(name, `unsupported AIFF bit depth ${bits}`, { code: 'unsupported-encoding' });
  if (channels < 1 || channels > 32) throw new AudioFileError(name, `unsupported channel count ${channels}`, { code: 'unsupported-channels', channels });
  if (!(sampleRate >= 8000 && sampleRate <= 384000))
    throw new AudioFileError(name, `unsupported sample rate ${sampleRate} Hz`, { code: 'unsupported-rate', hz: sampleRate });
  const blockAlign = Math.ceil(bits / 8) * channels;
  if (frames > 0 && !ssnd) throw new AudioFileError(name, 'AIFF file has no SSND (sound data) chunk', { code: 'no-audio' });
  const dataOffset = ssnd?.offset ?? 0;
  if (ssnd && dataOffset + frames * blockAlign > size) {
    throw new AudioFileError(name, `the file is truncated: ${frames} frames announced, ${Math.floor((size - dataOffset) / blockAlign)} present`, {
      code: 'truncated',
    });
  }
  return { channels, frames, sampleRate, bits, float, littleEndian, dataOffset, blockAlign };
}

/** Frames of `bytes` (whole frames of the layout's format) into out[c] from index `at`. */
export function aiffConvert(bytes: Uint8Array, l: AiffLayout, out: Float32Array[], at = 0): void {
  const { bits, float, littleEndian, blockAlign, channels } = l;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = Math.floor(bytes.length / blockAlign);
  const bytesPer = Math.ceil(bits / 8);
  const scale = 1 / 2 ** (bits - 1);
  for (let c = 0; c < channels; c++) {
    const ch = out[c]!;
    let o = c * bytesPer;
    for (let i = at; i < at + frames; i++, o += blockAlign) {
      let v: number;
      if (float) v = bits === 32 ? view.getFloat32(o, littleEndian) : view.getFloat64(o, littleEndian);
      else if (bits === 16) v = view.getInt16(o, littleEndian) * scale;
      else if (bits === 24) {
        const b0 = bytes[o]!,
          b1 = bytes[o + 1]!,
          b2 = bytes[o + 2]!;
        v = (((littleEndian ? b0 | (b1 << 8) | (b2 << 16) : (b0 << 16) | (b1 << 8) | b2) << 8) >> 8) * scale;
      } else if (bits === 32) v = view.getInt32(o, littleEndian) * scale;
      else v = view.getInt8(o) * scale; // 8-bit AIFF is signed
      ch[i] = v;
    }
  }
}

export async function readAiff(bytes: Uint8Array, name: string): Promise<AudioData> {
  const l = await aiffLayout((offset, length) => bytes.subarray(offset, offset + length), bytes.length, name);
  const out = Array.from({ length: l.channels }, () => new Float32Array(l.frames));
  aiffConvert(bytes.subarray(l.dataOffset, l.dataOffset + l.frames * l.blockAlign), l, out);
  return { sampleRate: l.sampleRate, channels: out, bitDepth: l.bits, format: 'aiff', ...(l.float ? { floatSource: true } : {}) };
}

export function writeAiff(audio: AudioData, o: { bits: 16 | 24; dither?: boolean }): Uint8Array {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const bytesPer = o.bits / 8;
  const blockAlign = bytesPer * channels;
  const dataSize = frames * blockAlign;
  const total = 12 + 26 + 16 + dataSize + (dataSize & 1);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const str = (off: number, s: string) => [...s].forEach((ch, i) => (bytes[off + i] = ch.charCodeAt(0)));
  str(0, 'FORM');
  view.setUint32(4, total - 8);
  str(8, 'AIFF');
  str(12, 'COMM');
  view.setUint32(16, 18);
  view.setUint16(20, channels);
  view.setUint32(22, frames);
  view.setUint16(26, o.bits);
  writeExtended(view, 28, audio.sampleRate);
  str(38, 'SSND');
  view.setUint32(42, 8 + dataSize);
  view.setUint32(46, 0);
  view.setUint32(50, 0);
  const random = rng();
  for (let c = 0; c < channels; c++) {
    const q = quantize(audio.channels[c]!, o.bits, o.dither ?? false, random);
    let off = 54 + c * bytesPer;
    for (let i = 0; i < frames; i++, off += blockAlign) {
      const v = q[i]!;
      if (o.bits === 16) view.setInt16(off, v);
      else {
        bytes[off] = (v >> 16) & 0xff;
        bytes[off + 1] = (v >> 8) & 0xff;
        bytes[off + 2] = v & 0xff;
      }
    }
  }
  return bytes;
}
