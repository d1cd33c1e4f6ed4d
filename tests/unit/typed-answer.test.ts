// Typed answers to questions with buttons: observed refused before — "virtual", "yes", "confirm",
// "Confirm booking" — and never a guess when two buttons fit.
import { expect, it } from 'vitest';
import { matchTypedAnswer } from '../../core/conversation/typed-answer.js';

const kinds = [
  { label: 'Standard — £60', data: 'kind:standard' },
  { label: 'Virtual — £60', data: 'kind:virtual' },
  { label: 'Unattended — £42', data: 'kind:unattended' },
];
const confirm = [
  { label: '✅ Confirm booking', data: 'yes' },
  { label: '✖ Stop', data: 'no' },
];
const cancel = [
  { label: 'Yes, cancel it', data: 'yes' },
  { label: 'No, keep it', data: 'no' },
];
const days = [
  { label: 'Wed 2 Dec', data: 'date:2026-12-02' },
  { label: 'Wed 9 Dec', data: 'date:2026-12-09' },
  { label: 'Thu 3 Dec', data: 'date:2026-12-03' },
];
const pick = (typed: string, options: { label: string; data: string }[]) => matchTypedAnswer(typed, options)?.data;

it('matches labels in any case and without emoji, first words, yes and no, and one typo', () => {
  expect(['virtual', 'VIRTUAL', 'Virtual — £60', 'virtaul', 'virtua'].map((w) => pick(w, kinds))).toEqual(Array(5).fill('kind:virtual'));
  expect(['yes', 'y', 'ok', 'sure', 'confirm', 'Confirm booking', 'confirm booking', 'sí', 'vale'].map((w) => pick(w, confirm))).toEqual(Array(9).fill('yes'));
  expect(['no', 'n', 'stop', 'Stop'].map((w) => pick(w, confirm))).toEqual(Array(4).fill('no'));
  expect(['yes', 'yes cancel it', 'no', 'keep'].map((w) => pick(w, cancel))).toEqual(['yes', 'yes', 'no', 'no']);
  expect(pick('thu', days)).toBe('date:2026-12-03');
});

it('guesses nothing when two buttons fit or nothing does', () => {
  expect(pick('wed', days)).toBeUndefined();
  expect(pick('louder and warmer', kinds)).toBeUndefined();
  expect(pick('maybe', confirm)).toBeUndefined();
  expect(pick('', confirm)).toBeUndefined();
  // Short words are not "one letter off" anything.
  expect(pick('sun', days)).toBeUndefined();
});
