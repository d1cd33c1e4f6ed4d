// `npm test`: works on a fresh clone too — installs first when node_modules is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/.bin/vitest')) {
  console.log('node_modules is missing: running npm install first');
  run('npm', ['install', '--no-audit', '--no-fund']);
} else if (!existsSync('generated/sqlite/client.ts') || !existsSync('generated/postgresql/client.ts')) {
  run('npm', ['run', 'db:generate', '--silent']);
}
run('node_modules/.bin/vitest', ['run', ...process.argv.slice(2)]);
