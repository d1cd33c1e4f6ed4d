// Inter-sample peaks a 16x meter still finds over the ceiling after limiting are brought down
// where they are (engine/dsp/peak-dips.ts): the song keeps its limiting and its loudness, nothing
// else moves, the channels keep their image and the parts still null. Checked with the tests' own
// 16x meter, not the engine's.
import { describe, expect, it } from 'vitest';
import { dipOvers } from '../../engine/dsp/peak-dips.js';
import { master } from '../../engine/master.js';
import { reportText } from '../../engine/report.js';
import { dbtp, sixteenTimesPeak } from '../helpers/true-peak-16x.js';
import { makeTrack } from '../helpers/music.js';
import { truePeak } from '../../engine/analysis/truepeak.js';
import { sharedCopyOf } from '../../engine/parallel.js';

describe('peak dips', () => {
  it('a master whose hi-hats pass the ceiling at 16x after limiting is dipped there, not limited again', () => {
    // The rendered song's white-noise hi-hats reach Nyquist: the limiter's 4x envelope reads a few of them low.
    const r = master(makeTrack(20, 48000), {});
    expect(r.chain.peakDips).not.toBeNull();
    expect(r.chain.peakDips!.count).toBeGreaterThan(0);
    expect(r.chain.peakDips!.deepestDb).toBeLessThan(1);
    // The limiter kept its ceiling (no second limiting at a lowered one).
    expect(r.chain.limiter.ceilingDbtp).toBe(-1.1);
    expect(dbtp(sixteenTimesPeak(r.audio.channels))).toBeLessThanOrEqual(-1 + 0.005);
    // The report agrees with the other meter within what two 16x meters differ by on white noise
    // up to Nyquist (their filters part above 0.47 fs: 0.026 dB measured here).
    expect(Math.abs(r.after.peaks.truePeakDbtp - dbtp(sixteenTimesPeak(r.audio.channels)))).toBeLessThanOrEqual(0.03);
    expect(Math.abs(r.after.loudness.integratedLufs + 14)).toBeLessThanOrEqual(0.1);
    expect(reportText(r, 'song.wav')).toContain(`Inter-sample peaks still over the ceiling at 16x: ${r.chain.peakDips!.count} brought down where they were`);
  });

  // The verify pass after limiting reads the true peak together with the overs (one pass): every
  // stretch near the dip limit exactly, anything quieter on its own. Both ways against truePeak.
  it.each([
    ['at its ceiling', {}],
    ['far under its ceiling (quiet, measured on its own)', { targetLufs: -30 }],
    ['a little under it', { targetLufs: -20, ceilingDbtp: -1 }],
  ])('the report reads the true peak as truePeak does: a master %s', (_name, o) => {
    const input = makeTrack(12, 44100);
    const r = master({ ...input, channels: input.channels.map(sharedCopyOf) }, o);
    const measured = 20 * Math.log10(Math.max(...r.audio.channels.map((ch) => truePeak(ch))));
    expect(Math.abs(r.after.peaks.truePeakDbtp - measured)).toBeLessThanOrEqual(0.005);
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(r.settings.ceilingDbtp + 0.005);
  });

  it('dips only the overs, the same on every channel, so the parts still sum to the whole', () => {
    const fs = 48000;
    const n = fs * 2;
    // Two parts near Nyquist (0.46 fs) whose sum has three short bursts over 1.0 at 16x.
    const partA = [new Float32Array(n), new Float32Array(n)];
    const partB = [new Float32Array(n), new Float32Array(n)];
    const bursts = [0.3, 0.9, 1.5].map((s) => Math.round(s * fs));
    for (let i = 0; i < n; i++) {
      const burst = bursts.some((b) => i >= b && i < b + 200) ? 1.04 : 0.6;
      const v = Math.sin(2 * Math.PI * 0.46 * i + 0.3) * burst;
      partA[0]![i] = 0.7 * v;
      partB[0]![i] = 0.3 * v;
      partA[1]![i] = 0.5 * v;
      partB[1]![i] = 0.4 * v;
    }
    const whole = [0, 1].map((c) => partA[c]!.map((a, i) => a + partB[c]![i]!));
    const before = whole.map((c) => c.slice());
    // Over -0.02 dBFS (what another meter may read above ours) down to -0.03.
    const dipped = dipOvers([...whole, ...partA, ...partB], 10 ** (-0.02 / 20), 10 ** (-0.03 / 20), fs, 2);
    expect(dipped).not.toBeNull();
    expect(dipped!.dips).toBeGreaterThan(0);
    expect(sixteenTimesPeak(whole)).toBeLessThanOrEqual(1);
    expect(dipped!.peak).toBeGreaterThan(0.99);
    expect(dipped!.peak).toBeLessThanOrEqual(10 ** (-0.02 / 20));
    // Far from the bursts nothing changed, bit for bit.
    const near = (i: number) => bursts.some((b) => i > b - 400 && i < b + 600);
    for (const [c, ch] of whole.entries()) for (let i = 0; i < n; i += 7) if (!near(i)) expect(ch[i]).toBe(before[c]![i]);
    // One gain on every channel: the parts still sum to the whole.
    let residual = 0;
    for (const c of [0, 1]) for (let i = 0; i < n; i++) residual = Math.max(residual, Math.abs(partA[c]![i]! + partB[c]![i]! - whole[c]![i]!));
    expect(residual).toBeLessThan(1e-6);
  });
});
