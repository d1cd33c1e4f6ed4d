// Writes engine/dsp/stereo-simd.ts: WebAssembly SIMD kernels that run a stereo pair's filters with
// left and right in the two lanes of an f64x2 — a biquad cascade (with the mid/side low-end stage)
// and the BS.1770 K-weighting energies — with the same operations, in the same order, as the
// JavaScript kernels, so the results are the same numbers. Assembled with wabt; `npm run wasm`.
import { fileURLToPath } from 'node:url';
import { kernelFile } from './wasm-assemble.js';

export const target = fileURLToPath(new URL('../engine/dsp/stereo-simd.ts', import.meta.url));

/** Frames per call at most, and the memory layout (bytes) the JavaScript side fills and reads. */
export const layout = (() => {
  const CAPACITY = 16384;
  const MAX_SECTIONS = 16;
  const left = 0;
  const right = left + CAPACITY * 4;
  const energies = right + CAPACITY * 4; // f64 per segment
  const maxSegments = 64;
  const offsets = energies + maxSegments * 8; // f64x2: the DC taken off each channel
  const coefs = offsets + 16; // per section 5 × f64x2 (b0 b1 b2 a1 a2, the same in both lanes)
  const state = coefs + MAX_SECTIONS * 80; // per section 2 × f64x2
  const sideCoefs = state + MAX_SECTIONS * 32; // 2 sections × 5 f64
  const sideState = sideCoefs + 2 * 40; // 2 sections × 2 f64
  const kCoefs = sideState + 2 * 16; // shelf b0 b1 b2 a1 a2, high-pass a1 a2 (f64 each)
  const kState = kCoefs + 7 * 8; // x1 x2 y1 y2 z1 z2 as f64x2
  const gains = kState + 6 * 16; // f32 per frame (kweightGain)
  const end = gains + CAPACITY * 4;
  return {
    CAPACITY,
    MAX_SECTIONS,
    left,
    right,
    energies,
    maxSegments,
    offsets,
    coefs,
    state,
    sideCoefs,
    sideState,
    kCoefs,
    kState,
    gains,
    pages: Math.ceil(end / 65536),
  };
})();

const L = layout;
const f64 = (at: number) => `(f64.load offset=${at} (i32.const 0))`;
const v128 = (at: number) => `(v128.load offset=${at} (i32.const 0))`;
const frame = (base: number) =>
  `(f64x2.replace_lane 1 (f64x2.splat (f64.promote_f32 (f32.load offset=${base} (local.get $p)))) (f64.promote_f32 (f32.load offset=${base - L.left + L.right} (local.get $p))))`;

/** cascade<n>(count, side): n sections on both channels in place, then (side = 1) the side high-pass. */
function cascadeFunc(n: number): string {
  const locals = [
    ...Array.from(
      { length: n },
      (_, k) =>
        `(local $b0_${k} v128) (local $b1_${k} v128) (local $b2_${k} v128) (local $a1_${k} v128) (local $a2_${k} v128) (local $sa_${k} v128) (local $sb_${k} v128)`,
    ),
    '(local $off v128) (local $v v128) (local $y v128)',
    '(local $s f64) (local $u f64) (local $w f64) (local $d f64)',
    ...[0, 1].map(
      (k) =>
        `(local $q0_${k} f64) (local $q1_${k} f64) (local $q2_${k} f64) (local $p1_${k} f64) (local $p2_${k} f64) (local $ta_${k} f64) (local $tb_${k} f64)`,
    ),
  ];
  const load = [
    `(local.set $off ${v128(L.offsets)})`,
    ...Array.from(
      { length: n },
      (_, k) =>
        ['b0', 'b1', 'b2', 'a1', 'a2'].map((c, j) => `(local.set $${c}_${k} ${v128(L.coefs + k * 80 + j * 16)})`).join(' ') +
        ` (local.set $sa_${k} ${v128(L.state + k * 32)}) (local.set $sb_${k} ${v128(L.state + k * 32 + 16)})`,
    ),
    ...[0, 1].map(
      (k) =>
        ['q0', 'q1', 'q2', 'p1', 'p2'].map((c, j) => `(local.set $${c}_${k} ${f64(L.sideCoefs + k * 40 + j * 8)})`).join(' ') +
        ` (local.set $ta_${k} ${f64(L.sideState + k * 16)}) (local.set $tb_${k} ${f64(L.sideState + k * 16 + 8)})`,
    ),
  ];
  // Transposed direct form II, as the JavaScript cascade: y = b0 v + a; a = b1 v - a1 y + b; b = b2 v - a2 y.
  const section = (k: number) => `
        (local.set $y (f64x2.add (f64x2.mul (local.get $b0_${k}) (local.get $v)) (local.get $sa_${k})))
        (local.set $sa_${k} (f64x2.add (f64x2.sub (f64x2.mul (local.get $b1_${k}) (local.get $v)) (f64x2.mul (local.get $a1_${k}) (local.get $y))) (local.get $sb_${k})))
        (local.set $sb_${k} (f64x2.sub (f64x2.mul (local.get $b2_${k}) (local.get $v)) (f64x2.mul (local.get $a2_${k}) (local.get $y))))
        (local.set $v (local.get $y))`;
  const sideSection = (k: number) => `
          (local.set $w (f64.add (f64.mul (local.get $q0_${k}) (local.get $u)) (local.get $ta_${k})))
          (local.set $ta_${k} (f64.add (f64.sub (f64.mul (local.get $q1_${k}) (local.get $u)) (f64.mul (local.get $p1_${k}) (local.get $w))) (local.get $tb_${k})))
          (local.set $tb_${k} (f64.sub (f64.mul (local.get $q2_${k}) (local.get $u)) (f64.mul (local.get $p2_${k}) (local.get $w))))
          (local.set $u (local.get $w))`;
  const store = [
    ...Array.from(
      { length: n },
      (_, k) =>
        `(v128.store offset=${L.state + k * 32} (i32.const 0) (local.get $sa_${k})) (v128.store offset=${L.state + k * 32 + 16} (i32.const 0) (local.get $sb_${k}))`,
    ),
    ...[0, 1].map(
      (k) =>
        `(f64.store offset=${L.sideState + k * 16} (i32.const 0) (local.get $ta_${k})) (f64.store offset=${L.sideState + k * 16 + 8} (i32.const 0) (local.get $tb_${k}))`,
    ),
  ];
  return `
  (func (export "cascade${n}") (param $count i32) (param $side i32)
    (local $p i32) (local $end i32)
    ${locals.join('\n    ')}
    ${load.join('\n    ')}
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (f64x2.sub ${frame(L.left)} (local.get $off)))
        ${Array.from({ length: n }, (_, k) => section(k)).join('')}
        (if (local.get $side) (then
          ;; L = M + S and R = M - S: filtering S into S' adds (S' - S) to L and takes it from R.
          (local.set $s (f64.mul (f64.sub (f64x2.extract_lane 0 (local.get $v)) (f64x2.extract_lane 1 (local.get $v))) (f64.const 0.5)))
          (local.set $u (local.get $s))
          ${sideSection(0)}${sideSection(1)}
          (local.set $d (f64.sub (local.get $u) (local.get $s)))
          (local.set $v (f64x2.replace_lane 1
            (f64x2.replace_lane 0 (local.get $v) (f64.add (f64x2.extract_lane 0 (local.get $v)) (local.get $d)))
            (f64.sub (f64x2.extract_lane 1 (local.get $v)) (local.get $d))))))
        (f32.store offset=${L.left} (local.get $p) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $v))))
        (f32.store offset=${L.right} (local.get $p) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next)))
    ${store.join('\n    ')})`;
}

/**
 * kweight(count, size): K-weighted energies of both channels, summed over segments of `size` frames
 * into energies[], with the filter state carried in memory between calls. Direct form I, as the
 * JavaScript kBlock. kweightGain(start, count, size): the same for frames [start, start + count),
 * each frame times its gain (gains[]), as the JavaScript kBlockWeighted.
 */
function kweightFunc(gain: boolean): string {
  const names = ['x1', 'x2', 'y1', 'y2', 'z1', 'z2'];
  const input = gain ? `(f64x2.mul ${frame(L.left)} (f64x2.splat (f64.promote_f32 (f32.load offset=${L.gains} (local.get $p)))))` : frame(L.left);
  return `
  (func (export "${gain ? 'kweightGain' : 'kweight'}") ${gain ? '(param $start i32) ' : ''}(param $count i32) (param $size i32)
    (local $p i32) (local $end i32) (local $seg i32) (local $segEnd i32) (local $e i32)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $sa1 v128) (local $sa2 v128) (local $ha1 v128) (local $ha2 v128)
    ${names.map((s) => `(local $${s} v128)`).join(' ')}
    (local $xi v128) (local $y v128) (local $z v128) (local $acc v128)
    ${['b0', 'b1', 'b2', 'sa1', 'sa2', 'ha1', 'ha2'].map((c, j) => `(local.set $${c} (f64x2.splat ${f64(L.kCoefs + j * 8)}))`).join(' ')}
    ${names.map((s, j) => `(local.set $${s} ${v128(L.kState + j * 16)})`).join(' ')}
    ${gain ? `(local.set $p (i32.shl (local.get $start) (i32.const 2)))` : ''}
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $e (i32.const ${L.energies}))
    (block $done
      (loop $segments
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $segEnd (i32.add (local.get $p) (i32.shl (local.get $size) (i32.const 2))))
        (if (i32.gt_u (local.get $segEnd) (local.get $end)) (then (local.set $segEnd (local.get $end))))
        (local.set $acc (v128.const f64x2 0 0))
        (block $segDone
          (loop $frames
            (br_if $segDone (i32.ge_u (local.get $p) (local.get $segEnd)))
            (local.set $xi ${input})
            (local.set $y (f64x2.sub (f64x2.sub (f64x2.add (f64x2.add (f64x2.mul (local.get $b0) (local.get $xi)) (f64x2.mul (local.get $b1) (local.get $x1))) (f64x2.mul (local.get $b2) (local.get $x2))) (f64x2.mul (local.get $sa2) (local.get $y2))) (f64x2.mul (local.get $sa1) (local.get $y1))))
            (local.set $z (f64x2.sub (f64x2.sub (f64x2.add (f64x2.sub (local.get $y) (f64x2.mul (v128.const f64x2 2 2) (local.get $y1))) (local.get $y2)) (f64x2.mul (local.get $ha2) (local.get $z2))) (f64x2.mul (local.get $ha1) (local.get $z1))))
            (local.set $x2 (local.get $x1)) (local.set $x1 (local.get $xi))
            (local.set $y2 (local.get $y1)) (local.set $y1 (local.get $y))
            (local.set $z2 (local.get $z1)) (local.set $z1 (local.get $z))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $z) (local.get $z))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $frames)))
        (f64.store (local.get $e) (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
        (local.set $e (i32.add (local.get $e) (i32.const 8)))
        (br $segments)))
    ${names.map((s, j) => `(v128.store offset=${L.kState + j * 16} (i32.const 0) (local.get $${s}))`).join(' ')})`;
}

export function stereoWat(): string {
  return `(module
  (memory (export "memory") ${L.pages})
  ${Array.from({ length: L.MAX_SECTIONS + 1 }, (_, n) => cascadeFunc(n)).join('\n')}
  ${kweightFunc(false)}
  ${kweightFunc(true)})
`;
}

export function stereoModuleSource(): Promise<string> {
  return kernelFile({
    generator: 'scripts/wasm-stereo.ts',
    name: 'stereoSimd',
    wat: stereoWat(),
    constants: [`export const stereoLayout = ${JSON.stringify(L)} as const;`],
  });
}
