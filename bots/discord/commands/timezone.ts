// /timezone: Show or set your time zone (the core's /timezone dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('timezone', t('discord-cmd-timezone'), { name: 'zone', description: t('discord-cmd-timezone-zone') });
