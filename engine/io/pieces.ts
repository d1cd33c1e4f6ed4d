// Decoded audio in consecutive pieces: what the streaming decoders yield, and the check every
// piece of a source that can hold non-numbers (float PCM, the MP3 decoder's output) goes through.
import type { AudioData } from '../types.js';
import { AudioFileError } from './errors.js';

export interface DecodedPiece {
  channels: Float32Array[];
  sampleRate: number;
  bitDepth: number;
}

/** Decoded pieces as one AudioData (each piece let go as soon as it is copied). */
export function joinPieces(pieces: DecodedPiece[]): Pick<AudioData, 'sampleRate' | 'channels' | 'bitDepth'> {
  const first = pieces[0]!;
  const total = pieces.reduce((s, p) => s + p.channels[0]!.length, 0);
  const channels = first.channels.map((_, c) => {
    const out = new Float32Array(total);
    let at = 0;
    for (const piece of pieces) {
      out.set(piece.channels[c]!, at);
      at += piece.channels[c]!.length;
      piece.channels[c] = new Float32Array(0);
    }
    return out;
  });
  return { sampleRate: first.sampleRate, channels, bitDepth: first.bitDepth };
}

/** Refuses a piece holding a non-number; `at` is the frame the piece starts at in the file. */
export function assertFinite(channels: Float32Array[], name: string, sampleRate: number, at = 0): void {
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      if (!Number.isFinite(ch[i]!))
        throw new AudioFileError(name, `the file contains invalid samples (not a number) at ${((at + i) / sampleRate).toFixed(3)} s`, { code: 'damaged' });
    }
  }
}
