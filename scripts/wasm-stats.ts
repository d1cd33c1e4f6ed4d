// Writes engine/analysis/stats-simd.ts: the analysis's sample statistics in WebAssembly SIMD — a
// channel's sum (for DC) and largest magnitude, the left/right products behind phase
// correlation and stereo width, and the energy of a block's sample-to-sample steps (its highs). Four samples per
// step, summed in double precision in several lanes, so the sums differ from a serial sum only in
// the last bits. Assembled with wabt; `npm run wasm`.
import { fileURLToPath } from 'node:url';
import { kernelFile } from './wasm-assemble.js';

export const target = fileURLToPath(new URL('../engine/analysis/stats-simd.ts', import.meta.url));

/** Frames per call at most; the left (or only) channel's samples at 0, the right channel's after them. */
export const STATS_CAPACITY = 65536;
const R = STATS_CAPACITY * 4;
const pages = Math.ceil((2 * R) / 65536);

const get = (n: string) => `(local.get $${n})`;
const lo = (v: string) => `(f64x2.promote_low_f32x4 ${v})`;
// The upper two floats moved down, to be promoted like the lower two.
const hi = (v: string) => `(f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v}))`;
const add = (acc: string, v: string) => `(local.set $${acc} (f64x2.add ${get(acc)} ${v}))`;
const mac = (acc: string, a: string, b: string) => add(acc, `(f64x2.mul ${a} ${b})`);
const lanes = (v: string) => `(f64.add (f64x2.extract_lane 0 ${v}) (f64x2.extract_lane 1 ${v}))`;

/**
 * scan(count): over x[0, count) (count a multiple of 8; the caller pads with zeros), the sum and the
 * largest |x|, left in the globals `sum` and `peak`. pairs(count): over l[0, count) and r[0, count)
 * (count a multiple of 4), Σl², Σr² and Σlr in the globals `ll`, `rr` and `lr`. steps(count): over
 * x[0, count] (count a multiple of 4; the caller pads with the last sample), Σ(x[i+1] - x[i])² in
 * the global `stepEnergy` and the largest |x[i+1]| in `peak` (the lossy check's choice of stretches).
 */
export function statsWat(): string {
  return `(module
  (memory (export "memory") ${pages})
  (global (export "rOffset") i32 (i32.const ${R}))
  (global $sum (export "sum") (mut f64) (f64.const 0))
  (global $peak (export "peak") (mut f32) (f32.const 0))
  (global $ll (export "ll") (mut f64) (f64.const 0))
  (global $rr (export "rr") (mut f64) (f64.const 0))
  (global $lr (export "lr") (mut f64) (f64.const 0))
  (global $steps (export "stepEnergy") (mut f64) (f64.const 0))
  (func (export "scan") (param $count i32)
    (local $p i32) (local $end i32) (local $a v128) (local $b v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $m0 v128) (local $m1 v128)
    (local.set $end (i32.shl ${get('count')} (i32.const 2)))
    (block $done (loop $step
      (br_if $done (i32.ge_u ${get('p')} ${get('end')}))
      (local.set $a (v128.load ${get('p')}))
      (local.set $b (v128.load offset=16 ${get('p')}))
      ${add('s0', lo(get('a')))}
      ${add('s1', hi(get('a')))}
      ${add('s2', lo(get('b')))}
      ${add('s3', hi(get('b')))}
      (local.set $m0 (f32x4.pmax ${get('m0')} (f32x4.abs ${get('a')})))
      (local.set $m1 (f32x4.pmax ${get('m1')} (f32x4.abs ${get('b')})))
      (local.set $p (i32.add ${get('p')} (i32.const 32)))
      (br $step)))
    (global.set $sum (f64.add (f64.add ${lanes(get('s0'))} ${lanes(get('s1'))}) (f64.add ${lanes(get('s2'))} ${lanes(get('s3'))})))
    (local.set $m0 (f32x4.pmax ${get('m0')} ${get('m1')}))
    (global.set $peak (f32.max (f32.max (f32x4.extract_lane 0 ${get('m0')}) (f32x4.extract_lane 1 ${get('m0')}))
                               (f32.max (f32x4.extract_lane 2 ${get('m0')}) (f32x4.extract_lane 3 ${get('m0')})))))
  (func (export "pairs") (param $count i32)
    (local $p i32) (local $end i32) (local $l v128) (local $r v128)
    (local $ll0 v128) (local $ll1 v128) (local $rr0 v128) (local $rr1 v128) (local $lr0 v128) (local $lr1 v128)
    (local $a v128) (local $b v128)
    (local.set $end (i32.shl ${get('count')} (i32.const 2)))
    (block $done (loop $step
      (br_if $done (i32.ge_u ${get('p')} ${get('end')}))
      (local.set $l (v128.load ${get('p')}))
      (local.set $r (v128.load offset=${R} ${get('p')}))
      (local.set $a ${lo(get('l'))})
      (local.set $b ${lo(get('r'))})
      ${mac('ll0', get('a'), get('a'))}
      ${mac('rr0', get('b'), get('b'))}
      ${mac('lr0', get('a'), get('b'))}
      (local.set $a ${hi(get('l'))})
      (local.set $b ${hi(get('r'))})
      ${mac('ll1', get('a'), get('a'))}
      ${mac('rr1', get('b'), get('b'))}
      ${mac('lr1', get('a'), get('b'))}
      (local.set $p (i32.add ${get('p')} (i32.const 16)))
      (br $step)))
    (global.set $ll (f64.add ${lanes(get('ll0'))} ${lanes(get('ll1'))}))
    (global.set $rr (f64.add ${lanes(get('rr0'))} ${lanes(get('rr1'))}))
    (global.set $lr (f64.add ${lanes(get('lr0'))} ${lanes(get('lr1'))})))
  (func (export "steps") (param $count i32)
    (local $p i32) (local $end i32) (local $a v128) (local $b v128) (local $d v128)
    (local $e0 v128) (local $e1 v128) (local $m v128)
    (local.set $end (i32.shl ${get('count')} (i32.const 2)))
    (block $done (loop $step
      (br_if $done (i32.ge_u ${get('p')} ${get('end')}))
      (local.set $a (v128.load ${get('p')}))
      (local.set $b (v128.load offset=4 align=4 ${get('p')}))
      ;; The steps in double precision: a float minus a float is exact there, as in JavaScript.
      (local.set $d (f64x2.sub ${lo(get('b'))} ${lo(get('a'))}))
      ${mac('e0', get('d'), get('d'))}
      (local.set $d (f64x2.sub ${hi(get('b'))} ${hi(get('a'))}))
      ${mac('e1', get('d'), get('d'))}
      (local.set $m (f32x4.pmax ${get('m')} (f32x4.abs ${get('b')})))
      (local.set $p (i32.add ${get('p')} (i32.const 16)))
      (br $step)))
    (global.set $steps (f64.add ${lanes(get('e0'))} ${lanes(get('e1'))}))
    (global.set $peak (f32.max (f32.max (f32x4.extract_lane 0 ${get('m')}) (f32x4.extract_lane 1 ${get('m')}))
                               (f32.max (f32x4.extract_lane 2 ${get('m')}) (f32x4.extract_lane 3 ${get('m')}))))))
`;
}

export function statsModuleSource(): Promise<string> {
  return kernelFile({
    generator: 'scripts/wasm-stats.ts',
    name: 'statsSimd',
    wat: statsWat(),
    constants: ['/** Frames per call at most (the statistics kernel, WebAssembly SIMD). */', `export const STATS_CAPACITY = ${STATS_CAPACITY};`],
  });
}
