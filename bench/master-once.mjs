// One master in its own process (from the build in dist/), so its time and peak memory are its
// own: decode → master → encode, then one line of JSON.
import { master, readAudioFile, writeAudioFile } from '../dist/engine/index.js';
import { peakRssMB } from './peak-rss.mjs';

const [input, output] = process.argv.slice(2);
const t0 = performance.now();
const audio = await readAudioFile(input);
const t1 = performance.now();
const result = master(audio, { inPlace: true });
const t2 = performance.now();
await writeAudioFile(output, result.audio, 'wav24');
const t3 = performance.now();
console.log(
  JSON.stringify({
    decodeMs: t1 - t0,
    masterMs: t2 - t1,
    encodeMs: t3 - t2,
    totalMs: t3 - t0,
    maxRssMB: peakRssMB(),
    lufs: result.after.loudness.integratedLufs,
    dbtp: result.after.peaks.truePeakDbtp,
  }),
);
