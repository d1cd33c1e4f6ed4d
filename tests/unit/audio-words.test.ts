// What the engine says about a file or a mixdown reaches the artist in their language (issue 29.5):
// problems and mixdown notes are codes with numbers, worded through the locale files. Before, a
// Spanish artist read "Kick.wav se ha dejado fuera: it is empty (no audio)." and
// "roto.wav: the file is truncated: … No se ha guardado nada".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { audioProblemInWords } from '../../core/files/audio-problems.js';
import { inLanguage } from '../../core/texts.js';
import { mixdownReport, type VersionFacts } from '../../core/versions/version-messages.js';
import { decodeAudio, encodeAudio } from '../../engine/index.js';
import { errorFromThread, threadError } from '../../engine/engine-thread.js';
import { AudioFileError, type AudioProblem } from '../../engine/io/errors.js';
import { mixdownNoteText, type MixdownNote } from '../../engine/mixdown-notes.js';
import { makeTrack } from '../helpers/music.js';

const english = /\b(the|and|with|is|was|it|has|no stem|every stem|shorter|silent|converted|empty|channels|truncated|damaged|file)\b/i;

async function problemOf(bytes: Uint8Array): Promise<AudioFileError> {
  try {
    await decodeAudio(bytes, 'take.wav');
  } catch (err) {
    if (err instanceof AudioFileError) return err;
    throw err;
  }
  throw new Error('decoded');
}

describe('audio problems', () => {
  it('the readers give each common problem a code, and the code survives a thread', async () => {
    expect((await problemOf(new Uint8Array())).said).toEqual({ code: 'empty' });
    expect((await problemOf(new TextEncoder().encode('hello, not audio at all'))).said).toEqual({ code: 'not-audio' });
    const wav = await encodeAudio(makeTrack(1, 48000), 'wav24');
    const cut = await problemOf(wav.subarray(0, Math.floor(wav.length / 2)));
    expect(cut.said).toEqual({ code: 'truncated' });
    const crossed = errorFromThread((threadError(cut) as { error: Parameters<typeof errorFromThread>[0] }).error, 'x.wav');
    expect(crossed).toBeInstanceOf(AudioFileError);
    expect((crossed as AudioFileError).said).toEqual({ code: 'truncated' });
  });

  it('in Spanish are Spanish; in English keep the engine’s exact detail; without a code, the detail is quoted in Spanish', async () => {
    const every: AudioProblem[] = [
      { code: 'empty' },
      { code: 'not-audio' },
      { code: 'no-audio' },
      { code: 'truncated' },
      { code: 'damaged' },
      { code: 'compressed-aiff' },
      { code: 'too-long', length: '2 h 0 min', limit: '30 min 0 s' },
      { code: 'too-short', ms: 400, seconds: 1 },
      { code: 'silent' },
      { code: 'longer-than', limit: '1 h 0 min' },
      { code: 'unsupported-rate', hz: 4000 },
      { code: 'unsupported-channels', channels: 40 },
      { code: 'unsupported-encoding' },
      { code: 'no-stems-readable' },
      { code: 'no-stems' },
      { code: 'no-mix' },
      { code: 'unopenable' },
    ];
    for (const said of every) {
      const es = inLanguage('es', () => audioProblemInWords({ problem: 'english detail', said }));
      expect(es, said.code).not.toMatch(english);
    }
    const cut = await problemOf((await encodeAudio(makeTrack(1, 48000), 'wav24')).subarray(0, 5000));
    expect(inLanguage('en', () => audioProblemInWords(cut))).toBe(cut.problem);
    expect(inLanguage('es', () => audioProblemInWords(cut))).toBe(
      'el archivo está cortado: le falta parte del audio (quizá la exportación o la transferencia no terminó)',
    );
    expect(inLanguage('es', () => audioProblemInWords({ problem: 'unsupported AIFF bit depth 12' }))).toBe(
      'el archivo no se puede leer (unsupported AIFF bit depth 12)',
    );
  });
});

describe('mixdown notes', () => {
  const notes: MixdownNote[] = [
    { code: 'stem-resampled', stem: 'Bass.wav', fromHz: 44100, toHz: 48000 },
    { code: 'stem-silent', stem: 'Pad.wav' },
    { code: 'stem-padded', stem: 'Vox.wav', seconds: '1.50' },
    { code: 'no-vocals' },
    { code: 'no-instruments' },
  ];
  const facts: Extract<VersionFacts, { kind: 'mixdown' }> = {
    kind: 'mixdown',
    mastered: true,
    renders: ['full'],
    stems: 3,
    seconds: 12,
    skipped: [
      { stem: 'Kick.wav', reason: 'it is empty (no audio)', why: { code: 'empty' } },
      { stem: 'Surround.wav', reason: 'it has 6 channels; stems must be mono or stereo', why: { code: 'channels', channels: 6 } },
      { stem: 'Cut.wav', reason: 'the file is truncated', why: { code: 'unreadable', problem: 'the file is truncated', said: { code: 'truncated' } } },
    ],
    warnings: notes.map(mixdownNoteText),
    notes,
  };

  it('in Spanish have no English sentence, and keep the stems’ names and numbers', () => {
    const es = inLanguage('es', () => mixdownReport(facts))!.split('\n');
    expect(es).toHaveLength(8);
    for (const line of es) expect(line).not.toMatch(english);
    expect(es[0]).toBe('Kick.wav se ha dejado fuera: está vacía (sin audio).');
    expect(es[3]).toBe('Bass.wav estaba a 44100 Hz y se ha convertido a 48000 Hz.');
    expect(es[5]).toContain('Vox.wav dura 1.50 s menos');
  });

  it('in English say what the engine’s own English says; a version stored before the codes keeps its words', () => {
    const en = inLanguage('en', () => mixdownReport(facts))!.split('\n');
    expect(en.slice(3)).toEqual(notes.map((n) => `${mixdownNoteText(n)[0]!.toUpperCase()}${mixdownNoteText(n).slice(1)}.`));
    const old = { ...facts, notes: undefined, skipped: [{ stem: 'Kick.wav', reason: 'it is empty (no audio)' }], warnings: ['Pad.wav is silent'] };
    expect(inLanguage('es', () => mixdownReport(old))).toBe('Kick.wav se ha dejado fuera: it is empty (no audio).\nPad.wav is silent.');
  });
});

describe('the readers’ refusals', () => {
  it('every AudioFileError the readers throw carries a code (one without would reach a Spanish artist in the engine’s English)', () => {
    const dir = path.join(projectRoot, 'engine', 'io');
    const uncoded: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(path.join(dir, f), 'utf8');
      for (let at = src.indexOf('new AudioFileError('); at >= 0; at = src.indexOf('new AudioFileError(', at + 1)) {
        // The call's text, to its closing parenthesis.
        let depth = 0;
        let end = at + 'new AudioFileError'.length;
        do {
          if (src[end] === '(') depth++;
          else if (src[end] === ')') depth--;
          end++;
        } while (depth > 0 && end < src.length);
        const call = src.slice(at, end);
        if (!/code: '/.test(call)) uncoded.push(`${f}:${src.slice(0, at).split('\n').length}`);
      }
    }
    expect(uncoded).toEqual([]);
  });
});
