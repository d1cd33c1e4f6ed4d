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
  const n = channels[0]?.length ?? 0;
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
  for (let start = 0; start < n; start += CONTROL) {
    const end = Math.min(n, start + CONTROL);
    for (let i = start; i < end; i++) {
      let p = 0;
      for (let k = 0; k < c; k++) {
        const v = channels[k]![i]!;
        if (v * v > p) p = v * v;
      }
      ms = aRms * ms + (1 - aRms) * p;
    }
    const levelDb = ms > 1e-20 ? 10 * Math.log10(ms) : -200;
    const over = levelDb - s.thresholdDb;
    let target = 0;
    if (over > knee / 2) target = slope * over;
    else if (over > -knee / 2) target = (slope * (over + knee / 2) ** 2) / (2 * knee);
    grDb = target > grDb ? aAtt * grDb + (1 - aAtt) * target : aRel * grDb + (1 - aRel) * target;
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
  return { maxReductionDb: maxGr, averageReductionDb: n ? sumGr / n : 0 };
}
