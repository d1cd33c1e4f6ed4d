// npm run bench, real recordings: the engine on music nobody here wrote, against ffmpeg on the same
// inputs in the same run. The set: the first ten tracks of Debian's singularity-music (Endgame:
// Singularity's soundtrack by Max McCracken, CC BY-SA 3.0, 48 kHz Ogg Vorbis), 60 s of each from
// 0:30, decoded by ffmpeg at 48 kHz and converted to 44.1 kHz (soxr): 20 inputs. For each:
// - to -14 LUFS (streaming preset): within ±0.1 LU and at or below -1 dBTP (ffmpeg's ebur128 and the
//   engine's 16x reading), against ffmpeg's two-pass loudnorm (linear) with the same targets;
// - to -9 LUFS (loud preset): within ±0.3 LU, true peak, and how much the gain moves (RMS of the
//   changes of gain from one 50 ms block to the next, above 150 Hz) against loudnorm's dynamic mode
//   asked for the same. That mode stops well short of -9 (it rides a 3 s window and will not limit
//   hard), so the engine is also measured at the loudness loudnorm reached: the same loudness, the
//   gain moving more or less.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readAudioFile, writeAudioFile } from '../engine/io/index.js';
import { master, type Preset } from '../engine/master.js';
import type { AudioData } from '../engine/types.js';
import { gainMovement } from '../tests/helpers/gain-movement.js';
import { loadAverage } from './load.js';
import { hasFfmpeg, loudnormTwoPass, timed } from './ffmpeg.js';
import { ffmpegEbur128 } from '../tests/helpers/tools.js';

const music = '/usr/share/games/singularity/music';
if (!hasFfmpeg || !existsSync(music)) {
  console.log(`\nreal recordings: SKIPPED (${hasFfmpeg ? `${music} not found: apt-get install singularity-music` : 'ffmpeg not found'})`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-real-'));

/** ffmpeg, quiet and timed. */
const ffmpeg = (args: string[]) => timed('ffmpeg', ['-hide_banner', '-nostats', ...args]);
const ebur128 = (file: string) => {
  const m = ffmpegEbur128(file);
  return { lufs: m.integrated, dbtp: m.truePeak };
};
/** Two-pass loudnorm into a float WAV at the input's rate. */
const loudnorm = (input: string, out: string, lufs: number, tp: number, rate: number, dynamic = false) =>
  loudnormTwoPass(input, out, { lufs, tp, dynamic, output: ['-ar', String(rate), '-c:a', 'pcm_f32le'] });

const tracks = readdirSync(music)
  .filter((f) => f.endsWith('.ogg'))
  .sort()
  .slice(0, 10);
console.log(`\nreal recordings: ${tracks.length} tracks of singularity-music (CC BY-SA 3.0), 60 s each at 44.1 and 48 kHz; ${loadAverage()}\n`);
console.log(
  `${'input'.padEnd(28)} ${'-14: ours'.padStart(16)} ${'loudnorm'.padStart(16)}   ${'-9 loud: ours'.padStart(20)} ${'default'.padStart(8)} ${'movement ours / dynamic'.padStart(24)} ${'dynamic reached'.padStart(16)} ${'ours there'.padStart(11)}`,
);

const reachedLufs: number[] = [];
const tally = { ours14: 0, ln14: 0, oursTp: 0, lnTp: 0, loud9: 0, default9: 0, loudTp: 0, calmer: 0, calmerThere: 0, dynTp: 0, n: 0, oursMs: 0, lnMs: 0 };
for (const track of tracks) {
  const source = path.join(dir, 'source.wav');
  ffmpeg(['-y', '-ss', '30', '-t', '60', '-i', path.join(music, track), '-c:a', 'pcm_f32le', source]);
  for (const rate of [44100, 48000]) {
    const input = path.join(dir, `in-${rate}.wav`);
    ffmpeg(['-y', '-i', source, '-af', `aresample=${rate}:resampler=soxr:precision=28`, '-c:a', 'pcm_f32le', input]);
    const audio = await readAudioFile(input);
    const copy = (): AudioData => ({ ...audio, channels: audio.channels.map((c) => Float32Array.from(c)) });

    const t0 = performance.now();
    const r14 = master(copy(), { preset: 'streaming' });
    tally.oursMs += performance.now() - t0;
    const ours14 = path.join(dir, 'ours14.wav');
    await writeAudioFile(ours14, r14.audio, 'wav32f');
    const o14 = ebur128(ours14);
    const ln14file = path.join(dir, 'ln14.wav');
    tally.lnMs += loudnorm(input, ln14file, -14, -1, rate);
    const l14 = ebur128(ln14file);

    const run9 = (preset: Preset, targetLufs = -9) => master(copy(), { preset, targetLufs });
    const r9 = run9('loud');
    const d9 = run9('streaming').after.loudness.integratedLufs;
    const ours9 = path.join(dir, 'ours9.wav');
    await writeAudioFile(ours9, r9.audio, 'wav32f');
    const o9 = ebur128(ours9);
    const dyn9 = path.join(dir, 'dyn9.wav');
    loudnorm(input, dyn9, -9, -2, rate, true);
    const moveOurs = gainMovement(audio, r9.audio);
    const moveDyn = gainMovement(audio, await readAudioFile(dyn9));
    // The same loudness as loudnorm's dynamic mode reached (ebur128's reading, to 0.1 LU).
    const reached = ebur128(dyn9);
    reachedLufs.push(reached.lufs);
    const moveThere = gainMovement(audio, run9('loud', Math.round(reached.lufs * 10) / 10).audio);

    tally.n++;
    if (Math.abs(o14.lufs + 14) <= 0.1) tally.ours14++;
    if (Math.abs(l14.lufs + 14) <= 0.1) tally.ln14++;
    if (o14.dbtp <= -1 && r14.after.peaks.truePeakDbtp <= -1) tally.oursTp++;
    if (l14.dbtp <= -1) tally.lnTp++;
    if (Math.abs(o9.lufs + 9) <= 0.3) tally.loud9++;
    if (Math.abs(d9 + 9) <= 0.3) tally.default9++;
    if (o9.dbtp <= -2 && r9.after.peaks.truePeakDbtp <= -2) tally.loudTp++;
    if (moveOurs <= moveDyn) tally.calmer++;
    if (moveThere <= moveDyn) tally.calmerThere++;
    if (reached.dbtp <= -2) tally.dynTp++;
    const cell = (m: { lufs: number; dbtp: number }) => `${m.lufs.toFixed(1)}/${m.dbtp.toFixed(1)}`.padStart(16);
    console.log(
      `${`${track.replace(/\.ogg$/, '')} ${rate / 1000}k`.slice(0, 28).padEnd(28)} ${cell(o14)} ${cell(l14)}   ${`${o9.lufs.toFixed(1)}/${o9.dbtp.toFixed(1)}${r9.targetMet ? '' : ' short'}`.padStart(20)} ${d9.toFixed(1).padStart(8)} ${`${moveOurs.toFixed(2)} / ${moveDyn.toFixed(2)} dB`.padStart(24)} ${cell(reached)} ${`${moveThere.toFixed(2)} dB`.padStart(11)}`,
    );
  }
}
console.log(`
(LUFS/dBTP by ffmpeg's ebur128)
-14 LUFS within ±0.1 LU: mixdesk ${tally.ours14}/${tally.n}, two-pass loudnorm ${tally.ln14}/${tally.n}; at or below -1 dBTP: mixdesk ${tally.oursTp}/${tally.n} (ebur128 and its own 16x reading), loudnorm ${tally.lnTp}/${tally.n}
-9 LUFS within ±0.3 LU: --preset loud ${tally.loud9}/${tally.n}, default preset ${tally.default9}/${tally.n}; loud at or below -2 dBTP ${tally.loudTp}/${tally.n}; gain moving no more than loudnorm's dynamic mode ${tally.calmer}/${tally.n}
loudnorm's dynamic mode asked for -9 LUFS, -2 dBTP reached ${Math.min(...reachedLufs).toFixed(1)} to ${Math.max(...reachedLufs).toFixed(1)} LUFS, at or below -2 dBTP ${tally.dynTp}/${tally.n}; mixdesk at the loudness it reached: gain moving no more than it ${tally.calmerThere}/${tally.n}
time to -14 LUFS, all inputs: mixdesk engine ${(tally.oursMs / 1000).toFixed(2)} s, two-pass loudnorm ${(tally.lnMs / 1000).toFixed(2)} s (${(tally.lnMs / tally.oursMs).toFixed(1)}x)`);
rmSync(dir, { recursive: true, force: true });
