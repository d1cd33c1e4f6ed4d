// Mid/side: the side signal is high-passed so the low end is mono (vinyl-safe, and no bass is
// lost when the master is summed to mono).
import { highpass, type Biquad } from './biquad.js';

/** The side signal's high-pass (24 dB/octave), as sections for a stereo cascade's `side` stage. */
export function sideHighpass(sampleRate: number, hz: number): Biquad[] {
  return [highpass(sampleRate, hz, 0.5412), highpass(sampleRate, hz, 1.3066)];
}
