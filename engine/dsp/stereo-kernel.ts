// The stereo WebAssembly SIMD kernels (scripts/wasm-stereo.ts): left and right run side by side in
// the lanes of one f64x2, with the same operations as the JavaScript filters. One pass at a time
// per thread (its filter state lives in the kernel's memory); null where WebAssembly SIMD is
// unavailable or MIXDESK_SIMD=0.
import type { Biquad } from './biquad.js';
import { stereoLayout as L, stereoSimd } from './stereo-simd.js';
import { loadKernel } from '../wasm.js';

interface Exports {
  memory: { buffer: ArrayBuffer };
  kweight: (count: number, size: number) => void;
  kweightGain: (start: number, count: number, size: number) => void;
  [cascade: `cascade${number}`]: (count: number, side: number) => void;
}

const kernel = (() => {
  const e = loadKernel<Exports>(stereoSimd);
  if (!e) return null;
  const mem = e.memory.buffer; // fixed size: the views stay valid
  return { e, f32: new Float32Array(mem), f64: new Float64Array(mem) };
})();

export interface StereoPassSettings {
  sections: Biquad[];
  /** DC taken off left and right on the way in. */
  offsets?: number[];
  /** The side signal's sections (the mono low end), or none. */
  side: Biquad[];
  /** K-weighting: the shelf and the high-pass (b = 1, -2, 1). */
  kStages: [Biquad, Biquad];
  /** Frames per energy segment (100 ms). */
  size: number;
}

export interface StereoPass {
  /**
   * Filters frames [from, to) of l and r in place, then measures their K-weighted energy in
   * segments of `size` frames from `from`; `segment(k, energy)` receives each (left + right).
   */
  run(l: Float32Array, r: Float32Array, from: number, to: number, segment?: (k: number, energy: number) => void): void;
}

let passes = 0;

/** Whether the stereo kernels run here (WebAssembly SIMD available and not switched off). */
export const hasStereoKernel = (): boolean => kernel !== null;

/** A stereo tone pass with fresh filter state, or null when the kernels cannot run here. */
export function stereoPass(s: StereoPassSettings): StereoPass | null {
  // Whole segments per call: at very high sample rates one 100 ms segment is more than a call holds.
  const per = Math.floor(L.CAPACITY / s.size) * s.size;
  if (!kernel || s.sections.length > L.MAX_SECTIONS || s.side.length > 2 || per === 0 || per / s.size > L.maxSegments) return null;
  const { e, f32, f64 } = kernel;
  const at = (byte: number) => byte / 8;
  f64.fill(0, at(L.offsets), at(L.kState + 6 * 16)); // coefficients and every state
  f64[at(L.offsets)] = s.offsets?.[0] ?? 0;
  f64[at(L.offsets) + 1] = s.offsets?.[1] ?? 0;
  // Each section coefficient twice (one per lane).
  s.sections.forEach((q, k) => [q.b0, q.b1, q.b2, q.a1, q.a2].forEach((c, j) => f64.fill(c, at(L.coefs + k * 80 + j * 16), at(L.coefs + k * 80 + j * 16) + 2)));
  s.side.forEach((q, k) => f64.set([q.b0, q.b1, q.b2, q.a1, q.a2], at(L.sideCoefs + k * 40)));
  const [shelf, hp] = s.kStages;
  f64.set([shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2, hp.a1, hp.a2], at(L.kCoefs));
  const cascade = e[`cascade${s.sections.length}`]!;
  const id = ++passes;
  return {
    run(l, r, from, to, segment) {
      // The state of this pass lives in the kernel's memory: a newer pass would have replaced it.
      if (id !== passes) throw new Error('another stereo pass ran on this thread in between');
      for (let a = from, k = 0; a < to; a += per) {
        const n = Math.min(per, to - a);
        f32.set(l.subarray(a, a + n), L.left / 4);
        f32.set(r.subarray(a, a + n), L.right / 4);
        cascade(n, s.side.length ? 1 : 0);
        e.kweight(n, s.size);
        l.set(f32.subarray(L.left / 4, L.left / 4 + n), a);
        r.set(f32.subarray(L.right / 4, L.right / 4 + n), a);
        if (segment) for (let j = 0; j * s.size < n; j++, k++) segment(k, f64[at(L.energies) + j]!);
      }
    },
  };
}

/**
 * The K-weighting's coefficients and a fresh state in the kernel's memory, for a measurement of
 * its own; any tone pass in progress on this thread loses its state (its next call says so).
 * Returns the measurement's pass number.
 */
function freshKWeighting(kStages: [Biquad, Biquad]): number {
  const f64 = kernel!.f64;
  f64.fill(0, L.kState / 8, L.kState / 8 + 12);
  const [shelf, hp] = kStages;
  f64.set([shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2, hp.a1, hp.a2], L.kCoefs / 8);
  return ++passes;
}

/**
 * The K-weighted energies of a stereo pair, measured only (nothing written back): segments of
 * `size` frames from `from` (left + right) into out[0 ..], up to `to`, after the filters have run
 * over [warmFrom, from) to settle. The same numbers as the JavaScript K-weighting per channel,
 * summed. False where the kernel cannot run here (the caller measures in JavaScript).
 */
export function stereoEnergies(
  l: Float32Array,
  r: Float32Array,
  kStages: [Biquad, Biquad],
  size: number,
  warmFrom: number,
  from: number,
  to: number,
  out: Float64Array,
): boolean {
  if (!kernel) return false;
  const { e, f32, f64 } = kernel;
  freshKWeighting(kStages);
  /** The energy of frames [a, b), in calls of at most the kernel's capacity. */
  const energy = (a: number, b: number) => {
    let sum = 0;
    for (let c = a; c < b; c += L.CAPACITY) {
      const n = Math.min(L.CAPACITY, b - c);
      f32.set(l.subarray(c, c + n), L.left / 4);
      f32.set(r.subarray(c, c + n), L.right / 4);
      e.kweight(n, n);
      sum += f64[L.energies / 8]!;
    }
    return sum;
  };
  energy(warmFrom, from);
  for (let a = from, k = 0; a < to && k < out.length; a += size, k++) out[k] = energy(a, Math.min(to, a + size));
  return true;
}

export interface GainedStereoMeter {
  /** Frames per `load` at most. */
  capacity: number;
  /** Frames [a, b) of l and r, and their gains g[0, b - a), into the kernel. */
  load(l: Float32Array, r: Float32Array, g: Float32Array, a: number, b: number): void;
  /** The K-weighted energy (left + right) of frames [from, to) of the loaded piece (offsets into it), the filter state carried on. */
  energy(from: number, to: number): number;
}

/**
 * K-weighted energies of a stereo pair times a gain per frame (a limiting round's loudness), with
 * fresh filter state; the same operations as the JavaScript kBlockWeighted. Null where the kernel
 * cannot run here.
 */
export function gainedStereoMeter(kStages: [Biquad, Biquad]): GainedStereoMeter | null {
  if (!kernel) return null;
  const { e, f32, f64 } = kernel;
  const id = freshKWeighting(kStages);
  return {
    capacity: L.CAPACITY,
    load(l, r, g, a, b) {
      if (id !== passes) throw new Error('another stereo pass ran on this thread in between');
      f32.set(l.subarray(a, b), L.left / 4);
      f32.set(r.subarray(a, b), L.right / 4);
      f32.set(g.subarray(0, b - a), L.gains / 4);
    },
    energy(from, to) {
      e.kweightGain(from, to - from, to - from);
      return f64[L.energies / 8]!;
    },
  };
}
