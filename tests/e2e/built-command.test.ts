// The `mixdesk` command runs its build (dist/) and rebuilds it only when what it was built from
// changed in content: npm install rewrote generated/ after building, and the first command then
// spent 67 s and 900 MB rebuilding on a machine where nothing had changed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';

const root = mkdtempSync(path.join(tmpdir(), 'mixdesk-built-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A project of the same shape, small enough to build in a second: the launcher, a cli.ts, a generated client.
mkdirSync(path.join(root, 'bin'));
cpSync(path.join(projectRoot, 'bin/mixdesk.js'), path.join(root, 'bin/mixdesk.js'));
symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'));
writeFileSync(
  path.join(root, 'tsconfig.build.json'),
  JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: '.', strict: true },
    include: ['*.ts', 'generated'],
  }),
);
writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
mkdirSync(path.join(root, 'generated'));
writeFileSync(path.join(root, 'generated/client.ts'), 'export const client = "generated";\n');
const cli = (says: string) => `import { client } from './generated/client.js';\nconsole.log('${says}', client);\n`;
writeFileSync(path.join(root, 'cli.ts'), cli('first'));

const mixdesk = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/mixdesk.js'), ...args], { cwd: root, encoding: 'utf8' });
const builtAt = () => statSync(path.join(root, 'dist/cli.js')).mtimeMs;
const later = (file: string) => {
  const t = new Date(Date.now() + 60_000);
  utimesSync(path.join(root, file), t, t);
};

describe('the built mixdesk command', () => {
  it('is rebuilt when a source changes in content, never when files are only rewritten', () => {
    expect(mixdesk('--build').status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/.built'), 'utf8'))).toMatchObject({ sources: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(mixdesk().stdout).toBe('first generated\n');
    const first = builtAt();

    // npm install regenerating the client with the same content, a clone, a touch: no rebuild.
    writeFileSync(path.join(root, 'generated/client.ts'), 'export const client = "generated";\n');
    later('generated/client.ts');
    later('cli.ts');
    const same = mixdesk();
    expect(same.stdout).toBe('first generated\n');
    expect(same.stderr).toBe('');
    expect(builtAt()).toBe(first);

    // A real change is built before it runs.
    writeFileSync(path.join(root, 'cli.ts'), cli('second'));
    later('cli.ts');
    expect(mixdesk().stdout).toBe('second generated\n');
    expect(builtAt()).not.toBe(first);
  });
});
