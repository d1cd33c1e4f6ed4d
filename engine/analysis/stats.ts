// Sample statistics the analysis reports besides loudness and true peak: DC, sample peak, clipped
// runs, leading/trailing silence per channel, and the left/right sums behind phase correlation
// and stereo width. Plain loops over ranges, so the two threads can each take a share.
const CLIP = 0.99995;
const SILENCE = 10 ** (-60 / 20);

export interface ChannelStats {
  sum: number;
  peak: number;
  runs: number;
  clipped: number;
  longest: number;
  firstClip: number;
  lead: number;
  trail: number;
}

/** The order of a ChannelStats in a Float64Array (for handing it between threads). */
const fields = ['sum', 'peak', 'runs', 'clipped', 'longest', 'firstClip', 'lead', 'trail'] as const;
export const STATS_LENGTH = fields.length;
export const statsToArray = (s: ChannelStats, out: Float64Array): void => fields.forEach((f, i) => (out[i] = s[f]));
export const statsFromArray = (a: Float64Array): ChannelStats => Object.fromEntries(fields.map((f, i) => [f, a[i]!])) as unknown as ChannelStats;

/** DC, peak and clipped runs of x[from, to), continuing a run across calls through `st`. */
function scan(x: Float32Array, from: number, to: number, st: ChannelStats & { run: number }): void {
  let { sum, peak, run } = st;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    sum += v;
    const a = v < 0 ? -v : v;
    if (a > peak) peak = a;
    if (a >= CLIP) run++;
    else if (run > 0) {
      if (run >= 3) {
        st.runs++;
        st.clipped += run;
        if (run > st.longest) st.longest = run;
        if (st.firstClip < 0) st.firstClip = i - run;
      }
      run = 0;
    }
  }
  st.sum = sum;
  st.peak = peak;
  st.run = run;
}

export function channelStats(x: Float32Array): ChannelStats {
  const n = x.length;
  const st = { sum: 0, peak: 0, runs: 0, clipped: 0, longest: 0, firstClip: -1, lead: 0, trail: 0, run: 0 };
  for (let i = 0; i < n; i += 65536) scan(x, i, Math.min(n, i + 65536), st);
  if (st.run >= 3) {
    st.runs++;
    st.clipped += st.run;
    st.longest = Math.max(st.longest, st.run);
    if (st.firstClip < 0) st.firstClip = n - st.run;
  }
  let i = 0;
  while (i < n && Math.abs(x[i]!) < SILENCE) i++;
  st.lead = i;
  let j = n - 1;
  while (j >= 0 && Math.abs(x[j]!) < SILENCE) j--;
  st.trail = n - 1 - j;
  const { run: _run, ...stats } = st;
  return stats;
}

/** Sums over l[from, to) and r[from, to) for correlation and mid/side energy. */
export function pairSums(l: Float32Array, r: Float32Array, from: number, to: number): [number, number, number] {
  let lr = 0, ll = 0, rr = 0;
  for (let i = from; i < to; i++) {
    const a = l[i]!, b = r[i]!;
    lr += a * b;
    ll += a * a;
    rr += b * b;
  }
  return [ll, rr, lr];
}

/** Pair sums of the blocks [first, last) of `size` frames into out[3 * (k - first) ..]. */
export function blockPairSums(l: Float32Array, r: Float32Array, size: number, first: number, last: number, out: Float64Array): void {
  const n = l.length;
  for (let k = first; k < last; k++) {
    const [ll, rr, lr] = pairSums(l, r, k * size, Math.min(n, (k + 1) * size));
    out[3 * (k - first)] = ll;
    out[3 * (k - first) + 1] = rr;
    out[3 * (k - first) + 2] = lr;
  }
}
