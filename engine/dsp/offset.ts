// A channel's DC offset: measured and taken off after limiting (master.ts), one channel on each
// thread (parallel.ts).

/** The mean of x, summed in four running sums (one chain of additions is bound by its latency: 2.5× slower). */
export function meanOf(x: Float32Array): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[i]!;
    s1 += x[i + 1]!;
    s2 += x[i + 2]!;
    s3 += x[i + 3]!;
  }
  for (; i < n; i++) s0 += x[i]!;
  return n ? (s0 + s1 + (s2 + s3)) / n : 0;
}

/** Adds m to every sample of x. */
export function addOffset(x: Float32Array, m: number): void {
  for (let i = 0; i < x.length; i++) x[i]! += m;
}

/**
 * Takes x's mean off when it is beyond `residual`, and each follower's own mean off it (the parts
 * of a mix: each losing its own, they still sum to the master). Returns what came off, x's first
 * (empty when nothing did). `means`: x's and the followers' means where the caller has them (the
 * limiter's pass sums what it writes), otherwise they are measured.
 */
export function removeOffset(x: Float32Array, followers: Float32Array[], residual: number, means?: number[]): number[] {
  const offset = means?.[0] ?? meanOf(x);
  if (Math.abs(offset) <= residual) return [];
  const removed = [offset, ...followers.map((f, k) => means?.[k + 1] ?? meanOf(f))];
  [x, ...followers].forEach((y, k) => addOffset(y, -removed[k]!));
  return removed;
}
