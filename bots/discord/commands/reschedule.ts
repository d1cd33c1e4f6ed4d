// /reschedule: Move a session to another time (the core's /reschedule dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('reschedule', 'Move a session to another time', { name: 'reference', description: 'A booking reference' });
