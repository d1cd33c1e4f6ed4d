// The Xing/Info frame with its LAME extension, written before an MP3 stream: players learn from it
// the stream's length (frames, bytes, a seek table) and, for gapless playback, how many samples the
// encoder added at the start (its delay) and at the end (padding to whole frames). Without it a
// decoder plays 1105 samples of silence first and up to a frame more at the end.
import { parseMpegHeader, xingOffset } from './probe.js';

/** LAME's encoder delay (the decoder adds its own 529 samples, which players know to skip too). */
export const LAME_ENCODER_DELAY = 576;
const SAMPLES_PER_FRAME = 1152; // MPEG-1 layer III: the only kind written here (32, 44.1, 48 kHz)

/** CRC-16 as LAME computes it for the tag (polynomial 0x8005, reflected, initial value 0). */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * `stream` (whole MPEG-1 layer III frames, as the encoder wrote them) with an info frame before it
 * saying it holds `samples` samples per channel, after LAME_ENCODER_DELAY samples of delay.
 * `vbr`: the frames differ in size ("Xing"); otherwise constant bitrate ("Info").
 */
export function withInfoTag(stream: Uint8Array, samples: number, vbr: boolean): Uint8Array {
  const first = parseMpegHeader(stream, 0);
  if (!first || first.version !== 3) throw new Error('not an MPEG-1 layer III stream');
  // Where each frame starts, for the count and the seek table.
  const starts: number[] = [];
  for (let o = 0; o + 4 <= stream.length;) {
    const h = parseMpegHeader(stream, o);
    if (!h) break;
    starts.push(o);
    o += h.length;
  }
  const frames = starts.length;
  // The info frame has the first frame's header (its size holds the tag at any bitrate written
  // here), without padding.
  const header = stream.slice(0, 4);
  header[2] = header[2]! & ~0x02;
  const length = parseMpegHeader(header, 0)!.length;
  const tag = new Uint8Array(length);
  tag.set(header);
  const view = new DataView(tag.buffer);
  let o = xingOffset(first); // the side information before it stays zeros
  const total = length + stream.length;
  tag.set(new TextEncoder().encode(vbr ? 'Xing' : 'Info'), o);
  view.setUint32(o + 4, 0x0f); // frames, bytes, seek table and quality present
  view.setUint32(o + 8, frames);
  view.setUint32(o + 12, total);
  for (let i = 0; i < 100; i++) {
    const at = starts[Math.min(frames - 1, Math.floor((i * frames) / 100))] ?? 0;
    tag[o + 16 + i] = Math.min(255, Math.floor(((length + at) / total) * 256));
  }
  view.setUint32(o + 116, vbr ? 0 : 100); // quality, as LAME writes it
  o += 120;
  tag.set(new TextEncoder().encode('LAME3.100'), o);
  tag[o + 9] = vbr ? 0x04 : 0x01; // tag revision 0; VBR (new) or CBR
  const padding = frames * SAMPLES_PER_FRAME - LAME_ENCODER_DELAY - samples;
  if (padding < 0 || padding > 0xfff) throw new Error(`the encoder's padding (${padding} samples) does not fit the tag`);
  tag[o + 21] = LAME_ENCODER_DELAY >> 4;
  tag[o + 22] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  tag[o + 23] = padding & 0xff;
  view.setUint32(o + 28, total); // music length: the whole stream, this frame included
  view.setUint16(o + 34, crc16(tag.subarray(0, o + 34)));
  const out = new Uint8Array(total);
  out.set(tag);
  out.set(stream, length);
  return out;
}
