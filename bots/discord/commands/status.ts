// /status: Where your bookings stand, and jobs in progress (the core's /status dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('status', 'Where your bookings stand, and jobs in progress', { name: 'reference', description: 'A booking reference, e.g. MD-7K2Q9A' });
