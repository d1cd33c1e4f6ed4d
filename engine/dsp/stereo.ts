// Mid/side: the side signal is high-passed so the low end is mono (vinyl-safe, and no bass is
// lost when the master is summed to mono).
import { highpass, streamingFilter } from './biquad.js';

/** High-passes the side signal of a stereo pair in place (24 dB/octave), leaving the mid alone. */
export function monoBelow(l: Float32Array, r: Float32Array, sampleRate: number, hz: number): void {
  const filter = streamingFilter([highpass(sampleRate, hz, 0.5412), highpass(sampleRate, hz, 1.3066)], 1);
  // In pieces, so no side signal as long as the file is ever held.
  const CHUNK = 65536;
  const side = new Float32Array(CHUNK);
  const before = new Float32Array(CHUNK);
  for (let from = 0; from < l.length; from += CHUNK) {
    const n = Math.min(CHUNK, l.length - from);
    for (let k = 0; k < n; k++) before[k] = side[k] = (l[from + k]! - r[from + k]!) * 0.5;
    filter([side], 0, n);
    // L = M + S and R = M - S: replacing S by the filtered S' adds (S' - S) to L and takes it from R.
    for (let k = 0; k < n; k++) {
      const d = side[k]! - before[k]!;
      l[from + k]! += d;
      r[from + k]! -= d;
    }
  }
}
