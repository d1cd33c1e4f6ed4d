// Writes core/text-keys.ts from locales/en.ftl: every text's key and the variables it uses, so
// core/texts.ts can type-check each t() call. `npm run texts` after editing en.ftl; a test fails
// while the two disagree.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, Visitor, type Message, type VariableReference } from '@fluent/syntax';

const source = fileURLToPath(new URL('../locales/en.ftl', import.meta.url));
export const target = fileURLToPath(new URL('../core/text-keys.ts', import.meta.url));

class VariableCollector extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: VariableReference): void {
    this.names.add(node.id.name);
  }
}

/** Every text of a Fluent file with the variables it uses (sorted), in file order; throws on what does not parse. */
export function textVariables(ftl: string, file = 'locales/en.ftl'): Map<string, string[]> {
  const resource = parse(ftl, { withSpans: false });
  const junk = resource.body.filter((e) => e.type === 'Junk');
  if (junk.length) throw new Error(`${file} does not parse:\n${junk.map((j) => ('content' in j ? String(j.content) : '')).join('\n')}`);
  return new Map(
    resource.body
      .filter((e): e is Message => e.type === 'Message')
      .map((m) => {
        const collector = new VariableCollector();
        collector.visit(m);
        return [m.id.name, [...collector.names].sort()];
      }),
  );
}

export function textKeysSource(ftl: string): string {
  const lines = [...textVariables(ftl)].map(
    ([key, vars]) => `  '${key}': ${vars.length ? `{ ${vars.map((v) => `${v}: TextValue`).join('; ')} }` : 'undefined'};`,
  );
  return [
    '// Generated from locales/en.ftl by `npm run texts`; do not edit.',
    '/** Numbers choose plural forms and are formatted for the language; anything pre-formatted is a string. */',
    'export type TextValue = string | number;',
    '',
    'export interface TextVars {',
    ...lines,
    '}',
    '',
    'export type TextKey = keyof TextVars;',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.writeFileSync(target, textKeysSource(fs.readFileSync(source, 'utf8')));
  console.log(`wrote ${target}`);
}
