import { makeTrack } from './tests/helpers/music.js';
import { truePeak, truePeakEnvelope } from './engine/analysis/truepeak.js';
const t = makeTrack(240); const x = t.channels[0]!; for (let i=0;i<x.length;i++) x[i] = Math.tanh(3*x[i]!)*0.9;
let t0 = performance.now(); const p = truePeak(x); console.log('tp ms', (performance.now()-t0).toFixed(0), p);
t0 = performance.now(); truePeakEnvelope([x]); console.log('env ms', (performance.now()-t0).toFixed(0));
