// /book: Book mixing or mastering: service, session kind, day and time (the core's /book dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('book', t('discord-cmd-book'), { name: 'service', description: t('discord-cmd-book-service') });
