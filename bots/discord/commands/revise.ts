// /revise: Ask for changes to a delivery (e.g. louder, warmer) (the core's /revise dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('revise', 'Ask for changes to a delivery (e.g. louder, warmer)', { name: 'changes', description: 'Booking reference and/or what to change' });
