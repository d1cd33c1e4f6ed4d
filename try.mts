import { makeTrack } from './tests/helpers/music.js';
import { master } from './engine/master.js';
const track = makeTrack(240, 48000);
let last = performance.now();
const t0 = last;
const r = master(track, { inPlace: true, progress: (s, f) => { const now = performance.now(); console.log(s, f.toFixed(2), (now - last).toFixed(0)); last = now; } });
console.log('total ms', (performance.now() - t0).toFixed(0), r.after.loudness.integratedLufs, r.after.peaks.truePeakDbtp, 'rss MB', (process.resourceUsage().maxRSS/1024).toFixed(0));
