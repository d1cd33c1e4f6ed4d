// External reference tools (ffmpeg, sox), used only by tests and benchmarks.
import { spawnSync } from 'node:child_process';

export function has(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0 || spawnSync(tool, ['-version'], { stdio: 'ignore' }).status === 0;
}

export const hasFfmpeg = has('ffmpeg');
export const hasSox = has('sox');

export function skipNotice(tool: string): void {
  console.warn(`${tool} not found: tests that compare with ${tool} are SKIPPED (CI installs it: apt-get install ffmpeg sox).`);
}

export function run(cmd: string, args: string[]): { out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { out: r.stdout, err: r.stderr };
}

/** Real recordings nobody here wrote: Debian's singularity-music (Max McCracken, CC BY-SA 3.0, 48 kHz Ogg Vorbis). */
export const REAL_MUSIC = '/usr/share/games/singularity/music';

/** `seconds` of `source` from `from`, at `rate` through ffmpeg's soxr resampler (band-limited as a real recording is), into a float WAV at `out`. */
export function decodeExcerpt(source: string, out: string, o: { from: number; seconds: number; rate: number }): void {
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    String(o.from),
    '-t',
    String(o.seconds),
    '-i',
    source,
    '-af',
    `aresample=${o.rate}:resampler=soxr:precision=28`,
    '-c:a',
    'pcm_f32le',
    out,
  ]);
}

/** ffmpeg's EBU R128 meter: integrated loudness (LUFS), loudness range (LU) and true peak (dBTP). */
export function ffmpegEbur128(file: string): { integrated: number; range: number; truePeak: number } {
  const { err } = run('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-']);
  const summary = err.slice(err.lastIndexOf('Summary:'));
  const num = (re: RegExp) => Number(re.exec(summary)?.[1]);
  return { integrated: num(/I:\s+(-?[\d.]+) LUFS/), range: num(/LRA:\s+(-?[\d.]+) LU/), truePeak: num(/Peak:\s+(-?[\d.]+|-inf) dBFS/) };
}
