// Writes engine/dsp/limiter-wasm.ts: the limiter's gain generator (LimiterGain.fill) in WebAssembly,
// with the JavaScript version's operations in the same order and the same single-precision stores,
// so it produces the same multipliers. Assembled with wabt; `npm run wasm`.
import { fileURLToPath } from 'node:url';
import { kernelFile } from './wasm-assemble.js';

export const target = fileURLToPath(new URL('../engine/dsp/limiter-wasm.ts', import.meta.url));

/** Frames per call at most, the longest look-ahead (frames), and the memory layout (bytes). */
export const limiterLayout = (() => {
  const CAPACITY = 65536;
  const MAX_LOOKAHEAD = 4096;
  const span = CAPACITY + MAX_LOOKAHEAD;
  const out = 0;
  const req = out + CAPACITY * 4;
  const pre = req + span * 4;
  const suf = pre + span * 4;
  const ring = suf + span * 4;
  const env = ring + (MAX_LOOKAHEAD + 1) * 4; // the envelope values this call reads
  const end = env + (span + 16) * 4;
  return { CAPACITY, MAX_LOOKAHEAD, out, req, pre, suf, ring, env, pages: Math.ceil(end / 65536) };
})();

const L = limiterLayout;
const f32at = (base: number, idx: string) => `(f32.load offset=${base} (i32.shl ${idx} (i32.const 2)))`;
const f32to = (base: number, idx: string, v: string) => `(f32.store offset=${base} (i32.shl ${idx} (i32.const 2)) (f32.demote_f64 ${v}))`;
const get = (n: string) => `(local.get $${n})`;
const min = (a: string, b: string) => `(select ${a} ${b} (f64.lt ${a} ${b}))`;

/**
 * fill(count, start, frames, shift, envBase, la, started, slot, sum, prev, alpha, limit, inputGain,
 * measureFrom, busyBelow) writes out[0 .. count) and returns nothing; the new slot, sum and prev are
 * left in the globals, with the smallest of out[measureFrom ..] (`least`, +Infinity when none) and
 * how many of them are under busyBelow (`busy`).
 */
export function limiterWat(): string {
  return `(module
  (memory (export "memory") ${L.pages})
  (global $slot (export "slot") (mut i32) (i32.const 0))
  (global $sum (export "sum") (mut f64) (f64.const 0))
  (global $prev (export "prev") (mut f64) (f64.const 1))
  (global $least (export "least") (mut f64) (f64.const 0))
  (global $busy (export "busy") (mut i32) (i32.const 0))
  (func (export "fill")
    (param $count i32) (param $start i32) (param $frames i32) (param $shift i32) (param $envBase i32) (param $la i32) (param $started i32)
    (param $slot0 i32) (param $sum0 f64) (param $prev0 f64) (param $alpha f64) (param $limit f64) (param $inputGain f64)
    (param $measureFrom i32) (param $busyBelow f64)
    (local $v f32) (local $least f32) (local $busy i32)
    (local $k i32) (local $j i32) (local $b i32) (local $e i32) (local $len i32) (local $w i32) (local $slot i32)
    (local $lastP f64) (local $lastR f32)
    (local $p f64) (local $m f64) (local $r f64) (local $a f64) (local $c f64) (local $sum f64) (local $prev f64) (local $g f64) (local $wf f64)
    (local.set $lastP (f64.const nan))
    (local.set $least (f32.const inf))
    (local.set $w (i32.add ${get('la')} (i32.const 1)))
    (local.set $wf (f64.convert_i32_u ${get('w')}))
    (local.set $len (i32.add ${get('count')} ${get('la')}))
    ;; The gain each frame needs (1 past the end of the input).
    (local.set $k (i32.const 0))
    (block $reqDone (loop $req
      (br_if $reqDone (i32.ge_u ${get('k')} ${get('len')}))
      (local.set $j (i32.add ${get('start')} ${get('k')}))
      (local.set $p (select
        (f64.promote_f32 ${f32at(L.env, `(i32.sub (i32.shr_u ${get('j')} ${get('shift')}) ${get('envBase')})`)})
        (f64.const 0)
        (i32.lt_u ${get('j')} ${get('frames')})))
      ;; One envelope value covers 2^shift frames: divide only when it changes.
      (if (f64.ne ${get('p')} ${get('lastP')}) (then
        (local.set $lastP ${get('p')})
        (local.set $lastR (f32.demote_f64 (select (f64.div ${get('limit')} ${get('p')}) (f64.const 1) (f64.gt ${get('p')} ${get('limit')}))))))
      (f32.store offset=${L.req} (i32.shl ${get('k')} (i32.const 2)) ${get('lastR')})
      (local.set $k (i32.add ${get('k')} (i32.const 1)))
      (br $req)))
    ;; Minimum over [k, k + la]: prefix and suffix minima within blocks of w (van Herk / Gil-Werman).
    (local.set $b (i32.const 0))
    (block $blocksDone (loop $blocks
      (br_if $blocksDone (i32.ge_u ${get('b')} ${get('len')}))
      (local.set $e (i32.add ${get('b')} ${get('w')}))
      (if (i32.gt_u ${get('e')} ${get('len')}) (then (local.set $e ${get('len')})))
      (local.set $m (f64.const 1))
      (local.set $k ${get('b')})
      (block $preDone (loop $pre
        (br_if $preDone (i32.ge_u ${get('k')} ${get('e')}))
        (local.set $r (f64.promote_f32 ${f32at(L.req, get('k'))}))
        (local.set $m ${min(get('r'), get('m'))})
        ${f32to(L.pre, get('k'), get('m'))}
        (local.set $k (i32.add ${get('k')} (i32.const 1)))
        (br $pre)))
      (local.set $m (f64.const 1))
      (local.set $k ${get('e')})
      (block $sufDone (loop $suf
        (br_if $sufDone (i32.le_s ${get('k')} ${get('b')}))
        (local.set $k (i32.sub ${get('k')} (i32.const 1)))
        (local.set $r (f64.promote_f32 ${f32at(L.req, get('k'))}))
        (local.set $m ${min(get('r'), get('m'))})
        ${f32to(L.suf, get('k'), get('m'))}
        (br $suf)))
      (local.set $b ${get('e')})
      (br $blocks)))
    ;; A box average of the minimum, and the release.
    (local.set $slot ${get('slot0')}) (local.set $sum ${get('sum0')}) (local.set $prev ${get('prev0')})
    (local.set $k (i32.const 0))
    (block $outDone (loop $outs
      (br_if $outDone (i32.ge_u ${get('k')} ${get('count')}))
      (local.set $a (f64.promote_f32 ${f32at(L.suf, get('k'))}))
      (local.set $c (f64.promote_f32 ${f32at(L.pre, `(i32.add ${get('k')} ${get('la')})`)}))
      (local.set $m ${min(get('a'), get('c'))})
      (if (i32.eqz ${get('started')}) (then
        (local.set $started (i32.const 1))
        ;; Before the start the average sees the first window's minimum.
        (local.set $j (i32.const 0))
        (block $fillDone (loop $fill
          (br_if $fillDone (i32.ge_u ${get('j')} ${get('w')}))
          ${f32to(L.ring, get('j'), get('m'))}
          (local.set $j (i32.add ${get('j')} (i32.const 1)))
          (br $fill)))
        (local.set $sum (f64.mul ${get('wf')} ${get('m')}))))
      (local.set $sum (f64.add ${get('sum')} (f64.sub ${get('m')} (f64.promote_f32 ${f32at(L.ring, get('slot'))}))))
      ${f32to(L.ring, get('slot'), get('m'))}
      (local.set $slot (select (i32.const 0) (i32.add ${get('slot')} (i32.const 1)) (i32.eq (i32.add ${get('slot')} (i32.const 1)) ${get('w')})))
      (local.set $a (f64.div ${get('sum')} ${get('wf')}))
      (local.set $c (f64.add ${get('prev')} (f64.mul (f64.sub (f64.const 1) ${get('prev')}) ${get('alpha')})))
      (local.set $g ${min(get('a'), get('c'))})
      (local.set $prev ${get('g')})
      (local.set $v (f32.demote_f64 (f64.mul ${get('g')} ${get('inputGain')})))
      (f32.store offset=${L.out} (i32.shl ${get('k')} (i32.const 2)) ${get('v')})
      ;; From measureFrom on: the deepest multiplier written, and how many are under busyBelow.
      (if (i32.ge_u ${get('k')} ${get('measureFrom')}) (then
        (local.set $least (select ${get('v')} ${get('least')} (f32.lt ${get('v')} ${get('least')})))
        (local.set $busy (i32.add ${get('busy')} (f64.lt (f64.promote_f32 ${get('v')}) ${get('busyBelow')})))))
      (local.set $k (i32.add ${get('k')} (i32.const 1)))
      (br $outs)))
    (global.set $slot ${get('slot')}) (global.set $sum ${get('sum')}) (global.set $prev ${get('prev')})
    (global.set $least (f64.promote_f32 ${get('least')})) (global.set $busy ${get('busy')})))
`;
}

export function limiterModuleSource(): Promise<string> {
  return kernelFile({
    generator: 'scripts/wasm-limiter.ts',
    name: 'limiterWasm',
    wat: limiterWat(),
    constants: [`export const limiterLayout = ${JSON.stringify(L)} as const;`],
  });
}
