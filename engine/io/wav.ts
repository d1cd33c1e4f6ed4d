// RIFF/WAVE: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, any channel count.
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';
import { quantize, rng } from './pcm.js';

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

export function readWav(bytes: Uint8Array, name: string): AudioData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(bytes[o]!, bytes[o + 1]!, bytes[o + 2]!, bytes[o + 3]!);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new AudioFileError(name, 'not a WAV file (no RIFF/WAVE header)');
  let fmt: { format: number; channels: number; sampleRate: number; bits: number; blockAlign: number } | undefined;
  let data: { offset: number; size: number } | undefined;
  for (let o = 12; o + 8 <= bytes.length; ) {
    const id = tag(o);
    const size = view.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new AudioFileError(name, 'WAV format chunk is too short');
      let format = view.getUint16(body, true);
      if (format === EXTENSIBLE) {
        if (size < 40) throw new AudioFileError(name, 'WAV extensible format chunk is too short');
        format = view.getUint16(body + 24, true); // first two bytes of the sub-format GUID
      }
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (body + size > bytes.length) {
        throw new AudioFileError(name, `the file is truncated: its audio data should be ${size} bytes but only ${bytes.length - body} are there`);
      }
      data = { offset: body, size };
    }
    o = body + size + (size & 1);
  }
  if (!fmt) throw new AudioFileError(name, 'WAV file has no format chunk');
  if (!data) throw new AudioFileError(name, 'WAV file has no audio data chunk');
  const { format, channels, sampleRate, bits, blockAlign } = fmt;
  if (channels < 1 || channels > 32) throw new AudioFileError(name, `unsupported channel count ${channels}`);
  if (sampleRate < 8000 || sampleRate > 384000) throw new AudioFileError(name, `unsupported sample rate ${sampleRate} Hz`);
  const bytesPer = bits / 8;
  const pcmOk = format === PCM && [8, 16, 24, 32].includes(bits);
  const floatOk = format === FLOAT && (bits === 32 || bits === 64);
  if (!pcmOk && !floatOk) throw new AudioFileError(name, `unsupported WAV encoding (format ${format}, ${bits}-bit); use PCM 16/24/32-bit or 32-bit float`);
  if (blockAlign !== bytesPer * channels) throw new AudioFileError(name, 'WAV block alignment does not match its channels and bit depth');
  const frames = Math.floor(data.size / blockAlign);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  const scale = 1 / 2 ** (bits - 1);
  for (let c = 0; c < channels; c++) {
    const ch = out[c]!;
    let o = data.offset + c * bytesPer;
    for (let i = 0; i < frames; i++, o += blockAlign) {
      let v: number;
      if (format === FLOAT) v = bits === 32 ? view.getFloat32(o, true) : view.getFloat64(o, true);
      else if (bits === 16) v = view.getInt16(o, true) * scale;
      else if (bits === 24) v = ((bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16)) << 8 >> 8) * scale;
      else if (bits === 32) v = view.getInt32(o, true) * scale;
      else v = (bytes[o]! - 128) * scale; // 8-bit WAV is unsigned
      ch[i] = v;
    }
  }
  return { sampleRate, channels: out, bitDepth: bits, format: 'wav' };
}

export interface WavOptions {
  bits: 16 | 24 | 32;
  float?: boolean;
  dither?: boolean;
}

export function writeWav(audio: AudioData, o: WavOptions): Uint8Array {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const bytesPer = o.bits / 8;
  const blockAlign = bytesPer * channels;
  const dataSize = frames * blockAlign;
  const fmtSize = o.float ? 18 : 16;
  const factSize = o.float ? 12 : 0;
  const header = 12 + 8 + fmtSize + factSize + 8;
  const bytes = new Uint8Array(header + dataSize + (dataSize & 1));
  const view = new DataView(bytes.buffer);
  const str = (off: number, s: string) => [...s].forEach((ch, i) => (bytes[off + i] = ch.charCodeAt(0)));
  str(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
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
  str(p, 'data');
  view.setUint32(p + 4, dataSize, true);
  p += 8;
  const random = rng();
  for (let c = 0; c < channels; c++) {
    const src = audio.channels[c]!;
    let off = p + c * bytesPer;
    if (o.float) {
      for (let i = 0; i < frames; i++, off += blockAlign) view.setFloat32(off, src[i]!, true);
      continue;
    }
    const q = quantize(src, o.bits, o.dither ?? false, random);
    for (let i = 0; i < frames; i++, off += blockAlign) {
      const v = q[i]!;
      if (o.bits === 16) view.setInt16(off, v, true);
      else if (o.bits === 24) {
        bytes[off] = v & 0xff;
        bytes[off + 1] = (v >> 8) & 0xff;
        bytes[off + 2] = (v >> 16) & 0xff;
      } else view.setInt32(off, v, true);
    }
  }
  return bytes;
}
