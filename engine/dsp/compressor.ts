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

export function compressInPlace(channels: Float32Array[], sampleRate: number, s: CompressorSettings): CompressorResult {
  const n = channels[0]?.length ?? 0;
  const knee = s.kneeDb ?? 6;
  const coef = (ms: number) => Math.exp(-1 / ((ms / 1000) * sampleRate));
  const aRms = coef(s.rmsMs ?? 5);
  const aAtt = coef(s.attackMs ?? 25);
  const aRel = coef(s.releaseMs ?? 250);
  const slope = 1 - 1 / s.ratio;
  let ms = 0;
  let grDb = 0;
  let maxGr = 0;
  let sumGr = 0;
  const c = channels.length;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let k = 0; k < c; k++) {
      const v = channels[k]![i]!;
      if (v * v > p) p = v * v;
    }
    ms = aRms * ms + (1 - aRms) * p;
    const levelDb = ms > 1e-20 ? 10 * Math.log10(ms) : -200;
    const over = levelDb - s.thresholdDb;
    let target = 0;
    if (over > knee / 2) target = slope * over;
    else if (over > -knee / 2) target = (slope * (over + knee / 2) ** 2) / (2 * knee);
    grDb = target > grDb ? aAtt * grDb + (1 - aAtt) * target : aRel * grDb + (1 - aRel) * target;
    if (grDb > maxGr) maxGr = grDb;
    sumGr += grDb;
    if (grDb > 1e-4) {
      const g = 10 ** (-grDb / 20);
      for (let k = 0; k < c; k++) channels[k]![i]! *= g;
    }
  }
  return { maxReductionDb: maxGr, averageReductionDb: n ? sumGr / n : 0 };
}
