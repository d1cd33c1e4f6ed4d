// The texts catalog: locales/en.ftl parses, its typed keys are current, every text is used and
// formats with its variables, plurals choose the right form, and other languages fall back.
import fs from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { t, translate } from '../../core/texts.js';
import { target, textKeysSource } from '../../scripts/texts-types.js';

const root = path.resolve(import.meta.dirname, '../..');
const ftl = fs.readFileSync(path.join(root, 'locales/en.ftl'), 'utf8');
const keys = [...ftl.matchAll(/^([a-z][\w-]*) =/gm)].map((m) => m[1]!);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('texts catalog', () => {
  it('core/text-keys.ts matches locales/en.ftl (run `npm run texts` after editing it)', () => {
    expect(fs.readFileSync(target, 'utf8')).toBe(textKeysSource(ftl));
  });

  it('has no duplicate keys and every text is used somewhere in the code', () => {
    expect(new Set(keys).size).toBe(keys.length);
    const code = ['core', 'bots', 'web']
      .flatMap((d) => sources(path.join(root, d)))
      .filter((f) => !f.endsWith('text-keys.ts'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const unused = keys.filter((k) => !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  it('leaves no user-facing text inline in the code (errors, replies, buttons, command descriptions)', () => {
    const inline =
      /(UserError|NotFoundError|LinkRefused|IllegalTransitionError)\((['`"])|\b(text|label): (['`"])[A-Za-z]|(description: |setDescription\(|setLabel\(|setTitle\(|setPlaceholder\()(['`"])|\.(setDescription|setLabel|setTitle|setPlaceholder)\((?!t\()[^)]*['`"]/;
    const offenders = ['core', 'bots', 'web']
      .flatMap((d) => sources(path.join(root, d)))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${path.relative(root, f)}:${i + 1}`, line })),
      )
      .filter((l) => inline.test(l.line))
      .map((l) => `${l.at}: ${l.line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('formats every text with its variables, without errors or isolation marks', () => {
    const bundle = new FluentBundle('en', { useIsolating: false });
    expect(bundle.addResource(new FluentResource(ftl))).toEqual([]);
    const vars = (id: string) =>
      Object.fromEntries(
        [...(bundle.getMessage(id)?.value ? JSON.stringify(bundle.getMessage(id)!.value).matchAll(/"name":"(\w+)"/g) : [])].map((m) => [m[1]!, 2]),
      );
    for (const key of keys) {
      const errors: Error[] = [];
      const text = bundle.formatPattern(bundle.getMessage(key)!.value!, vars(key), errors);
      expect(errors, key).toEqual([]);
      expect(text.trim().length, key).toBeGreaterThan(0);
      expect(text, key).not.toMatch(/[\u2068\u2069]|\{\$/);
    }
  });

  it('chooses plural forms by number', () => {
    expect(t('revise-free-left', { count: 1 })).toBe('You have 1 free revision left.');
    expect(t('revise-free-left', { count: 2 })).toBe('You have 2 free revisions left.');
    expect(t('revisions-left', { count: 1, how: '/revise' })).toBe('1 free revision left. Want changes? /revise.');
    expect(t('in-minutes', { count: 1 })).toBe('in 1 minute');
    expect(t('desk-hours-cleared', { count: 3 })).toBe('Removed 3 weekly rules; the hours from the configuration apply again.');
  });

  it('falls back to English for a language without a file, and names a missing key', () => {
    expect(translate('xx', 'welcome-back', { name: 'Ada' })).toBe('Welcome back, Ada!');
    expect(() => t('no-such-text' as 'welcome-what-we-do')).toThrow(/no text "no-such-text"/);
  });
});
