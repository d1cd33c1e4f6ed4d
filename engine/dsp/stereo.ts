// Mid/side processing: the tonal EQ works on mid and side separately, and the side signal is
// high-passed so the low end is mono (vinyl-safe, and no bass lost when summed to mono).

export function toMidSide(l: Float32Array, r: Float32Array): [Float32Array, Float32Array] {
  const m = new Float32Array(l.length);
  const s = new Float32Array(l.length);
  for (let i = 0; i < l.length; i++) {
    m[i] = (l[i]! + r[i]!) * 0.5;
    s[i] = (l[i]! - r[i]!) * 0.5;
  }
  return [m, s];
}

/** Writes L = M + S, R = M - S into the given arrays. */
export function fromMidSide(m: Float32Array, s: Float32Array, l: Float32Array, r: Float32Array): void {
  for (let i = 0; i < m.length; i++) {
    l[i] = m[i]! + s[i]!;
    r[i] = m[i]! - s[i]!;
  }
}
