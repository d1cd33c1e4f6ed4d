// /help: What the studio bot can do (the core's /help dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('help', 'What the studio bot can do');
