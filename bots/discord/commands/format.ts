// /format: Delivery format: wav24, wav16, aiff24, flac24 or mp3 (the core's /format dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('format', t('discord-cmd-format'), { name: 'format', description: t('discord-cmd-format-format') });
