// Generates both Prisma clients. The CLI insists on a native schema-engine binary it cannot
// download here; generating does not use it, so any existing file satisfies the check.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { providers, schemaPath } from '../db/schemas.js';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
for (const provider of providers) {
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath(provider)], { env, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
