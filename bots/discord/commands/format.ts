// /format: Delivery format: wav24, wav16, aiff24, flac24 or mp3 (the core's /format dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('format', 'Delivery format: wav24, wav16, aiff24, flac24 or mp3', { name: 'format', description: 'wav24, wav16, aiff24, flac24 or mp3' });
