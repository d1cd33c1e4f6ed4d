// What each destination asks of a master, checked on the master as delivered: the files' sample
// rate and bit depth against what a CD plant, a distributor, Apple Digital Masters or a cutting
// engineer takes; the true peak once a lossy copy is made (MP3 at 320 kbps, as stores and
// streaming services make); and, for vinyl, what a lathe cannot cut cleanly.
import { truePeak } from './analysis/truepeak.js';
import { resample } from './dsp/resample.js';
import { formats, type OutputFormat } from './formats.js';
import { onHelper, sharedFloat32 } from './parallel.js';
import { presets, type Preset, type PresetDef } from './presets.js';
import { gainToDb, type AudioData } from './types.js';

/**
 * The lossy copy is made of the stretches around the master's highest peaks, its start and its end:
 * the codec's overshoot (it works in 26 ms frames) is local. LAME takes about 4 s for a whole
 * 4-minute master, which every delivery would wait for; these 10 half seconds take about 0.2 s.
 */
const LOSSY_STRETCHES = 8;
/**
 * After a true-peak limiter many half seconds sit at the ceiling (83 of 120 in a loud master):
 * among those this close to the highest, the ones with the most highs are taken, whose
 * quantisation overshoots most. Chosen by sample peak alone, ten real loud masters read up to
 * 0.26 dB under their whole MP3; so chosen, and with the ends, within 0.09 dB either way.
 */
const NEAR_HIGHEST_DB = 0.3;
const LOSSY_STRETCH_SECONDS = 0.5;
/** Silence between the stretches, their edges faded, so the joins add no clicks of their own. */
const JOIN_SECONDS = 0.02;
/** What the sampled stretches may read under the whole MP3's true peak. */
const LOSSY_MARGIN_DB = 0.2;
const FADE_SECONDS = 0.005;

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
 * The half seconds of the master around its highest sample peaks (one per block; of the blocks
 * near the highest, those with the most highs), and always its first and last (an MP3 overshoots
 * where the file starts or stops abruptly: 1 dB at the start of an excerpt beginning mid-music),
 * in time order, joined with short silences and faded where they were cut out of the song; the
 * whole master when it is no longer than they would be. `stretches` counts the ones around peaks.
 */
function aroundHighestPeaks(audio: AudioData, alloc: (length: number) => Float32Array = (n) => new Float32Array(n)): { piece: AudioData; stretches: number } {
  const frames = audio.channels[0]?.length ?? 0;
  const block = Math.round(LOSSY_STRETCH_SECONDS * audio.sampleRate);
  const blocks = Math.ceil(frames / block);
  if (blocks <= LOSSY_STRETCHES + 2) return { piece: audio, stretches: 0 };
  const peaks = new Float64Array(blocks);
  /** Energy of the sample-to-sample differences: the highs. */
  const highs = new Float64Array(blocks);
  for (const ch of audio.channels)
    for (let k = 0; k < blocks; k++) {
      let hi = 0;
      let lo = 0;
      let e = 0;
      const end = Math.min(frames, (k + 1) * block);
      let prev = ch[Math.max(0, k * block - 1)]!;
      for (let i = k * block; i < end; i++) {
        const v = ch[i]!;
        hi = v > hi ? v : hi;
        lo = v < lo ? v : lo;
        e += (v - prev) * (v - prev);
        prev = v;
      }
      peaks[k] = Math.max(peaks[k]!, hi, -lo);
      highs[k]! += e;
    }
  const near = Math.max(...peaks) * 10 ** (-NEAR_HIGHEST_DB / 20);
  const rank = (k: number) => (peaks[k]! >= near ? Infinity : peaks[k]!);
  const last = blocks - 1;
  const chosen = [
    0,
    ...[...peaks.keys()]
      .filter((k) => k !== 0 && k !== last)
      .sort((x, y) => rank(y) - rank(x) || highs[y]! - highs[x]!)
      .slice(0, LOSSY_STRETCHES)
      .sort((x, y) => x - y),
    last,
  ];
  const gap = Math.round(JOIN_SECONDS * audio.sampleRate);
  const fade = Math.round(FADE_SECONDS * audio.sampleRate);
  const lengthOf = (k: number) => Math.min(frames, (k + 1) * block) - k * block;
  // The master's own start opens the piece and its own end closes it; a silence between the others.
  const at: number[] = [];
  let cursor = 0;
  for (const k of chosen) {
    if (k !== 0) cursor += gap;
    at.push(cursor);
    cursor += lengthOf(k);
  }
  const channels = audio.channels.map((ch) => {
    const out = alloc(cursor);
    chosen.forEach((k, n) => {
      const part = ch.subarray(k * block, k * block + lengthOf(k));
      const from = at[n]!;
      out.set(part, from);
      for (let i = 0; i < fade && i < part.length; i++) {
        if (k !== 0) out[from + i]! *= i / fade;
        if (k !== last) out[from + part.length - 1 - i]! *= i / fade;
      }
    });
    return out;
  });
  return { piece: { sampleRate: audio.sampleRate, channels }, stretches: chosen.length - 2 };
}

/**
 * The true peak (dBTP) of an MP3 (320 kbps) made from the stretches around the master's highest
 * peaks (`stretches` 0: the whole master).
 */
export async function truePeakAfterMp3(audio: AudioData): Promise<{ dbtp: number; stretches: number }> {
  const { piece, stretches } = aroundHighestPeaks(audio);
  return { dbtp: await mp3TruePeak(piece), stretches };
}

/** The true peak (dBTP, to 0.01) of `piece` once made an MP3 at 320 kbps and decoded. */
export async function mp3TruePeak(piece: AudioData): Promise<number> {
  // Loaded when asked for: LAME and the decoder take ~45 ms to load, and the CLI's main thread
  // leaves the check to the helper.
  const { mp3SampleRates, readMp3, writeMp3 } = await import('./io/mp3.js');
  const encodable = (mp3SampleRates as readonly number[]).includes(piece.sampleRate) ? piece : resample(piece, 48000);
  const decoded = await readMp3(await writeMp3(encodable, { mode: 'cbr320' }), 'lossy check');
  return Math.round(gainToDb(Math.max(...decoded.channels.map((ch) => truePeak(ch)))) * 100) / 100;
}

/**
 * truePeakAfterMp3 with the MP3 made on the helper thread when it can take it: the stretches are
 * picked here (into shared memory), and the caller goes on while the helper encodes and decodes.
 */
async function lossyPeak(audio: AudioData): Promise<{ dbtp: number; stretches: number }> {
  const { piece, stretches } = aroundHighestPeaks(audio, sharedFloat32);
  const r = await onHelper({ op: 'mp3TruePeak', channels: piece.channels, sampleRate: piece.sampleRate }, 1);
  return { dbtp: r ? r[0]! : await mp3TruePeak(piece), stretches };
}

/**
 * The report's destination lines: the files' format, then the true peak after lossy encoding (made
 * on the helper thread when the master's samples are shared with it: start it, then write the files).
 */
export async function destinationChecks(preset: Preset, audio: AudioData, outputs: readonly OutputFormat[]): Promise<string[]> {
  const checks = formatChecks(preset, audio.sampleRate, outputs);
  const lossy = await lossyPeak(audio);
  // The stretches are a sample: on twenty real masters they read within 0.09 dB of the whole MP3's
  // true peak, either way, so a lossy copy counts as safe from 0.2 dB under 0 dBTP.
  const ok = lossy.dbtp <= -LOSSY_MARGIN_DB;
  const what = lossy.stretches ? `the start, the end and the half seconds holding the ${lossy.stretches} highest peaks` : 'the whole master';
  checks.push({
    ok,
    text: `True peak after MP3 encoding (320 kbps, ${what}): ${lossy.dbtp.toFixed(2)} dBTP${ok ? '' : `: within ${LOSSY_MARGIN_DB} dB of 0 dBTP or over it, lossy copies may clip on playback; a lower ceiling (−2 dBTP) leaves room`}`,
  });
  return [`Destination checks (${presets[preset].label}):`, ...checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.text}`)];
}
