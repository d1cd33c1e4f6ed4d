// Writes engine/io/pcm-wasm.ts: float samples to little-endian integer PCM (16, 24 or 32-bit, the
// channels interleaved) with the TPDF dither of engine/io/wav.ts's putInts — the same xorshift32
// steps, the same rounding, so the same bytes — and 16 or 24-bit PCM back to floats (reading a
// WAV). Scalar WebAssembly; `npm run wasm`.
import { fileURLToPath } from 'node:url';
import { kernelFile } from './wasm-assemble.js';

export const target = fileURLToPath(new URL('../engine/io/pcm-wasm.ts', import.meta.url));

/** Frames per call at most, and the memory layout (bytes): two channels of floats, then the bytes. */
export const pcmLayout = (() => {
  const CAPACITY = 65536;
  const left = 0;
  const right = left + CAPACITY * 4;
  const out = right + CAPACITY * 4;
  const end = out + CAPACITY * 2 * 4 + 4; // + 4: the last 24-bit sample is stored as 4 bytes
  return { CAPACITY, left, right, out, pages: Math.ceil(end / 65536) };
})();

const L = pcmLayout;

/**
 * pcm<bits>[d](frames, channels): the floats of channel 0 (and 1) to `bits`-bit integers,
 * interleaved at out; with d, dither from the states in the globals s0 (and s1). A stereo pair runs
 * both channels in one loop, so the two generators' dependency chains overlap.
 */
function encodeFunc(bits: 16 | 24 | 32, dither: boolean): string {
  const bytes = bits / 8;
  const scale = 2 ** (bits - 1);
  /** One sample of channel c: from its float at $p to its bytes at $o + c * bytes, generator $s<c>. */
  const sample = (c: 0 | 1) => {
    const v = `$v${c}`,
      s = `$s${c}`,
      q = `$q${c}`;
    const step = (shift: number, op: 'shl' | 'shr_u') => `(local.set ${s} (i32.xor (local.get ${s}) (i32.${op} (local.get ${s}) (i32.const ${shift}))))`;
    // One store per sample: 24-bit samples as 4 bytes whose top byte the next sample's store (or
    // nothing that is read: the layout has room after the last) overwrites.
    const stores = `(${bytes === 2 ? 'i32.store16' : 'i32.store'} offset=${L.out + c * bytes} align=1 (local.get $o) (local.get ${q}))`;
    return `
        (local.set ${v} (f64.mul (f64.promote_f32 (f32.load offset=${c ? L.right : L.left} (local.get $p))) (f64.const ${scale})))
        ${
          dither
            ? `${step(13, 'shl')} ${step(17, 'shr_u')} ${step(5, 'shl')}
        ;; ((s & 0xffff) - (s >>> 16)) / 65536, as a multiplication (exact: a power of two).
        (local.set ${v} (f64.add (local.get ${v}) (f64.mul (f64.convert_i32_s (i32.sub (i32.and (local.get ${s}) (i32.const 0xffff)) (i32.shr_u (local.get ${s}) (i32.const 16)))) (f64.const 0.0000152587890625))))`
            : ''
        }
        ;; floor(v + 0.5), clamped to the integer range (NaN becomes 0, as a typed-array store makes it).
        ;; (select, not f64.min/max: those handle NaN and -0 with a longer sequence of instructions)
        (local.set ${v} (f64.floor (f64.add (local.get ${v}) (f64.const 0.5))))
        (local.set ${q} (i32.trunc_sat_f64_s
          (select (f64.const ${scale - 1}) (select (f64.const ${-scale}) (local.get ${v}) (f64.lt (local.get ${v}) (f64.const ${-scale}))) (f64.gt (local.get ${v}) (f64.const ${scale - 1})))))
        ${stores}`;
  };
  const loop = (channels: 1 | 2) => `
      (block $done${channels} (loop $next${channels}
        (br_if $done${channels} (i32.ge_u (local.get $p) (local.get $end)))
        ${sample(0)}${channels === 2 ? sample(1) : ''}
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $o (i32.add (local.get $o) (i32.const ${channels * bytes})))
        (br $next${channels})))`;
  // 24-bit without dither (the usual master) four frames at a time first; the scalar loop takes the rest.
  const simd = bits === 24 && !dither;
  return `
  (func (export "pcm${bits}${dither ? 'd' : ''}") (param $frames i32) (param $channels i32)
    (local $p i32) (local $end i32) (local $o i32) (local $s0 i32) (local $s1 i32) (local $v0 f64) (local $v1 f64) (local $q0 i32) (local $q1 i32)
    (local $l v128) (local $r v128)
    (local.set $s0 (global.get $s0))
    (local.set $s1 (global.get $s1))
    ${
      simd
        ? `(local.set $end (i32.shl (i32.and (local.get $frames) (i32.const -4)) (i32.const 2)))
    (if (i32.eq (local.get $channels) (i32.const 2)) (then ${simd24(2)}) (else ${simd24(1)}))`
        : ''
    }
    (local.set $end (i32.shl (local.get $frames) (i32.const 2)))
    (if (i32.eq (local.get $channels) (i32.const 2)) (then ${loop(2)}) (else ${loop(1)}))
    (global.set $s0 (local.get $s0))
    (global.set $s1 (local.get $s1)))`;
}

/**
 * Four floats to 24-bit integers as the scalar loop makes them: in double precision, floor(v + 0.5),
 * clamped (NaN stays NaN through pmin/pmax and truncates to 0, as there).
 */
function quantize24(v: string): string {
  const scale = 2 ** 23;
  const half = (lanes: string) => `(i32x4.trunc_sat_f64x2_s_zero
      (f64x2.pmax (f64x2.pmin (f64x2.floor (f64x2.add (f64x2.mul ${lanes} (f64x2.splat (f64.const ${scale}))) (f64x2.splat (f64.const 0.5))))
        (f64x2.splat (f64.const ${scale - 1}))) (f64x2.splat (f64.const ${-scale}))))`;
  const lo = `(f64x2.promote_low_f32x4 ${v})`;
  const hi = `(f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v}))`;
  return `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 ${half(lo)} ${half(hi)})`;
}

/** The three low bytes of each of four integers, packed into the first twelve bytes. */
const pack24 = (q: string) => `(i8x16.swizzle ${q} (v128.const i8x16 0 1 2 4 5 6 8 9 10 12 13 14 15 15 15 15))`;

/**
 * The 24-bit loop four frames a time (a 16-byte store writes 12 bytes of samples, and 4 that the
 * next store, or nothing that is read, overwrites: the layout has room after the last).
 */
function simd24(channels: 1 | 2): string {
  const loadAt = (offset: number) => `(v128.load offset=${offset} (local.get $p))`;
  const body =
    channels === 1
      ? `(v128.store offset=${L.out} align=1 (local.get $o) ${pack24(quantize24(loadAt(L.left)))})`
      : `(local.set $l ${quantize24(loadAt(L.left))})
        (local.set $r ${quantize24(loadAt(L.right))})
        (v128.store offset=${L.out} align=1 (local.get $o) ${pack24('(i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $l) (local.get $r))')})
        (v128.store offset=${L.out + 12} align=1 (local.get $o) ${pack24('(i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $l) (local.get $r))')})`;
  return `
      (block $simdDone${channels} (loop $simd${channels}
        (br_if $simdDone${channels} (i32.ge_u (local.get $p) (local.get $end)))
        ${body}
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $o (i32.add (local.get $o) (i32.const ${channels * 12})))
        (br $simd${channels})))`;
}

/**
 * from<bits>(frames, step): the other way, one channel of integer PCM (16 or 24-bit, the bytes at out,
 * a sample every `step` bytes) to floats at left. Integers of 24 bits or fewer and a power-of-two
 * scale are exact in single precision: the floats JavaScript's double-precision loop stores.
 */
function decodeFunc(bits: 16 | 24): string {
  // A 24-bit sample is read as 4 bytes (the layout has room after the last) and shifted into place.
  const sample = bits === 16 ? '(i32.load16_s align=1 (local.get $p))' : '(i32.shr_s (i32.shl (i32.load align=1 (local.get $p)) (i32.const 8)) (i32.const 8))';
  return `
  (func (export "from${bits}") (param $frames i32) (param $step i32)
    (local $p i32) (local $o i32) (local $end i32)
    (local.set $p (i32.const ${L.out}))
    (local.set $o (i32.const ${L.left}))
    (local.set $end (i32.add (local.get $o) (i32.shl (local.get $frames) (i32.const 2))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      (f32.store (local.get $o) (f32.mul (f32.convert_i32_s ${sample}) (f32.const ${2 ** -(bits - 1)})))
      (local.set $p (i32.add (local.get $p) (local.get $step)))
      (local.set $o (i32.add (local.get $o) (i32.const 4)))
      (br $next))))`;
}

export function pcmWat(): string {
  return `(module
  (memory (export "memory") ${L.pages})
  (global $s0 (export "s0") (mut i32) (i32.const 0))
  (global $s1 (export "s1") (mut i32) (i32.const 0))
  ${([16, 24, 32] as const).flatMap((bits) => [encodeFunc(bits, false), encodeFunc(bits, true)]).join('\n')}
  ${decodeFunc(16)}
  ${decodeFunc(24)})
`;
}

export function pcmModuleSource(): Promise<string> {
  return kernelFile({
    generator: 'scripts/wasm-pcm.ts',
    name: 'pcmWasm',
    wat: pcmWat(),
    constants: [`export const pcmLayout = ${JSON.stringify(L)} as const;`],
  });
}
