// One composer per feature; each hands its commands to the core's conversation layer, which owns
// the dialog (so the console, Telegram and Discord behave the same).
import { Composer, type Context } from 'grammy';
import { forwardCommand, type ChatDeps } from '../chat.js';

function commands(names: string[], deps: ChatDeps): Composer<Context> {
  const c = new Composer();
  c.command(names, (ctx) => forwardCommand(ctx, deps));
  return c;
}

export const help = (deps: ChatDeps) => commands(['start', 'help'], deps);
export const booking = (deps: ChatDeps) => commands(['book', 'mybookings', 'reschedule', 'cancel', 'stop'], deps);
export const status = (deps: ChatDeps) => commands(['status'], deps);
export const revisions = (deps: ChatDeps) => commands(['revise'], deps);
export const settings = (deps: ChatDeps) => commands(['format', 'timezone'], deps);

/** The commands shown in Telegram's menu. */
export const menu = [
  { command: 'book', description: 'Book mixing or mastering' },
  { command: 'mybookings', description: 'Your bookings' },
  { command: 'status', description: 'Where your bookings stand' },
  { command: 'upload', description: 'Send your mix or stems' },
  { command: 'uploadlink', description: 'A private link for large files' },
  { command: 'revise', description: 'Ask for changes to a delivery' },
  { command: 'stems', description: 'Your stems and their roles' },
  { command: 'format', description: 'Delivery format' },
  { command: 'reschedule', description: 'Move a session' },
  { command: 'cancel', description: 'Cancel a booking' },
  { command: 'timezone', description: 'Your time zone' },
  { command: 'help', description: 'What I can do' },
];
