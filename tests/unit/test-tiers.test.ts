// A folder of tests that no tier names would never run; one that two tiers name would run twice.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiers } from '../tiers.js';

const root = path.resolve(import.meta.dirname, '..');

/** Folders of tests/ that hold a *.test.ts file at any depth. */
function foldersWithTests(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(path.join(root, e.name), { recursive: true }).some((f) => String(f).endsWith('.test.ts')))
    .map((e) => e.name)
    .sort();
}

describe('test tiers', () => {
  it('every folder with tests is in exactly one tier, and no test file sits outside a folder', () => {
    const named = Object.values(tiers).flat();
    expect([...named].sort()).toEqual(foldersWithTests());
    expect(new Set(named).size).toBe(named.length);
    expect(readdirSync(root).filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });
});
