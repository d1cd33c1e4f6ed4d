// /stems: the booking's stems and their roles; change one (the core's /stems).
import { coreCommand } from '../chat.js';

export const command = coreCommand('stems', 'Your stems and their roles (vocal or instrument); change one', { name: 'change', description: 'NUMBER ROLE, e.g. 2 backing-vocal' });
