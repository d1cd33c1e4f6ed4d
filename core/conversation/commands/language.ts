// /language: the language the studio writes to the artist in; their app's language until they choose.
import { languageFor } from '../../clients.js';
import { languages, switchLanguage, t, translate, type Language } from '../../texts.js';
import type { ChatCommand } from './types.js';

/** Each language by its own name ("Español"), whatever language the list is read in. */
const ownName = (language: Language) => translate(language, 'language-name');
/** The same name inside a sentence, in that language ("te escribo en español"). */
const nameInText = (language: Language) => translate(language, 'language-name-in-text');
const choices = () => [...languages.map((l) => `/language ${l} (${ownName(l)})`), `/language auto`].join(', ');

export const language: ChatCommand = {
  name: 'language',
  usage: () => '[en|es|auto]',
  help: () => t('help-language'),
  menu: () => t('telegram-menu-language'),
  discord: { description: () => t('discord-cmd-language'), option: { name: 'language', description: () => t('discord-cmd-language-language') } },
  async run({ args, studio, client }) {
    if (!args) return [{ text: t('language-show', { language: nameInText(languageFor(client)), choices: choices() }) }];
    const updated = await studio.clients.chooseLanguage(client.id, args);
    const now = languageFor(updated);
    // The answer is already in the new language.
    switchLanguage(now);
    return [{ text: updated.chosenLanguage ? t('language-set', { language: nameInText(now) }) : t('language-auto', { language: nameInText(now) }) }];
  },
};
