// How far a song's parts sit from their common grid: the grid is fitted to every stem's onsets
// together (the step from the commonest gap between onsets, then period and start by least
// squares), and each part's timing is the median distance of its onsets from that grid.
// Parts played off the grid need timing edits before they are mixed.

export interface Grid {
  /** The grid's step (seconds): often a 16th or 8th note. */
  stepSec: number;
  /** Where one of its lines falls (seconds). */
  startSec: number;
  /** The onsets it was fitted to. */
  onsets: number[];
}

/** Onsets closer than this are one event heard on several stems (a kick on the drums and the bass). */
const SAME_EVENT_SEC = 0.03;
const SHORTEST_STEP_SEC = 0.08;
const LONGEST_STEP_SEC = 1.2;
/** Fewer onsets than this say nothing about a grid. */
const FEWEST_ONSETS = 16;

/** Sorted, with the onsets of one event on several stems merged into their mean. */
function events(onsets: number[]): number[] {
  const sorted = [...onsets].sort((a, b) => a - b);
  const merged: number[] = [];
  let group: number[] = [];
  for (const t of sorted) {
    if (group.length && t - group[0]! > SAME_EVENT_SEC) {
      merged.push(group.reduce((s, v) => s + v, 0) / group.length);
      group = [];
    }
    group.push(t);
  }
  if (group.length) merged.push(group.reduce((s, v) => s + v, 0) / group.length);
  return merged;
}

/** The commonest gap between consecutive events, from a histogram of 5 ms bins. */
function commonestGap(ev: number[]): number | null {
  const bins = new Map<number, number[]>();
  for (let i = 1; i < ev.length; i++) {
    const gap = ev[i]! - ev[i - 1]!;
    if (gap < SHORTEST_STEP_SEC || gap > LONGEST_STEP_SEC) continue;
    const bin = Math.round(gap / 0.005);
    bins.set(bin, [...(bins.get(bin) ?? []), gap]);
  }
  let best: number[] = [];
  for (const [bin, gaps] of bins) {
    const near = [...gaps, ...(bins.get(bin - 1) ?? []), ...(bins.get(bin + 1) ?? [])];
    if (near.length > best.length) best = near;
  }
  if (!best.length) return null;
  best.sort((a, b) => a - b);
  return best[Math.floor(best.length / 2)]!;
}

/** Period and start by least squares over the onsets' grid indexes (three rounds: indexes settle). */
function refine(ev: number[], step: number, start: number): { step: number; start: number } {
  for (let round = 0; round < 3; round++) {
    let sk = 0;
    let st = 0;
    let skk = 0;
    let skt = 0;
    for (const t of ev) {
      const k = Math.round((t - start) / step);
      sk += k;
      st += t;
      skk += k * k;
      skt += k * t;
    }
    const n = ev.length;
    const det = n * skk - sk * sk;
    if (det === 0) break;
    step = (n * skt - sk * st) / det;
    start = (st - step * sk) / n;
  }
  return { step, start };
}

export const distanceFromGrid = (t: number, g: Pick<Grid, 'stepSec' | 'startSec'>): number => {
  const k = Math.round((t - g.startSec) / g.stepSec);
  return Math.abs(t - (g.startSec + k * g.stepSec));
};

function medianDistance(onsets: number[], g: Pick<Grid, 'stepSec' | 'startSec'>): number {
  const d = onsets.map((t) => distanceFromGrid(t, g)).sort((a, b) => a - b);
  return d.length ? d[Math.floor(d.length / 2)]! : 0;
}

/**
 * The song's grid, or null when its onsets keep none (too few, or free time: onsets no nearer
 * their best grid than random times would be, a quarter of the step on average).
 */
export function fitGrid(onsets: number[]): Grid | null {
  const ev = events(onsets);
  if (ev.length < FEWEST_ONSETS) return null;
  const gap = commonestGap(ev);
  if (gap === null) return null;
  let best: { step: number; start: number; median: number } | null = null;
  // The commonest gap may be two, three or four steps of the real grid (8ths with a few 16ths):
  // a finer grid is taken only when it brings the onsets much nearer, since any finer grid
  // brings random times a little nearer too.
  for (const divide of [1, 2, 3, 4]) {
    const fit = refine(ev, gap / divide, ev[0]!);
    if (fit.step < SHORTEST_STEP_SEC / 2) break;
    const median = medianDistance(ev, { stepSec: fit.step, startSec: fit.start });
    if (!best || median < best.median * 0.6) best = { ...fit, median };
  }
  if (!best || best.median > best.step / 4 / 1.25) return null;
  return { stepSec: best.step, startSec: best.start, onsets: ev };
}

/** How far a part's onsets sit from the grid: their median distance (milliseconds). */
export function offGridMs(onsets: number[], grid: Grid): number {
  return Math.round(medianDistance(onsets, { stepSec: grid.stepSec, startSec: grid.startSec }) * 10000) / 10;
}
