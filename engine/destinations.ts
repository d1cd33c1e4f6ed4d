// What each destination asks of a master, checked on the master as delivered: the files' sample
// rate and bit depth against what a CD plant, a distributor, Apple Digital Masters or a cutting
// engineer takes; the true peak once a lossy copy is made (MP3 at 320 kbps, as stores and
// streaming services make); and, for vinyl, what a lathe cannot cut cleanly.
import { formats, type OutputFormat } from './formats.js';
import { truePeakAfterMp3 } from './lossy-check.js';
import { isShared, onHelper } from './parallel.js';
import { presets, type Preset, type PresetDef } from './presets.js';
import type { AudioData } from './types.js';

/** What the sampled stretches may read under the whole MP3's true peak. */
const LOSSY_MARGIN_DB = 0.2;

export interface DestinationCheck {
  ok: boolean;
  text: string;
}

const rateText = (hz: number) => `${hz / 1000} kHz`;

/** Each delivered file's sample rate and bit depth against what the preset's destination takes. */
export function formatChecks(preset: Preset, sampleRate: number, outputs: readonly OutputFormat[]): DestinationCheck[] {
  const { destination }: PresetDef = presets[preset];
  return [...new Set(outputs)].map((f) => {
    const spec = formats[f];
    const what = `${spec.label}, ${rateText(sampleRate)}`;
    if (spec.bits === 0) return { ok: false, text: `${what}: a lossy file; ${destination.takers} want a lossless one (WAV, AIFF or FLAC)` };
    const ok = destination.accepts(spec.bits, sampleRate);
    return { ok, text: `${what}: ${ok ? destination.yes : destination.no}` };
  });
}

/**
 * truePeakAfterMp3 on the helper thread when it can take it (the master's samples are shared with
 * it): the stretches are picked there too, so the caller goes straight on to write the files.
 */
async function lossyPeak(audio: AudioData): Promise<{ dbtp: number; stretches: number }> {
  if (!audio.channels.every(isShared)) return truePeakAfterMp3(audio);
  // A helper that failed or died leaves the check to this thread: the master is not lost to it.
  const r = await onHelper({ op: 'mp3TruePeak', channels: audio.channels, sampleRate: audio.sampleRate }, 2).catch(() => null);
  return r ? { dbtp: r[0]!, stretches: r[1]! } : truePeakAfterMp3(audio);
}

/**
 * The report's destination lines: the files' format, then the true peak after lossy encoding (made
 * on the helper thread when the master's samples are shared with it: start it, then write the files).
 */
export async function destinationChecks(preset: Preset, audio: AudioData, outputs: readonly OutputFormat[]): Promise<string[]> {
  const checks = formatChecks(preset, audio.sampleRate, outputs);
  const lossy = await lossyPeak(audio);
  // The stretches are a sample: on twenty real masters they read at most 0.09 dB under the whole
  // MP3's true peak, so a lossy copy counts as safe from 0.2 dB under 0 dBTP.
  const ok = lossy.dbtp <= -LOSSY_MARGIN_DB;
  const what = lossy.stretches ? `the start, the end and the half seconds holding the ${lossy.stretches} highest peaks` : 'the whole master';
  checks.push({
    ok,
    text: `True peak after MP3 encoding (320 kbps, ${what}): ${lossy.dbtp.toFixed(2)} dBTP${ok ? '' : `: within ${LOSSY_MARGIN_DB} dB of 0 dBTP or over it, lossy copies may clip on playback; a lower ceiling (−2 dBTP) leaves room`}`,
  });
  return [`Destination checks (${presets[preset].label}):`, ...checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.text}`)];
}
