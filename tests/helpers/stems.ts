// Generated stems for the mixing estimate: parts on a 120 BPM grid that can be played off it,
// recorded (hiss between phrases) or programmed (digital silence), raw (hits of very different
// strength) or already compressed, and exported from a later start.
import type { AudioData } from '../../engine/types.js';

export type StemPart = 'drums' | 'bass' | 'vocal' | 'keys';

export interface StemSpec {
  part: StemPart;
  seconds?: number;
  /** Standard deviation of each note's distance from the grid (ms). */
  jitterMs?: number;
  /** Microphone/amp hiss under everything (dBFS RMS); none: programmed, digital silence. */
  hissDb?: number;
  /** Notes of very different strength (raw) rather than even and soft-clipped (compressed). */
  raw?: boolean;
  /** Silence before the part starts (s): a stem exported from a different point. */
  offsetSec?: number;
  seed?: number;
  sampleRate?: number;
}

/** A small deterministic PRNG (mulberry32): the same stems every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const STEP = 0.125; // 16th notes at 120 BPM

interface Note {
  at: number;
  length: number;
  gain: number;
  freq: number;
}

function notesOf(part: StemPart, seconds: number): Omit<Note, 'gain'>[] {
  const notes: Omit<Note, 'gain'>[] = [];
  const every = part === 'drums' ? 2 : part === 'vocal' ? 2 : 4; // 8ths, 8ths, quarters (in 16ths)
  for (let k = 4; k * STEP < seconds - 1; k += every) {
    // The voice breathes: two bars sung, one bar rest.
    if (part === 'vocal' && Math.floor(k / 16) % 3 === 2) continue;
    const length = part === 'drums' ? 0.12 : part === 'vocal' ? STEP * every - 0.03 : STEP * every * 0.9;
    const freq = part === 'bass' ? 55 * 2 ** ((k % 5) / 12) : part === 'keys' ? 262 * 2 ** ((k % 7) / 12) : 220 * 2 ** ((k % 4) / 12);
    notes.push({ at: k * STEP, length, freq });
  }
  return notes;
}

export function makeStem(spec: StemSpec): AudioData {
  const sampleRate = spec.sampleRate ?? 48000;
  const seconds = spec.seconds ?? 30;
  const rand = random(spec.seed ?? 7);
  const offset = spec.offsetSec ?? 0;
  const out = new Float32Array(Math.round((seconds + offset) * sampleRate));
  for (const n of notesOf(spec.part, seconds)) {
    const at = n.at + offset + ((spec.jitterMs ?? 0) / 1000) * gaussian(rand);
    const gain = spec.raw ? 0.05 + 0.85 * rand() ** 2 : 0.5;
    const start = Math.max(0, Math.round(at * sampleRate));
    const len = Math.round(n.length * sampleRate);
    for (let i = 0; i < len && start + i < out.length; i++) {
      const t = i / sampleRate;
      let v: number;
      if (spec.part === 'drums') {
        // A hit: a falling sine thump and a burst of noise, both dying away fast.
        v = Math.exp(-t / 0.03) * (0.6 * Math.sin(2 * Math.PI * (60 + 120 * Math.exp(-t / 0.02)) * t) + 0.5 * (rand() * 2 - 1));
      } else {
        const attack = Math.min(1, t / 0.005) * Math.min(1, (n.length - t) / 0.01);
        const vibrato = spec.part === 'vocal' ? 1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * t) : 1;
        const phase = 2 * Math.PI * n.freq * vibrato * t;
        v = attack * (0.6 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase));
      }
      out[start + i]! += gain * v;
    }
  }
  if (!spec.raw) for (let i = 0; i < out.length; i++) out[i] = Math.tanh(2 * out[i]!) * 0.6;
  if (spec.hissDb !== undefined) {
    const hiss = 10 ** (spec.hissDb / 20) * Math.sqrt(3);
    for (let i = 0; i < out.length; i++) out[i]! += hiss * (rand() * 2 - 1);
  }
  return { sampleRate, channels: [out] };
}
