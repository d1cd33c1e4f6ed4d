// /status: Where your bookings stand, and jobs in progress (the core's /status dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('status', t('discord-cmd-status'), { name: 'reference', description: t('discord-cmd-status-reference') });
