// Integer PCM <-> float conversion. Integers map to float as int / 2^(bits-1), so 16- and
// 24-bit samples survive a round trip through Float32 exactly.

/** Deterministic xorshift32, so dithered output is reproducible. */
export function rng(seed = 0x9e3779b9): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** One step of the dither's xorshift32 (engine/io/wav.ts), on the state's bits as an int32. */
function xorshiftStep(s: number): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s | 0;
}

/** The xorshift32 step as a linear map of the 32 state bits: its matrix's columns, then their squares. */
const jumpPowers: Uint32Array[] = [];

function applyMatrix(columns: Uint32Array, v: number): number {
  let r = 0;
  for (let j = 0; j < 32; j++) if ((v >>> j) & 1) r ^= columns[j]!;
  return r | 0;
}

/**
 * The generator's state `steps` steps on (as `steps` calls of the step would leave it), in 32
 * matrix applications at most: the xorshift step is linear over GF(2), so its powers of two
 * jump ahead. Lets a thread start the dither in the middle of a piece.
 */
export function xorshiftJump(state: number, steps: number): number {
  if (!jumpPowers.length) jumpPowers.push(Uint32Array.from({ length: 32 }, (_, j) => xorshiftStep((1 << j) | 0) >>> 0));
  let s = state | 0;
  for (let i = 0, k = steps; k > 0; i++, k = Math.floor(k / 2)) {
    while (jumpPowers.length <= i) {
      const last = jumpPowers.at(-1)!;
      jumpPowers.push(last.map((col) => applyMatrix(last, col) >>> 0));
    }
    if (k % 2) s = applyMatrix(jumpPowers[i]!, s);
  }
  return s;
}

/**
 * Float samples to integers of `bits`, with TPDF dither of ±1 LSB when `dither` is set
 * (reducing precision); clipped to the integer range.
 */
export function quantize(x: Float32Array, bits: number, dither: boolean, random = rng()): Int32Array {
  const scale = 2 ** (bits - 1);
  const max = scale - 1;
  const min = -scale;
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let v = x[i]! * scale;
    if (dither) v += random() - random();
    let q = Math.floor(v + 0.5); // Math.round(v), faster (v + 0.5 is exact for these values)
    if (q > max) q = max;
    else if (q < min) q = min;
    out[i] = q;
  }
  return out;
}

/** True when every sample already lies on the integer grid of `bits` (no dither needed). */
export function onGrid(channels: Float32Array[], bits: number): boolean {
  const scale = 2 ** (bits - 1);
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      const v = ch[i]! * scale;
      if (v !== Math.round(v)) return false;
    }
  }
  return true;
}

export function interleave(channels: Int32Array[]): Int32Array<ArrayBuffer> {
  const n = channels[0]?.length ?? 0;
  const c = channels.length;
  const out = new Int32Array(n * c);
  for (let ch = 0; ch < c; ch++) {
    const src = channels[ch]!;
    for (let i = 0; i < n; i++) out[i * c + ch] = src[i]!;
  }
  return out;
}
