// Test signals made in the test (EBU Tech 3341/3342 style): sines by segments of level and length.

export interface Segment {
  /** Peak level of the sine in dBFS (= stereo loudness in LUFS for 1 kHz). */
  db: number;
  seconds: number;
}

/** Stereo 1 kHz sine in segments of constant level, phase continuous. */
export function sineSegments(sampleRate: number, segments: Segment[], freq = 1000): Float32Array[] {
  const total = Math.round(segments.reduce((s, g) => s + g.seconds * sampleRate, 0));
  const ch = new Float32Array(total);
  let i = 0;
  for (const g of segments) {
    const amp = 10 ** (g.db / 20);
    for (const end = i + Math.round(g.seconds * sampleRate); i < end; i++) ch[i] = amp * Math.sin((2 * Math.PI * freq * i) / sampleRate);
  }
  return [ch, ch.slice()];
}

/** A sine at a fraction of the sample rate with a phase offset, faded in and out over 0.5 s. */
export function truePeakSine(sampleRate: number, fractionOfFs: number, phaseDeg: number, peak: number, seconds = 3): Float32Array[] {
  const n = Math.round(seconds * sampleRate);
  const fade = Math.round(0.5 * sampleRate);
  const ch = new Float32Array(n);
  const phase = (phaseDeg * Math.PI) / 180;
  for (let i = 0; i < n; i++) {
    const edge = Math.min(1, i / fade, (n - 1 - i) / fade);
    const env = Math.sin((Math.PI / 2) * edge) ** 2;
    ch[i] = peak * env * Math.sin(2 * Math.PI * fractionOfFs * i + phase);
  }
  return [ch, ch.slice()];
}
