// Leftovers of killed processes are removed at start once older than any job; a younger one (a
// job of another instance sharing DATA_DIR) and anything else in the folder are left alone.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LEFTOVER_AGE_MS, removeLeftovers } from '../../core/files/leftovers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-leftovers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('removes old work folders and partial objects, logs what it removed, keeps the rest', async () => {
  const now = Date.now();
  const old = (now - LEFTOVER_AGE_MS - 60_000) / 1000;
  const work = path.join(dir, 'work');
  const tmp = path.join(dir, 'objects', '.tmp');
  const make = (p: string, bytes: number, mtime?: number) => {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, Buffer.alloc(bytes));
    if (mtime) utimesSync(p, mtime, mtime);
  };
  make(path.join(work, 'master-abc', 'mix.wav'), 1000);
  utimesSync(path.join(work, 'master-abc'), old, old);
  make(path.join(work, 'mixdown-def', 'out.wav'), 500);
  utimesSync(path.join(work, 'mixdown-def'), old, old);
  make(path.join(work, 'master-running', 'mix.wav'), 10); // young: another instance's job
  make(path.join(work, 'notes.txt'), 5, old); // not ours to remove
  make(path.join(tmp, 'partial-1'), 2000, old);
  make(path.join(tmp, 'partial-2'), 7); // being written now
  const lines: string[] = [];
  const log = { info: (_o: object, m?: string) => void lines.push(m ?? ''), warn: () => undefined, error: () => undefined, debug: () => undefined };
  const r = await removeLeftovers([{ dir: work, prefixes: ['master-', 'mixdown-'] }, { dir: tmp }, { dir: path.join(dir, 'missing') }], now, log);
  expect(r).toEqual({ removed: 3, bytes: 3500 });
  expect(existsSync(path.join(work, 'master-abc'))).toBe(false);
  expect(existsSync(path.join(work, 'mixdown-def'))).toBe(false);
  expect(existsSync(path.join(tmp, 'partial-1'))).toBe(false);
  expect(existsSync(path.join(work, 'master-running'))).toBe(true);
  expect(existsSync(path.join(work, 'notes.txt'))).toBe(true);
  expect(existsSync(path.join(tmp, 'partial-2'))).toBe(true);
  expect(lines).toEqual(['removed 3 leftovers of killed processes (0.0 MB)']);
});
