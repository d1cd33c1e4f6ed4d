// WAV files read and written block by block, for work whose memory must not grow with the length
// or the number of files (the mixdown reads dozens of stems side by side).
import { open, type FileHandle } from 'node:fs/promises';
import { convert, FLOAT_FORMAT, type WavOptions } from './pcm-codec.js';
import { ditherSeeds, header, layout, type Layout } from './wav.js';
import { parallelEncode } from '../parallel.js';

export class WavReader {
  private constructor(
    private readonly fh: FileHandle,
    private readonly l: Layout,
    readonly name: string,
  ) {}

  static async open(file: string, name: string): Promise<WavReader> {
    const fh = await open(file, 'r');
    try {
      const { size } = await fh.stat();
      const l = await layout(
        async (offset, length) => {
          const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
          await fh.read(buf, 0, buf.length, offset);
          return buf;
        },
        size,
        name,
      );
      return new WavReader(fh, l, name);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  get sampleRate(): number {
    return this.l.fmt.sampleRate;
  }
  get channels(): number {
    return this.l.fmt.channels;
  }
  get bits(): number {
    return this.l.fmt.bits;
  }
  /** The file stores floating-point samples, which may hold non-numbers. */
  get floatSource(): boolean {
    return this.l.fmt.format === FLOAT_FORMAT;
  }
  get frames(): number {
    return Math.floor(this.l.data.size / this.l.fmt.blockAlign);
  }

  private bytes = new Uint8Array(0);

  /**
   * Frames [from, from + count) into `out` (one array per channel, at index 0); frames past the
   * end of the file are zeros. Returns how many frames came from the file.
   */
  async read(from: number, count: number, out: Float32Array[]): Promise<number> {
    const n = Math.max(0, Math.min(count, this.frames - from));
    const need = n * this.l.fmt.blockAlign;
    if (this.bytes.length < need) this.bytes = new Uint8Array(need);
    if (n > 0) {
      await this.fh.read(this.bytes, 0, need, this.l.data.offset + from * this.l.fmt.blockAlign);
      convert(this.bytes.subarray(0, need), this.l.fmt, out, 0);
    }
    for (const ch of out) ch.fill(0, n, count);
    return n;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** Appends blocks to a WAV file; the header's sizes are written at close. */
export class WavWriter {
  private frames = 0;
  private readonly seeds: Uint32Array[];
  private constructor(
    private readonly fh: FileHandle,
    private readonly sampleRate: number,
    private readonly channels: number,
    private readonly o: WavOptions,
    private readonly headerSize: number,
  ) {
    this.seeds = ditherSeeds(channels);
  }

  static async create(file: string, sampleRate: number, channels: number, o: WavOptions): Promise<WavWriter> {
    const fh = await open(file, 'w');
    const head = header({ sampleRate, channels: Array.from({ length: channels }, () => new Float32Array(0)) }, o);
    await fh.write(head);
    return new WavWriter(fh, sampleRate, channels, o, head.length);
  }

  async write(block: Float32Array[], count: number): Promise<void> {
    const bytes = new Uint8Array(count * (this.o.bits / 8) * this.channels);
    parallelEncode(block, this.o, 0, count, this.seeds, bytes);
    await this.fh.write(bytes, 0, bytes.length, this.headerSize + this.frames * (this.o.bits / 8) * this.channels);
    this.frames += count;
  }

  async close(): Promise<void> {
    const dataSize = this.frames * (this.o.bits / 8) * this.channels;
    // The real header, now that the length is known (a fake audio object of the right length).
    const head = header(
      { sampleRate: this.sampleRate, channels: Array.from({ length: this.channels }, () => ({ length: this.frames }) as Float32Array) },
      this.o,
    );
    await this.fh.write(head, 0, head.length, 0);
    if (dataSize & 1) await this.fh.write(new Uint8Array(1), 0, 1, this.headerSize + dataSize);
    await this.fh.close();
  }
}
