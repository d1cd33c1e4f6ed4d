// Moments as people write them, in both directions: what the chat's /revise understands and what
// the page, the alerts and the queue show.
import { describe, expect, it } from 'vitest';
import { formatMoment, momentText, parseMoment, parseTimedNotes } from '../../core/listening/moments.js';
import { parseAdjustments } from '../../core/versions/revisions.js';

describe('moments', () => {
  it('reads m:ss, h:mm:ss and tenths; refuses what is not a time', () => {
    expect(parseMoment('1:23')).toBe(83_000);
    expect(parseMoment('01:23.5')).toBe(83_500);
    expect(parseMoment('1:23,25')).toBe(83_250);
    expect(parseMoment('1:02:05')).toBe(3_725_000);
    for (const bad of ['1:60', '83', '1:2', 'a:bc', '', '1:23:', '-1:00']) expect(parseMoment(bad)).toBeNull();
  });

  it('writes seconds cut (as a player shows them), hours when there are any, tenths for a stretch shorter than its seconds', () => {
    expect(formatMoment(83_999)).toBe('1:23');
    expect(formatMoment(3_725_000)).toBe('1:02:05');
    expect(formatMoment(-5)).toBe('0:00');
    expect(momentText(160_000, 175_000)).toBe('2:40–2:55');
    expect(momentText(2_000, 2_500)).toBe('0:02.0–0:02.5');
    expect(momentText(83_000, null)).toBe('1:23');
    expect(momentText(83_000, 80_000)).toBe('1:23');
  });

  it('finds the timed notes in what the artist typed, in English and Spanish', () => {
    expect(parseTimedNotes('at 1:23 vocal too quiet, 2:40–2:55 less reverb')).toEqual({
      untimed: '',
      timed: [
        { startMs: 83_000, endMs: null, text: 'vocal too quiet' },
        { startMs: 160_000, endMs: 175_000, text: 'less reverb' },
      ],
    });
    expect(parseTimedNotes('en 1:23 la voz muy baja y de 2:40 a 2:55 menos reverb').timed).toEqual([
      { startMs: 83_000, endMs: null, text: 'la voz muy baja' },
      { startMs: 160_000, endMs: 175_000, text: 'menos reverb' },
    ]);
    expect(parseTimedNotes('louder, and at 0:45-1:10: hats harsh; @3:02 fade out earlier')).toEqual({
      untimed: 'louder',
      timed: [
        { startMs: 45_000, endMs: 70_000, text: 'hats harsh' },
        { startMs: 182_000, endMs: null, text: 'fade out earlier' },
      ],
    });
    // A time with no words after it says nothing about that moment: it stays with the notes.
    expect(parseTimedNotes('louder at 1:23')).toEqual({ untimed: 'louder at 1:23', timed: [] });
    expect(parseTimedNotes('make it brighter')).toEqual({ untimed: 'make it brighter', timed: [] });
    // An end before its start is no stretch.
    expect(parseTimedNotes('2:55-2:40 less reverb').timed).toEqual([{ startMs: 175_000, endMs: null, text: 'less reverb' }]);
  });

  it('a long run of spaces or joiners is read in one go (a nested pattern once took exponential time on it)', () => {
    expect(parseTimedNotes(`at 1:23 a${' '.repeat(60)}x`).timed).toEqual([{ startMs: 83_000, endMs: null, text: `a${' '.repeat(60)}x` }]);
    expect(parseTimedNotes(`at 1:23 hats${' ,'.repeat(500)} and`).timed).toEqual([{ startMs: 83_000, endMs: null, text: 'hats' }]);
  });

  it('a quick change written beside a time is about that moment: the engineer has it, the whole master is not changed', () => {
    expect(parseAdjustments('at 1:23 vocal louder')).toEqual({ adjustments: {}, understood: [], forEngineer: true });
    expect(parseAdjustments('brighter, at 1:23 vocal louder').adjustments).toEqual({ trebleDb: 1.5 });
    expect(parseAdjustments('louder').forEngineer).toBe(false);
  });
});
