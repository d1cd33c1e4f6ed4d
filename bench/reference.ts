// Reference matching, measured: the third-octave distance (mid signal, each relative to its own
// level — what `mixdesk compare` prints) between track and reference before mastering and after,
// at the default intensity and at 1, with the time it took and the true peak. Pairs made here:
// the bench's synthetic track, an EQ'd copy of it, and General MIDI songs rendered by fluidsynth.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { averageSpectrum, MATCHING_FRAMES } from '../engine/analysis/spectrum.js';
import { tonalDistance } from '../engine/analysis/tonal-distance.js';
import { highShelf, lowShelf, peaking } from '../engine/dsp/biquad.js';
import { readAudioFile } from '../engine/io/index.js';
import { master } from '../engine/master.js';
import type { AudioData } from '../engine/types.js';
import { makeTrack, throughFilters } from '../tests/helpers/music.js';
import { hasFluidsynth, renderMidi, writeSong } from '../tests/helpers/midi.js';
import { loadAverage } from './load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-reference-'));
const seconds = 30;
const fs = 48000;

async function song(name: string, bars: number, parts: Parameters<typeof writeSong>[2]): Promise<AudioData> {
  const wav = path.join(dir, `${name}.wav`);
  renderMidi(writeSong(path.join(dir, `${name}.mid`), bars, parts), wav);
  return readAudioFile(wav);
}

const copy = (a: AudioData): AudioData => ({ ...a, channels: a.channels.map((c) => Float32Array.from(c)) });
const spectrum = (a: AudioData) => averageSpectrum(a.channels, a.sampleRate, undefined, MATCHING_FRAMES);

console.log(`\nreference matching: ${seconds} s pairs, distance = third-octave RMS, 31.5 Hz – 16 kHz, mid signal (mixdesk compare); ${loadAverage()}\n`);
const synth = makeTrack(seconds, fs);
const pairs: [string, AudioData, AudioData][] = [
  ['synth → darker, fuller copy', synth, throughFilters(makeTrack(seconds, fs), [highShelf(fs, 4000, -8), peaking(fs, 1500, 6, 1.2), lowShelf(fs, 100, 5)])],
];
if (hasFluidsynth) {
  const band = await song('band', 16, ['drums', 'bass', 'keys']);
  const strings = await song('strings', 16, ['strings', 'lead', 'drums']);
  pairs.push(['synth → GM band', synth, band], ['GM band → GM strings', band, strings], ['GM strings → synth', strings, synth]);
} else console.log('fluidsynth or the GM soundfont not found: General MIDI pairs SKIPPED\n');

console.log(`${'pair'.padEnd(30)} ${'before'.padStart(7)} ${'default'.padStart(14)} ${'i=1'.padStart(14)}  true peak  time (i=1)`);
for (const [name, track, reference] of pairs) {
  const ref = spectrum(reference);
  const before = tonalDistance(spectrum(track), ref).rmsDb;
  const cells: string[] = [];
  let last = { ms: 0, tp: 0 };
  for (const intensity of [undefined, 1]) {
    const t0 = performance.now();
    const r = master(copy(track), { reference, ...(intensity !== undefined ? { intensity } : {}) });
    last = { ms: performance.now() - t0, tp: r.after.peaks.truePeakDbtp };
    const after = tonalDistance(spectrum(r.audio), ref).rmsDb;
    cells.push(`${after.toFixed(2)} (${Math.round((1 - after / before) * 100)}%)`.padStart(14));
  }
  console.log(
    `${name.padEnd(30)} ${before.toFixed(2).padStart(7)} ${cells.join(' ')}  ${last.tp.toFixed(2).padStart(6)} dBTP  ${(last.ms / 1000).toFixed(2)} s`,
  );
}
rmSync(dir, { recursive: true, force: true });
