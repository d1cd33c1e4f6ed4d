// A gentle, stereo-linked "glue" compressor: RMS detector, soft knee, attack and release
// smoothing of the gain in dB. Loudness is set later by the limiter stage, so no make-up gain.

export interface CompressorSettings {
  thresholdDb: number;
  ratio: number;
  kneeDb?: number;
  attackMs?: number;
  releaseMs?: number;
  /** RMS detector time constant. */
  rmsMs?: number;
}

export interface CompressorResult {
  maxReductionDb: number;
  averageReductionDb: number;
}

/** Gain is computed every CONTROL samples and interpolated between: the detector is far slower. */
const CONTROL = 16;

/** `followers` get the same gain, frame by frame, without being listened to (the parts of a mix, mastered with it). */
export function compressInPlace(channels: Float32Array[], sampleRate: number, s: CompressorSettings, followers: Float32Array[] = []): CompressorResult {
  const r = compressRange(channels, sampleRate, s, 0, channels[0]?.length ?? 0, undefined, followers);
  return { maxReductionDb: r.maxReductionDb, averageReductionDb: r.frames ? r.sumReductionDb / r.frames : 0 };
}

/** The detector and gain settle within this; a thread taking a later range starts this early. */
export const COMPRESSOR_WARM_UP_SECONDS = 4;

/**
 * Compresses frames [from, to) in place (`from` a multiple of 16). `warm` holds copies of the
 * frames just before `from` (the other thread may be changing the originals): the detector runs
 * over them first, so the gain at `from` is what a run from the start would have.
 */
export function compressRange(
  channels: Float32Array[],
  sampleRate: number,
  s: CompressorSettings,
  from: number,
  to: number,
  warm?: Float32Array[],
  followers: Float32Array[] = [],
): { maxReductionDb: number; sumReductionDb: number; frames: number } {
  const n = to;
  const knee = s.kneeDb ?? 6;
  const coef = (ms: number, step = 1) => Math.exp(-step / ((ms / 1000) * sampleRate));
  const aRms = coef(s.rmsMs ?? 5);
  const aAtt = coef(s.attackMs ?? 25, CONTROL);
  const aRel = coef(s.releaseMs ?? 250, CONTROL);
  const slope = 1 - 1 / s.ratio;
  // The detector's one-pole average over a whole control period in one step: the mean square
  // after 16 samples is a^16 times the one before plus a weighted sum of the 16 powers, and the
  // weighted sum has no chain of dependent additions (the per-sample recursion was the cost).
  const aBlock = aRms ** CONTROL;
  const weights = Float64Array.from({ length: CONTROL }, (_, j) => (1 - aRms) * aRms ** (CONTROL - 1 - j));
  const c = channels.length;
  let ms = 0;
  let grDb = 0;
  let gain = 1;
  let maxGr = 0;
  let sumGr = 0;
  const DB_PER_LOG = 10 / Math.LN10;
  const gainFor = (over: number) => (over > knee / 2 ? slope * over : over > -knee / 2 ? (slope * (over + knee / 2) ** 2) / (2 * knee) : 0);
  /** The louder channel's power at frame i. */
  const power = (src: Float32Array[], i: number) => {
    let p = 0;
    for (let k = 0; k < c; k++) {
      const v = src[k]![i]!;
      if (v * v > p) p = v * v;
    }
    return p;
  };
  /** The detector over frames [start, end) of `src`, then the smoothed gain reduction (dB). */
  const detect = (src: Float32Array[], start: number, end: number) => {
    if (end - start === CONTROL && c === 2) {
      // A stereo pair (the usual case) in two independent sums.
      const l = src[0]!,
        r = src[1]!;
      let acc0 = 0,
        acc1 = 0;
      for (let j = 0; j < CONTROL; j += 2) {
        const a = l[start + j]!,
          b = r[start + j]!,
          d = l[start + j + 1]!,
          e = r[start + j + 1]!;
        acc0 += weights[j]! * (a * a > b * b ? a * a : b * b);
        acc1 += weights[j + 1]! * (d * d > e * e ? d * d : e * e);
      }
      ms = aBlock * ms + (acc0 + acc1);
    } else if (end - start === CONTROL) {
      let acc = 0;
      for (let j = 0; j < CONTROL; j++) acc += weights[j]! * power(src, start + j);
      ms = aBlock * ms + acc;
    } else {
      for (let i = start; i < end; i++) ms = aRms * ms + (1 - aRms) * power(src, i);
    }
    const target = gainFor((ms > 1e-20 ? DB_PER_LOG * Math.log(ms) : -200) - s.thresholdDb);
    grDb = target > grDb ? aAtt * grDb + (1 - aAtt) * target : aRel * grDb + (1 - aRel) * target;
  };
  const gainOf = (db: number) => Math.exp((-db * Math.LN10) / 20);
  if (warm?.length) {
    const w = warm[0]!.length;
    for (let start = w % CONTROL; start < w; start += CONTROL) detect(warm, start, start + CONTROL);
    gain = gainOf(grDb);
  }
  for (let start = from; start < n; start += CONTROL) {
    const end = Math.min(n, start + CONTROL);
    detect(channels, start, end);
    if (grDb > maxGr) maxGr = grDb;
    sumGr += grDb * (end - start);
    const next = grDb === 0 ? 1 : gainOf(grDb);
    if (next !== 1 || gain !== 1) {
      // A straight ramp from the last gain to the next; each sample's gain computed on its own.
      const step = (next - gain) / (end - start);
      for (const ch of followers.length ? [...channels, ...followers] : channels) {
        for (let i = start, j = 1; i < end; i++, j++) ch[i]! *= gain + step * j;
      }
    }
    gain = next;
  }
  return { maxReductionDb: maxGr, sumReductionDb: sumGr, frames: to - from };
}
