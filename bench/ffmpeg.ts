// What the benchmarks run ffmpeg for: a timed command, and the two-pass loudnorm they compare with.
import { spawnSync } from 'node:child_process';

export const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

/** Runs a command and times it; throws with its stderr when it fails. */
export function timed(cmd: string, args: string[], cwd?: string): { ms: number; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, out: r.stdout, err: r.stderr };
}

/**
 * ffmpeg's loudnorm in two passes (measure, then normalise with the measurements), into `out` with
 * the output arguments given (rate, codec); linear as a mastering engineer runs it, or its dynamic
 * mode. Returns the time of both passes.
 */
export function loudnormTwoPass(input: string, out: string, o: { lufs: number; tp: number; output: string[]; dynamic?: boolean }): number {
  const target = `loudnorm=I=${o.lufs}:TP=${o.tp}:LRA=11`;
  const p1 = timed('ffmpeg', ['-hide_banner', '-nostats', '-i', input, '-af', `${target}:print_format=json`, '-f', 'null', '-']);
  const m = JSON.parse(p1.err.slice(p1.err.lastIndexOf('{'), p1.err.lastIndexOf('}') + 1)) as Record<string, string>;
  const measured = `measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}:measured_thresh=${m.input_thresh}:offset=${m.target_offset}`;
  const p2 = timed('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-y',
    '-i',
    input,
    '-af',
    `${target}:${measured}:linear=${o.dynamic ? 'false' : 'true'}`,
    ...o.output,
    out,
  ]);
  return p1.ms + p2.ms;
}
