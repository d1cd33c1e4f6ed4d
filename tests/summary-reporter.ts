// Prints one plain closing line ("vitest: N passed, N failed, N skipped") that CI can read, after
// the slowest test files (wall time while sharing the cores): where to look when CI grows slow.
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST_SHOWN = 12;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const timed = modules
      .map((m) => ({ file: m.relativeModuleId, seconds: (m.diagnostic().collectDuration + m.diagnostic().duration) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = timed.reduce((sum, t) => sum + t.seconds, 0);
    const lines = timed.slice(0, SLOWEST_SHOWN).map((t) => `  ${t.seconds.toFixed(0).padStart(5)} s  ${t.file}`);
    process.stdout.write(`\nslowest test files (of ${timed.length}, ${total.toFixed(0)} s in all):\n${lines.join('\n')}\n`);
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
