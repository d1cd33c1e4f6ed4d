// A deterministic, music-like stereo track made in code: kick, snare and hats from shaped noise
// and sines, a bass line, chords and a lead, panned and mixed with realistic peaks and crest.
import type { AudioData } from '../../engine/types.js';
import type { Biquad } from '../../engine/dsp/biquad.js';

export function makeTrack(seconds: number, sampleRate = 48000, o: { level?: number; dc?: number; invertRight?: boolean } = {}): AudioData {
  const n = Math.round(seconds * sampleRate);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  let seed = 987654321;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296) * 2 - 1;
  const bpm = 120;
  const beat = (60 / bpm) * sampleRate;
  const chords = [
    [220, 261.63, 329.63],
    [174.61, 220, 261.63],
    [196, 246.94, 293.66],
    [164.81, 207.65, 246.94],
  ];
  const bassNotes = [55, 43.65, 49, 41.2];
  const lead = [659.25, 587.33, 523.25, 493.88, 523.25, 587.33, 659.25, 783.99];
  let snareLp = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const b = i / beat;
    const inBeat = (b % 1) * (beat / sampleRate);
    const bar = Math.floor(b / 4) % 4;
    // Kick on every beat: a falling sine with a fast decay.
    const kick = Math.sin(2 * Math.PI * (50 + 120 * Math.exp(-inBeat * 30)) * inBeat) * Math.exp(-inBeat * 8) * 0.9;
    // Snare on 2 and 4: filtered noise plus a tone.
    const isSnare = Math.floor(b) % 2 === 1;
    snareLp += 0.5 * (rand() - snareLp);
    const snare = isSnare ? (snareLp * 0.6 + Math.sin(2 * Math.PI * 190 * inBeat) * 0.3) * Math.exp(-inBeat * 18) : 0;
    // Hats on eighths.
    const inEighth = ((b * 2) % 1) * (beat / 2 / sampleRate);
    const hat = rand() * Math.exp(-inEighth * 60) * 0.18;
    const bass = Math.tanh(2 * Math.sin(2 * Math.PI * bassNotes[bar]! * t)) * 0.35 * (0.6 + 0.4 * Math.exp(-inBeat * 3));
    const chord = chords[bar]!.reduce((s, f) => s + Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t), 0) * 0.07;
    const note = lead[Math.floor(b * 2) % lead.length]!;
    const leadV = (Math.sin(2 * Math.PI * note * t) + 0.4 * Math.sin(2 * Math.PI * 2 * note * t)) * 0.12 * Math.exp(-inEighth * 4);
    const mono = kick + snare + bass;
    l[i] = mono + chord * 1.2 + hat * 0.6 + leadV * 0.7;
    r[i] = mono + chord * 0.8 + hat * 1.0 + leadV * 1.1;
  }
  const level = o.level ?? 0.45;
  for (let i = 0; i < n; i++) {
    l[i] = l[i]! * level + (o.dc ?? 0);
    r[i] = (o.invertRight ? -1 : 1) * r[i]! * level + (o.dc ?? 0);
  }
  return { sampleRate, channels: [l, r], bitDepth: 24, format: 'wav' };
}

/** How far the parts are from adding up to the whole: the energy of (sum of parts − whole) against the whole's, in dB. */
export function residualDb(whole: AudioData, parts: AudioData[]): number {
  let residual = 0;
  let energy = 0;
  whole.channels.forEach((w, c) => {
    for (let i = 0; i < w.length; i++) {
      const d = parts.reduce((sum, p) => sum + p.channels[c]![i]!, 0) - w[i]!;
      residual += d * d;
      energy += w[i]! * w[i]!;
    }
  });
  return 10 * Math.log10(residual / energy);
}

/** The same music through a cascade of biquads (a copy): a reference whose balance differs in known ways. */
export function throughFilters(a: AudioData, sections: Biquad[]): AudioData {
  return {
    ...a,
    channels: a.channels.map((ch) => {
      let x = Float32Array.from(ch);
      for (const s of sections) {
        const y = new Float32Array(x.length);
        let [x1, x2, y1, y2] = [0, 0, 0, 0];
        for (let i = 0; i < x.length; i++) {
          const v = s.b0 * x[i]! + s.b1 * x1 + s.b2 * x2 - s.a1 * y1 - s.a2 * y2;
          [x2, x1, y2, y1] = [x1, x[i]!, y1, v];
          y[i] = v;
        }
        x = y;
      }
      return x;
    }),
  };
}
