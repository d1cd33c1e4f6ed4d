// A song's outline for a listening page: for each column of time, the lowest and the highest sample
// of any channel, in 8 bits (−127…127, as audiowaveform and peaks.js keep them). Drawn from these,
// a page shows a 30-minute file as fast as a 3-minute one. Columns start a few samples wide and
// neighbours are merged whenever there are twice as many as wanted, so any length ends with between
// `columns` and twice as many, read in one pass without trusting a header's length, in memory that
// does not grow with the file.

export interface Waveform {
  /** How long the audio is. */
  seconds: number;
  /** Lowest and highest of each column, interleaved: [min0, max0, min1, max1, …], each −127…127. */
  peaks: number[];
}

/** About how many columns a waveform has (between this and twice as many). */
export const WAVEFORM_COLUMNS = 1000;

const quantize = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 127);

export class WaveformMeter {
  /** Samples per column now; doubled with each merge. */
  private per = 32;
  private readonly mins: number[] = [];
  private readonly maxs: number[] = [];
  private low = Infinity;
  private high = -Infinity;
  /** Samples in the column being filled. */
  private filled = 0;
  private frames = 0;

  constructor(
    private readonly sampleRate: number,
    private readonly columns = WAVEFORM_COLUMNS,
  ) {}

  add(piece: readonly Float32Array[]): void {
    const n = piece[0]?.length ?? 0;
    let i = 0;
    while (i < n) {
      const end = Math.min(n, i + (this.per - this.filled));
      let low = this.low;
      let high = this.high;
      for (const ch of piece) {
        for (let k = i; k < end; k++) {
          const v = ch[k]!;
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
      this.low = low;
      this.high = high;
      this.filled += end - i;
      this.frames += end - i;
      i = end;
      if (this.filled === this.per) this.close();
    }
  }

  private close(): void {
    this.mins.push(this.low);
    this.maxs.push(this.high);
    this.low = Infinity;
    this.high = -Infinity;
    this.filled = 0;
    if (this.mins.length >= 2 * this.columns) this.merge();
  }

  /** Each pair of columns becomes one: half as many, each twice as wide. */
  private merge(): void {
    const half = this.mins.length >> 1;
    for (let c = 0; c < half; c++) {
      this.mins[c] = Math.min(this.mins[2 * c]!, this.mins[2 * c + 1]!);
      this.maxs[c] = Math.max(this.maxs[2 * c]!, this.maxs[2 * c + 1]!);
    }
    this.mins.length = half;
    this.maxs.length = half;
    this.per *= 2;
  }

  result(): Waveform {
    const mins = [...this.mins];
    const maxs = [...this.maxs];
    // The last, partly filled column still shows what it holds.
    if (this.filled > 0) {
      mins.push(this.low);
      maxs.push(this.high);
    }
    const peaks: number[] = [];
    for (let c = 0; c < mins.length; c++) peaks.push(quantize(mins[c]!), quantize(maxs[c]!));
    return { seconds: this.frames / this.sampleRate, peaks };
  }
}

/** The outline of audio held in memory. */
export function waveformOf(audio: { sampleRate: number; channels: readonly Float32Array[] }, columns = WAVEFORM_COLUMNS): Waveform {
  const meter = new WaveformMeter(audio.sampleRate, columns);
  meter.add(audio.channels);
  return meter.result();
}
