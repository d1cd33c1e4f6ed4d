// Every text the studio says in chat comes from the Fluent files in locales/ (one per language;
// English is complete). Keys and their variables are typed from locales/en.ftl by `npm run texts`,
// so a misspelt key or a missing variable fails to compile instead of reaching an artist.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { TextKey, TextVars } from './text-keys.js';

export type { TextKey } from './text-keys.js';
export const defaultLocale = 'en';
// From the sources, locales/ is beside core/; from a build in dist/, it is one level further up.
const localesDir =
  [new URL('../locales/', import.meta.url), new URL('../../locales/', import.meta.url)].map((u) => fileURLToPath(u)).find((d) => fs.existsSync(d)) ??
  fileURLToPath(new URL('../locales/', import.meta.url));
const bundles = new Map<string, FluentBundle>();

function bundle(locale: string): FluentBundle {
  let b = bundles.get(locale);
  if (b) return b;
  const file = `${localesDir}${locale}.ftl`;
  if (!fs.existsSync(file)) return locale === defaultLocale ? missingDefault() : bundle(defaultLocale);
  // No Unicode isolation marks around values: they show up in plain-text chats and logs.
  b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(fs.readFileSync(file, 'utf8')));
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  bundles.set(locale, b);
  return b;
}

function missingDefault(): never {
  throw new Error(`the texts file ${localesDir}${defaultLocale}.ftl is missing`);
}

/** Arguments after the key: none for a text without variables, else its variables. */
type VarsArg<K extends TextKey> = [TextVars[K]] extends [undefined] ? [] : [TextVars[K]];

/** The text `key` in `locale`, falling back to English for a text a translation does not have yet. */
export function translate<K extends TextKey>(locale: string, key: K, ...[vars]: VarsArg<K>): string {
  const b = bundle(locale);
  const owner = b.hasMessage(key) ? b : bundle(defaultLocale);
  const message = owner.getMessage(key);
  if (!message?.value) throw new Error(`no text "${key}" in locales/${defaultLocale}.ftl`);
  return owner.formatPattern(message.value, (vars ?? null) as Record<string, string | number> | null);
}

/** A phrase ("it clips in 2 places") as a sentence of its own. */
export const sentence = (phrase: string): string => `${phrase[0]!.toUpperCase()}${phrase.slice(1)}.`;

/** The text `key` in English (the only complete language so far). */
export function t<K extends TextKey>(key: K, ...vars: VarsArg<K>): string {
  return translate(defaultLocale, key, ...vars);
}
