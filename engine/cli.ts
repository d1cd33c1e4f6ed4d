// `mixdesk analyze` and `mixdesk master`: the engine from the command line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analysisText,
  analyze,
  AudioFileError,
  extensionOf,
  isOutputFormat,
  isPreset,
  master,
  outputFormats,
  presets,
  readAudioFile,
  reportPng,
  reportText,
  writeAudioFile,
} from './index.js';

/** A usage mistake: printed as is, exit code 2. */
export class UsageError extends Error {}

function number(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new UsageError(`--${name} expects a number from ${min} to ${max}, got "${raw}"`);
  return v;
}

export async function analyzeCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('usage: mixdesk analyze FILE [--json]');
  const file = positionals[0]!;
  const a = analyze(await readAudioFile(file));
  out(values.json ? JSON.stringify(a, null, 2) : analysisText(a, path.basename(file)));
  return 0;
}

export async function masterCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      target: { type: 'string' },
      ceiling: { type: 'string' },
      preset: { type: 'string' },
      reference: { type: 'string' },
      intensity: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1 || !values.output) {
    throw new UsageError('usage: mixdesk master IN -o OUT [--target LUFS] [--ceiling dBTP] [--preset streaming|loud|apple|cd] [--reference REF] [--intensity 0..1] [--format wav24|wav16|aiff24|flac24|mp3]');
  }
  const preset = values.preset ?? 'streaming';
  if (!isPreset(preset)) throw new UsageError(`--preset expects one of ${Object.keys(presets).join(', ')}, got "${preset}"`);
  const format = values.format ?? 'wav24';
  if (!isOutputFormat(format)) throw new UsageError(`--format expects one of ${outputFormats.join(', ')}, got "${format}"`);
  const targetLufs = number('target', values.target, -40, -3);
  const ceilingDbtp = number('ceiling', values.ceiling, -10, 0);
  const intensity = number('intensity', values.intensity, 0, 1);
  const input = positionals[0]!;
  let output = values.output;
  if (!path.extname(output)) output = `${output}.${extensionOf[format]}`;
  const audio = await readAudioFile(input);
  const reference = values.reference ? await readAudioFile(values.reference) : undefined;
  const showProgress = process.stderr.isTTY;
  const result = master(audio, {
    inPlace: true,
    preset,
    ...(targetLufs !== undefined ? { targetLufs } : {}),
    ...(ceilingDbtp !== undefined ? { ceilingDbtp } : {}),
    ...(intensity !== undefined ? { intensity } : {}),
    ...(reference ? { reference } : {}),
    ...(showProgress ? { progress: (stage: string, f: number) => err(`\r${stage} ${Math.round(f * 100)}%   `) } : {}),
  });
  if (showProgress) err('\r');
  await writeAudioFile(output, result.audio, format);
  const png = output.replace(/\.[^.]+$/, '') + '-report.png';
  await writeFile(png, reportPng(result, path.basename(input)));
  if (values.json) {
    out(JSON.stringify({ output, report: png, settings: result.settings, targetMet: result.targetMet, warnings: result.warnings, chain: result.chain, before: { ...result.before, shortTermLufs: undefined }, after: { ...result.after, shortTermLufs: undefined } }, null, 2));
  } else {
    out(`${reportText(result, path.basename(input))}\n\nWrote ${output} (${format}) and ${png}`);
  }
  return 0;
}

export function isEngineError(e: unknown): e is AudioFileError | UsageError {
  return e instanceof AudioFileError || e instanceof UsageError;
}
