// The engine's helper thread: runs one job at a time on shared sample arrays and signals the
// waiting main thread through a shared flag (see parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from './parallel-jobs.js';
import { truePeak, truePeakEnvelopeInto, truePeakOvers } from './analysis/truepeak.js';
import { channelEnergies } from './analysis/loudness.js';
import { kWeightingStages } from './analysis/kweighting.js';
import { stereoEnergies } from './dsp/stereo-kernel.js';
import { limitApplyRange, limitRoundRange } from './limit-range.js';
import { toneRange } from './tone-range.js';
import { compressRange } from './dsp/compressor.js';
import { convertChannel, encodeChannel, encodeInKernel } from './io/pcm-codec.js';
import { blockPairSums, channelStats, statsToArray } from './analysis/stats.js';
import { removeOffset } from './dsp/offset.js';
import { averageSpectrum } from './analysis/spectrum.js';
import type * as LossyCheck from './lossy-check.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Every job hands this thread views of the caller's shared sample arrays. Once the job is done they
// are garbage here, but this thread allocates almost nothing, so its collector seldom runs — and
// shared memory is freed only when every thread has let go: each master's samples (~50 MB for a
// 4-minute mix) stayed alive. A full collection of this small heap (a few milliseconds) once the
// thread has been idle a moment lets them go.
// The collector is reached through a context of its own, made when first needed rather than as
// this thread starts: a context being made while the process exits (a command refusing a file at
// once, the helper still loading) had V8 print "Error installing extension 'v8/gc'" and its
// bootstrap source to stderr (Node 22, both cores busy).
setFlagsFromString('--expose-gc');
let collector: (() => void) | undefined;
const collect = () => (collector ??= runInNewContext('gc') as () => void)();
const IDLE_BEFORE_COLLECTING_MS = 50;
let idle: NodeJS.Timeout | undefined;

/**
 * Overs as a shared array carries them: [count, below, at0, value0, at1, value1, …]; past its
 * capacity only the count is right (the caller then measures that half itself).
 */
export function writeOvers(r: { overs: { at: number; value: number }[]; below: number }, out: Float64Array): void {
  out[0] = r.overs.length;
  out[1] = r.below;
  const room = (out.length - 2) >> 1;
  r.overs.slice(0, room).forEach((o, i) => {
    out[2 + 2 * i] = o.at;
    out[3 + 2 * i] = o.value;
  });
}

/** Signals the job's end to the thread waiting on its flag: 1 done, 2 failed. */
function finish(flag: Int32Array, outcome: 1 | 2): void {
  Atomics.store(flag, 0, outcome);
  Atomics.notify(flag, 0);
  clearTimeout(idle);
  idle = setTimeout(collect, IDLE_BEFORE_COLLECTING_MS);
  idle.unref();
}

/** The MP3 check's code (LAME, the decoder), loaded when first asked for or prepared for. */
let lossyCode: Promise<typeof LossyCheck> | undefined;
const lossyCheck = () =>
  (lossyCode ??= import('./lossy-check.js').catch((err: unknown) => {
    lossyCode = undefined; // the next job tries again
    throw err;
  }));

parentPort?.on('message', (message: Envelope | { prepare: 'mp3TruePeak' }) => {
  if ('prepare' in message) {
    // Loaded while this thread has nothing else to do (the caller reading its file), not when asked.
    lossyCheck()
      .then((m) => m.mp3Codecs())
      .catch(() => undefined);
    return;
  }
  const { job, flag, result } = message;
  if (job.op === 'mp3TruePeak') {
    lossyCheck()
      .then((d) => d.truePeakAfterMp3({ sampleRate: job.sampleRate, channels: job.channels }))
      .then(
        ({ dbtp, stretches }) => {
          result[0] = dbtp;
          result[1] = stretches;
          finish(flag, 1);
        },
        () => finish(flag, 2),
      );
    return;
  }
  try {
    if (job.op === 'envelope') truePeakEnvelopeInto(job.channels, job.out, job.shift, job.floor, job.from, job.to);
    else if (job.op === 'truePeak') result[0] = truePeak(job.x, job.from, job.to, job.samplePeak);
    else if (job.op === 'truePeakOvers') writeOvers(truePeakOvers(job.x, job.limit, job.from, job.to, job.reach), job.out);
    else if (job.op === 'energies') channelEnergies(job.x, job.sampleRate, job.out);
    else if (job.op === 'stereoEnergies') {
      if (!stereoEnergies(job.l, job.r, kWeightingStages(job.sampleRate), Math.round(job.sampleRate / 10), job.warmFrom, job.from, job.to, job.out))
        throw new Error('no stereo kernel');
    } else if (job.op === 'stats') {
      blockPairSums(job.l, job.r, job.size, job.first, job.last, job.pairs);
      statsToArray(channelStats(job.r), job.out);
    } else if (job.op === 'limitRound') {
      const st = limitRoundRange(job.range, job.out);
      job.stats[0] = st.minGain;
      job.stats[1] = st.busy;
    } else if (job.op === 'limitApply') limitApplyRange(job.range, job.sums);
    else if (job.op === 'tone') toneRange(job.range);
    else if (job.op === 'compress') {
      const st = compressRange(job.channels, job.sampleRate, job.settings, job.from, job.to, job.warm);
      job.stats[0] = st.maxReductionDb;
      job.stats[1] = st.sumReductionDb;
    } else if (job.op === 'pcm') convertChannel(job.bytes, job.fmt, job.out, job.channel, job.at);
    else if (job.op === 'offset') {
      const removed = removeOffset(job.x, job.followers, job.residual, job.means);
      job.out[0] = removed.length;
      job.out.set(removed, 1);
    } else if (job.op === 'spectrum') job.out.set(averageSpectrum([job.l, job.r], job.sampleRate, undefined, undefined, job.part).db);
    else if (job.op === 'encode') encodeChannel(job.src, job.channel, job.channels, job.o, job.from, job.to, job.seed, job.out);
    else if (job.op === 'encodeFrames') job.ends.set(encodeInKernel(job.channels, job.o, job.from, job.to, job.states, job.out));
    finish(flag, 1);
  } catch {
    finish(flag, 2);
  }
});

// Tell the main thread that jobs can be handed over now.
const ready = (workerData as { ready?: Int32Array } | undefined)?.ready;
if (ready) {
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0); // a caller may be waiting for it (waitForHelper)
}
