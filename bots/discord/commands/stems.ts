// /stems: the booking's stems and their roles; change one (the core's /stems).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('stems', t('discord-cmd-stems'), { name: 'change', description: t('discord-cmd-stems-change') });
