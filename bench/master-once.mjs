// One master in its own process (from the build in dist/), so its time and peak memory are its
// own: decode → master → encode, then one line of JSON.
import { readFileSync } from 'node:fs';
import { master, readAudioFile, writeAudioFile } from '../dist/engine/index.js';

/**
 * Peak resident memory of this process. On Linux, getrusage's maxRSS survives exec, so a child
 * started by a big parent reports the parent's size (fork briefly shares it); VmHWM belongs to
 * this program's own address space.
 */
function peakRssMB() {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

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
