// What a backup holds, written last into its folder (manifest.json): a folder without one is a
// backup that did not finish, and is neither restored nor counted as one to keep.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(1),
  app: z.object({ name: z.literal('mixdesk'), version: z.string() }),
  createdAt: z.iso.datetime(),
  database: z.object({
    provider: z.enum(['sqlite', 'postgresql']),
    /** The copy beside the manifest; absent when the database is not in the backup (PostgreSQL). */
    file: z.string().optional(),
    sha256: sha256.optional(),
    bytes: z.number().int().nonnegative().optional(),
    /** The migrations applied to it, oldest first: a restore refuses names its own version does not know. */
    migrations: z.array(z.string()),
    /** Rows per table, to check a restore by. */
    counts: z.record(z.string(), z.number().int().nonnegative()),
    note: z.string().optional(),
  }),
  files: z.object({
    store: z.enum(['local', 's3']),
    objects: z.array(
      z.object({
        key: z.string(),
        sha256,
        size: z.number().int().nonnegative(),
        contentType: z.string().nullable(),
      }),
    ),
    /** Copied now (the rest were in the backup folder already, from an earlier backup). */
    copiedBytes: z.number().int().nonnegative(),
    /** Objects deleted by the service (retention, an artist's erasure) between being listed and copied. */
    vanished: z.array(z.string()),
    note: z.string().optional(),
  }),
  /** Files of DATA_DIR kept as they are (the upload-link signing secret). */
  secrets: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export const MANIFEST = 'manifest.json';

/** The backup's content-addressed files live beside its snapshots, shared by them: DIR/objects/ab/abcd…. */
export function objectPath(root: string, sha: string): string {
  return path.join(root, 'objects', sha.slice(0, 2), sha);
}

export async function readManifest(snapshotDir: string): Promise<BackupManifest> {
  const text = await readFile(path.join(snapshotDir, MANIFEST), 'utf8');
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path.join(snapshotDir, MANIFEST)} is not a mixdesk backup manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
