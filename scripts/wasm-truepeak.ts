// Writes engine/analysis/truepeak-simd.ts: the true-peak interpolator as a WebAssembly SIMD kernel
// (four window positions per step, f32x4), generated as text from the filter's coefficients and
// assembled with wabt, stored as base64 so the sources and the build load it the same way.
// `npm run wasm` (scripts/wasm.ts) after changing the filter; a test fails while the two disagree.
import { fileURLToPath } from 'node:url';
import { kernelFile } from './wasm-assemble.js';
import { BOUND_ROOM, curvatureGain, HALF, maxGain, phases, TAPS } from '../engine/analysis/truepeak-filter.js';

export const target = fileURLToPath(new URL('../engine/analysis/truepeak-simd.ts', import.meta.url));
/** Window positions per call at most (the JavaScript side hands over chunks of this size). */
export const CAPACITY = 16384;
/** Positions per block: one bound (pointBound of what its windows read) decides whether its points are computed. */
export const PEAK_BLOCK = 64;
/** What one block's bound reads: its windows, rounded up to whole vectors. */
const BLOCK_READ = Math.ceil((PEAK_BLOCK + TAPS - 1) / 4) * 4;
/** Input floats: the windows of CAPACITY positions, plus what the last block's bound reads past them. */
const X_FLOATS = CAPACITY + BLOCK_READ;
const R_OFFSET = Math.ceil((X_FLOATS * 4) / 16) * 16;
/** One value per group of four positions (`envelope`). */
const G_OFFSET = R_OFFSET + (CAPACITY + 4) * 4;
const PAGES = Math.ceil((G_OFFSET + (CAPACITY / 4 + 1) * 4) / 65536);

/** The kernel's text: r[m] = max(|x[m + HALF - 1]|, |p1|, |p2|, |p3|) for m in [0, count), four at a time. */
export function kernelWat(): string {
  const [c1, c2] = phases as [Float64Array, Float64Array];
  const half = TAPS / 2;
  const splat = (v: number) => `(v128.const f32x4 ${Array(4).fill(Math.fround(v).toPrecision(9)).join(' ')})`;
  const load = (k: number, base = '$x') => `(v128.load offset=${k * 4} align=4 (local.get ${base}))`;
  const lines: string[] = [];
  // The symmetric form of the JavaScript kernel: s_k = x_k + x_(T-1-k), d_k = x_k - x_(T-1-k).
  for (let k = 0; k < half; k++) {
    lines.push(`(local.set $a ${load(k)}) (local.set $b ${load(TAPS - 1 - k)})`);
    lines.push(`(local.set $s (f32x4.add (local.get $a) (local.get $b))) (local.set $d (f32x4.sub (local.get $a) (local.get $b)))`);
    const term = (acc: string, c: number, v: string) =>
      k === 0
        ? `(local.set ${acc} (f32x4.mul (local.get ${v}) ${splat(c)}))`
        : `(local.set ${acc} (f32x4.add (local.get ${acc}) (f32x4.mul (local.get ${v}) ${splat(c)})))`;
    lines.push(term('$mid', c2[k]!, '$s'), term('$even', (c1[k]! + c1[TAPS - 1 - k]!) / 2, '$s'), term('$odd', (c1[k]! - c1[TAPS - 1 - k]!) / 2, '$d'));
  }
  const largest = `(f32x4.pmax
            (f32x4.pmax (f32x4.abs ${load(HALF - 1)}) (f32x4.abs (local.get $mid)))
            (f32x4.pmax (f32x4.abs (f32x4.add (local.get $even) (local.get $odd))) (f32x4.abs (f32x4.sub (local.get $even) (local.get $odd)))))`;
  const hmax = (v: string) =>
    `(f32.max (f32.max (f32x4.extract_lane 0 (local.get ${v})) (f32x4.extract_lane 1 (local.get ${v}))) (f32.max (f32x4.extract_lane 2 (local.get ${v})) (f32x4.extract_lane 3 (local.get ${v}))))`;
  // pointBound in single precision: its BOUND_ROOM covers the rounding of these products and of
  // the points themselves (a few units in the last place).
  const f32 = (v: number) => `(f32.const ${Math.fround(v).toPrecision(9)})`;
  const bound = `(f32.mul (f32.min
          (f32.mul (local.get $peak) ${f32(maxGain)})
          (f32.add (local.get $peak) (f32.mul (local.get $curve) ${f32(curvatureGain)})))
        ${f32(1 + BOUND_ROOM)})`;
  // The point code reads from the window of $x; the block loops run it at $w.
  const atW = (code: string) => code.replaceAll('(local.get $x))', '(local.get $w))');
  // g[group of the position at $w] = max(itself, value).
  const keepLarger = (value: string) => `(f32.store offset=${G_OFFSET} (local.tee $g (i32.shr_u (local.get $w) (i32.const 2)))
              (f32.max (f32.load offset=${G_OFFSET} (local.get $g)) ${value}))`;
  // $peak: the largest |sample| the windows of the block at $x read; $curve: their largest
  // |second difference| (centres 1 to BLOCK_READ + 1: a little past what they read, which only
  // loosens the bound and stays inside the input, zero-filled past the call's windows).
  const blockBound = `(local.set $m (v128.const f32x4 0 0 0 0))
      (local.set $c (v128.const f32x4 0 0 0 0))
      (local.set $w (local.get $x))
      (local.set $wEnd (i32.add (local.get $x) (i32.const ${BLOCK_READ * 4})))
      (block $boundDone (loop $bound
        (br_if $boundDone (i32.ge_u (local.get $w) (local.get $wEnd)))
        (local.set $a (v128.load align=4 (local.get $w)))
        (local.set $m (f32x4.pmax (local.get $m) (f32x4.abs (local.get $a))))
        (local.set $c (f32x4.pmax (local.get $c) (f32x4.abs
          (f32x4.add (f32x4.sub (local.get $a) (f32x4.add (local.tee $b (v128.load offset=4 align=4 (local.get $w))) (local.get $b)))
            (v128.load offset=8 align=4 (local.get $w))))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (br $bound)))
      (local.set $peak ${hmax('$m')})
      (local.set $curve ${hmax('$c')})`;
  return `(module
  (memory (export "memory") ${PAGES})
  (global (export "xOffset") i32 (i32.const 0))
  (global (export "rOffset") i32 (i32.const ${R_OFFSET}))
  (global (export "gOffset") i32 (i32.const ${G_OFFSET}))
  (func (export "points") (param $count i32)
    (local $x i32) (local $r i32) (local $end i32)
    (local $a v128) (local $b v128) (local $s v128) (local $d v128) (local $mid v128) (local $even v128) (local $odd v128)
    (local.set $r (i32.const ${R_OFFSET}))
    (local.set $end (i32.add (local.get $r) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $end)))
        ${lines.join('\n        ')}
        (v128.store (local.get $r) ${largest})
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $r (i32.add (local.get $r) (i32.const 16)))
        (br $next))))
  ;; envelope(count, lo, floor): g[j] becomes the larger of itself and the largest r[m] above over
  ;; the group m in [4j, 4j + 4) that lies in [lo, count) — or, for the groups of a block whose bound
  ;; (pointBound) cannot exceed floor, that bound (the caller's limiter sees no difference below floor; the
  ;; interpolation is skipped).
  (func (export "envelope") (param $count i32) (param $lo i32) (param $floor f32)
    (local $x i32) (local $w i32) (local $wEnd i32) (local $end i32) (local $blockEnd i32)
    (local $a v128) (local $b v128) (local $s v128) (local $d v128) (local $mid v128) (local $even v128) (local $odd v128)
    (local $m v128) (local $c v128) (local $peak f32) (local $curve f32) (local $v v128) (local $bound f32) (local $pos v128) (local $g i32)
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
      ${blockBound}
      (local.set $bound ${bound})
      (local.set $blockEnd (i32.add (local.get $x) (i32.const ${PEAK_BLOCK * 4})))
      (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
      (local.set $w (local.get $x))
      (if (f32.le (local.get $bound) (local.get $floor))
        (then
          (block $fillDone (loop $fill
            (br_if $fillDone (i32.ge_u (local.get $w) (local.get $blockEnd)))
            ${keepLarger('(local.get $bound)')}
            (local.set $w (i32.add (local.get $w) (i32.const 16)))
            (br $fill))))
        (else
          (block $groupsDone (loop $groups
            (br_if $groupsDone (i32.ge_u (local.get $w) (local.get $blockEnd)))
            ${atW(lines.join('\n            '))}
            (local.set $pos (i32x4.add (i32x4.splat (i32.shr_u (local.get $w) (i32.const 2))) (v128.const i32x4 0 1 2 3)))
            (local.set $v (v128.and ${atW(largest)}
              (v128.and (i32x4.ge_s (local.get $pos) (i32x4.splat (local.get $lo))) (i32x4.lt_s (local.get $pos) (i32x4.splat (local.get $count))))))
            ${keepLarger(hmax('$v'))}
            (local.set $w (i32.add (local.get $w) (i32.const 16)))
            (br $groups)))))
      (local.set $x (i32.add (local.get $x) (i32.const ${PEAK_BLOCK * 4})))
      (br $blocks))))
  ;; peak(count, best): the largest of best and every r[m] above for m in [0, count), skipping the
  ;; blocks whose bound (pointBound) cannot beat it.
  (func (export "peak") (param $count i32) (param $best f32) (result f32)
    (local $x i32) (local $w i32) (local $wEnd i32) (local $end i32) (local $blockEnd i32)
    (local $a v128) (local $b v128) (local $s v128) (local $d v128) (local $mid v128) (local $even v128) (local $odd v128)
    (local $m v128) (local $c v128) (local $peak f32) (local $curve f32) (local $acc v128)
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
      ${blockBound}
      (local.set $blockEnd (i32.add (local.get $x) (i32.const ${PEAK_BLOCK * 4})))
      (if (f32.gt ${bound} (local.get $best)) (then
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $w (local.get $x))
        (block $groupsDone (loop $groups
          (br_if $groupsDone (i32.ge_u (local.get $w) (local.get $blockEnd)))
          ${atW(lines.join('\n          '))}
          ;; Positions past count (the last group of a call) do not count.
          (local.set $acc (f32x4.pmax (local.get $acc) (v128.and ${atW(largest)}
            (i32x4.lt_s
              (i32x4.add (i32x4.splat (i32.shr_u (local.get $w) (i32.const 2))) (v128.const i32x4 0 1 2 3))
              (i32x4.splat (local.get $count))))))
          (local.set $w (i32.add (local.get $w) (i32.const 16)))
          (br $groups)))
        (local.set $best (f32.max (local.get $best) ${hmax('$acc')}))))
      (local.set $x (i32.add (local.get $x) (i32.const ${PEAK_BLOCK * 4})))
      (br $blocks)))
    (local.get $best)))
`;
}

export function kernelModuleSource(): Promise<string> {
  return kernelFile({
    generator: 'scripts/wasm-truepeak.ts, from truepeak-filter.ts',
    name: 'truePeakSimd',
    wat: kernelWat(),
    constants: [
      '/** The true-peak kernel (WebAssembly SIMD): window positions per call at most. */',
      `export const SIMD_CAPACITY = ${CAPACITY};`,
      `/** Floats of input the kernel's memory holds (positions plus what the last block's bound reads). */`,
      `export const SIMD_INPUT = ${X_FLOATS};`,
    ],
  });
}
