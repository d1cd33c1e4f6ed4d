// How much a processor's gain moves (issue 33.4's measure, shared by the tests and the bench): the
// RMS (dB) of the change of gain from one 50 ms block to the next, the gain being the block's energy
// after over before, above 150 Hz (bass that is merely limited does not count as movement), where
// the input is not near silence.
import { highpass } from '../../engine/dsp/biquad.js';
import type { AudioData } from '../../engine/types.js';
import { throughFilters } from './music.js';

export function gainMovement(before: AudioData, after: AudioData): number {
  const fs = before.sampleRate;
  const hp = [highpass(fs, 150, 0.7071)];
  const [a, b] = [throughFilters(before, hp), throughFilters(after, hp)];
  const size = Math.round(fs * 0.05);
  const gains: (number | null)[] = [];
  for (let s = 0; s + size <= a.channels[0]!.length; s += size) {
    let ea = 0;
    let eb = 0;
    for (let c = 0; c < a.channels.length; c++)
      for (let i = s; i < s + size; i++) {
        ea += a.channels[c]![i]! ** 2;
        eb += b.channels[c]![i]! ** 2;
      }
    gains.push(ea > size * 1e-6 ? 10 * Math.log10(eb / ea) : null);
  }
  let sum = 0;
  let n = 0;
  for (let k = 1; k < gains.length; k++) {
    const [g0, g1] = [gains[k - 1], gains[k]];
    if (g0 === null || g0 === undefined || g1 === null || g1 === undefined) continue;
    sum += (g1 - g0) ** 2;
    n++;
  }
  return Math.sqrt(sum / Math.max(1, n));
}
