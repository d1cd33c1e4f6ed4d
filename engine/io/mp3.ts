// MP3: decoding with mpg123-decoder (gapless), encoding with LAME from wasm-media-encoders.
import { MPEGDecoder } from 'mpg123-decoder';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createEncoder } from 'wasm-media-encoders';
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';
import { assertFinite, joinPieces, type DecodedPiece } from './pieces.js';
import { withInfoTag } from './mp3-info-tag.js';

/**
 * Bytes fed to the decoder at a time. Small, because what it decodes from them is held at once:
 * 16 KB of a 32 kbps stream is 4 s (1.5 MB of samples); the decoder's own buffers grow with the chunk.
 */
const CHUNK = 16 << 10;

/**
 * Decoding errors a stream may have and still be read: a frame or two lost to a bad download is
 * common and inaudible; junk behind a few real frames makes hundreds.
 */
const MAX_DECODER_ERRORS = 16;
/**
 * How far above full scale decoded samples may go: a loud master's MP3 overshoots by a dB or two
 * (the encoder's filtering), frames of noise behind valid headers by 100 dB and more.
 */
const MAX_DECODED_PEAK = 2; // +6 dBFS

const dbfs = (x: number) => (20 * Math.log10(x)).toFixed(0);

/** The decoder reports each bad frame on the console as well as in its result: only the result is kept. */
function decodeQuietly(decoder: MPEGDecoder, bytes: Uint8Array): ReturnType<MPEGDecoder['decode']> {
  const say = console.error;
  console.error = () => undefined;
  try {
    return decoder.decode(bytes);
  } finally {
    console.error = say;
  }
}

/**
 * MP3 fed as consecutive byte chunks, decoded piece by piece (gapless: encoder delay and padding
 * removed). The one check of decoded MP3 every reader goes through (analysis, master, mixdown,
 * uploads): too many bad frames, a sample rate that changes, or values far beyond full scale
 * refuse the file as damaged. `stream` is what the frame headers said (read before decoding): its
 * channel count (the decoder always gives two) and its rate, which every decoded piece must keep.
 */
export async function* mp3Pieces(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  name: string,
  stream: { channels?: number; sampleRate?: number } = {},
): AsyncGenerator<DecodedPiece> {
  const channels = stream.channels === 1 ? 1 : 2;
  const decoder = new MPEGDecoder();
  await decoder.ready;
  let decoded = 0;
  let errors = 0;
  let rate = stream.sampleRate ?? 0;
  const after = () => (decoded && rate ? ` after ${(decoded / rate).toFixed(1)} s` : '');
  try {
    for await (const chunk of chunks) {
      for (let o = 0; o < chunk.length; o += CHUNK) {
        const r = decodeQuietly(decoder, chunk.subarray(o, o + CHUNK));
        errors += r.errors.length;
        if (errors > MAX_DECODER_ERRORS)
          throw new AudioFileError(name, `the MP3 stream is damaged: ${errors} frames could not be decoded${after()}`, { code: 'damaged' });
        if (r.samplesDecoded === 0 || r.channelData.length === 0) continue;
        if (rate === 0) rate = r.sampleRate;
        else if (r.sampleRate !== rate)
          throw new AudioFileError(name, `the MP3 stream is damaged: its sample rate changes from ${rate} Hz to ${r.sampleRate} Hz${after()}`, {
            code: 'damaged',
          });
        const piece = r.channelData.slice(0, channels).map((ch) => ch.slice(0, r.samplesDecoded));
        assertFinite(piece, name, r.sampleRate, decoded);
        for (const ch of piece) {
          for (let i = 0; i < ch.length; i++) {
            const v = Math.abs(ch[i]!);
            if (v > MAX_DECODED_PEAK)
              throw new AudioFileError(
                name,
                `the MP3 stream is damaged: it decodes to ${dbfs(v)} dB above full scale at ${((decoded + i) / rate).toFixed(1)} s`,
                { code: 'damaged' },
              );
          }
        }
        decoded += r.samplesDecoded;
        yield { channels: piece, sampleRate: r.sampleRate, bitDepth: 0 };
      }
    }
    if (decoded === 0) throw new AudioFileError(name, 'no MP3 audio could be decoded', { code: 'no-audio' });
  } catch (err) {
    if (err instanceof AudioFileError) throw err;
    throw new AudioFileError(name, `not a readable MP3 file (${(err as Error).message})`, { code: 'damaged' });
  } finally {
    decoder.free();
  }
}

export async function readMp3(bytes: Uint8Array, name: string, stream: { channels?: number; sampleRate?: number } = {}): Promise<AudioData> {
  const pieces: DecodedPiece[] = [];
  for await (const piece of mp3Pieces([bytes], name, stream)) pieces.push(piece);
  return { ...joinPieces(pieces), bitDepth: 0, format: 'mp3' };
}

export const mp3SampleRates = [32000, 44100, 48000] as const;

/**
 * LAME compiled once a thread, from the package's .wasm file: its createMp3Encoder decodes a 1 MB
 * base64 string and compiles it on every call (75 ms measured, against 2 ms from the module).
 */
let lame: Parameters<typeof createEncoder>[1] | undefined;
async function mp3Encoder() {
  if (lame) return createEncoder('audio/mpeg', lame);
  const bytes = await readFile(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
  return createEncoder('audio/mpeg', bytes, (compiled) => (lame = compiled));
}

export async function writeMp3(audio: AudioData, o: { mode: 'cbr320' | 'v0' }): Promise<Uint8Array> {
  if (audio.channels.length > 2) throw new Error('MP3 holds at most two channels');
  if (!(mp3SampleRates as readonly number[]).includes(audio.sampleRate)) throw new Error(`MP3 needs 32, 44.1 or 48 kHz, not ${audio.sampleRate} Hz`);
  const encoder = await mp3Encoder();
  encoder.configure({
    channels: audio.channels.length as 1 | 2,
    sampleRate: audio.sampleRate,
    ...(o.mode === 'cbr320' ? { bitrate: 320 as const } : { vbrQuality: 0 }),
  });
  const parts: Uint8Array[] = [];
  const frames = audio.channels[0]?.length ?? 0;
  const BLOCK = 1152 * 64;
  for (let f = 0; f < frames; f += BLOCK) {
    // The encoder returns a view into its own memory: copy before the next call reuses it.
    parts.push(encoder.encode(audio.channels.map((ch) => ch.subarray(f, Math.min(frames, f + BLOCK)))).slice());
  }
  parts.push(encoder.finalize().slice());
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  // The tag tells players the encoder's delay and padding, so the MP3 plays sample-aligned with the master.
  return withInfoTag(out, frames, o.mode !== 'cbr320');
}
