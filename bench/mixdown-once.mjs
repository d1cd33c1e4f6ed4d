// One mixdown in its own process (from the build in dist/), so its time and peak memory are its
// own. Arguments: output directory, then the stems. Prints one line of JSON.
import path from 'node:path';
import { guessStemRole, mixdown } from '../dist/engine/index.js';
import { peakRssMB } from './peak-rss.mjs';

const [out, ...files] = process.argv.slice(2);
const t0 = performance.now();
const report = await mixdown(
  files.map((f) => ({ path: f, name: path.basename(f), role: guessStemRole(path.basename(f)) })),
  out,
  { title: 'bench' },
);
console.log(JSON.stringify({ ms: performance.now() - t0, durationSec: report.durationSec, stems: report.stems.length, maxRssMB: peakRssMB() }));
