// Reference matching, measured: the third-octave distance (mid signal, each relative to its own
// level — what `mixdesk compare` prints) between track and reference before mastering and after,
// at the default intensity and at 1, with the time it took and the true peak. Pairs made here:
// the bench's synthetic track, an EQ'd copy of it, and General MIDI songs rendered by fluidsynth;
// then real recordings (singularity-music, as in real-recordings.ts) against Matchering when a
// Python that imports it is found (MATCHERING_PYTHON, default python3), on the same pairs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { averageSpectrum, MATCHING_FRAMES } from '../engine/analysis/spectrum.js';
import { tonalDistance } from '../engine/analysis/tonal-distance.js';
import { truePeak } from '../engine/analysis/truepeak.js';
import { highShelf, lowShelf, peaking } from '../engine/dsp/biquad.js';
import { readAudioFile } from '../engine/io/index.js';
import { master } from '../engine/master.js';
import { gainToDb, type AudioData } from '../engine/types.js';
import { makeTrack, throughFilters } from '../tests/helpers/music.js';
import { thirdOctaveDistance, thirdOctaveLevels } from '../tests/helpers/third-octave.js';
import { hasFluidsynth, renderMidi, writeSong } from '../tests/helpers/midi.js';
import { hasFfmpeg, timed } from './ffmpeg.js';
import { decodeExcerpt, REAL_MUSIC } from '../tests/helpers/tools.js';
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
await realPairs();
rmSync(dir, { recursive: true, force: true });

/**
 * Ten real pairs: each of the first ten singularity-music tracks matched to the next (the tenth to
 * the first), 60 s from 0:30 at 44.1 kHz (Matchering's own rate, so neither side resamples). Each
 * result is measured twice: by `mixdesk compare`'s measure and by the independent band-pass meter
 * of tests/helpers/third-octave.ts. Matchering's result is its default (limited, 24-bit) output.
 */
async function realPairs(): Promise<void> {
  if (!hasFfmpeg || !existsSync(REAL_MUSIC)) {
    console.log(`\nreal pairs: SKIPPED (${hasFfmpeg ? `${REAL_MUSIC} not found: apt-get install singularity-music` : 'ffmpeg not found'})`);
    return;
  }
  const python = process.env.MATCHERING_PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import matchering; print(matchering.__version__)'], { encoding: 'utf8' });
  const matchering = probe.status === 0 ? probe.stdout.trim() : undefined;
  const tracks = readdirSync(REAL_MUSIC)
    .filter((f) => f.endsWith('.ogg'))
    .sort()
    .slice(0, 10);
  const inputs: string[] = [];
  for (const [i, track] of tracks.entries()) {
    inputs.push(path.join(dir, `real-${i}.wav`));
    decodeExcerpt(path.join(REAL_MUSIC, track), inputs[i]!, { from: 30, seconds: 60, rate: 44100 });
  }
  console.log(
    `\nreal pairs: ${tracks.length} singularity-music tracks, each matched to the next, 60 s at 44.1 kHz; % closed by mixdesk compare's measure / by band-pass filters; ${
      matchering ? `Matchering ${matchering}` : `Matchering not found (${python} cannot import matchering; set MATCHERING_PYTHON): its column SKIPPED`
    }\n`,
  );
  console.log(
    `${'pair'.padEnd(40)} ${'before'.padStart(11)} ${'default'.padStart(10)} ${'i=1'.padStart(10)} ${'Matchering'.padStart(11)}  true peak default / Matchering`,
  );
  const tally = { n: 0, defaultAbove60: 0, beats: 0, beatsI1: 0 };
  for (const [i, track] of tracks.entries()) {
    const [trackFile, referenceFile] = [inputs[i]!, inputs[(i + 1) % inputs.length]!];
    const [audio, reference] = [await readAudioFile(trackFile), await readAudioFile(referenceFile)];
    const [refSpectrum, refBands] = [spectrum(reference), thirdOctaveLevels(reference.channels, reference.sampleRate)];
    const measure = (a: AudioData) =>
      [tonalDistance(spectrum(a), refSpectrum).rmsDb, thirdOctaveDistance(thirdOctaveLevels(a.channels, a.sampleRate), refBands)] as const;
    const before = measure(audio);
    const closed = (after: readonly [number, number]) => after.map((d, k) => Math.round((1 - d / before[k]!) * 100));
    const ours = master(copy(audio), { reference });
    const oursI1 = master(copy(audio), { reference, intensity: 1 });
    const [cDefault, cI1] = [closed(measure(ours.audio)), closed(measure(oursI1.audio))];
    let cTheirs: number[] | undefined;
    let theirsTp = '';
    if (matchering) {
      const out = path.join(dir, `matchering-${i}.wav`);
      const script = 'import sys, matchering as mg; mg.process(target=sys.argv[1], reference=sys.argv[2], results=[mg.pcm24(sys.argv[3])])';
      timed(python, ['-c', script, trackFile, referenceFile, out]);
      const theirs = await readAudioFile(out);
      cTheirs = closed(measure(theirs));
      theirsTp = `${gainToDb(Math.max(...theirs.channels.map((c) => truePeak(c)))).toFixed(2)} dBTP`;
    }
    const cell = (c: number[] | undefined) => (c ? `${c[0]}/${c[1]} %` : '–').padStart(10);
    const name = `${track.replace(/\.ogg$/, '')} → ${tracks[(i + 1) % tracks.length]!.replace(/\.ogg$/, '')}`;
    console.log(
      `${name.slice(0, 40).padEnd(40)} ${`${before[0].toFixed(2)}/${before[1].toFixed(2)}`.padStart(11)} ${cell(cDefault)} ${cell(cI1)} ${cell(cTheirs).padStart(11)}  ${ours.after.peaks.truePeakDbtp.toFixed(2)} dBTP / ${theirsTp || '–'}`,
    );
    tally.n++;
    if (Math.min(...cDefault) >= 60) tally.defaultAbove60++;
    if (cTheirs && cDefault.every((c, k) => c > cTheirs![k]!)) tally.beats++;
    if (cTheirs && cI1.every((c, k) => c > cTheirs![k]!)) tally.beatsI1++;
  }
  console.log(
    `\ndefault closes ≥ 60 % by both measures on ${tally.defaultAbove60}/${tally.n}${matchering ? `; beats Matchering by both measures on ${tally.beats}/${tally.n} (default), ${tally.beatsI1}/${tally.n} (intensity 1)` : ''}`,
  );
}
