#!/usr/bin/env node
// `mixdesk` (npx mixdesk, or installed): runs the built JavaScript in dist/, which starts in a
// fraction of the time the TypeScript sources take through tsx (0.11 s against 0.67 s for `help`).
// `npm install` builds it (`mixdesk --build`, about 8 s). The build is judged by content: it
// records a hash of what it was made from (sources and the generated database client), and is
// rebuilt only when that content differs — a checkout being worked on — never because a file was
// merely rewritten (npm install regenerates the client after building; a clone, a copy or a
// `touch` changes times, not content). One process builds while any other started meanwhile waits
// for it (bounded); should building fail, the sources run through tsx as before, with a note on stderr.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.js');
const stamp = join(root, 'dist', '.built');
const lock = join(root, 'dist', '.building');
// Every top-level module (cli.ts, app.ts, bounded.ts, …) and the folders the build compiles.
const sourceDirs = ['bots', 'core', 'db', 'engine', 'ops', 'storage', 'queue', 'web', 'generated'];
const sources = [
  ...readdirSync(root)
    .filter((f) => f.endsWith('.ts'))
    .sort(),
  ...sourceDirs,
];

/** The files the build is made from, in a stable order, with their modification times. */
function sourceFiles() {
  const files = [];
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p).sort()) visit(join(p, e));
    else if (/\.(ts|js|json)$/.test(p)) files.push({ path: p, mtimeMs: s.mtimeMs });
  };
  for (const s of sources) visit(join(root, s));
  return files;
}

/** What the build is made from, as one hash of every source's name and content (~30 ms). */
function sourceHash(files) {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path.slice(root.length)).update('\0').update(readFileSync(f.path)).update('\0');
  return h.digest('hex');
}

const builtFrom = () => {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sources;
  } catch {
    return undefined; // no stamp, or one from before stamps held a hash
  }
};

/**
 * Whether dist/ was built from the sources as they are. Nothing modified since the stamp: fresh
 * at once. Something modified: fresh if the content is the same (the stamp is then renewed, so the
 * next start takes the fast path again).
 */
function fresh() {
  if (!existsSync(built) || !existsSync(stamp)) return false;
  const files = sourceFiles();
  const stampMs = statSync(stamp).mtimeMs;
  if (files.every((f) => f.mtimeMs <= stampMs)) return true;
  if (sourceHash(files) !== builtFrom()) return false;
  const now = new Date();
  utimesSync(stamp, now, now);
  return true;
}

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The process building holds the lock with its id in it. */
const lockOwner = join(lock, 'pid');

/**
 * Whether the process that took the build lock has ended without letting it go (killed mid-build:
 * a Ctrl-C during the first `npm start`). Unknown — no id written yet, or another user's process —
 * counts as alive: waiting is then bounded anyway.
 */
function lockAbandoned() {
  let pid;
  try {
    pid = Number(readFileSync(lockOwner, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

/** Builds dist/ unless another process is doing it; then waits for that one (at most two minutes). */
function build() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  // A build that was killed leaves its lock: one whose process has ended, or older than any build
  // takes, is not waited for.
  if (existsSync(lock) && (Date.now() - statSync(lock).mtimeMs > 300_000 || lockAbandoned())) rmSync(lock, { recursive: true, force: true });
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 120_000;
    process.stderr.write('mixdesk: waiting for the build another mixdesk process is running (at most 2 minutes)…\n');
    while (existsSync(lock) && Date.now() < until) {
      if (lockAbandoned()) {
        process.stderr.write('mixdesk: that process ended before finishing the build; building here.\n');
        rmSync(lock, { recursive: true, force: true });
        return build();
      }
      pause(200);
    }
    return fresh();
  }
  try {
    try {
      writeFileSync(lockOwner, String(process.pid));
    } catch {
      // Without the id the lock still works: others wait for it, within their bound.
    }
    let tsc;
    try {
      tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    } catch {
      // An install without development packages has no compiler: the sources run through tsx.
      process.stderr.write('mixdesk: no TypeScript compiler installed, so nothing is built; the command runs the sources through tsx.\n');
      return false;
    }
    const started = Date.now();
    const hash = sourceHash(sourceFiles());
    // The compiler is not the command: options meant for the command's own processes (a memory
    // probe preloaded by the tests, say) are not passed on to it.
    const env = { ...process.env, NODE_OPTIONS: '' };
    const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) return false;
    writeFileSync(stamp, `${JSON.stringify({ sources: hash, startedAt: started, builtInMs: Date.now() - started })}\n`);
    // The stamp is dated when the build began, not when it ended: a source saved while the compiler
    // ran (an editor, a checkout) is then newer than the stamp and gets its content compared, instead
    // of being taken as built (the build was made from what was there at the start).
    utimesSync(stamp, new Date(started), new Date(started));
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--build') {
  // `npm run build` and `npm install`: build now, whatever the stamp says.
  rmSync(stamp, { force: true });
  const ok = build();
  // Without a compiler (an install without development packages) that is not an error.
  process.exit(ok || !existsSync(join(root, 'node_modules', 'typescript')) ? 0 : 1);
} else if (process.argv[2] === '--ensure-built') {
  // The tests' set-up: exits 0 once dist/ is a build of the sources as they are (building if not).
  process.exit(fresh() || build() ? 0 : 1);
} else if (fresh() || build()) {
  await import(pathToFileURL(built).href);
} else {
  if (existsSync(join(root, 'node_modules', 'typescript')))
    process.stderr.write('mixdesk: the build failed; running the sources through tsx (slower to start).\n');
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsx, join(root, 'cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
