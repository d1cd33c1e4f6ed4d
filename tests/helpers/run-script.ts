// Runs one of the project's scripts (cli.ts, scripts/…) as its own Node process, the way a person
// or CI would, with only the environment given: its exit code and everything it printed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../db/schemas.js';

/**
 * The `mixdesk` command as people run it (bin/mixdesk.js): the build `npm install` made, rebuilt
 * first when the sources changed. It starts in a fraction of the time the sources take through
 * tsx, and its engine threads load plain JavaScript, which adds up over the suite's many processes.
 */
export const mixdeskArgs = (...args: string[]): string[] => [path.join(projectRoot, 'bin', 'mixdesk.js'), ...args];

export interface ScriptRun {
  code: number | null;
  out: string;
  err: string;
}

/** `script` and its arguments (e.g. ['cli.ts', 'desk', 'queue']); `input` is typed on stdin, which then closes. */
export function runScript(args: string[], env: Record<string, string>, input?: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    // cli.ts is the mixdesk command; other scripts run from their sources.
    const argv = args[0] === 'cli.ts' ? mixdeskArgs(...args.slice(1)) : ['--import', 'tsx', ...args];
    const child = spawn(process.execPath, argv, {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    if (input !== undefined) child.stdin!.end(input);
  });
}
