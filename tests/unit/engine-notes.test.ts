// What the engine noticed reaches the artist in their language: notes are codes with numbers,
// worded through the locale files (a Spanish delivery said "Nota: The low end (below 120 Hz) is out of phase…").
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../core/texts.js';
import { engineNotes } from '../../core/versions/version-messages.js';
import { noteText, type EngineNote } from '../../engine/notes.js';

const every: EngineNote[] = [
  { code: 'dc-removed', dbfs: -32 },
  { code: 'sides-out-of-phase', correlation: -0.6 },
  { code: 'section-out-of-phase', atSec: 42, correlation: -0.5 },
  { code: 'vinyl-mono-lows', hz: 150, outOfPhase: true, correlation: '-0.40', lossDb: 'more than 40' },
  { code: 'lows-out-of-phase', hz: 120, correlation: '-0.35', lossDb: '12.5' },
  { code: 'lows-wide', hz: 120, correlation: '0.09', lossDb: '2.6' },
  { code: 'no-brickwall', lufs: '-12.4', maxLimitingDb: 2, targetLufs: -10 },
  { code: 'limiting-stops-short', lufs: '-9.8', maxLimitingDb: 6, targetLufs: -8, needsDb: '2.4' },
  { code: 'peaks-clipped', db: '2.1', share: '0.08' },
  { code: 'true-peak-over', dbtp: -0.8, ceilingDbtp: -1 },
  { code: 'target-missed', lufs: -14.6, targetLufs: -14 },
  { code: 'vinyl-bright', hfDb: '-3.1', limitDb: -6 },
  { code: 'vinyl-phase', correlation: '0.12', worst: '-0.31', atSec: 88 },
];

const english = /\b(the|and|with|left|right|please|would|low end|out of phase|more than)\b/i;

describe('engine notes', () => {
  it('in English say what the engine’s own English says (the CLI and the report)', () => {
    expect(inLanguage('en', () => engineNotes({ warnings: [], notes: every }))).toEqual(every.map(noteText));
  });

  it('in Spanish have no English sentence, and keep their numbers', () => {
    const es = inLanguage('es', () => engineNotes({ warnings: [], notes: every }));
    expect(es).toHaveLength(every.length);
    for (const [i, text] of es.entries()) {
      expect(text, every[i]!.code).not.toMatch(english);
      expect(text).not.toBe(noteText(every[i]!));
    }
    expect(es[5]).toBe('Los graves (por debajo de 120 Hz) están muy abiertos (correlación 0.09): en mono perderían 2.6 dB, así que se dejaron en estéreo.');
    expect(es[3]).toContain('pierden más de 40 dB en mono');
  });

  it('a version made before notes had codes keeps its English words', () => {
    expect(inLanguage('es', () => engineNotes({ warnings: ['DC offset of -30 dBFS found and removed.'] }))).toEqual([
      'DC offset of -30 dBFS found and removed.',
    ]);
  });
});
