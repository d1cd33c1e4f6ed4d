// A typed answer to a question with buttons, matched as a person means it: the label in any case
// and without its emoji ("confirm booking"), its first word ("virtual"), a common yes or no ("ok",
// "sure", "n", "sí"), or a label word with one letter wrong ("virtaul") — only when exactly one
// button fits, so an ambiguous answer is never guessed.
import type { Button } from './types.js';

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'ok', 'okay', 'sure', 'confirm', 'go', 'si', 'vale', 'claro', 'confirmar']);
const NO = new Set(['no', 'n', 'nope', 'stop', 'keep', 'parar']);

/** Lower case, accents and everything but letters, digits and spaces gone, spaces single. */
const plain = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}:]+/gu, ' ')
    .trim();

/** Whether two words are the same but for one letter changed, added, dropped or two swapped. */
function oneTypo(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i) || x.slice(i) === y.slice(i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return rest(a, b) || swapped;
}

const only = (found: Button[]): Button | undefined => (found.length === 1 ? found[0] : undefined);

export function matchTypedAnswer(typed: string, options: Button[]): Button | undefined {
  const said = plain(typed);
  if (!said) return undefined;
  const labels = options.map((b) => ({ b, label: plain(b.label) }));
  return (
    only(labels.filter((l) => l.label === said).map((l) => l.b)) ??
    only(labels.filter((l) => l.label.startsWith(`${said} `) || l.label.split(' ')[0] === said).map((l) => l.b)) ??
    (YES.has(said) ? only(options.filter((b) => b.data === 'yes')) : undefined) ??
    (NO.has(said) ? only(options.filter((b) => b.data === 'no')) : undefined) ??
    only(labels.filter((l) => !said.includes(' ') && oneTypo(said, l.label.split(' ')[0] ?? '')).map((l) => l.b))
  );
}
