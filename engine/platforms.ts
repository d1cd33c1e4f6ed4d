// What the big streaming platforms will do to a master's level: each plays music at its own
// reference loudness and turns louder masters down by the difference (their published references).
// The report lists it, so the studio and the artist see what "louder" buys on each.

export interface Platform {
  name: string;
  /** The integrated loudness it normalises playback to, LUFS. */
  referenceLufs: number;
}

export const platforms: readonly Platform[] = [
  { name: 'Spotify', referenceLufs: -14 },
  { name: 'YouTube', referenceLufs: -14 },
  { name: 'Tidal', referenceLufs: -14 },
  { name: 'Amazon Music', referenceLufs: -14 },
  { name: 'Deezer', referenceLufs: -15 },
  { name: 'Apple Music', referenceLufs: -16 },
];

/** How far each platform turns a master of this loudness down (0: played as it is), in 0.1 dB. */
export function turnDowns(integratedLufs: number): { name: string; referenceLufs: number; turnDownDb: number }[] {
  return platforms.map((p) => ({ ...p, turnDownDb: Math.max(0, Math.round((integratedLufs - p.referenceLufs) * 10) / 10) }));
}

/** "Spotify, YouTube, Tidal, Amazon Music (−14 LUFS) turn it down 5.0 dB; …" for the report. */
export function turnDownLine(integratedLufs: number): string {
  const groups = new Map<number, string[]>();
  for (const p of platforms) groups.set(p.referenceLufs, [...(groups.get(p.referenceLufs) ?? []), p.name]);
  const parts = [...groups].map(([ref, names]) => {
    const down = Math.max(0, Math.round((integratedLufs - ref) * 10) / 10);
    return `${names.join(', ')} (${ref} LUFS): ${down > 0 ? `turned down ${down.toFixed(1)} dB` : 'played as it is'}`;
  });
  return `Streaming playback: ${parts.join('; ')}.`;
}
