// /book: the booking dialog (service, session kind, day and time).
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const book: ChatCommand = {
  name: 'book',
  help: () => t('help-book'),
  menu: () => t('telegram-menu-book'),
  discord: { description: () => t('discord-cmd-book'), option: { name: 'service', description: () => t('discord-cmd-book-service') } },
  run: ({ startFlow }) => startFlow('book'),
};
