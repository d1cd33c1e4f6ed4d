// npm run bench: the mastering engine against ffmpeg, measured in the same run on the same file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeAudio } from '../engine/index.js';
import { makeTrack } from '../tests/helpers/music.js';
import { loadAverage } from './load.js';
import { hasFfmpeg, loudnormTwoPass, timed as timedIn } from './ffmpeg.js';
import { ffmpegEbur128 } from '../tests/helpers/tools.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const timed = (cmd: string, args: string[]) => timedIn(cmd, args, root);
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-'));
const seconds = 240;

function ebur128(file: string): string {
  const m = ffmpegEbur128(file);
  return `${m.integrated.toFixed(1)} LUFS, ${m.truePeak.toFixed(1)} dBTP`;
}

const input = path.join(dir, 'track.wav');
writeFileSync(input, await encodeAudio(makeTrack(seconds, 48000), 'wav24'));
console.log(`mixdesk engine benchmark: ${seconds} s, 48 kHz, 24-bit stereo (made by the bench), ${process.arch}, node ${process.version}, ${loadAverage()}\n`);

const once = (file: string, out: string) => {
  const r = timed(process.execPath, ['bench/master-once.mjs', file, out]);
  return {
    wall: r.ms,
    ...(JSON.parse(r.out.trim().split('\n').pop()!) as {
      masterMs: number;
      totalMs: number;
      decodeMs: number;
      encodeMs: number;
      maxRssMB: number;
      lufs: number;
      dbtp: number;
    }),
  };
};
// Each measurement is taken `runs` times, the contenders taking turns, and the best time counts:
// this machine is shared, and a single run moves by ±20 % under a neighbour's load.
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = Math.max(1, Number(runsArg?.slice('--runs='.length) ?? 3) || 3);
const best = new Map<string, number>();
const keep = (name: string, ms: number) => best.set(name, Math.min(best.get(name) ?? Infinity, ms));
let ours = once(input, path.join(dir, 'ours.wav'));
let loudnormOut = '';
for (let r = 0; r < runs; r++) {
  const o = r === 0 ? ours : once(input, path.join(dir, 'ours.wav'));
  if (o.totalMs < ours.totalMs) ours = o;
  // The production CLI is the build (npm run build); the development one runs the sources through tsx.
  keep('cli', timed(process.execPath, ['dist/cli.js', 'master', input, '-o', path.join(dir, 'cli.wav')]).ms);
  keep('dev', timed(process.execPath, ['--import', 'tsx', 'cli.ts', 'master', input, '-o', path.join(dir, 'dev.wav')]).ms);
  if (hasFfmpeg) {
    loudnormOut = path.join(dir, 'loudnorm.wav');
    keep('loudnorm', loudnormTwoPass(input, loudnormOut, { lufs: -14, tp: -1, output: ['-ar', '48000', '-c:a', 'pcm_s24le'] }));
    keep(
      'simple',
      timed('ffmpeg', [
        '-hide_banner',
        '-y',
        '-i',
        input,
        '-af',
        'highpass=f=25,acompressor,alimiter=limit=0.89',
        '-c:a',
        'pcm_s24le',
        path.join(dir, 'simple.wav'),
      ]).ms,
    );
  }
}
const cli = { ms: best.get('cli')! };
const devCli = { ms: best.get('dev')! };
console.log(`best of ${runs} runs each (--runs=N to change)\n`);

const rows: [string, number, string][] = [
  ['mixdesk master (built CLI, incl. report PNG)', cli.ms, hasFfmpeg ? ebur128(path.join(dir, 'cli.wav')) : ''],
  ['mixdesk master (from sources via tsx)', devCli.ms, ''],
  ['mixdesk engine only (decode+master+encode)', ours.totalMs, `${ours.lufs} LUFS, ${ours.dbtp} dBTP (own meter)`],
];
let loudnorm = NaN;
let simple = NaN;
if (hasFfmpeg) {
  loudnorm = best.get('loudnorm')!;
  rows.push(['ffmpeg loudnorm, two passes', loudnorm, ebur128(loudnormOut)]);
  simple = best.get('simple')!;
  rows.push(['ffmpeg highpass,acompressor,alimiter', simple, ebur128(path.join(dir, 'simple.wav'))]);
} else {
  console.log('ffmpeg not found: ffmpeg comparisons SKIPPED (apt-get install ffmpeg)\n');
}

for (const [name, ms, result] of rows) {
  console.log(`${name.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${(seconds / (ms / 1000)).toFixed(0).padStart(4)}x realtime  ${result}`);
}
console.log(
  `\nmixdesk stages: decode ${(ours.decodeMs / 1000).toFixed(2)} s, master ${(ours.masterMs / 1000).toFixed(2)} s, encode ${(ours.encodeMs / 1000).toFixed(2)} s; peak RSS ${ours.maxRssMB.toFixed(0)} MB`,
);
if (hasFfmpeg) {
  console.log(`ratio two-pass loudnorm / mixdesk CLI:   ${(loudnorm / cli.ms).toFixed(2)}x (target ≥ 6x, issue 33.7)`);
  console.log(`ratio simple ffmpeg chain / mixdesk CLI: ${(simple / cli.ms).toFixed(2)}x (target ≥ 1x)`);
}

if (!process.argv.includes('--quick')) {
  const long = path.join(dir, 'long.wav');
  writeFileSync(long, await encodeAudio(makeTrack(600, 48000), 'wav24'));
  const l = once(long, path.join(dir, 'long-out.wav'));
  console.log(`10-minute track: ${(l.totalMs / 1000).toFixed(2)} s, peak RSS ${l.maxRssMB.toFixed(0)} MB (target < 400 MB)`);
}
rmSync(dir, { recursive: true, force: true });
