// /help: every command with what it does.
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const help: ChatCommand = {
  name: 'help',
  help: () => t('help-help'),
  menu: () => t('telegram-menu-help'),
  discord: { description: () => t('discord-cmd-help') },
  run: async ({ helpLines }) => [{ text: [t('help-title'), ...helpLines()].join('\n') }],
};
