// Mid/side: the side signal is high-passed so the low end is mono (vinyl-safe, and no bass is
// lost when the master is summed to mono).
import { filterInPlace, highpass } from './biquad.js';

/** High-passes the side signal of a stereo pair in place (24 dB/octave), leaving the mid alone. */
export function monoBelow(l: Float32Array, r: Float32Array, sampleRate: number, hz: number): void {
  const side = new Float32Array(l.length);
  for (let i = 0; i < l.length; i++) side[i] = (l[i]! - r[i]!) * 0.5;
  const removed = side.slice();
  filterInPlace(side, [highpass(sampleRate, hz, 0.5412), highpass(sampleRate, hz, 1.3066)]);
  // L = M + S', R = M - S' where M + S = L: so L gains (S' - S) and R loses it.
  for (let i = 0; i < l.length; i++) {
    const d = side[i]! - removed[i]!;
    l[i]! += d;
    r[i]! -= d;
  }
}
