// A General MIDI song written in the test (drums, bass, piano chords, strings, lead) and rendered
// by fluidsynth with Debian's FluidR3 GM soundfont: real instrument samples to master and mix.
// Tests that need it skip with a clear message where fluidsynth or the soundfont are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';

export const soundfont = ['/usr/share/sounds/sf2/FluidR3_GM.sf2', '/usr/share/sounds/sf2/default-GM.sf2'].find((f) => existsSync(f));
export const hasFluidsynth = spawnSync('fluidsynth', ['--version'], { stdio: 'ignore' }).status === 0 && soundfont !== undefined;

export function fluidsynthNotice(): void {
  console.warn(
    'fluidsynth or the GM soundfont not found: tests on General MIDI material are SKIPPED (CI installs them: apt-get install fluidsynth fluid-soundfont-gm).',
  );
}

interface NoteEvent {
  tick: number;
  bytes: number[];
}

const TPQ = 480;

function vlq(n: number): number[] {
  const out = [n & 0x7f];
  while ((n >>= 7)) out.unshift((n & 0x7f) | 0x80);
  return out;
}

function track(events: NoteEvent[]): Buffer {
  const sorted = [...events].sort((a, b) => a.tick - b.tick || (a.bytes[0]! & 0xf0) - (b.bytes[0]! & 0xf0));
  const data: number[] = [];
  let last = 0;
  for (const e of sorted) {
    data.push(...vlq(e.tick - last), ...e.bytes);
    last = e.tick;
  }
  data.push(0, 0xff, 0x2f, 0);
  const head = Buffer.from('MTrk');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([head, len, Buffer.from(data)]);
}

export type Part = 'drums' | 'bass' | 'keys' | 'strings' | 'lead';

/** A song of `bars` bars at 100 bpm; `parts` chooses the instruments (one MIDI file per stem). */
export function gmSong(bars: number, parts: readonly Part[] = ['drums', 'bass', 'keys', 'strings', 'lead']): Buffer {
  const ev: NoteEvent[] = [{ tick: 0, bytes: [0xff, 0x51, 3, 0x09, 0x27, 0xc0] }]; // 600,000 µs per beat = 100 bpm
  const note = (ch: number, tick: number, len: number, key: number, vel: number) => {
    ev.push({ tick, bytes: [0x90 | ch, key, vel] }, { tick: tick + len, bytes: [0x80 | ch, key, 0] });
  };
  const program = (ch: number, p: number) => ev.push({ tick: 0, bytes: [0xc0 | ch, p] });
  const chords = [
    [57, 60, 64],
    [53, 57, 60],
    [48, 52, 55],
    [55, 59, 62],
  ]; // Am F C G
  const roots = [45, 41, 36, 43];
  const melody = [76, 74, 72, 71, 72, 74, 76, 79];
  if (parts.includes('bass')) program(0, 33);
  if (parts.includes('keys')) program(1, 0);
  if (parts.includes('strings')) program(2, 48);
  if (parts.includes('lead')) program(3, 81);
  for (let bar = 0; bar < bars; bar++) {
    const t0 = bar * 4 * TPQ;
    const c = bar % 4;
    for (let beat = 0; beat < 4; beat++) {
      const t = t0 + beat * TPQ;
      if (parts.includes('drums')) {
        note(9, t, 100, beat % 2 === 0 ? 36 : 38, beat % 2 === 0 ? 115 : 105); // kick, snare
        note(9, t, 60, 42, 80);
        note(9, t + TPQ / 2, 60, 42, 60); // hats on eighths
      }
      if (parts.includes('bass')) note(0, t, TPQ - 40, roots[c]! + (beat === 3 ? 7 : 0), 100);
    }
    if (parts.includes('keys')) for (const k of chords[c]!) note(1, t0, 4 * TPQ - 60, k, 70);
    if (parts.includes('strings')) for (const k of chords[c]!) note(2, t0, 4 * TPQ, k - 12, 55);
    if (parts.includes('lead') && bar % 2 === 1) melody.forEach((k, i) => note(3, t0 + i * (TPQ / 2), TPQ / 2 - 30, k, 90));
  }
  const header = Buffer.alloc(14);
  header.write('MThd');
  header.writeUInt32BE(6, 4);
  header.writeUInt16BE(0, 8); // format 0: one track
  header.writeUInt16BE(1, 10);
  header.writeUInt16BE(TPQ, 12);
  return Buffer.concat([header, track(ev)]);
}

/** Renders a MIDI file to a 24-bit stereo WAV with fluidsynth (reverb and chorus off: deterministic, dry). */
export function renderMidi(midiFile: string, wavFile: string, sampleRate = 48000): void {
  const r = spawnSync(
    'fluidsynth',
    ['-ni', '-q', '-R', '0', '-C', '0', '-g', '0.6', '-r', String(sampleRate), '-O', 's24', '-T', 'wav', '-F', wavFile, soundfont!, midiFile],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`fluidsynth failed: ${r.stderr}`);
}

export function writeSong(file: string, bars: number, parts?: readonly Part[]): string {
  writeFileSync(file, gmSong(bars, parts));
  return file;
}
