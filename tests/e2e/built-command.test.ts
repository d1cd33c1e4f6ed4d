// The `mixdesk` command runs its build (dist/) and rebuilds it only when what it was built from
// changed in content: npm install rewrote generated/ after building, and the first command then
// spent 67 s and 900 MB rebuilding on a machine where nothing had changed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
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

  it('a source saved while a build runs is not taken as built: the next command compares it and builds again', () => {
    expect(mixdesk('--build').status).toBe(0);
    const { startedAt } = JSON.parse(readFileSync(path.join(root, 'dist/.built'), 'utf8')) as { startedAt?: number };
    expect(startedAt).toBeGreaterThan(0);
    // Saved just after the build began, while the compiler ran (the build holds what was there before).
    writeFileSync(path.join(root, 'cli.ts'), cli('saved during the build'));
    const during = new Date(startedAt! + 1);
    utimesSync(path.join(root, 'cli.ts'), during, during);
    const run = mixdesk();
    expect(run.stdout).toBe('saved during the build generated\n');
  });

  it('a build killed midway leaves its lock: the next command sees its process is gone and builds at once', () => {
    // The lock as a killed build leaves it: taken by a process that has since ended.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(path.join(root, 'dist/.building'));
    writeFileSync(path.join(root, 'dist/.building/pid'), ended.stdout);
    writeFileSync(path.join(root, 'cli.ts'), cli('third'));
    later('cli.ts');
    const before = builtAt();
    const run = mixdesk();
    expect(run.stdout).toBe('third generated\n');
    // Built, not waited for until the bound and then run through tsx.
    expect(run.stderr).not.toMatch(/waiting for the build|the build failed/);
    expect(builtAt()).not.toBe(before);
  });

  it('a build still running is waited for, and the command then runs what it built', async () => {
    writeFileSync(path.join(root, 'cli.ts'), cli('fourth'));
    later('cli.ts');
    const building = spawn(process.execPath, [path.join(root, 'bin/mixdesk.js'), '--build'], { cwd: root, stdio: 'ignore' });
    await vi.waitFor(() => expect(existsSync(path.join(root, 'dist/.building/pid'))).toBe(true), { timeout: 30_000, interval: 5 });
    const run = mixdesk();
    await new Promise((resolve) => building.once('exit', resolve));
    // (Waited for unless that build was already done: either way its process is not taken for ended.)
    expect(run.stdout).toBe('fourth generated\n');
    expect(run.stderr).not.toMatch(/ended before finishing|the build failed/);
  });
});
