// FLAC: decoding with @wasm-audio-decoders/flac, encoding with libflac.js (its WebAssembly build,
// 4.5× its asm.js build). Both are libFLAC, so 16/24-bit round trips are exact.
import { createRequire } from 'node:module';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import type * as FlacApi from 'libflacjs/dist/index.js';
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';
import { interleave, quantize, rng } from './pcm.js';
import { joinPieces, type DecodedPiece } from './pieces.js';
import { flacStreamInfo, formatLength } from './probe.js';

/**
 * Bytes fed to the decoder at a time, so the compressed and decoded data never both sit whole. The
 * size follows what the last bytes decoded to, aiming at PIECE_FRAMES a piece: FLAC's frames of
 * silence take a few bytes each (16 KB of them hold three million samples per channel), music's
 * a few KB, and what a chunk decodes to is held at once, by the decoder and by the piece.
 */
const MIN_CHUNK = 512;
const MAX_CHUNK = 64 << 10;
const PIECE_FRAMES = 1 << 17;

/**
 * Decodes FLAC fed as consecutive byte chunks, yielding the audio piece by piece (samples exact:
 * int / 2^(b-1)). `maxFrames` bounds what it will decode: a file whose header does not say its
 * length (or lies about it) is refused as soon as it passes the bound, not after; one that ends
 * before the length its header announces is refused as truncated.
 */
export async function* flacPieces(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name: string, maxFrames = Infinity): AsyncGenerator<DecodedPiece> {
  const decoder = new FLACDecoder();
  await decoder.ready;
  try {
    let announced = -1;
    let size = MIN_CHUNK;
    let decoded = 0;
    let sampleRate = 0;
    let back = 0;
    let scale = 0;
    const take = (r: Awaited<ReturnType<FLACDecoder['decode']>>): DecodedPiece | undefined => {
      if (r.errors.length > 0) {
        throw new AudioFileError(
          name,
          decoded + r.samplesDecoded === 0
            ? `corrupt FLAC data (${r.errors[0]!.message})`
            : `corrupt or truncated FLAC data after ${(decoded / (r.sampleRate || 1)).toFixed(1)} s (${r.errors[0]!.message})`,
          { code: 'damaged' },
        );
      }
      if (r.samplesDecoded === 0) return undefined;
      if (back === 0) {
        // The decoder scales by 1/(2^(b-1) - 1); restore our int / 2^(b-1) so samples are exact.
        back = 2 ** (r.bitDepth - 1) - 1;
        scale = 1 / 2 ** (r.bitDepth - 1);
        sampleRate = r.sampleRate;
      }
      decoded += r.samplesDecoded;
      if (decoded > maxFrames)
        throw new AudioFileError(
          name,
          `it decodes to more than the ${maxFrames} samples per channel allowed`,
          sampleRate ? { code: 'longer-than', limit: formatLength(maxFrames / sampleRate) } : { code: 'damaged' },
        );
      const channels = r.channelData.map((ch) => {
        const out = new Float32Array(r.samplesDecoded);
        for (let i = 0; i < out.length; i++) out[i] = Math.round(ch[i]! * back) * scale;
        return out;
      });
      return { channels, sampleRate, bitDepth: r.bitDepth };
    };
    for await (const chunk of chunks) {
      if (announced < 0) {
        const info = flacStreamInfo(chunk);
        announced = info?.total ?? 0;
        if (announced > maxFrames) {
          const rate = info?.sampleRate ?? 0;
          throw new AudioFileError(
            name,
            `it holds ${announced} samples per channel, more than the ${maxFrames} allowed`,
            rate ? { code: 'too-long', length: formatLength(announced / rate), limit: formatLength(maxFrames / rate) } : { code: 'damaged' },
          );
        }
      }
      for (let o = 0; o < chunk.length;) {
        const bytes = chunk.subarray(o, o + size);
        o += bytes.length;
        const piece = take(await decoder.decode(bytes));
        const frames = piece?.channels[0]?.length ?? 0;
        size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, frames ? Math.floor((bytes.length * PIECE_FRAMES) / frames) : 2 * size));
        if (piece) yield piece;
      }
    }
    const last = take(await decoder.flush());
    if (last) yield last;
    if (announced > 0 && decoded < announced) {
      throw new AudioFileError(name, `the file is truncated or corrupt: ${decoded} of its ${announced} samples could be decoded`, { code: 'truncated' });
    }
    if (decoded === 0) throw new AudioFileError(name, 'FLAC file contains no audio', { code: 'no-audio' });
  } catch (err) {
    if (err instanceof AudioFileError) throw err;
    throw new AudioFileError(name, `not a readable FLAC file (${(err as Error).message})`, { code: 'damaged' });
  } finally {
    decoder.free();
  }
}

/** A whole FLAC file in memory, decoded (see flacPieces). */
export async function readFlac(bytes: Uint8Array, name: string, maxFrames = Infinity): Promise<AudioData> {
  const pieces: DecodedPiece[] = [];
  for await (const piece of flacPieces([bytes], name, maxFrames)) pieces.push(piece);
  return { ...joinPieces(pieces), format: 'flac' };
}

let flacLib: Promise<typeof FlacApi> | undefined;

function libflac(): Promise<typeof FlacApi> {
  flacLib ??= new Promise((resolve) => {
    // Its Emscripten loader takes Node's global fetch for a browser's and fails to fetch its .wasm
    // by file path ("Failed to parse URL"); without fetch it reads the file. The choice is made
    // while the module loads, synchronously, so fetch is hidden for just that moment.
    const fetch = globalThis.fetch;
    let Flac: typeof FlacApi;
    try {
      Reflect.deleteProperty(globalThis, 'fetch');
      Flac = createRequire(import.meta.url)('libflacjs')('wasm') as typeof FlacApi;
    } finally {
      globalThis.fetch = fetch;
    }
    if (Flac.isReady()) resolve(Flac);
    else Flac.on('ready', () => resolve(Flac));
  });
  return flacLib;
}

export async function writeFlac(audio: AudioData, o: { bits: 16 | 24; dither?: boolean; compression?: number }): Promise<Uint8Array> {
  const Flac = await libflac();
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const enc = Flac.create_libflac_encoder(audio.sampleRate, channels, o.bits, (o.compression ?? 5) as FlacApi.CompressionLevel, frames, false);
  if (!enc) throw new Error(`libFLAC refused ${channels} channels at ${audio.sampleRate} Hz, ${o.bits}-bit`);
  const chunks: Uint8Array[] = [];
  let info: FlacApi.StreamMetadata | undefined;
  const status = Flac.init_encoder_stream(
    enc,
    (data: Uint8Array) => void chunks.push(data.slice()),
    (meta: FlacApi.StreamMetadata | undefined) => void (info = meta ?? info),
  );
  if (status !== 0) throw new Error(`libFLAC encoder init failed (status ${status})`);
  const random = rng();
  const ints: Int32Array<ArrayBuffer> = interleave(audio.channels.map((ch) => quantize(ch, o.bits, o.dither ?? false, random)));
  const BLOCK = 65536;
  for (let f = 0; f < frames; f += BLOCK) {
    const n = Math.min(BLOCK, frames - f);
    if (!Flac.FLAC__stream_encoder_process_interleaved(enc, ints.subarray(f * channels, (f + n) * channels) as Int32Array<ArrayBuffer>, n)) {
      throw new Error(`libFLAC encoding failed (state ${Flac.FLAC__stream_encoder_get_state(enc)})`);
    }
  }
  Flac.FLAC__stream_encoder_finish(enc);
  Flac.FLAC__stream_encoder_delete(enc);
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  // A stream encoder cannot seek back: write the final frame sizes and MD5 into STREAMINFO.
  if (info && out.length > 42) {
    const put24 = (off: number, v: number) => ((out[off] = (v >> 16) & 0xff), (out[off + 1] = (v >> 8) & 0xff), (out[off + 2] = v & 0xff));
    put24(12, info.min_framesize);
    put24(15, info.max_framesize);
    if (/^[0-9a-f]{32}$/i.test(info.md5sum)) for (let i = 0; i < 16; i++) out[26 + i] = parseInt(info.md5sum.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}
