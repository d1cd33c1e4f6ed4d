// Spanish as a Spanish speaker writes it: counts agree with their number, and a language named
// inside a sentence is in lower case ("te escribo en español"; the list of choices keeps "Español").
import { expect, it } from 'vitest';
import { translate } from '../../core/texts.js';

it('revision counts agree with their number', () => {
  expect(translate('es', 'status-revisions', { used: 1, free: 1, price: '15 £' })).toBe('Revisiones: 1 pedida, 1 gratis restante (después 15 £ cada una).');
  expect(translate('es', 'status-revisions', { used: 2, free: 0, price: '15 £' })).toBe('Revisiones: 2 pedidas, 0 gratis restantes (después 15 £ cada una).');
});

it('a language named inside a sentence is written as that language writes it', () => {
  const name = translate('es', 'language-name-in-text');
  expect(translate('es', 'language-set', { language: name })).toBe('Hecho: a partir de ahora te escribo en español.');
  expect(translate('es', 'language-name')).toBe('Español');
  expect(translate('en', 'language-set', { language: translate('en', 'language-name-in-text') })).toBe('Done: I write to you in English from now on.');
});
