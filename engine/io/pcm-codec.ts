// PCM sample bytes to floats and back: the inner loops of reading and writing WAV, kept apart from
// the file format so the engine's helper thread (parallel.ts) can run them without importing it.
import { loadKernel } from '../wasm.js';
import { pcmLayout as PL, pcmWasm } from './pcm-wasm.js';

/** WAVE_FORMAT_IEEE_FLOAT: samples stored as floats. */
export const FLOAT_FORMAT = 3;

export interface WavFormat {
  format: number;
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign: number;
}

export interface WavOptions {
  bits: 16 | 24 | 32;
  float?: boolean;
  dither?: boolean;
}

/** Interleaved sample bytes (whole frames) to floats, written at frame `at` of `out`. */
export function convert(bytes: Uint8Array, f: WavFormat, out: Float32Array[], at: number): void {
  for (let c = 0; c < f.channels; c++) convertChannel(bytes, f, out[c]!, c, at);
}

/** One channel of interleaved sample bytes to floats (the engine's helper thread takes one). */
export function convertChannel(bytes: Uint8Array, f: WavFormat, ch: Float32Array, c: number, at: number): void {
  if (pcmKernel && f.format !== FLOAT_FORMAT && (f.bits === 16 || f.bits === 24)) return decodeInKernel(bytes, f, ch, c, at);
  const frames = Math.floor(bytes.length / f.blockAlign);
  const bytesPer = f.bits / 8;
  const scale = 1 / 2 ** (f.bits - 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = c * bytesPer;
  const step = f.blockAlign;
  if (f.format === FLOAT_FORMAT) {
    for (let i = 0; i < frames; i++, o += step) ch[at + i] = f.bits === 32 ? view.getFloat32(o, true) : view.getFloat64(o, true);
  } else if (f.bits === 24) {
    for (let i = 0; i < frames; i++, o += step) ch[at + i] = (((bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16)) << 8) >> 8) * scale;
  } else if (f.bits === 16) {
    for (let i = 0; i < frames; i++, o += step) ch[at + i] = (((bytes[o]! | (bytes[o + 1]! << 8)) << 16) >> 16) * scale;
  } else if (f.bits === 32) {
    for (let i = 0; i < frames; i++, o += step) ch[at + i] = view.getInt32(o, true) * scale;
  } else {
    for (let i = 0; i < frames; i++, o += step) ch[at + i] = (bytes[o]! - 128) * scale; // 8-bit WAV is unsigned
  }
}

/**
 * One channel's samples [from, to) as little-endian integers of `bytes` bytes every `step` bytes
 * of `out`, starting at `off`. TPDF dither (two uniform values of ±½ LSB from one xorshift draw)
 * when `dither` is set; `seed` carries the generator between calls.
 */
function putInts(
  src: Float32Array,
  from: number,
  to: number,
  out: Uint8Array,
  off: number,
  step: number,
  bytes: number,
  dither: boolean,
  seed: Uint32Array,
): void {
  const scale = 2 ** (bytes * 8 - 1);
  const max = scale - 1,
    min = -scale;
  // The generator's state as an int32 (the same bits as the stored uint32) keeps the loop in
  // integer arithmetic; and floor(v + 0.5) equals Math.round(v) here (v + 0.5 is exact) at a
  // third of the cost.
  let s = seed[0]! | 0;
  for (let i = from; i < to; i++, off += step) {
    let v = src[i]! * scale;
    if (dither) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      v += ((s & 0xffff) - (s >>> 16)) / 65536;
    }
    let q = Math.floor(v + 0.5);
    q = q > max ? max : q < min ? min : q;
    out[off] = q;
    out[off + 1] = q >> 8;
    if (bytes >= 3) out[off + 2] = q >> 16;
    if (bytes === 4) out[off + 3] = q >> 24;
  }
  seed[0] = s;
}

/** One channel's frames [from, to) into its slots of interleaved `out` (the helper thread takes one). */
export function encodeChannel(
  src: Float32Array,
  c: number,
  channels: number,
  o: WavOptions,
  from: number,
  to: number,
  seed: Uint32Array,
  out: Uint8Array,
): void {
  const bytesPer = o.bits / 8;
  const blockAlign = bytesPer * channels;
  if (o.float) {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    for (let i = from, off = c * bytesPer; i < to; i++, off += blockAlign) view.setFloat32(off, src[i]!, true);
  } else {
    putInts(src, from, to, out, c * bytesPer, blockAlign, bytesPer, o.dither ?? false, seed);
  }
}

type PcmExports = { memory: { buffer: ArrayBuffer }; s0: { value: number }; s1: { value: number } } & Record<
  string,
  (frames: number, channels: number) => void
>;

/**
 * Integer PCM in WebAssembly (scripts/wasm-pcm.ts): putInts's operations in the same order, so the
 * same bytes, several times faster; null where it cannot run (MIXDESK_SIMD=0 switches it off too).
 */
const pcmKernel = (() => {
  const e = loadKernel<PcmExports>(pcmWasm);
  return e && { e, f32: new Float32Array(e.memory.buffer), u8: new Uint8Array(e.memory.buffer) };
})();

/** convertChannel's 16 and 24-bit integer PCM in the kernel (the same floats, several times faster). */
function decodeInKernel(bytes: Uint8Array, f: WavFormat, ch: Float32Array, c: number, at: number): void {
  const { e, f32, u8 } = pcmKernel!;
  const frames = Math.floor(bytes.length / f.blockAlign);
  const bytesPer = f.bits / 8;
  // As many frames as the kernel's byte area holds (its floats hold CAPACITY).
  const per = Math.min(PL.CAPACITY, Math.floor((PL.CAPACITY * 8) / f.blockAlign));
  const run = e[`from${f.bits}`]!;
  for (let a = 0; a < frames; a += per) {
    const m = Math.min(per, frames - a);
    const first = a * f.blockAlign + c * bytesPer;
    u8.set(bytes.subarray(first, first + (m - 1) * f.blockAlign + bytesPer), PL.out);
    run(m, f.blockAlign);
    ch.set(f32.subarray(PL.left / 4, PL.left / 4 + m), at + a);
  }
}

/** Whether encodeInKernel can write this: integer PCM of one or two channels, where the kernel runs. */
export function kernelEncodes(o: WavOptions, channels: number): boolean {
  return pcmKernel !== null && !o.float && channels >= 1 && channels <= 2;
}

/**
 * Frames [from, to) of every channel as interleaved integer PCM into out[0 ..], in the kernel; the
 * dither generators start from states[c] (int32 bits) and their final states are returned.
 */
export function encodeInKernel(channels: Float32Array[], o: WavOptions, from: number, to: number, states: number[], out: Uint8Array): number[] {
  const { e, f32, u8 } = pcmKernel!;
  const n = channels.length;
  const frameBytes = (o.bits / 8) * n;
  const run = e[`pcm${o.bits}${o.dither ? 'd' : ''}`]!;
  e.s0.value = states[0] ?? 0;
  e.s1.value = states[1] ?? 0;
  for (let a = from; a < to; a += PL.CAPACITY) {
    const m = Math.min(PL.CAPACITY, to - a);
    channels.forEach((ch, c) => f32.set(ch.subarray(a, a + m), (c ? PL.right : PL.left) / 4));
    run(m, n);
    out.set(u8.subarray(PL.out, PL.out + m * frameBytes), (a - from) * frameBytes);
  }
  return [e.s0.value, e.s1.value].slice(0, n);
}
