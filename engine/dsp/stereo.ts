// Mid/side: the side signal is high-passed so the low end is mono (vinyl-safe, and no bass is
// lost when the master is summed to mono).
import { highpass, streamingFilter, type Biquad } from './biquad.js';

/** The side signal's high-pass (24 dB/octave), as sections for a stereo cascade's `side` stage. */
export function sideHighpass(sampleRate: number, hz: number): Biquad[] {
  return [highpass(sampleRate, hz, 0.5412), highpass(sampleRate, hz, 1.3066)];
}

/** High-passes the side signal of a stereo pair in place, leaving the mid alone. */
export function monoBelow(l: Float32Array, r: Float32Array, sampleRate: number, hz: number): void {
  streamingFilter([], 2, undefined, sideHighpass(sampleRate, hz))([l, r], 0, l.length);
}
