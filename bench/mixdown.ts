// npm run bench, part three: mixdown of 48 stems × 5 minutes at 48 kHz/24-bit against 8 stems:
// time, x-realtime and peak memory (which must stay flat as stems are added).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeAudio } from '../engine/index.js';
import { makeTrack } from '../tests/helpers/music.js';
import { loadAverage } from './load.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-bench-mixdown-'));
const seconds = Number(process.env.MIXDOWN_BENCH_SECONDS ?? 300);
const roles = ['Kick', 'Snare', 'Bass', 'Keys', 'Gtr', 'Pad', 'Lead Vox', 'BVs'];

// Eight distinct 5-minute stems (different levels and polarity), the rest links to them under
// their own names: every stem is read in full from the file system either way.
const distinct: string[] = [];
for (const [i, role] of roles.entries()) {
  const t = makeTrack(seconds, 48000, { level: 0.1 + 0.05 * i, invertRight: i % 2 === 1 });
  const f = path.join(dir, `${role} 0.wav`);
  writeFileSync(f, await encodeAudio(t, 'wav24'));
  distinct.push(f);
}
const stemsFor = (n: number) => {
  const d = path.join(dir, `set-${n}`);
  mkdirSync(d);
  return Array.from({ length: n }, (_, k) => {
    const f = path.join(d, `${roles[k % 8]} ${Math.floor(k / 8) + 1}.wav`);
    symlinkSync(distinct[k % 8]!, f);
    return f;
  });
};

console.log(`\nmixdesk mixdown benchmark: ${seconds} s stems, 48 kHz, 24-bit stereo (${loadAverage()})\n`);
const runs: Record<number, { ms: number; maxRssMB: number }> = {};
for (const n of [8, 48]) {
  const out = path.join(dir, `out-${n}`);
  mkdirSync(out);
  const r = spawnSync(process.execPath, ['bench/mixdown-once.mjs', out, ...stemsFor(n)], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; durationSec: number; stems: number; maxRssMB: number };
  runs[n] = m;
  console.log(
    `${String(n).padStart(2)} stems: ${(m.ms / 1000).toFixed(2)} s for ${m.durationSec.toFixed(0)} s of music (${(m.durationSec / (m.ms / 1000)).toFixed(1)}x realtime; ${((n * m.durationSec) / (m.ms / 1000)).toFixed(0)} stem-seconds per second), peak RSS ${m.maxRssMB.toFixed(0)} MB`,
  );
}
console.log(`peak RSS 48 stems / 8 stems: ${(runs[48]!.maxRssMB / runs[8]!.maxRssMB).toFixed(2)} (flat means ≈ 1)`);
rmSync(dir, { recursive: true, force: true });
