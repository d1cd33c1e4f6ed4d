// /cancel: stops the dialog in progress, or else starts cancelling a booking.
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const cancel: ChatCommand = {
  name: 'cancel',
  usage: () => '[REF]',
  help: () => t('help-cancel'),
  menu: () => t('telegram-menu-cancel'),
  discord: { description: () => t('discord-cmd-cancel'), option: { name: 'reference', description: () => t('discord-cmd-cancel-reference') } },
  run: ({ flow, stopDialog, startFlow }) => (flow ? stopDialog(t('dialog-stopped', { flow })) : startFlow('cancel')),
};
