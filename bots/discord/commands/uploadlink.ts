// /uploadlink: A private web link for large files (resumable) (the core's /uploadlink dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('uploadlink', 'A private web link for large files (resumable)', { name: 'reference', description: 'A booking reference' });
