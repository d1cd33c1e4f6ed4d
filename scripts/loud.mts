import { master } from '../engine/index.js';
import { readAudioFile } from '../engine/io/index.js';
const files = process.argv.slice(2);
for (const f of files) {
  const a = await readAudioFile(f);
  const rows: string[] = [];
  for (const [preset, target] of [['streaming', -9], ['loud', -9]] as const) {
    const r = master(a, { preset, targetLufs: target });
    rows.push(`${preset}: ${r.after.loudness.integratedLufs.toFixed(2)} tp ${r.after.peaks.truePeakDbtp} lim ${r.chain.limiter.maxReductionDb} comp ${r.chain.compressor.maxReductionDb}/${r.chain.compressor.averageReductionDb} ${r.targetMet ? 'ok' : 'SHORT'}`);
  }
  const b = master(a, {});
  console.log(f.split('/').pop(), 'in', b.before.loudness.integratedLufs, 'crest', (b.before.peaks.truePeakDbtp - b.before.loudness.integratedLufs).toFixed(1), '|', rows.join(' | '));
}
