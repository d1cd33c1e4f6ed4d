// The adapter's texts, in Fluent files under locales/ (English complete; more languages are a
// file each). The studio's dialog texts come from the core.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';

export const i18n = new I18n({
  defaultLocale: 'en',
  directory: path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales'),
  useSession: false,
  // No Unicode isolation marks around values: they would show up in plain-text chats and logs.
  fluentBundleOptions: { useIsolating: false },
});

export function t(key: string, vars: Record<string, string | number> = {}, locale = 'en'): string {
  return i18n.t(locale, key, vars);
}
