// /cancel: Cancel a booking (the core's /cancel dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('cancel', 'Cancel a booking', { name: 'reference', description: 'A booking reference' });
