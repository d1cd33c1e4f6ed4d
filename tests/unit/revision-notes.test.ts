// What the engine can act on in a revision's words, and when two settings master the same.
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../core/versions/revisions.js';
import { effectiveSettings } from '../../core/versions/pipeline.js';

describe('revision notes', () => {
  it.each([
    ['a bit louder please', false, ['louder']],
    ['Louder and warmer!', false, ['louder', 'warmer']],
    ['target -12 LUFS', false, ['target -12 LUFS']],
    ['louder, like Daft Punk', true, ['louder']],
    ['the intro feels too quiet', true, []],
    ['make it sound like Daft Punk', true, []],
    // Spanish, as the Spanish texts suggest it ("más fuerte y un poco más cálido") — once sent to the engineer unread.
    ['más fuerte y un poco más cálido, por favor', false, ['louder', 'warmer']],
    ['más graves, como la guitarra de Tame Impala', true, ['more bass']],
  ])('%j: for the engineer %s, understood %j', (text, forEngineer, understood) => {
    const parsed = parseAdjustments(text);
    expect(parsed.forEngineer).toBe(forEngineer);
    expect(parsed.understood).toEqual(understood);
  });
});

describe('effective settings', () => {
  it('defaults filled in compare equal; any real change does not', () => {
    const plain = effectiveSettings({ preset: 'streaming' });
    expect(effectiveSettings({ preset: 'streaming', targetLufs: -14, bassDb: 0, trebleDb: 0, punch: 0, useReference: false })).toBe(plain);
    expect(effectiveSettings({ preset: 'streaming', targetLufs: -13 })).not.toBe(plain);
    expect(effectiveSettings({ preset: 'loud' })).not.toBe(plain);
    expect(effectiveSettings({ preset: 'streaming', useReference: true })).not.toBe(plain);
  });
});
