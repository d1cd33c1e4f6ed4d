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

export function compressInPlace(channels: Float32Array[], sampleRate: number, s: CompressorSettings): CompressorResult {
  const r = compressRange(channels, sampleRate, s, 0, channels[0]?.length ?? 0);
  return { maxReductionDb: r.maxReductionDb, averageReductionDb: r.frames ? r.sumReductionDb / r.frames : 0 };
}

/** The detector and gain settle within this; a thread taking a later range starts this early. */
export const COMPRESSOR_WARM_UP_SECONDS = 4;

/**
 * Compresses frames [from, to) in place (`from` a multiple of 16). `warm` holds copies of the
 * frames just before `from` (the other thread may be changing the originals): the detector runs
 * over them first, so the gain at `from` is what a run from the start would have.
 */
export function compressRange(channels: Float32Array[], sampleRate: number, s: CompressorSettings, from: number, to: number, warm?: Float32Array[]): { maxReductionDb: number; sumReductionDb: number; frames: number } {
  const n = to;
  const knee = s.kneeDb ?? 6;
  const coef = (ms: number, step = 1) => Math.exp(-step / ((ms / 1000) * sampleRate));
  const aRms = coef(s.rmsMs ?? 5);
  const aAtt = coef(s.attackMs ?? 25, CONTROL);
  const aRel = coef(s.releaseMs ?? 250, CONTROL);
  const slope = 1 - 1 / s.ratio;
  const c = channels.length;
  let ms = 0;
  let grDb = 0;
  let gain = 1;
  let maxGr = 0;
  let sumGr = 0;
  const gainFor = (over: number) => (over > knee / 2 ? slope * over : over > -knee / 2 ? (slope * (over + knee / 2) ** 2) / (2 * knee) : 0);
  /** The detector over frames [start, end) of `src`, then the smoothed gain reduction (dB). */
  const detect = (src: Float32Array[], start: number, end: number) => {
    for (let i = start; i < end; i++) {
      let p = 0;
      for (let k = 0; k < c; k++) {
        const v = src[k]![i]!;
        if (v * v > p) p = v * v;
      }
      ms = aRms * ms + (1 - aRms) * p;
    }
    const target = gainFor((ms > 1e-20 ? 10 * Math.log10(ms) : -200) - s.thresholdDb);
    grDb = target > grDb ? aAtt * grDb + (1 - aAtt) * target : aRel * grDb + (1 - aRel) * target;
  };
  if (warm?.length) {
    const w = warm[0]!.length;
    for (let start = w % CONTROL; start < w; start += CONTROL) detect(warm, start, start + CONTROL);
    gain = 10 ** (-grDb / 20);
  }
  for (let start = from; start < n; start += CONTROL) {
    const end = Math.min(n, start + CONTROL);
    detect(channels, start, end);
    if (grDb > maxGr) maxGr = grDb;
    sumGr += grDb * (end - start);
    const next = 10 ** (-grDb / 20);
    if (next !== 1 || gain !== 1) {
      const step = (next - gain) / (end - start);
      for (let k = 0; k < c; k++) {
        const ch = channels[k]!;
        let g = gain;
        for (let i = start; i < end; i++) {
          g += step;
          ch[i]! *= g;
        }
      }
    }
    gain = next;
  }
  return { maxReductionDb: maxGr, sumReductionDb: sumGr, frames: to - from };
}
