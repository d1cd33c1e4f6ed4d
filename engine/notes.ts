// What the engine noticed while mastering, as codes with their numbers: the service words them in
// the artist's language (core/versions/version-messages.ts, through the locale files); the
// command line and the report use `noteText`, in English.
export type EngineNote =
  | { code: 'dc-removed'; dbfs: number }
  | { code: 'sides-out-of-phase'; correlation: number }
  | { code: 'section-out-of-phase'; atSec: number; correlation: number }
  | { code: 'vinyl-mono-lows'; hz: number; outOfPhase: boolean; correlation: string; lossDb: string }
  | { code: 'lows-out-of-phase'; hz: number; correlation: string; lossDb: string }
  | { code: 'lows-wide'; hz: number; correlation: string; lossDb: string }
  | { code: 'no-brickwall'; lufs: string; maxLimitingDb: number; targetLufs: number }
  | { code: 'limiting-stops-short'; lufs: string; maxLimitingDb: number; targetLufs: number; needsDb: string }
  | { code: 'peaks-clipped'; db: string; share: string }
  | { code: 'true-peak-over'; dbtp: number; ceilingDbtp: number }
  | { code: 'target-missed'; lufs: number; targetLufs: number }
  | { code: 'vinyl-bright'; hfDb: string; limitDb: number }
  | { code: 'vinyl-phase'; correlation: string; worst: string; atSec: number };

export type EngineNoteCode = EngineNote['code'];

/** "more than 40" for losses too large to mean anything as a number (out-of-phase lows vanish). */
export const lossText = (monoLossDb: number): string => (monoLossDb < -40 ? 'more than 40' : (-monoLossDb).toFixed(1));

/** The note in English (the CLI, the text report). */
export function noteText(n: EngineNote): string {
  switch (n.code) {
    case 'dc-removed':
      return `DC offset of ${n.dbfs} dBFS found and removed.`;
    case 'sides-out-of-phase':
      return `Left and right are mostly out of phase (correlation ${n.correlation}); one side may be polarity-inverted. The master keeps it as it is: please check the mix.`;
    case 'section-out-of-phase':
      return `A section around ${n.atSec} s is strongly out of phase (correlation ${n.correlation}); it will lose level in mono.`;
    case 'vinyl-mono-lows':
      return `For vinyl the low end is made mono below ${n.hz} Hz (a lathe cuts stereo lows as vertical groove motion the stylus may not track). Here the lows are ${n.outOfPhase ? 'out of phase' : 'wide'} (correlation ${n.correlation}) and lose ${n.lossDb} dB in mono: please check the bass and kick in the mix.`;
    case 'lows-out-of-phase':
      return `The low end (below ${n.hz} Hz) is out of phase between left and right (correlation ${n.correlation}): made mono it would lose ${n.lossDb} dB, so it was left in stereo. Summed to mono (clubs, phones) it cancels: please check the polarity of the bass and kick in the mix.`;
    case 'lows-wide':
      return `The low end (below ${n.hz} Hz) is wide (correlation ${n.correlation}): made mono it would lose ${n.lossDb} dB, so it was left in stereo.`;
    case 'no-brickwall':
      return `No brick-wall loudness: ${n.lufs} LUFS with at most ${n.maxLimitingDb} dB of limiting (up to ${n.targetLufs} LUFS), the dynamics kept for the cut.`;
    case 'limiting-stops-short':
      return `Reaching ${n.targetLufs} LUFS would need about ${n.needsDb} dB more limiting than the ${n.maxLimitingDb} dB allowed, which would flatten the transients; this master stops at ${n.lufs} LUFS instead. Ask for a lower target, or a more compressed mix, if it must be louder.`;
    case 'peaks-clipped':
      return `To get there without more limiting, a soft clipper shaved the highest peaks by up to ${n.db} dB (${n.share} % of the samples, a few milliseconds at a time).`;
    case 'true-peak-over':
      return `True peak ${n.dbtp} dBTP is above the ${n.ceilingDbtp} dBTP ceiling.`;
    case 'target-missed':
      return `Landed at ${n.lufs} LUFS, not within 0.3 LU of ${n.targetLufs}.`;
    case 'vinyl-bright':
      return `Vinyl: high frequencies (5–10 kHz) sit ${n.hfDb} dB from the midrange (200 Hz–2 kHz; above ${n.limitDb} dB sibilance and bright cymbals may distort on a lacquer): a de-esser or a darker master cuts cleaner.`;
    case 'vinyl-phase':
      return `Vinyl: left and right are partly out of phase (correlation ${n.correlation}, worst 1 s ${n.worst} at ${n.atSec} s): out-of-phase content cuts as vertical groove motion the stylus may not track.`;
  }
}
