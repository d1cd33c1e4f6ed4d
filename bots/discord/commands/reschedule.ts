// /reschedule: Move a session to another time (the core's /reschedule dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('reschedule', t('discord-cmd-reschedule'), { name: 'reference', description: t('discord-cmd-reschedule-reference') });
