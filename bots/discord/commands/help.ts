// /help: What the studio bot can do (the core's /help dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('help', t('discord-cmd-help'));
