// The analysis of audio fed in consecutive pieces, for files too long to hold whole: memory follows
// the piece, not the file (a two-hour stereo file is 2.7 GB of samples; this holds a few MB).
// Every measure equals the whole-file analysis's: the meters carry their state across pieces.
import { assembleAnalysis, halfSecond, type Analysis } from './analyze.js';
import { LoudnessMeter } from './loudness.js';
import { SpectrumAccumulator } from './spectrum.js';
import { BlockPairAccumulator, ChannelScanner } from './stats.js';
import { TruePeakStream } from './truepeak.js';

export interface StreamFormat {
  container: string | null;
  sampleRate: number;
  channels: number;
  bitDepth: number | null;
  /** The length the headers announce (frames), which places the spectrum's frames; null when unknown. */
  expectedFrames: number | null;
}

export class AnalysisStream {
  private readonly loudness: LoudnessMeter;
  private readonly scanners: ChannelScanner[];
  private readonly peaks: TruePeakStream[];
  private readonly pairs: BlockPairAccumulator;
  private readonly spectrum: SpectrumAccumulator;
  private frames = 0;

  /** `spectrumFrames`: how many frames the spectrum reads (the analysis's 128 unless said; MATCHING_FRAMES to measure a tonal distance). */
  constructor(
    private readonly format: StreamFormat,
    spectrumFrames?: number,
  ) {
    const { channels, sampleRate } = format;
    this.loudness = new LoudnessMeter(channels, sampleRate);
    this.scanners = Array.from({ length: channels }, () => new ChannelScanner());
    this.peaks = Array.from({ length: channels }, () => new TruePeakStream());
    this.pairs = new BlockPairAccumulator(halfSecond(sampleRate));
    this.spectrum = new SpectrumAccumulator(channels, sampleRate, format.expectedFrames, undefined, spectrumFrames);
  }

  get framesSeen(): number {
    return this.frames;
  }

  /** The next piece: one array per channel, all the same length. */
  add(piece: Float32Array[]): void {
    const n = piece[0]?.length ?? 0;
    if (piece.length !== this.format.channels || piece.some((ch) => ch.length !== n))
      throw new Error('a piece needs one array per channel, all the same length');
    this.loudness.add(piece, 0, n);
    piece.forEach((ch, c) => {
      this.scanners[c]!.add(ch);
      this.peaks[c]!.add(ch);
    });
    if (piece.length >= 2) this.pairs.add(piece[0]!, piece[1]!);
    this.spectrum.add(piece);
    this.frames += n;
  }

  result(): Analysis {
    const { container, sampleRate, channels, bitDepth } = this.format;
    return assembleAnalysis({
      format: { container, sampleRate, channels, bitDepth },
      frames: this.frames,
      loudness: this.loudness.result(),
      stats: this.scanners.map((s) => s.result()),
      pairs: this.pairs.result(),
      truePeak: Math.max(...this.peaks.map((p) => p.result())),
      spectrum: this.spectrum.result(),
    });
  }
}
