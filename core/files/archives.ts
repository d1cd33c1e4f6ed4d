// Zip archives of stems, unpacked safely into a private temporary folder: an archive with
// absolute or "../" paths is refused whole; a zip bomb (too large in total, or compressed
// suspiciously well) is refused before anything is unpacked; links, folders, non-audio files
// and repeated names are skipped with a note. The caller takes the unpacked files one by one.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { safeFileName } from '../../storage/object-store.js';
import { UserError } from '../errors.js';
import { t } from '../texts.js';

export interface ArchiveLimits {
  /** Largest total of unpacked bytes. */
  maxTotalBytes: number;
  /** Largest single unpacked file. */
  maxFileBytes: number;
  maxEntries: number;
  /** Unpacked/packed beyond this (for entries over 1 MB) is treated as a zip bomb. */
  maxRatio: number;
}

export interface Unpacked {
  dir: string;
  files: { name: string; path: string }[];
  skipped: { name: string; reason: string }[];
  /** Removes the temporary folder. */
  cleanup(): Promise<void>;
}

const AUDIO = /\.(wav|wave|aif|aiff|aifc|flac|mp3)$/i;
/** What operating systems leave beside files: a Mac's metadata and resource forks ("._Kick.wav", outside __MACOSX when a folder copied from a Mac's disk is zipped elsewhere), Windows' thumbnails. */
const JUNK = /(^|\/)(__MACOSX|\._[^/]*$|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/;

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function open(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    // strictFileNames: a backslash is a path trick too. validateEntrySizes: the stream fails if an
    // entry unpacks to more than its header said (a lying zip bomb).
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    ),
  );
}

function entries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const all: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      all.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const isLink = (e: Entry) => ((e.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

export async function unpackArchive(file: string, displayName: string, limits: ArchiveLimits): Promise<Unpacked> {
  let list: Entry[];
  try {
    // The whole central directory is read and checked before a single byte is unpacked.
    list = await entries(await open(file));
  } catch (err) {
    const message = (err as Error).message;
    if (/absolute path|invalid relative path|invalid characters/.test(message)) {
      throw new UserError(t('zip-unsafe-path', { file: displayName, detail: message.replace(/^.*?: /, '') }));
    }
    throw new UserError(t('zip-unreadable', { file: displayName, detail: message }));
  }
  if (list.length > limits.maxEntries) throw new UserError(t('zip-too-many', { file: displayName, count: list.length, max: limits.maxEntries }));
  const total = list.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new UserError(t('zip-too-large', { file: displayName, mb: (total / 2 ** 20).toFixed(0), max: (limits.maxTotalBytes / 2 ** 20).toFixed(0) }));
  }
  const bomb = list.find((e) => e.uncompressedSize > 1 << 20 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio);
  if (bomb) {
    throw new UserError(
      t('zip-bomb', { file: displayName, entry: bomb.fileName, ratio: String(Math.round(bomb.uncompressedSize / Math.max(1, bomb.compressedSize))) }),
    );
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-unzip-'));
  const result: Unpacked = { dir, files: [], skipped: [], cleanup: () => rm(dir, { recursive: true, force: true }) };
  const used = new Set<string>();
  try {
    const wanted = list.filter((e) => {
      const name = e.fileName;
      if (name.endsWith('/')) return false; // a folder
      if (JUNK.test(name)) return false;
      if (isLink(e)) return void result.skipped.push({ name, reason: t('zip-skip-link') });
      if (!AUDIO.test(name)) return void result.skipped.push({ name, reason: t('zip-skip-not-audio') });
      if (e.uncompressedSize > limits.maxFileBytes)
        return void result.skipped.push({ name, reason: t('zip-skip-too-large', { max: (limits.maxFileBytes / 2 ** 20).toFixed(0) }) });
      const safe = safeFileName(name);
      if (used.has(safe.toLowerCase())) return void result.skipped.push({ name, reason: t('zip-skip-same-name') });
      used.add(safe.toLowerCase());
      return true;
    });
    if (wanted.length === 0) return result;
    const zip = await open(file);
    await new Promise<void>((resolve, reject) => {
      const byName = new Map(wanted.map((e) => [e.fileName, e]));
      zip.on('entry', (e: Entry) => {
        if (!byName.has(e.fileName)) return zip.readEntry();
        zip.openReadStream(e, (err, stream) => {
          if (err || !stream) return reject(err);
          const target = path.join(dir, `${result.files.length}-${safeFileName(e.fileName)}`);
          let written = 0;
          // Never trust the header alone: count what actually comes out.
          const guard = new Transform({
            transform(chunk: Buffer, _enc, done) {
              written += chunk.length;
              done(written > limits.maxFileBytes ? new Error('entry larger than allowed') : null, chunk);
            },
          });
          pipeline(stream, guard, createWriteStream(target, { flags: 'wx' }))
            .then(() => {
              result.files.push({ name: path.basename(e.fileName), path: target });
              zip.readEntry();
            })
            .catch(reject);
        });
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    return result;
  } catch (err) {
    await result.cleanup();
    if (err instanceof UserError) throw err;
    throw new UserError(t('zip-failed', { file: displayName, detail: (err as Error).message }));
  }
}
