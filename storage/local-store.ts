// Files on local disk under one root (./data/objects by default). Writes go to a temporary file
// and are renamed into place, so a crash never leaves half an object under its key; sha256 and
// content type are kept in a small sidecar file.
import { ownedName } from '../core/files/leftovers.js';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { measuring } from './hashing.js';
import { assertSafeKey, ObjectNotFoundError, type ByteRange, type ObjectInfo, type ObjectStore } from './object-store.js';

const META = '.meta.json';

export class LocalObjectStore implements ObjectStore {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  /** Where an object lives on this machine (the console chat shows delivered files by path). */
  localPath(key: string): string {
    return this.file(key);
  }

  private file(key: string): string {
    assertSafeKey(key);
    if (key.endsWith(META)) throw new Error(`unsafe storage key "${key}"`);
    const full = path.resolve(this.root, key);
    // Belt and braces: whatever the key, the file stays under the root.
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`unsafe storage key "${key}"`);
    return full;
  }

  async put(key: string, body: Readable | Uint8Array, opts: { contentType?: string } = {}): Promise<ObjectInfo & { sha256: string }> {
    const target = this.file(key);
    const tmpDir = path.join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(path.dirname(target), { recursive: true });
    // Named for its process, so a partial file of a killed one is known as such at the next start.
    const tmp = path.join(tmpDir, `${ownedName('')}${randomUUID()}`);
    const measured = measuring();
    try {
      await pipeline(body instanceof Uint8Array ? Readable.from([body]) : body, measured.stream, createWriteStream(tmp));
      const { sha256, size } = measured.result();
      await writeFile(`${tmp}${META}`, JSON.stringify({ sha256, contentType: opts.contentType ?? null }));
      await rename(`${tmp}${META}`, `${target}${META}`);
      await rename(tmp, target);
      const s = await stat(target);
      return { key, size, sha256, contentType: opts.contentType ?? null, modified: s.mtime };
    } catch (err) {
      await rm(tmp, { force: true });
      await rm(`${tmp}${META}`, { force: true });
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.file(key);
    try {
      await stat(file);
    } catch {
      throw new ObjectNotFoundError(key);
    }
    return createReadStream(file, range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : {});
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const file = this.file(key);
    try {
      const s = await stat(file);
      const meta = JSON.parse(await readFile(`${file}${META}`, 'utf8').catch(() => '{}')) as { sha256?: string; contentType?: string | null };
      return { key, size: s.size, sha256: meta.sha256 ?? null, contentType: meta.contentType ?? null, modified: s.mtime };
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true });
    await rm(`${file}${META}`, { force: true });
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const key = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (key !== '.tmp') await walk(path.join(dir, e.name), key);
        } else if (!e.name.endsWith(META) && key.startsWith(prefix)) {
          const info = await this.head(key);
          if (info) out.push(info);
        }
      }
    };
    await walk(path.resolve(this.root), '');
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }
}
