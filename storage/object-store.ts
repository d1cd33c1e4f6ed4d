// The ObjectStore port: where uploaded files and deliveries live. Local disk by default, S3 in
// production; both pass the same contract tests (tests/storage).
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  key: string;
  size: number;
  /** Hex sha256 of the content, recorded when the object was written. */
  sha256: string | null;
  contentType: string | null;
  modified: Date;
}

export interface ByteRange {
  start: number;
  /** Inclusive, like HTTP ranges; to the end when omitted. */
  end?: number;
}

export interface ObjectStore {
  readonly kind: 'local' | 's3';
  /** Streams `body` into the store; the object appears only once complete. Returns its size and sha256. */
  put(key: string, body: Readable | Uint8Array, opts?: { contentType?: string }): Promise<ObjectInfo & { sha256: string }>;
  get(key: string, range?: ByteRange): Promise<Readable>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Deleting what is not there is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<ObjectInfo[]>;
  /** A time-limited URL to download the object directly, where the backend can make one. */
  /** `downloadName`: the file name the browser should save it under. */
  presignGet?(key: string, expiresInSec: number, downloadName?: string): Promise<string>;
  presignPut?(key: string, expiresInSec: number): Promise<string>;
  /** The object's path on this machine, for stores on local disk. */
  localPath?(key: string): string;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object "${key}"`);
    this.name = 'ObjectNotFoundError';
  }
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Keys are relative paths of plain segments: no empty, "." or ".." segments, no backslashes,
 * no absolute paths. Anything else is a programming error or an attack, and is refused.
 */
export function assertSafeKey(key: string): void {
  const segments = key.split('/');
  if (key.length > 900 || segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..' || /\.\.$/.test(s))) {
    throw new Error(`unsafe storage key "${key}"`);
  }
}

/** A file name an artist sent, made safe as one key segment (keeps the extension readable). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: Ü → U
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/\.{2,}/g, '.')
    .slice(-120);
  return cleaned || 'file';
}

/** A Content-Disposition for downloading as `name` (ASCII fallback plus the exact UTF-8 name). */
export function contentDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
