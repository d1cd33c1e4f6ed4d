// /book: Book mixing or mastering: service, session kind, day and time (the core's /book dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('book', 'Book mixing or mastering: service, session kind, day and time', { name: 'service', description: 'mix, master or mix-master' });
