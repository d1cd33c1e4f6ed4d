// A file sent in chat while the artist has more than one booking taking files: kept in the store
// until they say which booking it is for (the chat's temporary copy is gone once the message is
// handled, and the answer may reach another instance). Unclaimed files go after a day.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { safeFileName, type ObjectStore } from '../../storage/object-store.js';

const PREFIX = 'held/';
/** How long a file waits for the artist's answer. */
export const HELD_HOURS = 24;

/** Where one artist's held files are (erased with the artist's data). */
export const heldFilesOf = (clientId: string): string => `${PREFIX}${clientId}/`;

export class HeldFiles {
  constructor(private readonly store: ObjectStore) {}

  /** Keeps the file; returns the key the answer names. */
  async hold(clientId: string, file: string, name: string): Promise<string> {
    const key = `${heldFilesOf(clientId)}${randomUUID()}-${safeFileName(name)}`;
    await this.store.put(key, createReadStream(file));
    return key;
  }

  /** Whether `key` is a file held for this artist (a forged answer names nobody else's). */
  owns(clientId: string, key: string): boolean {
    return key.startsWith(heldFilesOf(clientId)) && !key.includes('..');
  }

  /** The held file on this machine for `use`, then removed from the store once `use` succeeded. */
  async take<T>(key: string, name: string, use: (file: string) => Promise<T>): Promise<T | null> {
    if (!(await this.store.head(key))) return null;
    const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-held-'));
    try {
      const local = path.join(dir, safeFileName(name));
      await pipeline(await this.store.get(key), createWriteStream(local));
      const out = await use(local);
      await this.store.delete(key);
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  drop(key: string): Promise<void> {
    return this.store.delete(key);
  }

  /** Removes files nobody claimed within HELD_HOURS; returns how many. */
  async purge(now: Date): Promise<number> {
    const old = (await this.store.list(PREFIX)).filter((o) => now.getTime() - o.modified.getTime() > HELD_HOURS * 3600_000);
    for (const o of old) await this.store.delete(o.key);
    return old.length;
  }
}
