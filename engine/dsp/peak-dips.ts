// The few stretches a 16x meter still finds over the ceiling after limiting (content near Nyquist
// the limiter's 4x envelope reads a little low: white-noise hi-hats, cymbals) are brought down
// where they are, instead of limiting the whole song again: a gain dip, flat over the fine meter's
// reach around each over (so every tap of its filter reads the lowered signal) and easing in and
// out over a few milliseconds, the same on every channel (the image stays, the parts still null).
// A few milliseconds of a fraction of a dB: loudness does not move, and no other stretch changes.
import { FINE_REACH } from '../analysis/truepeak-fine.js';
import { truePeak, truePeakOvers } from '../analysis/truepeak.js';
import { parallelTruePeakOvers } from '../parallel.js';

/** How long a dip takes to ease in and out (seconds). */
export const DIP_RAMP_SECONDS = 0.003;
/** Rounds of finding and dipping before giving up (a dip's edges could, in theory, lift a neighbour). */
const ROUNDS = 3;

interface Region {
  from: number;
  to: number;
}

/**
 * Brings every stretch of `channels` over `limit` (16x) down to `target` (a hair under it, so a
 * dipped stretch does not read a rounding over it again); returns the highest 16x
 * reading left on the first `measured` channels (the master's, not its parts') and the deepest
 * dip (dB), or null when the overs would not come down in ROUNDS rounds (the caller then limits
 * again). Regions dipped: the channels are changed in place.
 */
export function dipOvers(
  channels: Float32Array[],
  limit: number,
  target: number,
  sampleRate: number,
  measured = channels.length,
  /** Each channel's overs of `limit` over the whole song, when the caller has read them already (its verify pass). */
  first?: readonly { overs: { at: number; value: number }[]; below: number }[],
): { peak: number; deepestDb: number; dips: number } | null {
  const frames = channels[0]?.length ?? 0;
  const ramp = Math.max(1, Math.round(DIP_RAMP_SECONDS * sampleRate));
  const reach = FINE_REACH + ramp;
  let below = 0;
  let regions: Region[] = [{ from: 0, to: frames }];
  let deepest = 1;
  let count = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const overs: { at: number; value: number }[] = [];
    channels.forEach((ch, c) => {
      for (const r of regions) {
        // The first round reads the whole song (unless the caller has): on both threads.
        const whole = r.from === 0 && r.to === frames;
        const found = whole ? (first?.[c] ?? parallelTruePeakOvers(ch, limit)) : truePeakOvers(ch, limit, r.from, r.to);
        overs.push(...found.overs);
        if (c < measured && round === 0) below = Math.max(below, found.below);
      }
    });
    if (!overs.length) {
      // Nothing over at all: not what this is for (the caller measured an over); it decides.
      if (round === 0) return null;
      // What the dipped regions read now, beside what was under the limit before.
      let peak = below;
      for (const r of regions) for (const ch of channels.slice(0, measured)) peak = Math.max(peak, truePeak(ch, r.from, r.to));
      return { peak, deepestDb: -20 * Math.log10(deepest), dips: count };
    }
    count += overs.length;
    regions = dip(channels, overs, target, reach, ramp);
    deepest = Math.min(deepest, ...overs.map((o) => target / o.value));
  }
  return null;
}

/** Applies one dip per over (the deepest where they overlap); the regions changed, widened by the fine meter's reach. */
function dip(channels: Float32Array[], overs: { at: number; value: number }[], limit: number, reach: number, ramp: number): Region[] {
  const frames = channels[0]!.length;
  const sorted = [...overs].sort((a, b) => a.at - b.at);
  const regions: (Region & { dips: typeof sorted })[] = [];
  for (const o of sorted) {
    const from = Math.max(0, o.at - reach);
    const to = Math.min(frames, o.at + reach + 1);
    const last = regions.at(-1);
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.dips.push(o);
    } else regions.push({ from, to, dips: [o] });
  }
  for (const r of regions) {
    const gains = new Float32Array(r.to - r.from).fill(1);
    for (const o of r.dips) {
      const depth = 1 - limit / o.value;
      for (let i = Math.max(r.from, o.at - reach); i < Math.min(r.to, o.at + reach + 1); i++) {
        const d = Math.abs(i - o.at);
        const shape = d <= FINE_REACH ? 1 : 0.5 * (1 + Math.cos((Math.PI * (d - FINE_REACH)) / ramp));
        const g = 1 - depth * shape;
        if (g < gains[i - r.from]!) gains[i - r.from] = g;
      }
    }
    for (const ch of channels) for (let i = r.from; i < r.to; i++) ch[i]! *= gains[i - r.from]!;
  }
  // What the dips changed reaches the fine meter's readings this far around them.
  return regions.map((r) => ({ from: Math.max(0, r.from - FINE_REACH), to: Math.min(frames, r.to + FINE_REACH) }));
}
