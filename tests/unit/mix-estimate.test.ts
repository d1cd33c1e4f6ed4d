// The mixing estimate from generated stems: more stems, recorded parts, parts off the grid, stems
// of different lengths and raw material each take more hours; the estimate stays within 5–15 h;
// every reason the artist reads carries a number the stems measured.
import { describe, expect, it } from 'vitest';
import { StemCharacterMeter } from '../../engine/analysis/stem-character.js';
import { fitGrid, offGridMs } from '../../engine/analysis/stem-timing.js';
import { estimateMix, reasonText, type EstimateReason, type EstimateStem, type MixEstimate } from '../../core/booking/mix-estimate.js';
import { makeStem, type StemPart, type StemSpec } from '../helpers/stems.js';

const tags: Record<StemPart, string> = { drums: 'drums', vocal: 'lead-vocal', bass: 'bass', keys: 'keys' };
const parts: StemPart[] = ['drums', 'bass', 'keys', 'vocal'];

function stemOf(spec: StemSpec, n: number): EstimateStem {
  const a = makeStem({ seconds: 8, seed: n + 1, ...spec });
  const m = new StemCharacterMeter(a.sampleRate);
  m.add(a.channels);
  const character = m.result();
  return { fileName: `${n + 1} ${spec.part}.wav`, stemTag: tags[spec.part], durationSec: character.durationSec, character };
}

/** `count` stems, the four parts in turn, each made as `change` says. */
function song(count: number, change: (part: StemPart, n: number) => Partial<StemSpec> = () => ({})): EstimateStem[] {
  return Array.from({ length: count }, (_, n) => {
    const part = parts[n % parts.length]!;
    return stemOf({ part, ...change(part, n) }, n);
  });
}

const kinds = (e: MixEstimate) => e.shares.map((s) => s.why.kind);
const base = song(16);
const baseline = estimateMix(base);

describe('the mixing estimate', () => {
  it('a tidy programmed song: stems only', () => {
    expect(kinds(baseline)).toEqual(['stems']);
    expect(baseline.hours).toBeGreaterThanOrEqual(5);
    expect(reasonText(baseline.shares[0]!.why)).toBe('16 stems to set up and balance');
  });

  it('more stems take longer', () => {
    expect(estimateMix(song(32)).hours).toBeGreaterThan(baseline.hours);
  });

  it('recorded parts take longer than programmed ones, and the reason carries their hiss', () => {
    const stems = song(16, () => ({ hissDb: -72 }));
    const e = estimateMix(stems);
    expect(e.hours).toBeGreaterThan(baseline.hours);
    const recorded = e.shares.find((s) => s.why.kind === 'recorded')!.why;
    const floors = stems.map((s) => s.character!.noiseFloorDb!);
    expect(recorded).toMatchObject({ kind: 'recorded', count: 16, drums: true });
    expect((recorded as { floorDb: number }).floorDb).toBeCloseTo(floors.reduce((a, b) => a + b) / floors.length, 1);
    expect(reasonText(recorded)).toMatch(/^16 recorded through microphones or amps, acoustic drums among them \(hiss at -7\d\.\d dBFS between phrases/);
    // Quiet hiss is no noise to clean.
    expect(kinds(e)).not.toContain('noise');
  });

  it('drums and vocals off the grid need timing edits, measured against the song’s grid', () => {
    const stems = song(16, (part) => (part === 'drums' || part === 'vocal' ? { jitterMs: 20 } : {}));
    const e = estimateMix(stems);
    expect(e.hours).toBeGreaterThan(baseline.hours);
    const timing = e.shares.find((s) => s.why.kind === 'timing')!.why as Extract<EstimateReason, { kind: 'timing' }>;
    expect(timing.parts.sort()).toEqual(['drums', 'vocals']);
    const grid = fitGrid(stems.flatMap((s) => s.character!.onsets))!;
    const timed = stems.filter((s) => s.stemTag === 'drums' || s.stemTag === 'lead-vocal');
    const mean = timed.reduce((a, s) => a + offGridMs(s.character!.onsets, grid), 0) / timed.length;
    expect(timing.offGridMs).toBeCloseTo(mean, 1);
    expect(timing.offGridMs).toBeGreaterThan(8);
    expect(reasonText(timing)).toBe(`the drums and vocals sit ${timing.offGridMs} ms off the song’s grid on average: timing edits first`);
    // The same parts on the grid: no timing edits.
    expect(kinds(baseline)).not.toContain('timing');
  });

  it('stems exported from different points need lining up', () => {
    const e = estimateMix(song(16, (_, n) => (n % 4 === 1 ? { offsetSec: 1.5 } : {})));
    expect(e.hours).toBeGreaterThan(baseline.hours);
    expect(e.shares.find((s) => s.why.kind === 'line-up')!.why).toEqual({ kind: 'line-up', count: 4, shortestSec: 8, longestSec: 9.5 });
  });

  it('raw material takes longer than stems already compressed', () => {
    const e = estimateMix(song(16, () => ({ raw: true })));
    expect(e.hours).toBeGreaterThan(baseline.hours);
    const raw = e.shares.find((s) => s.why.kind === 'raw')!.why as { count: number; crestDb: number };
    expect(raw.count).toBeGreaterThanOrEqual(4); // the drums at least
    expect(raw.crestDb).toBeGreaterThan(15);
  });

  it('stays within half a day and a day and a half', () => {
    const small = estimateMix(song(2));
    expect(small.hours).toBe(5);
    expect(small.unboundedHours).toBeLessThan(5);
    const everything = estimateMix(song(48, (part) => ({ hissDb: -55, raw: true, jitterMs: part === 'drums' || part === 'vocal' ? 25 : 0 })));
    expect(everything.hours).toBe(15);
    expect(everything.unboundedHours).toBeGreaterThan(15);
    expect(kinds(everything)).toEqual(['stems', 'recorded', 'timing', 'noise', 'raw']);
  });

  it('counts stems stored before they were measured by number only', () => {
    const e = estimateMix([...base.slice(0, 4), { fileName: 'old.wav', stemTag: 'other', durationSec: 8, character: null }]);
    expect(e.stems).toBe(5);
    expect(kinds(e)).toEqual(['stems']);
  });
});
