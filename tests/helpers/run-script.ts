// Runs one of the project's scripts (cli.ts, scripts/…) as its own Node process, the way a person
// or CI would, with only the environment given: its exit code and everything it printed.
import { spawn } from 'node:child_process';
import { projectRoot } from '../../db/schemas.js';

export interface ScriptRun {
  code: number | null;
  out: string;
  err: string;
}

/** `script` and its arguments (e.g. ['cli.ts', 'desk', 'queue']); `input` is typed on stdin, which then closes. */
export function runScript(args: string[], env: Record<string, string>, input?: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
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
