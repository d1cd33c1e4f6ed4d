// The engine's two-thread passes against the same work done on one thread: the second half starts
// early enough that its state has settled, so the results must match.
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressInPlace } from '../../engine/dsp/compressor.js';
import { limitApplyRange, limitRoundRange } from '../../engine/limit-range.js';
import {
  helperJobCount,
  parallelCompress,
  parallelEnvelope,
  parallelLimitApply,
  parallelLimitRound,
  parallelMidSide,
  parallelRemoveOffsets,
  parallelStats,
  parallelTone,
  parallelTruePeakOvers,
  sharedCopyOf,
  helperReady,
  stopHelper,
  warmUp,
} from '../../engine/parallel.js';
import { toneRange } from '../../engine/tone-range.js';
import { highpass, highShelf, peaking } from '../../engine/dsp/biquad.js';
import { sideHighpass } from '../../engine/dsp/stereo.js';
import { loudnessFromEnergies } from '../../engine/analysis/loudness.js';
import { blockPairSums, channelStats } from '../../engine/analysis/stats.js';
import { measureLoudness } from '../../engine/analysis/loudness.js';
import { makeTrack } from '../helpers/music.js';
import { truePeak, truePeakOvers } from '../../engine/analysis/truepeak.js';
import { destinationChecks } from '../../engine/destinations.js';
import { averageSpectrum } from '../../engine/analysis/spectrum.js';
import { meanOf, removeOffset } from '../../engine/dsp/offset.js';
import { truePeakAfterMp3 } from '../../engine/lossy-check.js';

const shared = (chs: Float32Array[]) => chs.map(sharedCopyOf);

const maxDiff = (a: Float32Array[], b: Float32Array[]) => Math.max(...a.map((ch, c) => ch.reduce((m, v, i) => Math.max(m, Math.abs(v - b[c]![i]!)), 0)));

if (availableParallelism() < 2) console.warn('One CPU core: the engine runs on one thread, so the two-thread comparisons are SKIPPED.');

describe.runIf(availableParallelism() >= 2)('two-thread passes match one-thread passes', () => {
  const track = makeTrack(40, 48000, { level: 0.6 });

  beforeAll(async () => {
    // Waits for the helper's ready signal (bounded), so the split really happens.
    expect(await helperReady(30_000)).toBe(true);
  });

  it('compressor', () => {
    const one = track.channels.map((c) => c.slice());
    const two = shared(track.channels);
    const s = { thresholdDb: -20, ratio: 3 };
    const a = compressInPlace(one, 48000, s);
    const jobs = helperJobCount();
    const b = parallelCompress(two, 48000, s);
    expect(helperJobCount()).toBe(jobs + 1); // the second half ran on the helper
    expect(maxDiff(one, two)).toBeLessThan(1e-6);
    expect(b.maxReductionDb).toBeCloseTo(a.maxReductionDb, 4);
    expect(b.averageReductionDb).toBeCloseTo(a.averageReductionDb, 4);
    expect(a.maxReductionDb).toBeGreaterThan(1); // it really compressed
  });

  // The side stage alone runs in the SIMD kernel; with side EQ bands too, in the JavaScript filters.
  it.each([
    ['mono low end', sideHighpass(48000, 120)],
    ['mono low end and side EQ', [...sideHighpass(48000, 120), peaking(48000, 3500, 2, 0.8), highShelf(48000, 9000, 1.5)]],
  ])('tone pass: DC, filter cascade, %s, and the loudness of the result', (_name, side) => {
    const sections = [highpass(48000, 25, 0.5412), highpass(48000, 25, 1.3066), peaking(48000, 300, 2, 0.8)];
    const one = track.channels.map((c) => c.slice());
    const energies = new Float64Array(Math.floor(one[0]!.length / 4800));
    toneRange({ channels: one, sampleRate: 48000, sections, offsets: [0.01, -0.02], side, from: 0, to: one[0]!.length, energies });
    const two = shared(track.channels);
    const jobs = helperJobCount();
    const loudness = parallelTone(two, 48000, sections, [0.01, -0.02], side);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(maxDiff(one, two)).toBeLessThan(1e-6); // filter state settled by the split
    expect(loudness.integrated).toBeCloseTo(loudnessFromEnergies(energies, 4800).integrated, 6);
    expect(loudness.shortTermMax).toBeCloseTo(loudnessFromEnergies(energies, 4800).shortTermMax, 6);
    expect(maxDiff(one, track.channels)).toBeGreaterThan(0.01); // it really filtered
  });

  // A few overs (what the dips after limiting look for), and more than the helper hands back.
  it.each([
    ['a few', 0.999],
    ['thousands', 0.25],
  ])('true-peak overs: %s', (_name, share) => {
    const x = sharedCopyOf(track.channels[0]!);
    const limit = truePeak(x) * share;
    const one = truePeakOvers(x, limit);
    const jobs = helperJobCount();
    const two = parallelTruePeakOvers(x, limit);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(two.overs).toEqual(one.overs);
    expect(two.below).toBe(one.below);
    // The second half (the helper's) has more than it can hand back: measured again here.
    const helpers = one.overs.filter((o) => o.at >= x.length >> 1).length;
    if (share > 0.9) expect(one.overs.length).toBeGreaterThan(0);
    else expect(helpers).toBeGreaterThan(4096);
  });

  it('sample statistics and left/right block sums', () => {
    const chs = shared(track.channels);
    chs[1]!.fill(1, 1_000_000, 1_000_010); // a clipped run on the channel the helper takes
    const jobs = helperJobCount();
    const { stats, pairs } = parallelStats(chs, 24000);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(stats).toEqual(chs.map(channelStats));
    expect(stats[1]!.longest).toBeGreaterThanOrEqual(10);
    const serial = new Float64Array(pairs.length);
    blockPairSums(chs[0]!, chs[1]!, 24000, 0, pairs.length / 3, serial);
    expect(pairs.length).toBe(3 * Math.ceil(chs[0]!.length / 24000));
    expect([...pairs]).toEqual([...serial]);
  });

  it('the mid and side spectra', () => {
    const chs = shared(track.channels);
    const jobs = helperJobCount();
    const { mid, side } = parallelMidSide([chs[0]!, chs[1]!], 48000);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(mid).toEqual(averageSpectrum(chs, 48000));
    expect(side).toEqual(averageSpectrum(chs, 48000, undefined, undefined, 'side'));
    expect(Math.max(...side.db)).toBeLessThan(Math.max(...mid.db)); // two different spectra
  });

  it('offsets taken off each channel and its followers, one channel on the helper', () => {
    const offsetBy = (chs: Float32Array[], dc: number[]) => chs.map((ch, c) => ch.map((v) => v + dc[c]!));
    const mix = shared(offsetBy(track.channels, [0.01, -0.02]));
    const part = shared(offsetBy(track.channels, [0.003, 0.004]));
    const one = [...mix, ...part].map((ch) => ch.slice());
    const jobs = helperJobCount();
    const removed = parallelRemoveOffsets(mix, [[part[0]!], [part[1]!]], 1e-4);
    expect(helperJobCount()).toBe(jobs + 1);
    const serial = [removeOffset(one[0]!, [one[2]!], 1e-4), removeOffset(one[1]!, [one[3]!], 1e-4)];
    expect(removed).toEqual(serial);
    expect(removed[1]![0]).toBeCloseTo(-0.02 + meanOf(track.channels[1]!), 6);
    expect(maxDiff([...mix, ...part], one)).toBe(0);
    for (const ch of [...mix, ...part]) expect(Math.abs(meanOf(ch))).toBeLessThan(1e-6);
    // Within the residual, nothing is touched.
    const clean = shared(
      track.channels.map((ch) => {
        const m = meanOf(ch);
        return ch.map((v) => v - m);
      }),
    );
    expect(parallelRemoveOffsets(clean, [[], []], 1e-4)).toEqual([[], []]);
    // Means handed in (the limiter's pass sums what it writes) are what comes off, on both threads.
    const again = shared(offsetBy(track.channels, [0.01, -0.02]));
    const given = again.map((ch) => [meanOf(ch) + 0.001]);
    expect(parallelRemoveOffsets(again, [[], []], 1e-4, given)).toEqual(given);
    for (const ch of again) expect(meanOf(ch)).toBeCloseTo(-0.001, 6);
  });
  it('limiter rounds and the final gain', () => {
    const chs = shared(track.channels);
    const ceiling = 10 ** (-1.1 / 20);
    const envelope = parallelEnvelope(chs, 2, ceiling / 10 ** (12 / 20));
    const r = { channels: chs, envelope, shift: 2, frames: chs[0]!.length, inputGain: 10 ** (9 / 20), sampleRate: 48000, ceiling };
    const energies = new Float64Array(Math.floor(r.frames / 4800));
    const serial = limitRoundRange({ ...r, from: 0, to: r.frames }, energies);
    const jobs = helperJobCount();
    const round = parallelLimitRound(r);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(-20 * Math.log10(serial.minGain)).toBeGreaterThan(3); // the limiter really worked
    expect(round.maxReductionDb).toBeCloseTo(-20 * Math.log10(serial.minGain), 4);
    const one = chs.map((c) => c.slice());
    const sums = new Float64Array(2);
    limitApplyRange({ ...r, channels: one, from: 0, to: r.frames }, sums);
    const means = parallelLimitApply(r);
    expect(maxDiff(one, chs)).toBeLessThan(1e-6);
    // The pass's means are the limited channels' (what the DC removal then takes off).
    means.forEach((m, c) => {
      expect(Math.abs(m - meanOf(chs[c]!))).toBeLessThan(1e-12);
      expect(Math.abs(sums[c]! / r.frames - meanOf(one[c]!))).toBeLessThan(1e-12);
    });
    expect(round.loudness.integrated).toBeCloseTo(measureLoudness(chs, 48000).integrated, 2);
  });

  /** The MP3 check of the test track started (handed to the helper at once), with the reading this thread makes of it. */
  async function checkOnHelper() {
    const chs = shared(track.channels);
    const audio = { sampleRate: 48000, channels: chs };
    const here = await truePeakAfterMp3(audio);
    const jobs = helperJobCount();
    const checking = destinationChecks('streaming', audio, ['wav24']);
    expect(helperJobCount()).toBe(jobs + 1);
    return { chs, here, jobs, checking };
  }

  it('the MP3 check on the helper while this thread goes on: the same reading, and this thread’s passes meanwhile whole and right', async () => {
    const { chs, here, jobs, checking } = await checkOnHelper();
    // Meanwhile a split pass runs wholly here (the helper is busy), and its result is the same.
    const x = sharedCopyOf(chs[0]!);
    const overs = parallelTruePeakOvers(x, 0.5);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(overs.overs.length).toBe(truePeakOvers(x, 0.5, 0, x.length).overs.length);
    const lines = await checking;
    expect(lines.at(-1)).toContain(`the start, the end and the half seconds holding the 8 highest peaks): ${here.dbtp.toFixed(2)} dBTP`);
    // Once it is back, the halves go to the helper again.
    parallelTruePeakOvers(x, 0.5);
    expect(helperJobCount()).toBe(jobs + 2);
  });

  it('a helper readying the MP3 check (loading its codecs) takes halves meanwhile, and then checks the same', async () => {
    await stopHelper();
    warmUp('mp3TruePeak');
    expect(await helperReady(30_000)).toBe(true);
    // Handed over at once, while the helper may still be loading LAME and the decoder.
    const x = sharedCopyOf(track.channels[0]!);
    const jobs = helperJobCount();
    const overs = parallelTruePeakOvers(x, 0.5);
    expect(helperJobCount()).toBe(jobs + 1);
    expect(overs.overs.length).toBe(truePeakOvers(x, 0.5, 0, x.length).overs.length);
    const { here, checking } = await checkOnHelper();
    expect((await checking).at(-1)).toContain(`highest peaks): ${here.dbtp.toFixed(2)} dBTP`);
  });

  it('a helper lost in the middle of the MP3 check: the check is made here, the same, and a new helper takes the next halves', async () => {
    const { chs, here, jobs, checking } = await checkOnHelper();
    await stopHelper();
    const lines = await checking;
    expect(lines.at(-1)).toContain(`highest peaks): ${here.dbtp.toFixed(2)} dBTP`);
    expect(await helperReady(30_000)).toBe(true);
    parallelTruePeakOvers(sharedCopyOf(chs[0]!), 0.5);
    expect(helperJobCount()).toBe(jobs + 2);
  });
});
