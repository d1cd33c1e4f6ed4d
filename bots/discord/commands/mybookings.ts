// /mybookings: Your bookings (the core's /mybookings dialog).
import { coreCommand } from '../chat.js';

export const command = coreCommand('mybookings', 'Your bookings');
