// /revise: Ask for changes to a delivery (e.g. louder, warmer) (the core's /revise dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('revise', t('discord-cmd-revise'), { name: 'changes', description: t('discord-cmd-revise-changes') });
