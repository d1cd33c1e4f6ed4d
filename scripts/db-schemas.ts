// Writes prisma/<provider>/schema.prisma from prisma/models.prisma.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { providers, renderSchema, schemaPath } from '../db/schemas.js';

for (const provider of providers) {
  const file = schemaPath(provider);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderSchema(provider));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
