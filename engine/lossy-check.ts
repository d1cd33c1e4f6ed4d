// The true peak of an MP3 made from a master, estimated from a sample of it (see destinations.ts):
// the stretches are chosen here, encoded and decoded by LAME and mpg123 (loaded when first asked
// for: ~45 ms, and the CLI's main thread leaves this to the helper thread).
import { blockPeaksAndSteps } from './analysis/stats.js';
import { truePeak } from './analysis/truepeak.js';
import { resample } from './dsp/resample.js';
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
 * 0.26 dB under their whole MP3; so chosen, and with the ends, at most 0.09 dB under (a sample
 * reads high more often: up to 0.19 dB over on a 20 s excerpt, where every block was near the top).
 */
const NEAR_HIGHEST_DB = 0.3;
const LOSSY_STRETCH_SECONDS = 0.5;
/** Silence between the stretches, their edges faded, so the joins add no clicks of their own. */
const JOIN_SECONDS = 0.02;
const FADE_SECONDS = 0.005;

/**
 * The half seconds of the master around its highest sample peaks (one per block; of the blocks
 * near the highest, those with the most highs), and always its first and last (an MP3 overshoots
 * where the file starts or stops abruptly: 1 dB at the start of an excerpt beginning mid-music),
 * in time order, joined with short silences and faded where they were cut out of the song; the
 * whole master when it is no longer than they would be. `stretches` counts the ones around peaks.
 */
function aroundHighestPeaks(audio: AudioData): { piece: AudioData; stretches: number } {
  const frames = audio.channels[0]?.length ?? 0;
  const block = Math.round(LOSSY_STRETCH_SECONDS * audio.sampleRate);
  const blocks = Math.ceil(frames / block);
  if (blocks <= LOSSY_STRETCHES + 2) return { piece: audio, stretches: 0 };
  const peaks = new Float64Array(blocks);
  /** Energy of the sample-to-sample differences: the highs. */
  const highs = new Float64Array(blocks);
  for (const ch of audio.channels) blockPeaksAndSteps(ch, block, peaks, highs);
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
    const out = new Float32Array(cursor);
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
 * The true peak (dBTP) of an MP3 (320 kbps) made from the master's start, its end and the stretches
 * around its highest peaks (`stretches` 0: from the whole master).
 */
export async function truePeakAfterMp3(audio: AudioData): Promise<{ dbtp: number; stretches: number }> {
  const { piece, stretches } = aroundHighestPeaks(audio);
  return { dbtp: await mp3TruePeak(piece), stretches };
}

/** LAME and the decoder, loaded when first needed (a thread that has to check can load them early). */
export const mp3Codecs = () => import('./io/mp3.js');

/** The true peak (dBTP, to 0.01) of `piece` once made an MP3 at 320 kbps and decoded. */
export async function mp3TruePeak(piece: AudioData): Promise<number> {
  const { mp3SampleRates, readMp3, writeMp3 } = await mp3Codecs();
  const encodable = (mp3SampleRates as readonly number[]).includes(piece.sampleRate) ? piece : resample(piece, 48000);
  const decoded = await readMp3(await writeMp3(encodable, { mode: 'cbr320' }), 'lossy check');
  return Math.round(gainToDb(Math.max(...decoded.channels.map((ch) => truePeak(ch)))) * 100) / 100;
}
