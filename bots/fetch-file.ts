// Streams a file a platform hands us (a Telegram file path, a Discord attachment URL) to disk.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** False when the platform did not hand the file over (any non-2xx answer); network errors throw. */
export async function fetchToFile(url: string, file: string): Promise<boolean> {
  const res = await fetch(url);
  if (!res.ok || !res.body) return false;
  await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(file));
  return true;
}
