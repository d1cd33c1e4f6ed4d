// What a stem tells an engineer about the work it will take to mix, measured as it is read:
// - the level of its quiet parts: a microphone or an amp leaves hiss between phrases, a
//   programmed part leaves digital silence (recorded parts take longer to mix);
// - its crest factor (sample peak over the level of its sounding parts): raw recordings peak far
//   above their level, compressed or limited ones do not (raw material needs more processing);
// - its onsets (note and hit starts), from which the booking's stems are checked against their
//   common grid (parts played off the grid need timing edits);
// - where its sound starts and ends (stems exported from different points need lining up).
// Memory follows the length read: one number per 2.5 ms hop (1.4 MB for an hour).

/** Hops of 2.5 ms: the resolution of the onset times. */
const HOP_SECONDS = 0.0025;
/** Frames of 50 ms (20 hops) for the quiet-part level. */
const FRAME_HOPS = 20;
/** A frame this far under the loud parts is between phrases. */
const QUIET_BELOW_DB = 30;
/** Onsets: the level rises this much over the 15 ms before it... */
const ONSET_RISE_DB = 9;
/** ...within this far of the loud parts, and not sooner than this after the last one. */
const ONSET_GATE_DB = 35;
const ONSET_GAP_SECONDS = 0.05;
/** At most this many onsets are kept (a dense 16th-note part at 180 BPM for 5 minutes). */
export const MAX_ONSETS = 4000;
/** Digital silence is stored as this level (JSON has no -Infinity). */
export const DIGITAL_SILENCE_DB = -144;

export interface StemCharacter {
  /**
   * The level of the quiet parts between phrases (dBFS, the 10th percentile of the 50 ms frames
   * 30 dB or more under the loud parts); DIGITAL_SILENCE_DB when they are digital silence; null
   * when the stem never goes quiet (fewer than 2 % of its frames).
   */
  noiseFloorDb: number | null;
  /** Share of the 50 ms frames that are quiet. */
  quietShare: number;
  /** Level of the sounding parts (RMS of the 2.5 ms hops within 35 dB of the loud parts, dBFS). */
  levelDb: number;
  /** Sample peak over that level (dB). */
  crestDb: number;
  /** Onset times (seconds, millisecond precision). */
  onsets: number[];
  /** The first and last moment with sound (seconds; both 0 for a silent stem). */
  firstSoundSec: number;
  lastSoundSec: number;
  durationSec: number;
}

const db = (energy: number) => (energy > 0 ? 10 * Math.log10(energy) : -Infinity);

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))]!;
}

export class StemCharacterMeter {
  private readonly hop: number;
  /** Mean square of each full hop (all channels). */
  private energies = new Float64Array(4096);
  private hops = 0;
  private partial = 0;
  private partialCount = 0;
  private peak = 0;
  private frames = 0;

  constructor(private readonly sampleRate: number) {
    this.hop = Math.max(1, Math.round(sampleRate * HOP_SECONDS));
  }

  add(piece: Float32Array[]): void {
    const n = piece[0]?.length ?? 0;
    const c = piece.length;
    for (let i = 0; i < n; i++) {
      let sq = 0;
      for (let ch = 0; ch < c; ch++) {
        const v = piece[ch]![i]!;
        sq += v * v;
        const a = v < 0 ? -v : v;
        if (a > this.peak) this.peak = a;
      }
      this.partial += sq / c;
      if (++this.partialCount === this.hop) this.pushHop();
    }
    this.frames += n;
  }

  private pushHop(): void {
    if (this.hops === this.energies.length) {
      const grown = new Float64Array(this.energies.length * 2);
      grown.set(this.energies);
      this.energies = grown;
    }
    this.energies[this.hops++] = this.partial / this.partialCount;
    this.partial = 0;
    this.partialCount = 0;
  }

  result(): StemCharacter {
    const e = this.energies.subarray(0, this.hops);
    const hopSec = this.hop / this.sampleRate;
    const durationSec = this.frames / this.sampleRate;
    const sounding = Float64Array.from(e.filter((v) => v > 0)).sort();
    const empty = { noiseFloorDb: null, quietShare: 0, levelDb: -Infinity, crestDb: 0, onsets: [], firstSoundSec: 0, lastSoundSec: 0, durationSec };
    if (!sounding.length) return { ...empty, noiseFloorDb: DIGITAL_SILENCE_DB, quietShare: 1, levelDb: DIGITAL_SILENCE_DB };
    const loudDb = db(percentile(sounding, 0.95));
    const gate = 10 ** ((loudDb - ONSET_GATE_DB) / 10);

    let activeSum = 0;
    let activeCount = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < e.length; i++) {
      if (e[i]! < gate) continue;
      activeSum += e[i]!;
      activeCount++;
      if (first < 0) first = i;
      last = i;
    }
    const levelDb = db(activeSum / Math.max(1, activeCount));

    // Quiet parts: 50 ms frames far under the loud parts.
    const quietLimit = 10 ** ((loudDb - QUIET_BELOW_DB) / 10);
    const quiet: number[] = [];
    let frameCount = 0;
    for (let f = 0; f + FRAME_HOPS <= e.length; f += FRAME_HOPS) {
      let s = 0;
      for (let i = f; i < f + FRAME_HOPS; i++) s += e[i]!;
      frameCount++;
      if (s / FRAME_HOPS < quietLimit) quiet.push(s / FRAME_HOPS);
    }
    const quietShare = frameCount ? quiet.length / frameCount : 0;
    quiet.sort((a, b) => a - b);
    const floor = quietShare >= 0.02 ? Math.max(DIGITAL_SILENCE_DB, db(percentile(quiet, 0.1))) : null;

    return {
      noiseFloorDb: floor === null ? null : round(floor, 1),
      quietShare: round(quietShare, 3),
      levelDb: round(levelDb, 1),
      crestDb: round(db(this.peak * this.peak) - levelDb, 1),
      onsets: findOnsets(e, gate, hopSec),
      firstSoundSec: round(first * hopSec, 3),
      lastSoundSec: round((last + 1) * hopSec, 3),
      durationSec: round(durationSec, 3),
    };
  }
}

/**
 * Where notes and hits start: a hop whose level (over it and the next) rises ONSET_RISE_DB over
 * the 15 ms before it, within ONSET_GATE_DB of the loud parts, ONSET_GAP_SECONDS after the last.
 */
function findOnsets(e: Float64Array, gate: number, hopSec: number): number[] {
  const onsets: number[] = [];
  const rise = 10 ** (ONSET_RISE_DB / 10);
  const gapHops = Math.round(ONSET_GAP_SECONDS / hopSec);
  let lastAt = -Infinity;
  for (let i = 6; i + 1 < e.length && onsets.length < MAX_ONSETS; i++) {
    const now = (e[i]! + e[i + 1]!) / 2;
    if (now < gate || i - lastAt < gapHops) continue;
    let before = 0;
    for (let j = i - 6; j < i; j++) before += e[j]!;
    before /= 6;
    if (now < before * rise) continue;
    onsets.push(round(i * hopSec, 4));
    lastAt = i;
  }
  return onsets;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
