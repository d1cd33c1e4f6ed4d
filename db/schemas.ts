import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';
export const providers: readonly Provider[] = ['sqlite', 'postgresql'];

/** The folder with package.json, whether this runs from the sources or from a build in dist/. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const prismaDir = path.join(projectRoot, 'prisma');

export function schemaPath(provider: Provider): string {
  return path.join(prismaDir, provider, 'schema.prisma');
}

export function migrationsDir(provider: Provider): string {
  return path.join(prismaDir, provider, 'migrations');
}

/** The schema the provider's migrations make, as of the newest: the next migration is its diff to the models. */
export function snapshotPath(provider: Provider): string {
  return path.join(migrationsDir(provider), 'latest.snapshot.prisma');
}

/** The provider's schema file, derived from prisma/models.prisma (the only file to edit). */
export function renderSchema(provider: Provider): string {
  const models = readFileSync(path.join(prismaDir, 'models.prisma'), 'utf8');
  return `// GENERATED from prisma/models.prisma by \`npm run db:schemas\`. Do not edit.

generator client {
  provider            = "prisma-client"
  output              = "../../generated/${provider}"
  moduleFormat        = "esm"
  importFileExtension = "js"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}
