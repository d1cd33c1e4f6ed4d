// `npm run wasm`: writes the engine's generated WebAssembly kernels (tests fail while a stored one
// differs from what its generator makes).
import fs from 'node:fs';
import { limiterModuleSource, target as limiter } from './wasm-limiter.js';
import { pcmModuleSource, target as pcm } from './wasm-pcm.js';
import { statsModuleSource, target as stats } from './wasm-stats.js';
import { stereoModuleSource, target as stereo } from './wasm-stereo.js';
import { kernelModuleSource, target as truePeak } from './wasm-truepeak.js';

for (const [file, source] of [
  [truePeak, kernelModuleSource],
  [stereo, stereoModuleSource],
  [limiter, limiterModuleSource],
  [stats, statsModuleSource],
  [pcm, pcmModuleSource],
] as const) {
  fs.writeFileSync(file, await source());
  console.log(`wrote ${file}`);
}
