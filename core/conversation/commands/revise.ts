// /revise: asks for a revision of the latest delivery (free ones first, then paid).
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const revise: ChatCommand = {
  name: 'revise',
  usage: () => t('usage-revise'),
  help: () => t('help-revise'),
  menu: () => t('telegram-menu-revise'),
  discord: { description: () => t('discord-cmd-revise'), option: { name: 'changes', description: () => t('discord-cmd-revise-changes') } },
  run: ({ startFlow }) => startFlow('revise'),
};
