// /quote [REF]: how long the mix will take and why, from the stems sent (and, by the hour, the
// question when they measure more than was booked).
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const quote: ChatCommand = {
  name: 'quote',
  usage: () => '[REF]',
  help: () => t('help-quote'),
  menu: () => t('telegram-menu-quote'),
  discord: { description: () => t('discord-cmd-quote'), option: { name: 'reference', description: () => t('discord-cmd-quote-reference') } },
  run: ({ startFlow }) => startFlow('mixtime'),
};
