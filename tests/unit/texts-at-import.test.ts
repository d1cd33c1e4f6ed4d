// Texts are resolved when they are said, in the reader's language: a module that resolves one while
// loading (a label in a constant) would fix it in the studio's language for everybody.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as texts from '../../core/texts.js';

const root = path.resolve(import.meta.dirname, '../..');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

it('no module resolves a text while it loads', async () => {
  expect(texts.textsResolved).toBe(0);
  const offenders: string[] = [];
  for (const file of ['core', 'bots', 'web'].flatMap((d) => modules(path.join(root, d)))) {
    const before = texts.textsResolved;
    await import(file);
    if (texts.textsResolved !== before) offenders.push(path.relative(root, file));
  }
  expect(offenders).toEqual([]);
}, 60_000);
