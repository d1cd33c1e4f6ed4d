// `mixdesk analyze` and `mixdesk master`: the engine from the command line.
import { mkdir, writeFile } from 'node:fs/promises';
import { warmUp } from './parallel.js';
import { analyzeAudioFile, analyzeFile } from './analyze-file.js';
import { MATCHING_FRAMES } from './analysis/spectrum.js';
import { tonalDistance } from './analysis/tonal-distance.js';

/** A CD's sample rate. */
import { defaultPreset, presetIds, type PresetDef } from './presets.js';
import { checkMasterable, DEFAULT_MASTER_MAX_MINUTES } from './master-limits.js';
import { destinationChecks } from './destinations.js';
import { defaultFormat } from './formats.js';
import { NothingToMasterError } from './master.js';
import type { AudioData } from './types.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analysisText,
  AudioFileError,
  extensionOf,
  guessStemRole,
  isOutputFormat,
  isStemRole,
  masterFile,
  mixdown,
  stemRoles,
  type StemInput,
  isPreset,
  master,
  outputFormats,
  presets,
  readAudioFile,
  reportPng,
  reportText,
  writeAudioFile,
  normalIsrc,
} from './index.js';

/** A usage mistake: printed as is, exit code 2. */
export class UsageError extends Error {}

function number(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new UsageError(`--${name} expects a number from ${min} to ${max}, got "${raw}"`);
  return v;
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * `--target -14` as `--target=-14`: node's parseArgs takes a value that starts with "-" for an
 * option of its own ("argument is ambiguous"), and negative numbers are what loudness and gain
 * options take.
 */
function negativeValuesJoined(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([\w-]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

/** parseArgs, with negative numbers accepted after a space. */
function parse<O extends Options>(args: string[], options: O) {
  return parseArgs({ args: negativeValuesJoined(args, options), allowPositionals: true, options });
}

export async function analyzeCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('usage: mixdesk analyze FILE [--json]');
  const file = positionals[0]!;
  // Streamed: memory follows a piece of the file, whatever its length.
  const a = await analyzeAudioFile(file);
  out(values.json ? JSON.stringify(a, null, 2) : analysisText(a, path.basename(file)));
  return 0;
}

/**
 * `mixdesk compare A B`: how far B's tonal balance is from A's (third-octave, mid signal, each
 * relative to its own level), the bands that differ most, and their loudness — so anyone can
 * measure what reference matching closes.
 */
export async function compareCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 2) throw new UsageError('usage: mixdesk compare A B [--json]   (e.g. your master against the reference)');
  const [fileA, fileB] = positionals as [string, string];
  // Streamed, one after the other: memory follows a piece of a file, whatever their length.
  // The spectrum over MATCHING_FRAMES: the measure the matching is judged by.
  const measured = (file: string) => analyzeFile({ path: file, name: path.basename(file), limits: {}, spectrumFrames: MATCHING_FRAMES });
  const a = await measured(fileA);
  const b = await measured(fileB);
  const d = tonalDistance(a.spectrum, b.spectrum, Math.min(a.format.sampleRate, b.format.sampleRate) / 2);
  const loudness = { a: a.loudness.integratedLufs, b: b.loudness.integratedLufs };
  if (values.json) {
    out(JSON.stringify({ a: fileA, b: fileB, tonalDistanceDb: Math.round(d.rmsDb * 100) / 100, bands: d.bands, integratedLufs: loudness }, null, 2));
    return 0;
  }
  const [nameA, nameB] = [path.basename(fileA), path.basename(fileB)];
  const largest = [...d.bands].sort((x, y) => Math.abs(y.diffDb) - Math.abs(x.diffDb)).slice(0, 5);
  const hz = (f: number) => (f >= 1000 ? `${(f / 1000).toFixed(f >= 10000 ? 0 : 1)} kHz` : `${Math.round(f)} Hz`);
  const signed = (v: number) => `${v > -0.05 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
  out(
    [
      `Tonal distance ${nameA} → ${nameB}: ${d.rmsDb.toFixed(2)} dB RMS over ${d.bands.length} third-octave bands (${hz(d.bands[0]!.hz)}–${hz(d.bands.at(-1)!.hz)}, mid signal, each relative to its own level).`,
      `Largest differences (${nameB} against ${nameA}): ${largest.map((x) => `${hz(x.hz)} ${signed(x.diffDb)} dB`).join(', ')}.`,
      `Loudness: ${nameA} ${loudness.a} LUFS, ${nameB} ${loudness.b} LUFS (${nameB} ${signed(loudness.b - loudness.a)} LU).`,
    ].join('\n'),
  );
  return 0;
}

/** Runs `work` on the audio of `file`; what the engine cannot master is reported as that file's problem. */
function named<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof NothingToMasterError) throw new AudioFileError(path.basename(file), e.problem);
    throw e;
  }
}

/** MASTER_MAX_MINUTES from the environment (the engine's commands read no other configuration). */
function masterMaxMinutes(): number {
  const raw = process.env.MASTER_MAX_MINUTES;
  if (raw === undefined || raw === '') return DEFAULT_MASTER_MAX_MINUTES;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1 || v > 600) throw new UsageError(`MASTER_MAX_MINUTES expects a whole number of minutes from 1 to 600, got "${raw}"`);
  return v;
}

export async function masterCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    target: { type: 'string' },
    ceiling: { type: 'string' },
    preset: { type: 'string' },
    reference: { type: 'string' },
    'match-loudness': { type: 'boolean' },
    intensity: { type: 'string' },
    format: { type: 'string' },
    title: { type: 'string' },
    artist: { type: 'string' },
    isrc: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1 || !values.output) {
    throw new UsageError(
      `usage: mixdesk master IN -o OUT [--target LUFS] [--ceiling dBTP] [--preset ${presetIds.join('|')}] [--reference REF [--match-loudness]] [--intensity 0..1] [--format ${outputFormats.join('|')}] [--title T] [--artist A] [--isrc CC-XXX-YY-NNNNN] [--year YYYY]`,
    );
  }
  const isrc = values.isrc === undefined ? undefined : normalIsrc(values.isrc);
  if (isrc === null)
    throw new UsageError(`--isrc expects an ISRC such as GB-ABC-26-00001 (2 letters, 3 letters or digits, 2 digits, 5 digits), got "${values.isrc}"`);
  const year = number('year', values.year, 1900, 2100);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year expects a year such as 2026, got "${values.year}"`);
  if (values['match-loudness'] && !values.reference) throw new UsageError('--match-loudness takes the loudness of the --reference track: give one');
  if (values['match-loudness'] && values.target !== undefined) throw new UsageError('--match-loudness and --target both set the loudness: give one of them');
  const preset = values.preset ?? defaultPreset;
  if (!isPreset(preset)) throw new UsageError(`--preset expects one of ${Object.keys(presets).join(', ')}, got "${preset}"`);
  // The CD preset makes a CD master: 44.1 kHz, 16-bit with dither (unless a format is asked for).
  const format = values.format ?? (presets[preset] as PresetDef).defaultFormat ?? defaultFormat;
  if (!isOutputFormat(format)) throw new UsageError(`--format expects one of ${outputFormats.join(', ')}, got "${format}"`);
  const targetLufs = number('target', values.target, -40, -3);
  const ceilingDbtp = number('ceiling', values.ceiling, -10, 0);
  const intensity = number('intensity', values.intensity, 0, 1);
  const input = positionals[0]!;
  let output = values.output;
  if (!path.extname(output)) output = `${output}.${extensionOf[format]}`;
  // The helper thread boots while the file is read, so it is ready when mastering starts.
  warmUp('mp3TruePeak');
  // Too long, too short or silent is found reading in pieces, before the whole song is in memory.
  const maxSeconds = masterMaxMinutes() * 60;
  await checkMasterable(input, path.basename(input), maxSeconds);
  if (values.reference) await checkMasterable(values.reference, path.basename(values.reference), maxSeconds);
  const audio = await readAudioFile(input);
  const reference = values.reference ? await readAudioFile(values.reference) : undefined;
  const showProgress = process.stderr.isTTY;
  // The lossy check (an MP3 of the loudest stretches) starts on the helper thread as soon as the
  // master's samples are final: while this thread makes the closing analysis and writes the file.
  let checking: Promise<string[]> | undefined;
  const startChecks = (final: AudioData) => {
    checking = destinationChecks(preset, final, [format]);
    checking.catch(() => undefined); // awaited below, after the audio
  };
  const result = named(input, () =>
    master(audio, {
      inPlace: true,
      onFinal: startChecks,
      preset,
      ...(targetLufs !== undefined ? { targetLufs } : {}),
      ...(ceilingDbtp !== undefined ? { ceilingDbtp } : {}),
      ...(intensity !== undefined ? { intensity } : {}),
      ...(reference ? { reference, ...(values['match-loudness'] ? { matchLoudness: true } : {}) } : {}),
      ...(showProgress ? { progress: (stage: string, f: number) => err(`\r${stage} ${Math.round(f * 100)}%   `) } : {}),
    }),
  );
  if (showProgress) err('\r');
  // The release's tags, and the loudness just measured for the BWF chunk.
  const tags = {
    ...(values.title ? { title: values.title } : {}),
    ...(values.artist ? { artist: values.artist } : {}),
    ...(isrc ? { isrc } : {}),
    ...(year ? { year } : {}),
    loudness: { integratedLufs: result.after.loudness.integratedLufs, truePeakDbtp: result.after.peaks.truePeakDbtp, lraLu: result.after.loudness.rangeLu },
  };
  if (!checking) startChecks(result.audio);
  // The picture is drawn between the file's pieces (its PNG compressed on libuv's thread pool)
  // while the check finishes on the helper.
  const picture = reportPng(result, path.basename(input));
  picture.catch(() => undefined); // awaited below; should the check fail first, that error is the one reported
  await writeAudioFile(output, result.audio, format, tags);
  const checks = await checking!;
  const png = output.replace(/\.[^.]+$/, '') + '-report.png';
  await writeFile(png, await picture);
  if (values.json) {
    out(
      JSON.stringify(
        {
          output,
          report: png,
          settings: result.settings,
          targetMet: result.targetMet,
          warnings: result.warnings,
          destinationChecks: checks,
          chain: result.chain,
          before: { ...result.before, shortTermLufs: undefined },
          after: { ...result.after, shortTermLufs: undefined },
        },
        null,
        2,
      ),
    );
  } else {
    out(`${reportText(result, path.basename(input), checks)}\n\nWrote ${output} (${format}) and ${png}`);
  }
  return 0;
}

export function isEngineError(e: unknown): e is AudioFileError | UsageError {
  return e instanceof AudioFileError || e instanceof UsageError;
}

/** `mixdesk mixdown STEMS... -o DIR`: the full mix, instrumental and a cappella from stems. */
export async function mixdownCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    balance: { type: 'string' },
    format: { type: 'string' },
    title: { type: 'string' },
    role: { type: 'string', multiple: true },
    gain: { type: 'string', multiple: true },
    pan: { type: 'string', multiple: true },
    master: { type: 'boolean' },
    target: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!positionals.length || !values.output) {
    throw new UsageError(
      `usage: mixdesk mixdown STEMS... -o DIR [--balance auto|flat] [--format ${outputFormats.join('|')}] [--title NAME] [--role FILE=ROLE] [--gain FILE=dB] [--pan FILE=-1..1] [--master [--target LUFS]]`,
    );
  }
  const balance = values.balance ?? 'auto';
  if (balance !== 'auto' && balance !== 'flat') throw new UsageError(`--balance expects auto or flat, got "${balance}"`);
  const format = values.format ?? defaultFormat;
  if (!isOutputFormat(format)) throw new UsageError(`--format expects one of ${outputFormats.join(', ')}, got "${format}"`);
  const perStem = (opt: string, list: string[] | undefined) => {
    const m = new Map<string, string>();
    for (const item of list ?? []) {
      const eq = item.lastIndexOf('=');
      if (eq < 1) throw new UsageError(`--${opt} expects FILE=VALUE, got "${item}"`);
      m.set(path.basename(item.slice(0, eq)), item.slice(eq + 1));
    }
    return m;
  };
  const roles = perStem('role', values.role);
  const gains = perStem('gain', values.gain);
  const pans = perStem('pan', values.pan);
  const stems: StemInput[] = positionals.map((p) => {
    const name = path.basename(p);
    const role = roles.get(name) ?? guessStemRole(name);
    if (!isStemRole(role)) throw new UsageError(`--role for ${name} expects one of ${stemRoles.join(', ')}, got "${role}"`);
    const gain = number('gain', gains.get(name), -60, 24);
    const pan = number('pan', pans.get(name), -1, 1);
    return { path: p, name, role, ...(gain !== undefined ? { gainDb: gain } : {}), ...(pan !== undefined ? { pan } : {}) };
  });
  const targetLufs = number('target', values.target, -40, -3);
  await mkdir(values.output, { recursive: true });
  const report = await mixdown(stems, values.output, {
    balance,
    format,
    ...(values.title ? { title: values.title } : {}),
    ...(process.stderr.isTTY ? { progress: (s: string, f: number) => err(`\r${s} ${Math.round(f * 100)}%   `) } : {}),
  });
  if (process.stderr.isTTY) err('\r');
  const mastered: string[] = [];
  const masteredOf = (file: string) => file.replace(/(\.[^.]+)$/, ' (master)$1');
  let partsLoudness: { name: string; integratedLufs: number; truePeakDbtp: number }[] = [];
  if (values.master && report.outputs.full) {
    // The full mix is mastered; the instrumental and a cappella go through its very chain, so
    // they still add up to the master (a studio's instrumental nulls against its full master).
    const parts = [report.outputs.instrumental, report.outputs.acappella].filter((f): f is string => Boolean(f));
    const full = masteredOf(report.outputs.full);
    const summary = await masterFile({
      input: report.outputs.full,
      name: path.basename(report.outputs.full),
      outputs: [{ path: full, format }],
      reportPng: full.replace(/\.[^.]+$/, '-report.png'),
      options: { ...(targetLufs !== undefined ? { targetLufs } : {}) },
      parts: parts.map((p) => ({ input: p, name: path.basename(p), outputs: [{ path: masteredOf(p), format }] })),
    });
    mastered.push(full, ...parts.map(masteredOf));
    partsLoudness = summary.parts;
  }
  if (values.json) {
    out(JSON.stringify({ ...report, mastered, partsLoudness }, null, 2));
    return 0;
  }
  const lines = [
    `Mixed ${report.stems.length} stem${report.stems.length === 1 ? '' : 's'} at ${report.sampleRate} Hz, ${report.durationSec.toFixed(1)} s (${balance} balance):`,
    ...report.stems.map(
      (s) => `  ${s.name.padEnd(28)} ${s.role.padEnd(14)} ${s.gainDb >= 0 ? '+' : ''}${s.gainDb.toFixed(1)} dB${s.pan ? `, pan ${s.pan}` : ''}`,
    ),
    ...report.skipped.map((s) => `  skipped ${s.name}: ${s.reason}`),
    ...report.warnings.map((w) => `  note: ${w}`),
    `Wrote ${[report.outputs.full, report.outputs.instrumental, report.outputs.acappella].filter(Boolean).join(', ')}`,
    ...(mastered.length ? [`Mastered ${mastered.join(', ')} (the parts with the full mix's chain: they add up to its master)`] : []),
    ...partsLoudness.map((p) => `  ${p.name}: ${p.integratedLufs} LUFS, ${p.truePeakDbtp} dBTP`),
  ];
  out(lines.join('\n'));
  return 0;
}
