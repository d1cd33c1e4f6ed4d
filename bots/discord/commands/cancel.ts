// /cancel: Cancel a booking (the core's /cancel dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('cancel', t('discord-cmd-cancel'), { name: 'reference', description: t('discord-cmd-cancel-reference') });
