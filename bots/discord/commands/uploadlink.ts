// /uploadlink: A private web link for large files (resumable) (the core's /uploadlink dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('uploadlink', t('discord-cmd-uploadlink'), { name: 'reference', description: t('discord-cmd-uploadlink-reference') });
