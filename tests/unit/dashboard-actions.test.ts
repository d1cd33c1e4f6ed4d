// The dashboard's buttons become the engineer's command words: each must parse to the command it
// names, with the booking as its reference and the other fields as their own arguments (a version
// once slipped into the reference and could never be delivered).
import { describe, expect, it } from 'vitest';
import { parseDeskCommand } from '../../core/engineer/commands/index.js';
import { actionWords } from '../../web/dashboard.js';

describe('dashboard actions', () => {
  const ref = 'MD-7K2Q9A';
  it.each([
    [{ do: 'confirm' }, 'booking confirm', {}],
    [{ do: 'decline', reason: 'the studio is closed that week' }, 'booking decline', { reason: 'the studio is closed that week' }],
    [{ do: 'decline' }, 'booking decline', {}],
    [{ do: 'deliver', version: '3' }, 'version deliver', { version: 3 }],
    [{ do: 'master' }, 'master', {}],
    [{ do: 'resolve' }, 'revision resolve', {}],
    [{ do: 'comment-answer', number: '3', answer: 'Pushed the vocal up 1 dB' }, 'comment answer', { number: 3, text: 'Pushed the vocal up 1 dB' }],
    [{ do: 'comment-resolve', number: '3' }, 'comment resolve', { number: 3 }],
    [{ do: 'comment-reopen', number: '12' }, 'comment reopen', { number: 12 }],
  ])('%o runs /%s on the booking', (form, name, args) => {
    const parsed = parseDeskCommand(actionWords({ reference: ref.toLowerCase(), ...form })!);
    expect(parsed.name).toBe(name);
    expect(Object.fromEntries(Object.entries(parsed.args).filter(([, v]) => v !== undefined))).toEqual({ reference: ref, ...args });
  });

  it('offers nothing else, and nothing without a booking reference', () => {
    expect(actionWords({ reference: ref, do: 'delete' })).toBeNull();
    expect(actionWords({ reference: 'MD-../../x', do: 'confirm' })).toBeNull();
    expect(actionWords({ do: 'confirm' })).toBeNull();
    expect(actionWords({ reference: ref, do: 'deliver', version: '1; drop' })).toBeNull();
    expect(actionWords({ reference: ref, do: 'comment-answer', number: '3', answer: '   ' })).toBeNull();
    expect(actionWords({ reference: ref, do: 'comment-resolve', number: '-1' })).toBeNull();
    expect(actionWords({ reference: ref, do: 'comment-delete', number: '3' })).toBeNull();
  });
});
