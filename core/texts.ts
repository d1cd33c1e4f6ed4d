// Every text the studio says in chat comes from the Fluent files in locales/ (one per language;
// English is the reference, every other file has the same keys). Keys and their variables are typed
// from locales/en.ftl by `npm run texts`, so a misspelt key or a missing variable fails to compile
// instead of reaching an artist. Texts are resolved in the language of the moment: the reader's,
// set around each chat event and each message to an artist by `inLanguage`.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { TextKey, TextVars } from './text-keys.js';

export type { TextKey } from './text-keys.js';
/** The languages the studio speaks: each has a complete locales/<code>.ftl. */
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];
export const defaultLocale: Language = 'en';

export function isLanguage(v: string): v is Language {
  return (languages as readonly string[]).includes(v);
}

/**
 * The language of a platform's locale tag (Telegram's "es", Discord's "es-419", "en-GB", a
 * console's "es_ES.UTF-8"), or undefined when the studio does not speak it.
 */
export function languageOf(tag: string | null | undefined): Language | undefined {
  const base =
    tag
      ?.trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return isLanguage(base) ? base : undefined;
}

/** The language of a platform's tag, or the studio's when the tag names none it speaks. */
export function languageOrStudio(tag: string | null | undefined): Language {
  return languageOf(tag) ?? studio;
}

interface LanguageScope {
  language: Language;
}
const scope = new AsyncLocalStorage<LanguageScope>();
let studio: Language = defaultLocale;

/** Sets the studio's own language (STUDIO_LANGUAGE): for its engineer, its alerts, and artists whose language is not known. */
export function setStudioLanguage(language: Language): void {
  studio = language;
}

export function studioLanguage(): Language {
  return studio;
}

/** The language texts are resolved in right now. */
export function currentLanguage(): Language {
  return scope.getStore()?.language ?? studio;
}

/** Runs `fn` with texts in `language` (for everything it awaits, too). */
export function inLanguage<T>(language: Language, fn: () => T): T {
  return scope.run({ language }, fn);
}

/**
 * Runs `fn` in the reader's language: in the scope an adapter opened around the event (so what the
 * adapter adds while rendering follows any switch made inside), or in a scope of its own.
 */
export function inReaderLanguage<T>(language: Language, fn: () => T): T {
  if (!scope.getStore()) return inLanguage(language, fn);
  switchLanguage(language);
  return fn();
}

/**
 * Switches the language of the current scope from here on: a chat event starts in the platform's
 * language and switches once the artist's own choice is known.
 */
export function switchLanguage(language: Language): void {
  const current = scope.getStore();
  if (current) current.language = language;
}

/** How many texts have been resolved in this process (a test checks none are at import time). */
export let textsResolved = 0;
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
  textsResolved += 1;
  const b = bundle(locale);
  const owner = b.hasMessage(key) ? b : bundle(defaultLocale);
  const message = owner.getMessage(key);
  if (!message?.value) throw new Error(`no text "${key}" in locales/${defaultLocale}.ftl`);
  return owner.formatPattern(message.value, (vars ?? null) as Record<string, string | number> | null);
}

/** A phrase ("it clips in 2 places") as a sentence of its own. */
export const sentence = (phrase: string): string => `${phrase[0]!.toUpperCase()}${phrase.slice(1)}.`;

/** The text `key` in the language of the moment (`currentLanguage`). */
export function t<K extends TextKey>(key: K, ...vars: VarsArg<K>): string {
  return translate(currentLanguage(), key, ...vars);
}

/** Intl's locale for a language (dates, numbers): British English, Spain's Spanish. */
export function intlLocale(language: Language = currentLanguage()): string {
  return language === 'en' ? 'en-GB' : language;
}
