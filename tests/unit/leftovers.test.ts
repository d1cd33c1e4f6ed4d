// Leftovers of killed processes are removed at start once older than any job; a younger one (a
// job of another instance sharing DATA_DIR) and anything else in the folder are left alone.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LEFTOVER_AGE_MS, ownedName, ownerGone, removeLeftovers } from '../../core/files/leftovers.js';

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

it("a leftover whose process is gone is removed at once, whatever its age; a live process's is kept", async () => {
  const work = path.join(dir, 'owned');
  const tmp = path.join(dir, 'owned-tmp');
  mkdirSync(work, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  // A process id that is not running: one past the highest the system hands out is never alive.
  const gonePid = 2 ** 22 + 1;
  const mine = ownedName('master-');
  const dead = mine.replace(`.${process.pid}-`, `.${gonePid}-`);
  writeFileSync(path.join(work, `${dead}abc`), Buffer.alloc(100)); // a killed master, seconds old
  writeFileSync(path.join(work, `${mine}def`), Buffer.alloc(10)); // this process's own, running
  writeFileSync(path.join(tmp, `${ownedName('').replace(`.${process.pid}-`, `.${gonePid}-`)}partial`), Buffer.alloc(50));
  writeFileSync(path.join(work, 'master-otherhost.1-xyz'), Buffer.alloc(5)); // another machine's: by age only
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  expect(await removeLeftovers([{ dir: work, prefixes: ['master-'] }, { dir: tmp }], Date.now(), log)).toEqual({ removed: 2, bytes: 150 });
  expect(existsSync(path.join(work, `${mine}def`))).toBe(true);
  expect(existsSync(path.join(work, 'master-otherhost.1-xyz'))).toBe(true);
  expect(ownerGone(`${dead}abc`)).toBe(true);
  expect(ownerGone(`${mine}def`)).toBe(false);
  expect(ownerGone('master-abc')).toBeNull();
});
