import { makeTrack } from './tests/helpers/music.js';
import { measureLoudness } from './engine/analysis/loudness.js';
const t = makeTrack(240);
const w = new Float32Array(t.channels[0]!.length).fill(1);
for (let k = 0; k < 3; k++) { let t0 = performance.now(); measureLoudness(t.channels, 48000, w); console.log('weighted', (performance.now()-t0).toFixed(0)); }
