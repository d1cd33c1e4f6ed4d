// /mybookings: Your bookings (the core's /mybookings dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';

export const command = coreCommand('mybookings', t('discord-cmd-mybookings'));
