// The texts catalog: locales/en.ftl parses, its typed keys are current, every text is used and
// formats with its variables, plurals choose the right form; every other language has exactly the
// same texts with the same variables, and texts follow the language of the moment.
import fs from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { inLanguage, languageOf, languages, t, translate } from '../../core/texts.js';
import { target, textKeysSource, textVariables } from '../../scripts/texts-types.js';

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

  it('has a file for every language the studio speaks, and no file for one it does not list', () => {
    const files = fs
      .readdirSync(path.join(root, 'locales'))
      .filter((f) => f.endsWith('.ftl'))
      .map((f) => f.replace(/\.ftl$/, ''))
      .sort();
    expect(files).toEqual([...languages].sort());
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    describe(`locales/${language}.ftl`, () => {
      const other = fs.readFileSync(path.join(root, `locales/${language}.ftl`), 'utf8');
      const reference = textVariables(ftl);
      const translated = textVariables(other, `locales/${language}.ftl`);

      it('has every text of en.ftl and nothing else', () => {
        expect([...translated.keys()].filter((k) => !reference.has(k))).toEqual([]);
        expect([...reference.keys()].filter((k) => !translated.has(k))).toEqual([]);
        expect(translated.size).toBe([...other.matchAll(/^([a-z][\w-]*) =/gm)].length);
      });

      it('uses exactly the variables of each English text', () => {
        const differ = [...reference].filter(([key, vars]) => JSON.stringify(translated.get(key)) !== JSON.stringify(vars)).map(([key]) => key);
        expect(differ).toEqual([]);
      });

      it('is translated: a text the same as in English has no words of its own (names, codes, layouts)', () => {
        const bundle = (l: string, src: string) => {
          const b = new FluentBundle(l, { useIsolating: false });
          b.addResource(new FluentResource(src));
          return b;
        };
        const en = bundle('en', ftl);
        const tr = bundle(language, other);
        const read = (b: FluentBundle, k: string) => b.formatPattern(b.getMessage(k)!.value!, Object.fromEntries(reference.get(k)!.map((v) => [v, 2])), []);
        // Words of three letters or more, leaving out links, commands, units and brand names.
        const words = (text: string) =>
          text.replace(/https?:\S+|\/\w+|SonoBus|Discord|Telegram|AIFF|FLAC|LUFS|dBTP|kHz|mon … sun/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
        const untranslated = [...reference.keys()].filter((k) => read(en, k) === read(tr, k) && words(read(en, k)).length > 0);
        // The same word in both languages.
        expect(untranslated).toEqual(['kind-virtual', 'render-instrumental', 'render-acappella', 'upload-mono']);
      });
    });
  }

  it('formats every text of every language with its variables, without errors or isolation marks', () => {
    for (const language of languages) {
      const source = fs.readFileSync(path.join(root, `locales/${language}.ftl`), 'utf8');
      const bundle = new FluentBundle(language, { useIsolating: false });
      expect(bundle.addResource(new FluentResource(source))).toEqual([]);
      for (const [key, vars] of textVariables(source)) {
        const errors: Error[] = [];
        const text = bundle.formatPattern(bundle.getMessage(key)!.value!, Object.fromEntries(vars.map((v) => [v, 2])), errors);
        expect(errors, `${language}: ${key}`).toEqual([]);
        expect(text.trim().length, `${language}: ${key}`).toBeGreaterThan(0);
        expect(text, `${language}: ${key}`).not.toMatch(/[\u2068\u2069]|\{\$/);
      }
    }
  });

  it('formats every English text with its variables, without errors or isolation marks', () => {
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

  it('follows the language of the moment, across awaits, and reads platform tags', async () => {
    expect(t('discord-done')).toBe('Done.');
    await inLanguage('es', async () => {
      await new Promise((r) => setImmediate(r));
      expect(t('discord-done')).toBe('Hecho.');
      expect(t('revise-free-left', { count: 1 })).toBe('Te queda 1 revisión gratis.');
      expect(t('revise-free-left', { count: 2 })).toBe('Te quedan 2 revisiones gratis.');
    });
    expect(t('discord-done')).toBe('Done.');
    expect(['es', 'es-419', 'es-ES', 'es_ES.UTF-8', 'EN-gb', 'de', '', undefined, null].map(languageOf)).toEqual([
      'es',
      'es',
      'es',
      'es',
      'en',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('falls back to English for a language without a file, and names a missing key', () => {
    expect(translate('xx', 'welcome-back', { name: 'Ada' })).toBe('Welcome back, Ada!');
    expect(() => t('no-such-text' as 'welcome-what-we-do')).toThrow(/no text "no-such-text"/);
  });
});
