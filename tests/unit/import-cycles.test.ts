// No module imports itself through others, and the layers stay layers: a module can be read and
// tested from the bottom up, and the bots and the web server reach the data only through the core. Imports are read with TypeScript's own
// scanner (static, dynamic, re-exports and `import type` alike). madge does this too, but its
// peer range stops short of the TypeScript this project uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const skipped = new Set(['node_modules', 'generated', 'dist', 'tests', '.git']);

function sources(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skipped.has(e.name) ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The project's own modules a file imports (a `.js` specifier names the `.ts` beside it). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'))
    .filter((p) => p.endsWith('.ts') && statSync(p, { throwIfNoEntry: false })?.isFile());
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found.map((c) => c.map((f) => path.relative(root, f)));
}

describe('module graph', () => {
  it('has no import cycles', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(100);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(cycles(graph)).toEqual([]);
  });

  it('the bots and the web server never touch the database: they go through the core', () => {
    const outside = sources().filter((f) => /^(bots|web)\//.test(path.relative(root, f)));
    expect(outside.length).toBeGreaterThan(20);
    const offenders = outside.flatMap((f) => {
      const rel = path.relative(root, f);
      const viaImport = importsOf(f).filter((g) => /^(db|generated)\//.test(path.relative(root, g)));
      const viaStudio = /\bstudio\.db\b/.test(readFileSync(f, 'utf8')) ? ['studio.db'] : [];
      return [...viaImport.map((g) => `${rel} imports ${path.relative(root, g)}`), ...viaStudio.map((x) => `${rel} uses ${x}`)];
    });
    expect(offenders).toEqual([]);
  });

  it('the core knows the settings it needs (core/settings.ts), not how the configuration is read', () => {
    const core = sources().filter((f) => path.relative(root, f).startsWith('core/'));
    const offenders = core.filter((f) => importsOf(f).some((g) => path.relative(root, g) === 'config.ts')).map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = path.join(root, 'a.ts'),
      b = path.join(root, 'b.ts'),
      c = path.join(root, 'c.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
