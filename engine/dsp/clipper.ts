// A soft clipper for the few peaks that would otherwise take the limiter past its bound: linear
// up to KNEE of the threshold, then a tanh curve that approaches the threshold and never passes
// it. A master asked to be loud (-9 LUFS from a mix with 14 dB of crest) took up to 2.3 LU less than
// asked because a handful of drum hits needed more limiting than the preset allows; shaving those
// hits by a few dB (a few milliseconds each) lets the rest of the song get there. Each channel is
// clipped on its own; the parts (instrumental, a cappella) of the same channel are multiplied by the
// same per-sample factor, so they still sum to the clipped mix.

/** Where the curve leaves the straight line, as a share of the threshold (-3 dB). */
const KNEE = 0.7071;

/** The clipped value of |x| above the knee (x ≥ knee): from knee towards threshold, smooth at the join. */
function curve(a: number, threshold: number): number {
  const knee = KNEE * threshold;
  const room = threshold - knee;
  return knee + room * Math.tanh((a - knee) / room);
}

/**
 * Clips each channel in place at `threshold` (linear); `parts[p][c]` follows channel c. Returns the
 * deepest reduction (dB) and the share of samples it touched.
 */
export function softClip(channels: Float32Array[], parts: Float32Array[][], threshold: number): { deepestDb: number; share: number } {
  const knee = KNEE * threshold;
  let deepest = 1;
  let touched = 0;
  channels.forEach((x, c) => {
    const followers = parts.map((part) => part[c]!);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const a = v < 0 ? -v : v;
      if (a <= knee) continue;
      const g = curve(a, threshold) / a;
      x[i] = v * g;
      for (const f of followers) f[i]! *= g;
      if (g < deepest) deepest = g;
      touched++;
    }
  });
  const frames = channels[0]?.length ?? 0;
  return { deepestDb: -20 * Math.log10(deepest), share: frames ? touched / (frames * channels.length) : 0 };
}
