// The tone pass over frames [from, to), in one walk over the audio: the DC offsets off, the
// filter cascade (corrective high-pass and EQ) on every channel, the side stage (the low end made
// mono, and a side EQ when matching a reference), and the
// K-weighted energies of the result per 100 ms block (the loudness the compressor is set from).
// The engine's two threads each take a half; the second half first runs the same filters over a
// pristine copy of the frames before it (`warm`), so every filter state has settled by `from`.
import { kWeightingStages, kWeightedEnergy } from './analysis/kweighting.js';
import { channelWeight } from './analysis/loudness.js';
import { streamingFilter, type Biquad } from './dsp/biquad.js';
import { stereoPass } from './dsp/stereo-kernel.js';

export interface ToneRange {
  channels: Float32Array[];
  sampleRate: number;
  sections: Biquad[];
  /** Taken off each channel before filtering (its DC offset). */
  offsets?: number[];
  /** For a stereo pair, the side signal's sections (its high-pass for a mono low end, and any side EQ). */
  side: Biquad[];
  /** `from` lies on a 100 ms block boundary; energies[k] is the block starting at from + k blocks. */
  from: number;
  to: number;
  energies: Float64Array;
  /** Copies of the frames just before `from`, as they were before any processing. */
  warm?: Float32Array[];
}

export function toneRange(r: ToneRange): void {
  // The side stage runs inside the cascade's loop, on each sample's filtered left and right.
  const side = r.channels.length === 2 ? r.side : [];
  const size = Math.round(r.sampleRate / 10);
  // A stereo pair runs both channels at once in the SIMD kernel (the same numbers as below); it
  // holds the side high-pass, so a side EQ on top of it (a reference match) takes the code below.
  const pass =
    r.channels.length === 2
      ? stereoPass({ sections: r.sections, side, kStages: kWeightingStages(r.sampleRate), size, ...(r.offsets ? { offsets: r.offsets } : {}) })
      : null;
  if (pass) {
    const [l, rr] = r.channels as [Float32Array, Float32Array];
    if (r.warm?.length) pass.run(r.warm[0]!, r.warm[1]!, 0, r.warm[0]!.length);
    r.energies.fill(0);
    pass.run(l, rr, r.from, r.to, (block, energy) => {
      if (block < r.energies.length) r.energies[block] = energy;
    });
    return;
  }
  const filter = streamingFilter(r.sections, r.channels.length, r.offsets, side);
  const stages = kWeightingStages(r.sampleRate);
  const states = r.channels.map(() => new Float64Array(6));
  const weights = r.channels.map((_, c) => channelWeight(c, r.channels.length));
  if (r.warm?.length) {
    const w = r.warm[0]!.length;
    filter(r.warm, 0, w);
    r.warm.forEach((ch, c) => kWeightedEnergy(ch, 0, w, stages, states[c]!));
  }
  r.energies.fill(0);
  // Chunks of whole blocks: filtered, then measured while still in cache.
  const CHUNK = size * 16;
  for (let a = r.from; a < r.to; a += CHUNK) {
    const b = Math.min(r.to, a + CHUNK);
    filter(r.channels, a, b);
    for (let s = a; s < b; s += size) {
      const block = (s - r.from) / size;
      const e = Math.min(b, s + size);
      for (let c = 0; c < r.channels.length; c++) {
        const energy = kWeightedEnergy(r.channels[c]!, s, e, stages, states[c]!);
        if (block < r.energies.length && weights[c]) r.energies[block]! += weights[c]! * energy;
      }
    }
  }
}
