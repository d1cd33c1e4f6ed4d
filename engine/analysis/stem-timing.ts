// How far a song's parts sit from their common grid: the grid is fitted to every stem's onsets
// together (the step and phase they agree on most, then period and start by least squares), and
// each part's timing is the median distance of its onsets from that grid.
// Parts played off the grid need timing edits before they are mixed.

export interface Grid {
  /** The grid's step (seconds): often a 16th or 8th note. */
  stepSec: number;
  /** Where one of its lines falls (seconds). */
  startSec: number;
  /** The onsets it was fitted to. */
  onsets: number[];
}

const SHORTEST_STEP_SEC = 0.08;
const LONGEST_STEP_SEC = 1.2;
/** Fewer onsets than this say nothing about a grid. */
const FEWEST_ONSETS = 16;
/** At most this many onsets are weighed in the fit (evenly taken). */
const MOST_ONSETS = 2000;
/**
 * The step is searched for in the busiest stretch this long (onsets to the millisecond, counted):
 * the search costs candidates × distinct times, and the candidates grow with the stretch.
 */
const SEARCH_SECONDS = 20;
/** How strongly the onsets must agree on a step's phase (1: all exactly on it; random times ≈ 1/√n). */
const LEAST_AGREEMENT = 0.4;

/**
 * How strongly onsets agree on the phase of a grid of this step: the length of the mean of the
 * unit vectors at their phases (1: every onset on a line of the grid), and the mean phase.
 */
function agreement(times: Float64Array, counts: Float64Array, total: number, step: number): { strength: number; start: number } {
  let c = 0;
  let s = 0;
  const w = (2 * Math.PI) / step;
  for (let i = 0; i < times.length; i++) {
    c += counts[i]! * Math.cos(w * times[i]!);
    s += counts[i]! * Math.sin(w * times[i]!);
  }
  const phase = Math.atan2(s, c);
  return { strength: Math.hypot(c, s) / total, start: (phase / (2 * Math.PI)) * step };
}

/** The onsets of the busiest SEARCH_SECONDS, as distinct milliseconds and how many fall on each. */
function busiestStretch(sorted: number[]): { times: Float64Array; counts: Float64Array; total: number; span: number } {
  let bestFrom = 0;
  let bestTo = 0;
  for (let from = 0, to = 0; from < sorted.length; from++) {
    while (to < sorted.length && sorted[to]! - sorted[from]! <= SEARCH_SECONDS) to++;
    if (to - from > bestTo - bestFrom) [bestFrom, bestTo] = [from, to];
  }
  const counted = new Map<number, number>();
  for (let i = bestFrom; i < bestTo; i++) {
    const ms = Math.round(sorted[i]! * 1000);
    counted.set(ms, (counted.get(ms) ?? 0) + 1);
  }
  const times = Float64Array.from(counted.keys(), (ms) => ms / 1000);
  return { times, counts: Float64Array.from(counted.values()), total: bestTo - bestFrom, span: sorted[bestTo - 1]! - sorted[bestFrom]! };
}

/**
 * The step the onsets agree on most, searched over the busiest stretch in steps fine enough that
 * its length of drift stays within an eighth of a step (least squares over the whole song refines it). An onset on a grid is on
 * every finer grid it divides into too, so the longest step within a hair of the best is taken.
 */
function bestStep(sorted: number[]): { step: number; start: number; strength: number } | null {
  const { times, counts, total, span } = busiestStretch(sorted);
  const found: { step: number; start: number; strength: number }[] = [];
  for (let step = SHORTEST_STEP_SEC; step <= LONGEST_STEP_SEC; step += (step * step) / (8 * (span || 1)))
    found.push({ step, ...agreement(times, counts, total, step) });
  const best = Math.max(...found.map((f) => f.strength));
  if (!(best >= LEAST_AGREEMENT)) return null;
  return found.filter((f) => f.strength >= best - 0.03).at(-1)!;
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
  const sorted = [...onsets].sort((a, b) => a - b);
  if (sorted.length < FEWEST_ONSETS) return null;
  const every = Math.ceil(sorted.length / MOST_ONSETS);
  const weighed = every > 1 ? sorted.filter((_, i) => i % every === 0) : sorted;
  const found = bestStep(sorted);
  if (!found) return null;
  const fit = refine(weighed, found.step, found.start);
  const grid = { stepSec: fit.step, startSec: fit.start };
  if (medianDistance(sorted, grid) > fit.step / 4 / 1.25) return null;
  return { ...grid, onsets: sorted };
}

/** How far a part's onsets sit from the grid: their median distance (milliseconds). */
export function offGridMs(onsets: number[], grid: Grid): number {
  return Math.round(medianDistance(onsets, { stepSec: grid.stepSec, startSec: grid.startSec }) * 10000) / 10;
}
