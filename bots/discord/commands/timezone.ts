// /timezone: Show or set your time zone (the core's /timezone dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('timezone', 'Show or set your time zone', { name: 'zone', description: 'An IANA zone, e.g. Europe/Berlin' });
