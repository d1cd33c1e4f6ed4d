// Every suite's engine threads (masters, analyses, previews, mixdowns) start from the build
// `npm install` made instead of booting the TypeScript through tsx each time (about 0.4 s of a core
// per thread, hundreds of threads a run) — only once the build is known to be made from the sources
// as they are (bin/mixdesk.js --ensure-built rebuilds it when they changed). Should that fail, the
// threads boot from the sources as before, and the run says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_BUILD_ENV } from '../engine/types.js';

const root = path.resolve(import.meta.dirname, '..');
const shared = globalThis as { mixdeskEngineBuild?: boolean };

export default function setup(): void {
  // One check for all the projects that list this set-up (they run it in the same process).
  shared.mixdeskEngineBuild ??= (() => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'mixdesk.js'), '--ensure-built'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const ok = r.status === 0 && existsSync(path.join(root, 'dist', 'engine', 'master-thread.js'));
    if (!ok) process.stderr.write('engine threads boot from the TypeScript sources: the build could not be made\n');
    return ok;
  })();
  if (shared.mixdeskEngineBuild) process.env[ENGINE_BUILD_ENV] = path.join(root, 'dist', 'engine');
}
