// Both cores for the heaviest steps, keeping the engine's API synchronous: the main thread hands
// half of the work to a helper thread, does its own half, then blocks on a shared flag
// (Atomics.wait is allowed on Node's main thread) until the helper is done. Only sample arrays
// in shared memory can be handed over; anything else, or a machine with one core, just runs on
// the calling thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FINE_WINDOW, truePeak, truePeakEnvelopeInto, truePeakOvers } from './analysis/truepeak.js';
import type { Biquad } from './dsp/biquad.js';
import { channelEnergies, loudnessFromEnergies, measureLoudness, type Loudness } from './analysis/loudness.js';
import type { Envelope, Job } from './parallel-jobs.js';
import { limitApplyRange, limitRoundRange, type LimitRange } from './limit-range.js';
import { toneRange, type ToneRange } from './tone-range.js';
import { hasStereoKernel, stereoEnergies } from './dsp/stereo-kernel.js';
import { kWeightingStages } from './analysis/kweighting.js';
import { WARM_UP_SECONDS } from './dsp/limiter.js';
import { COMPRESSOR_WARM_UP_SECONDS, compressInPlace, compressRange, type CompressorResult, type CompressorSettings } from './dsp/compressor.js';
import { convert, convertChannel, encodeChannel, encodeInKernel, kernelEncodes, type WavFormat, type WavOptions } from './io/pcm-codec.js';
import { xorshiftJump } from './io/pcm.js';
import { blockPairSums, channelStats, STATS_LENGTH, statsFromArray, type ChannelStats } from './analysis/stats.js';
import { threadFile } from './types.js';
import { removeOffset } from './dsp/offset.js';
import { averageSpectrum, bandCentres, type Spectrum } from './analysis/spectrum.js';

let helper: Worker | null | undefined;
/** Set to 1 by the helper once it can take jobs; until then everything runs on the caller's thread. */
const ready = new Int32Array(new SharedArrayBuffer(4));

function getHelper(): Worker | null {
  if (helper === undefined) {
    if (availableParallelism() < 2 || process.env.MIXDESK_THREADS === '1') helper = null;
    else {
      // Its heap holds only code and small job messages (the samples are shared), so keep it small.
      helper = new Worker(threadFile('parallel-worker'), {
        workerData: { ready },
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
      });
      helper.unref(); // never keeps the process alive
      helper.on('error', () => (helper = null));
    }
  }
  return helper && away === 0 && Atomics.load(ready, 0) === 1 ? helper : null;
}

/** Jobs the helper is doing while this thread goes on (onHelper): meanwhile the halves stay here. */
let away = 0;

/**
 * Stops the helper thread (a job it is doing fails as a dead helper's would); the next parallel
 * step starts a new one. For a clean shutdown, and for tests of a helper lost mid-job.
 */
export async function stopHelper(): Promise<void> {
  const worker = helper;
  forgetHelper(undefined);
  if (worker) await worker.terminate();
}

/** Lets the helper go: undefined starts a new one at the next step, null runs everything here from now on. */
function forgetHelper(next: undefined | null): void {
  helper = next;
  prepared = false;
  Atomics.store(ready, 0, 0);
}

let handedOver = 0;
/** How many jobs the helper thread has been given (tests check the two-thread paths really ran). */
export const helperJobCount = (): number => handedOver;

let prepared = false;
/**
 * Starts the helper thread early, so its start-up overlaps other work; with 'mp3TruePeak' it also
 * loads the MP3 check's code meanwhile (a master ends with one, see destinations.ts).
 */
export function warmUp(prepare?: 'mp3TruePeak'): void {
  getHelper();
  if (!prepare || !helper || prepared) return;
  prepared = true;
  helper.postMessage({ prepare }); // taken once the helper has loaded, before any job
}

/**
 * Starts the helper thread and waits up to `maxMs` for it to take jobs (it loads its code first:
 * about 0.1 s from the build, more through tsx). Worth it before long work, which it halves;
 * false if it is not there by then (the work then starts on this thread alone).
 */
export function waitForHelper(maxMs: number): boolean {
  if (getHelper()) return true;
  if (helper === null) return false;
  Atomics.wait(ready, 0, 0, maxMs);
  return getHelper() !== null;
}

// Atomics.waitAsync is in Node 20, not yet in the ES2023 typings.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string } })
  .waitAsync;

/**
 * Hands `job` to the helper and goes on: the promise gives the job's result array once the helper
 * is done, or null at once when there is no helper to take it (the caller then does the work).
 * Until it settles every split job runs wholly on this thread, so neither thread waits on the
 * other: the helper checks the MP3 while this thread writes the master, for instance.
 */
export async function onHelper(job: Job, resultLength: number): Promise<Float64Array | null> {
  const worker = getHelper();
  if (!worker) return null;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const result = new Float64Array(new SharedArrayBuffer(8 * resultLength));
  away++;
  handedOver++;
  // The wait alone keeps no process running, and the helper is unref'd: while it works, it is not.
  worker.ref();
  // A helper that dies mid-job never sets the flag: its exit ends the wait instead.
  let exited: () => void = () => undefined;
  const exit = new Promise<string>((resolve) => worker.once('exit', (exited = () => resolve('exited'))));
  try {
    worker.postMessage({ job, flag, result } satisfies Envelope);
    const wait = waitAsync(flag, 0, 0, 300_000);
    const outcome = wait.async ? await Promise.race([wait.value, exit]) : wait.value;
    if (outcome === 'timed-out' || outcome === 'exited') {
      // A helper that exited is started again for the next step; one that hangs is given up.
      if (helper === worker) forgetHelper(outcome === 'exited' ? undefined : null);
      throw new Error(`engine helper thread did not finish ${job.op} (${outcome})`);
    }
    if (Atomics.load(flag, 0) !== 1) throw new Error(`engine helper thread failed on ${job.op}`);
    return result;
  } finally {
    worker.off('exit', exited);
    away--;
    worker.unref();
  }
}

/**
 * Like waitForHelper, without blocking this thread: where the helper's modules load through
 * loader hooks that need this thread's event loop (tsx from the command line), a blocking wait
 * would only time out.
 */
export async function helperReady(maxMs: number): Promise<boolean> {
  if (getHelper()) return true;
  if (helper === null) return false;
  const wait = waitAsync(ready, 0, 0, maxMs);
  // The wait alone does not keep the process running (and the helper is unref'd): a timer does.
  const keepAlive = setTimeout(() => undefined, maxMs);
  try {
    if (wait.async) await wait.value;
  } finally {
    clearTimeout(keepAlive);
  }
  return getHelper() !== null;
}

export function isShared(a: Float32Array): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

/** A Float32Array in shared memory (the helper thread can work on it). */
export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * 4));
}

/** A copy of `x` in shared memory. */
export function sharedCopyOf(x: Float32Array): Float32Array {
  const copy = sharedFloat32(x.length);
  copy.set(x);
  return copy;
}

/** Runs `job` on the helper while `local` runs here; falls back to doing both here. */
function split<T>(job: Job, local: () => T, fallback: () => void): { local: T; result: number } {
  const worker = getHelper();
  if (!worker) {
    const l = local();
    fallback();
    return { local: l, result: NaN };
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const result = new Float64Array(new SharedArrayBuffer(8));
  handedOver++;
  worker.postMessage({ job, flag, result } satisfies Envelope);
  const l = local();
  // A job is a few hundred milliseconds; a helper silent for minutes has died.
  if (Atomics.load(flag, 0) === 0 && Atomics.wait(flag, 0, 0, 300_000) === 'timed-out') {
    forgetHelper(null);
    throw new Error(`engine helper thread did not finish ${job.op}`);
  }
  if (Atomics.load(flag, 0) !== 1) throw new Error(`engine helper thread failed on ${job.op}`);
  return { local: l, result: result[0]! };
}

export function parallelTruePeak(x: Float32Array, samplePeak?: number): number {
  if (!isShared(x) || x.length < 65536) return truePeak(x, 0, x.length, samplePeak);
  const mid = x.length >> 1;
  let other = 0;
  const r = split(
    { op: 'truePeak', x, from: mid, to: x.length, ...(samplePeak !== undefined ? { samplePeak } : {}) },
    () => truePeak(x, 0, mid, samplePeak),
    () => (other = truePeak(x, mid, x.length, samplePeak)),
  );
  return Math.max(r.local, Number.isNaN(r.result) ? other : r.result);
}

/** How many overs the helper hands back; a half with more is measured again on this thread. */
const OVERS_CAPACITY = 4096;

/** `truePeakOvers` of all of x, each half on its own thread. */
export function parallelTruePeakOvers(x: Float32Array, limit: number, reach = FINE_WINDOW): { overs: { at: number; value: number }[]; below: number } {
  if (!isShared(x) || x.length < 65536) return truePeakOvers(x, limit, 0, x.length, reach);
  const mid = x.length >> 1;
  const out = new Float64Array(new SharedArrayBuffer((2 + 2 * OVERS_CAPACITY) * 8));
  let other: ReturnType<typeof truePeakOvers> | undefined;
  const r = split(
    { op: 'truePeakOvers', x, limit, from: mid, to: x.length, reach, out },
    () => truePeakOvers(x, limit, 0, mid, reach),
    () => (other = truePeakOvers(x, limit, mid, x.length, reach)),
  );
  if (!other) {
    const count = out[0]!;
    if (count > OVERS_CAPACITY) other = truePeakOvers(x, limit, mid, x.length, reach);
    else {
      const overs: { at: number; value: number }[] = [];
      for (let i = 0; i < count; i++) overs.push({ at: out[2 + 2 * i]!, value: out[3 + 2 * i]! });
      other = { overs, below: out[1]! };
    }
  }
  return { overs: [...r.local.overs, ...other.overs], below: Math.max(r.local.below, other.below) };
}

export function parallelEnvelope(channels: Float32Array[], shift: number, floor: number): Float32Array {
  const n = channels[0]?.length ?? 0;
  const shared = channels.every(isShared) && n >= 65536;
  const out = shared ? sharedFloat32(((n - 1) >> shift) + 1) : new Float32Array(((n - 1) >> shift) + 1);
  if (!shared) {
    truePeakEnvelopeInto(channels, out, shift, floor, 0, n);
    return out;
  }
  // Split on a multiple of 2^shift so the halves never write the same envelope value.
  const mid = (n >> (shift + 1)) << shift;
  split(
    { op: 'envelope', channels, out, shift, floor, from: mid, to: n },
    () => truePeakEnvelopeInto(channels, out, shift, floor, 0, mid),
    () => truePeakEnvelopeInto(channels, out, shift, floor, mid, n),
  );
  return out;
}

/**
 * The tone pass (DC, filter cascade, mono low end) in place, one half on each thread, and the
 * BS.1770 loudness of its result.
 */
export function parallelTone(channels: Float32Array[], sampleRate: number, sections: Biquad[], offsets: number[] | undefined, side: Biquad[]): Loudness {
  const n = channels[0]?.length ?? 0;
  const size = Math.round(sampleRate / 10);
  const blocks = Math.floor(n / size);
  const energies = new Float64Array(new SharedArrayBuffer(Math.max(1, blocks) * 8)).subarray(0, blocks);
  const base: Omit<ToneRange, 'from' | 'to' | 'energies'> = { channels, sampleRate, sections, side, ...(offsets ? { offsets } : {}) };
  const warm = Math.round(WARM_UP_SECONDS * sampleRate);
  const mid = Math.floor(n / 2 / size) * size;
  if (!channels.every(isShared) || mid - warm < 0 || !getHelper()) {
    toneRange({ ...base, from: 0, to: n, energies });
    return loudnessFromEnergies(energies, size);
  }
  // The frames before the second half as they are now: this thread is about to change them.
  const before = channels.map((ch) => sharedCopyOf(ch.subarray(mid - warm, mid)));
  const second: ToneRange = { ...base, from: mid, to: n, energies: energies.subarray(mid / size), warm: before };
  split(
    { op: 'tone', range: second },
    () => toneRange({ ...base, from: 0, to: mid, energies: energies.subarray(0, mid / size) }),
    () => toneRange(second),
  );
  return loudnessFromEnergies(energies, size);
}

/** Frames the K-weighting filters run before a thread's range, so their state has settled by its start. */
const K_WARM_UP_SECONDS = 1;

/**
 * BS.1770 loudness of a stereo pair on both threads: with the stereo kernel, both channels at once
 * and the track split in time (the second half's filters settled on the second before it);
 * without it, one channel on each thread.
 */
export function parallelLoudness(channels: Float32Array[], sampleRate: number): Loudness {
  const n = channels[0]?.length ?? 0;
  if (channels.length !== 2 || !channels.every(isShared) || n < 65536) return measureLoudness(channels, sampleRate);
  const size = Math.round(sampleRate / 10);
  const blocks = Math.floor(n / size);
  const [l, r] = channels as [Float32Array, Float32Array];
  if (hasStereoKernel()) {
    const energies = new Float64Array(new SharedArrayBuffer(Math.max(1, blocks) * 8)).subarray(0, blocks);
    const half = blocks >> 1;
    const mid = half * size;
    const warmFrom = Math.max(0, mid - Math.round(K_WARM_UP_SECONDS * sampleRate));
    const stages = kWeightingStages(sampleRate);
    const second = energies.subarray(half);
    split(
      { op: 'stereoEnergies', l, r, sampleRate, warmFrom, from: mid, to: blocks * size, out: second },
      () => stereoEnergies(l, r, stages, size, 0, 0, mid, energies.subarray(0, half)),
      () => stereoEnergies(l, r, stages, size, warmFrom, mid, blocks * size, second),
    );
    return loudnessFromEnergies(energies, size);
  }
  const mine = new Float64Array(blocks);
  const theirs = new Float64Array(new SharedArrayBuffer(blocks * 8));
  split(
    { op: 'energies', x: r, sampleRate, out: theirs },
    () => channelEnergies(l, sampleRate, mine),
    () => channelEnergies(r, sampleRate, theirs),
  );
  for (let b = 0; b < blocks; b++) mine[b]! += theirs[b]!;
  return loudnessFromEnergies(mine, size);
}

/**
 * Each channel's sample statistics, and the left/right sums of `size`-frame blocks (3 per block),
 * for a stereo pair one channel and half the blocks on each thread.
 */
export function parallelStats(channels: Float32Array[], size: number): { stats: ChannelStats[]; pairs: Float64Array } {
  const n = channels[0]?.length ?? 0;
  const blocks = channels.length >= 2 ? Math.ceil(n / size) : 0;
  const pairs = new Float64Array(new SharedArrayBuffer(Math.max(1, blocks) * 24)).subarray(0, blocks * 3);
  const [l, r] = channels as [Float32Array, Float32Array];
  if (channels.length !== 2 || !channels.every(isShared) || n < 65536) {
    if (blocks) blockPairSums(l, r, size, 0, blocks, pairs);
    return { stats: channels.map(channelStats), pairs };
  }
  const mid = blocks >> 1;
  const theirs = new Float64Array(new SharedArrayBuffer(STATS_LENGTH * 8));
  let fallback: ChannelStats | undefined;
  const mine = split(
    { op: 'stats', l, r, size, first: mid, last: blocks, pairs: pairs.subarray(3 * mid), out: theirs },
    () => {
      blockPairSums(l, r, size, 0, mid, pairs);
      return channelStats(l);
    },
    () => {
      blockPairSums(l, r, size, mid, blocks, pairs.subarray(3 * mid));
      fallback = channelStats(r);
    },
  ).local;
  return { stats: [mine, fallback ?? statsFromArray(theirs)], pairs };
}

/**
 * removeOffset of each channel (with its followers: the same channel of each part), a stereo pair's
 * second channel on the helper thread. What came off, per channel. `means[c]`, where known: the
 * channel's mean and its followers', in that order.
 */
export function parallelRemoveOffsets(channels: Float32Array[], followers: Float32Array[][], residual: number, means?: number[][]): number[][] {
  const local = (c: number) => removeOffset(channels[c]!, followers[c] ?? [], residual, means?.[c]);
  const all = [channels[1], ...(followers[1] ?? [])];
  if (channels.length !== 2 || !all.every((x) => x && isShared(x))) return channels.map((_, c) => local(c));
  const out = new Float64Array(new SharedArrayBuffer(8 * (2 + (followers[1]?.length ?? 0))));
  let fallback: number[] | undefined;
  const first = split(
    { op: 'offset', x: channels[1]!, followers: followers[1] ?? [], residual, out, ...(means ? { means: means[1]! } : {}) },
    () => local(0),
    () => (fallback = local(1)),
  ).local;
  return [first, fallback ?? Array.from(out.subarray(1, 1 + out[0]!))];
}

/** The average spectra of a stereo pair's mid and side (see averageSpectrum), the side's on the helper thread. */
export function parallelMidSide(channels: [Float32Array, Float32Array], sampleRate: number): { mid: Spectrum; side: Spectrum } {
  const [l, r] = channels;
  const side = () => averageSpectrum(channels, sampleRate, undefined, undefined, 'side');
  if (!isShared(l) || !isShared(r)) return { mid: averageSpectrum(channels, sampleRate), side: side() };
  const out = new Float64Array(new SharedArrayBuffer(8 * bandCentres.length));
  let fallback: Spectrum | undefined;
  const mid = split(
    { op: 'spectrum', l, r, sampleRate, part: 'side', out },
    () => averageSpectrum(channels, sampleRate),
    () => (fallback = side()),
  ).local;
  return { mid, side: fallback ?? { hz: bandCentres, db: Array.from(out) } };
}

/** PCM bytes of a stereo piece to floats, one channel on each thread. */
export function parallelConvert(bytes: Uint8Array, fmt: WavFormat, out: Float32Array[], at: number): void {
  if (fmt.channels !== 2 || !isShared(bytes as unknown as Float32Array) || !out.every(isShared) || bytes.length < 65536) return convert(bytes, fmt, out, at);
  split(
    { op: 'pcm', bytes, fmt, out: out[1]!, channel: 1, at },
    () => convertChannel(bytes, fmt, out[0]!, 0, at),
    () => convertChannel(bytes, fmt, out[1]!, 1, at),
  );
}

/**
 * Float channels to interleaved PCM bytes (frames [from, to) into `out`). Integer PCM of one or two
 * channels goes through the WebAssembly kernel, the frames split in time between the threads (the
 * second half's dither generators jumped ahead to where it starts); anything else in JavaScript,
 * one channel on each thread. Either way the same bytes, and seeds[c] ends as a single pass leaves it.
 */
export function parallelEncode(channels: Float32Array[], o: WavOptions, from: number, to: number, seeds: Uint32Array[], out: Uint8Array): void {
  const n = channels.length;
  const sharedOut = isShared(out as unknown as Float32Array);
  if (kernelEncodes(o, n)) {
    const states = seeds.map((s) => s[0]! | 0);
    const mid = from + ((to - from) >> 1);
    const frameBytes = (o.bits / 8) * n;
    const keep = (ends: ArrayLike<number>) => seeds.forEach((s, c) => (s[0] = ends[c]!));
    if (!channels.every(isShared) || !sharedOut || to - from < 16384) return keep(encodeInKernel(channels, o, from, to, states, out));
    const later = o.dither ? states.map((s) => xorshiftJump(s, mid - from)) : states;
    const ends = new Int32Array(new SharedArrayBuffer(4 * n));
    const rest = out.subarray((mid - from) * frameBytes);
    split(
      { op: 'encodeFrames', channels, o, from: mid, to, states: later, out: rest, ends },
      () => encodeInKernel(channels, o, from, mid, states, out),
      () => ends.set(encodeInKernel(channels, o, mid, to, later, rest)),
    );
    return keep(ends);
  }
  const local = (c: number) => encodeChannel(channels[c]!, c, n, o, from, to, seeds[c]!, out);
  if (n !== 2 || !channels.every(isShared) || !sharedOut || to - from < 16384) {
    for (let c = 0; c < n; c++) local(c);
    return;
  }
  split(
    { op: 'encode', src: channels[1]!, channel: 1, channels: n, o, from, to, seed: seeds[1]!, out },
    () => local(0),
    () => local(1),
  );
}

/** The split point of a limiting pass: the middle, on a 100 ms block boundary. */
function limitSplit(frames: number, sampleRate: number): number {
  const size = Math.round(sampleRate / 10);
  return Math.floor(frames / 2 / size) * size;
}

/**
 * One round of the loudness search: the limiter's gain for `inputGain` and the loudness it yields,
 * the first half here and the second on the helper thread.
 */
export function parallelLimitRound(r: Omit<LimitRange, 'from' | 'to'>): { loudness: Loudness; maxReductionDb: number; busyShare: number } {
  const size = Math.round(r.sampleRate / 10);
  const blocks = Math.floor(r.frames / size);
  const mid = limitSplit(r.frames, r.sampleRate);
  const shared = r.channels.every(isShared) && isShared(r.envelope) && mid > 0;
  const energies = new Float64Array(new SharedArrayBuffer(Math.max(1, blocks) * 8)).subarray(0, blocks);
  let stats: { minGain: number; busy: number };
  if (!shared || !getHelper()) {
    stats = limitRoundRange({ ...r, from: 0, to: r.frames }, energies);
  } else {
    const theirs = energies.subarray(mid / size);
    const theirStats = new Float64Array(new SharedArrayBuffer(16));
    let fallback: { minGain: number; busy: number } | undefined;
    const mine = split(
      { op: 'limitRound', range: { ...r, from: mid, to: r.frames }, out: theirs, stats: theirStats },
      () => limitRoundRange({ ...r, from: 0, to: mid }, energies.subarray(0, mid / size)),
      () => (fallback = limitRoundRange({ ...r, from: mid, to: r.frames }, theirs)),
    ).local;
    const other = fallback ?? { minGain: theirStats[0]!, busy: theirStats[1]! };
    stats = { minGain: Math.min(mine.minGain, other.minGain), busy: mine.busy + other.busy };
  }
  return {
    loudness: loudnessFromEnergies(energies, size),
    maxReductionDb: -20 * Math.log10(Math.min(1, stats.minGain)),
    busyShare: r.frames ? stats.busy / r.frames : 0,
  };
}

/**
 * The final pass: the limiter's gain applied in place, one half on each thread. Returns each
 * channel's mean after it (zeros when the gain is divided out: `undo`).
 */
export function parallelLimitApply(r: Omit<LimitRange, 'from' | 'to'>): number[] {
  const mid = limitSplit(r.frames, r.sampleRate);
  const sums = new Float64Array(r.channels.length);
  const means = (...parts: Float64Array[]) => Array.from(sums, (_, c) => (r.frames ? parts.reduce((t, p) => t + p[c]!, 0) / r.frames : 0));
  if (!r.channels.every(isShared) || !isShared(r.envelope) || mid === 0) {
    limitApplyRange({ ...r, from: 0, to: r.frames }, sums);
    return means(sums);
  }
  const theirs = new Float64Array(new SharedArrayBuffer(8 * r.channels.length));
  split(
    { op: 'limitApply', range: { ...r, from: mid, to: r.frames }, sums: theirs },
    () => limitApplyRange({ ...r, from: 0, to: mid }, sums),
    () => limitApplyRange({ ...r, from: mid, to: r.frames }, theirs),
  );
  return means(sums, theirs);
}

/** The glue compressor, the second half on the helper (primed on a copy of the frames before it). */
export function parallelCompress(channels: Float32Array[], sampleRate: number, s: CompressorSettings, followers: Float32Array[] = []): CompressorResult {
  const n = channels[0]?.length ?? 0;
  const warm = Math.round((COMPRESSOR_WARM_UP_SECONDS * sampleRate) / 16) * 16;
  const mid = Math.floor(n / 2 / 16) * 16;
  // Followers (parts mastered with the mix) are compressed on this thread: the helper's half would need them too.
  if (followers.length || !channels.every(isShared) || mid - warm < 0 || !getHelper()) return compressInPlace(channels, sampleRate, s, followers);
  const before = channels.map((ch) => sharedCopyOf(ch.subarray(mid - warm, mid)));
  const stats = new Float64Array(new SharedArrayBuffer(16));
  let fallback: ReturnType<typeof compressRange> | undefined;
  const mine = split(
    { op: 'compress', channels, sampleRate, settings: s, from: mid, to: n, warm: before, stats },
    () => compressRange(channels, sampleRate, s, 0, mid),
    () => (fallback = compressRange(channels, sampleRate, s, mid, n, before)),
  ).local;
  const other = fallback ?? { maxReductionDb: stats[0]!, sumReductionDb: stats[1]!, frames: n - mid };
  return { maxReductionDb: Math.max(mine.maxReductionDb, other.maxReductionDb), averageReductionDb: n ? (mine.sumReductionDb + other.sumReductionDb) / n : 0 };
}
