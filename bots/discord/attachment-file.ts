// A Discord attachment as the core's incoming file: fetched to a temporary folder, handed over,
// and removed after (/upload's attachment and the files dropped into the bot's DM).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Attachment } from 'discord.js';
import type { IncomingFile } from '../../core/conversation/types.js';
import { safeFileName } from '../../storage/object-store.js';
import { fetchToFile } from '../fetch-file.js';

/** `use` runs with the fetched file (plus `extra`: the booking named, the words beside it); null when Discord did not hand it over. */
export async function withAttachmentFile<T>(
  a: Pick<Attachment, 'id' | 'name' | 'size' | 'url' | 'contentType'>,
  extra: Pick<IncomingFile, 'bookingRef' | 'caption'>,
  use: (file: IncomingFile) => Promise<T>,
): Promise<T | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-dc-'));
  try {
    const local = path.join(dir, safeFileName(a.name));
    if (!(await fetchToFile(a.url, local))) return null;
    return await use({ name: a.name, sizeBytes: a.size, ref: local, id: a.id, ...(a.contentType ? { mimeType: a.contentType } : {}), ...extra });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
