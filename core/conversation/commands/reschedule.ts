// /reschedule: moves a session to another free time.
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const reschedule: ChatCommand = {
  name: 'reschedule',
  usage: () => '[REF]',
  help: () => t('help-reschedule'),
  menu: () => t('telegram-menu-reschedule'),
  discord: { description: () => t('discord-cmd-reschedule'), option: { name: 'reference', description: () => t('discord-cmd-reschedule-reference') } },
  run: ({ startFlow }) => startFlow('reschedule'),
};
