// What a killed process leaves behind: mastering and mixdown work folders (DATA_DIR/work/master-*,
// mixdown-*) and partial objects the local store was writing (objects/.tmp/*). Each carries its
// owner — this machine's name and the process id — so at start a leftover whose process is gone
// is removed at once; one without an owner (or another machine's, sharing DATA_DIR) only once
// older than any job runs, so a running job of another instance is never touched.
import { hostname } from 'node:os';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

/** "master-" → "master-<host>.<pid>-": the start of a work folder's or partial file's name, naming its owner. */
export function ownedName(prefix: string): string {
  return `${prefix}${hostname().replace(/[^\w]/g, '_')}.${process.pid}-`;
}

/** Whether the process that owns an entry so named is gone (on this machine); null when the name says no owner here. */
export function ownerGone(name: string, alive: (pid: number) => boolean = processAlive): boolean | null {
  const m = /^(?:[a-z]+-)?(\w+)\.(\d+)-/.exec(name);
  if (!m || m[1] !== hostname().replace(/[^\w]/g, '_')) return null;
  const pid = Number(m[2]);
  return pid !== process.pid && !alive(pid);
}

/** Whether a process of this machine still runs. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Far longer than the longest job (a 60-minute master or a 48-stem mixdown take minutes). */
export const LEFTOVER_AGE_MS = 6 * 3_600_000;

export interface LeftoverPlace {
  dir: string;
  /** Entry names to consider; every entry when absent. */
  prefixes?: readonly string[];
}

/** Size of a file, or of everything under a folder. */
async function sizeOf(p: string): Promise<number> {
  const s = await stat(p);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const e of await readdir(p)) total += await sizeOf(path.join(p, e)).catch(() => 0);
  return total;
}

export async function removeLeftovers(
  places: LeftoverPlace[],
  now: number,
  log: Logger,
  olderThanMs = LEFTOVER_AGE_MS,
): Promise<{ removed: number; bytes: number }> {
  let removed = 0;
  let bytes = 0;
  for (const place of places) {
    const names = await readdir(place.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (place.prefixes && !place.prefixes.some((p) => name.startsWith(p))) continue;
      const full = path.join(place.dir, name);
      try {
        const s = await stat(full);
        const gone = ownerGone(name);
        if (gone === false || (gone === null && now - s.mtimeMs < olderThanMs)) continue;
        bytes += await sizeOf(full);
        await rm(full, { recursive: true, force: true });
        removed++;
      } catch (err) {
        log.warn({ err, path: full }, 'could not remove a leftover of an earlier run');
      }
    }
  }
  if (removed) log.info({ removed, bytes }, `removed ${removed} leftovers of killed processes (${(bytes / 2 ** 20).toFixed(1)} MB)`);
  return { removed, bytes };
}
