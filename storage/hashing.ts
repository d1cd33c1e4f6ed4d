// A pass-through that measures what flows through it: the sha256 and size every stored file is
// known by, computed as it is written (local disk, S3, a backup) instead of in a second read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

export interface Measured {
  stream: Transform;
  /** Once the stream has ended: its sha256 (hex) and byte count. */
  result(): { sha256: string; size: number };
}

export function measuring(): Measured {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

/** A file's sha256 (hex), read in pieces. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
