// Stems to the three renders a mix comes back as: the full mix, the instrumental (no vocals) and
// the a cappella (vocals only). Streaming: every stem is read block by block side by side, so
// memory stays flat however many stems there are and however long they run; stems in another
// format or rate are first converted (one at a time) to a temporary float WAV.
import { mixdownNoteText, skipText, type MixdownNote, type SkipReason } from './mixdown-notes.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoudnessMeter } from './analysis/loudness.js';
import { resample } from './dsp/resample.js';
import { AudioFileError, readAudioFile, writeAudioFile, extensionOf, type OutputFormat } from './io/index.js';
import { WavReader, WavWriter } from './io/wav-stream.js';
import { dbToGain, gainToDb, type Progress } from './types.js';

export const stemRoles = ['lead-vocal', 'backing-vocal', 'drums', 'bass', 'keys', 'guitars', 'fx', 'other'] as const;
export type StemRole = (typeof stemRoles)[number];
export const isVocal = (r: StemRole) => r === 'lead-vocal' || r === 'backing-vocal';

export function isStemRole(v: string): v is StemRole {
  return (stemRoles as readonly string[]).includes(v);
}

const guesses: [StemRole, RegExp][] = [
  ['backing-vocal', /(backing|bvs?|bgv|harmon|choir|double|adlib|ad-lib|gang)/],
  ['lead-vocal', /(lead ?vo|vocals?|vox|voc|voice|sing|rap|verse|hook|lyric)/],
  ['drums', /(drum|kick|snare|hat|hh|tom|cymbal|overhead|oh\b|perc|clap|room|loop|beat)/],
  ['bass', /(bass|sub|808)/],
  ['guitars', /(gtr|guitar|acoustic|strat|tele)/],
  ['keys', /(key|piano|pno|rhodes|organ|synth|pad|string|str\b|lead|arp|pluck|brass|horn)/],
  ['fx', /(fx|sfx|riser|sweep|impact|noise|atmo|ambien)/],
];

/** A first guess from the file name; the artist or engineer confirms or changes it. */
export function guessStemRole(fileName: string): StemRole {
  const n = fileName
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[_-]+/g, ' ');
  return guesses.find(([, re]) => re.test(n))?.[0] ?? 'other';
}

/** Where each role sits in a balanced starting mix (integrated LUFS of the stem on its own). */
const roleLoudness: Record<StemRole, number> = { 'lead-vocal': -18, 'backing-vocal': -24, drums: -20, bass: -22, keys: -25, guitars: -24, fx: -30, other: -25 };

export interface StemInput {
  path: string;
  name: string;
  role: StemRole;
  /** The engineer's gain on top of the balance (dB). */
  gainDb?: number;
  /** -1 (left) … 1 (right). */
  pan?: number;
}

export interface MixdownOptions {
  balance?: 'auto' | 'flat';
  /** Defaults to the rate most stems have. */
  sampleRate?: number;
  format?: OutputFormat;
  /** Output names start with this (default "mix"). */
  title?: string;
  /** The full mix peaks here (dBFS); the other renders get the same gain, so they still add up. */
  peakDbfs?: number;
  progress?: Progress;
}

export interface MixdownReport {
  sampleRate: number;
  durationSec: number;
  stems: { name: string; role: StemRole; gainDb: number; pan: number; durationSec: number; loudnessLufs: number | null; padded: boolean }[];
  /** Left out of the mix, and why (`reason` in English, `why` as a code the service words). */
  skipped: { name: string; reason: string; why: SkipReason }[];
  /** What was noticed, in English (the command line); `notes` holds the same as codes. */
  warnings: string[];
  notes: MixdownNote[];
  outputs: { full: string; instrumental: string | null; acappella: string | null };
  /** The gain that set the headroom (applied to all three renders). */
  outputGainDb: number;
}

const BLOCK = 32768;

interface Source {
  stem: StemInput;
  reader: WavReader;
  gain: number;
  gl: number;
  gr: number;
  loudness: number | null;
}

async function openStem(stem: StemInput, rate: number | undefined, work: string): Promise<WavReader> {
  try {
    const r = await WavReader.open(stem.path, stem.name);
    if (rate === undefined || r.sampleRate === rate) return r;
    await r.close();
  } catch (err) {
    if (!(err instanceof AudioFileError) || !/not a WAV file/.test(err.problem)) throw err;
  }
  // Another format or rate: decoded (and resampled) once, to a float WAV read like the rest.
  let audio = await readAudioFile(stem.path);
  if (rate !== undefined && audio.sampleRate !== rate) audio = resample(audio, rate);
  const temp = path.join(work, `${Math.random().toString(36).slice(2)}.wav`);
  await writeAudioFile(temp, audio, 'wav32f');
  return WavReader.open(temp, stem.name);
}

async function probeRate(stem: StemInput): Promise<number | undefined> {
  try {
    const r = await WavReader.open(stem.path, stem.name);
    await r.close();
    return r.sampleRate;
  } catch {
    return undefined;
  }
}

export async function mixdown(stems: StemInput[], outDir: string, o: MixdownOptions = {}): Promise<MixdownReport> {
  const progress = o.progress ?? (() => undefined);
  const work = await mkdtemp(path.join(tmpdir(), 'mixdesk-mixdown-'));
  const skipped: MixdownReport['skipped'] = [];
  const skip = (name: string, why: SkipReason) => skipped.push({ name, reason: skipText(why), why });
  const notes: MixdownNote[] = [];
  const sources: Source[] = [];
  try {
    // The session rate: the one most stems have (others are converted, and said so).
    const rates = new Map<number, number>();
    for (const s of stems) {
      const r = await probeRate(s);
      if (r) rates.set(r, (rates.get(r) ?? 0) + 1);
    }
    const rate = o.sampleRate ?? [...rates.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 48000;

    for (const stem of stems) {
      let reader: WavReader;
      try {
        const probed = await probeRate(stem);
        reader = await openStem(stem, rate, work);
        if (probed !== undefined && probed !== rate) notes.push({ code: 'stem-resampled', stem: stem.name, fromHz: probed, toHz: rate });
      } catch (err) {
        if (!(err instanceof AudioFileError)) throw err;
        skip(stem.name, { code: 'unreadable', problem: err.problem, ...(err.said ? { said: err.said } : {}) });
        continue;
      }
      if (reader.frames === 0) {
        await reader.close();
        skip(stem.name, { code: 'empty' });
        continue;
      }
      if (reader.channels > 2) {
        await reader.close();
        skip(stem.name, { code: 'channels', channels: reader.channels });
        continue;
      }
      const pan = Math.max(-1, Math.min(1, stem.pan ?? 0));
      // Mono: constant-power pan (-3 dB each side in the centre). Stereo: balance.
      const [gl, gr] =
        reader.channels === 1 ? [Math.cos(((pan + 1) * Math.PI) / 4), Math.sin(((pan + 1) * Math.PI) / 4)] : [pan > 0 ? 1 - pan : 1, pan < 0 ? 1 + pan : 1];
      sources.push({ stem: { ...stem, pan }, reader, gain: dbToGain(stem.gainDb ?? 0), gl, gr, loudness: null });
    }
    if (!sources.length) throw new AudioFileError('stems', 'none of the stems could be read, so there is nothing to mix', { code: 'no-stems-readable' });
    const frames = Math.max(...sources.map((s) => s.reader.frames));
    const blocks = Math.ceil(frames / BLOCK);
    const buf = [new Float32Array(BLOCK), new Float32Array(BLOCK)];

    // Pass 1 (auto balance): each stem's loudness, block by block.
    if ((o.balance ?? 'auto') === 'auto') {
      for (const [k, s] of sources.entries()) {
        const meter = new LoudnessMeter(s.reader.channels, rate);
        const chans = buf.slice(0, s.reader.channels);
        for (let b = 0; b < Math.ceil(s.reader.frames / BLOCK); b++) {
          const n = await s.reader.read(b * BLOCK, BLOCK, chans);
          meter.add(chans, 0, n);
        }
        const lufs = meter.result().integrated;
        if (Number.isFinite(lufs)) {
          s.loudness = lufs;
          s.gain *= dbToGain(Math.max(-24, Math.min(24, roleLoudness[s.stem.role] - lufs)));
        } else notes.push({ code: 'stem-silent', stem: s.stem.name });
        progress('balance', (k + 1) / sources.length);
      }
    }
    for (const s of sources)
      if (s.reader.frames < frames) notes.push({ code: 'stem-padded', stem: s.stem.name, seconds: ((frames - s.reader.frames) / rate).toFixed(2) });

    // Pass 2: the sums, written as float (no clipping), with the full mix's peak tracked.
    const hasVocals = sources.some((s) => isVocal(s.stem.role));
    const hasInstruments = sources.some((s) => !isVocal(s.stem.role));
    const vox = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const inst = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const full = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const float = { bits: 32 as const, float: true };
    const raw = { full: path.join(work, 'full.wav'), instrumental: path.join(work, 'instrumental.wav'), acappella: path.join(work, 'acappella.wav') };
    const writers = {
      full: await WavWriter.create(raw.full, rate, 2, float),
      instrumental: await WavWriter.create(raw.instrumental, rate, 2, float),
      acappella: await WavWriter.create(raw.acappella, rate, 2, float),
    };
    let peak = 0;
    for (let b = 0; b < blocks; b++) {
      const count = Math.min(BLOCK, frames - b * BLOCK);
      for (const a of [...vox, ...inst]) a.fill(0);
      for (const s of sources) {
        const chans = buf.slice(0, s.reader.channels);
        await s.reader.read(b * BLOCK, count, chans);
        const [l, r] = s.reader.channels === 1 ? [buf[0]!, buf[0]!] : [buf[0]!, buf[1]!];
        const [dl, dr] = isVocal(s.stem.role) ? vox : inst;
        const gl = s.gain * s.gl,
          gr = s.gain * s.gr;
        for (let i = 0; i < count; i++) {
          dl![i]! += l[i]! * gl;
          dr![i]! += r[i]! * gr;
        }
      }
      for (let c = 0; c < 2; c++) {
        for (let i = 0; i < count; i++) {
          const v = vox[c]![i]! + inst[c]![i]!;
          full[c]![i] = v;
          const a = v < 0 ? -v : v;
          if (a > peak) peak = a;
        }
      }
      await writers.full.write(full, count);
      await writers.instrumental.write(inst, count);
      await writers.acappella.write(vox, count);
      progress('mix', (b + 1) / blocks);
    }
    await Promise.all(Object.values(writers).map((w) => w.close()));
    for (const s of sources) await s.reader.close();

    // Pass 3: headroom — one gain for all three, so instrumental + a cappella still equal the full mix.
    const target = dbToGain(o.peakDbfs ?? -6);
    const g = peak > 0 ? target / peak : 1;
    const format = o.format ?? 'wav24';
    const title = (o.title ?? 'mix').replace(/[\\/:*?"<>|]+/g, '_');
    const outputs: MixdownReport['outputs'] = { full: '', instrumental: null, acappella: null };
    const renders = [
      ['full', 'full mix'],
      ...(hasInstruments ? [['instrumental', 'instrumental']] : []),
      ...(hasVocals ? [['acappella', 'a cappella']] : []),
    ] as [keyof typeof raw, string][];
    for (const [key, label] of renders) {
      const out = path.join(outDir, `${title} - ${label}.${extensionOf[format]}`);
      await scaled(raw[key], out, g, format);
      outputs[key] = out;
    }
    if (!hasVocals) notes.push({ code: 'no-vocals' });
    if (!hasInstruments) notes.push({ code: 'no-instruments' });
    progress('write', 1);
    return {
      sampleRate: rate,
      durationSec: frames / rate,
      stems: sources.map((s) => ({
        name: s.stem.name,
        role: s.stem.role,
        gainDb: Number(gainToDb(s.gain * g).toFixed(2)),
        pan: s.stem.pan ?? 0,
        durationSec: s.reader.frames / rate,
        loudnessLufs: s.loudness,
        padded: s.reader.frames < frames,
      })),
      skipped,
      warnings: notes.map(mixdownNoteText),
      notes,
      outputs,
      outputGainDb: Number(gainToDb(g).toFixed(2)),
    };
  } finally {
    for (const s of sources) await s.reader.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

/** Copies a float WAV to `out` in `format`, times `g`: block by block for WAV, whole for the rest. */
async function scaled(from: string, out: string, g: number, format: OutputFormat): Promise<void> {
  const wav = { wav16: { bits: 16 as const, dither: true }, wav24: { bits: 24 as const, dither: true }, wav32f: { bits: 32 as const, float: true } }[
    format as 'wav16'
  ];
  if (!wav) {
    const audio = await readAudioFile(from);
    for (const ch of audio.channels) for (let i = 0; i < ch.length; i++) ch[i]! *= g;
    await writeAudioFile(out, { ...audio, bitDepth: 32 }, format);
    return;
  }
  const r = await WavReader.open(from, path.basename(from));
  const w = await WavWriter.create(out, r.sampleRate, r.channels, wav);
  const block = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  try {
    for (let f = 0; f < r.frames; f += BLOCK) {
      const n = await r.read(f, BLOCK, block);
      for (const ch of block) for (let i = 0; i < n; i++) ch[i]! *= g;
      await w.write(block, n);
    }
  } finally {
    await w.close();
    await r.close();
  }
}
