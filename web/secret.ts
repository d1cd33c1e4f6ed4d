// The upload-link signing secret for a single machine: made once and kept under DATA_DIR
// (readable by the owner only). Several instances must share UPLOAD_LINK_SECRET instead.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function linkSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, 'link-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
