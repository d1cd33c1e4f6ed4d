// One composer per feature; each hands its commands to the core's conversation layer, which owns
// the dialog (so the console, Telegram and Discord behave the same).
import { Composer, type Context } from 'grammy';
import { forwardCommand, type ChatDeps } from '../chat.js';
import { t } from '../../../core/texts.js';

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
  { command: 'book', description: t('telegram-menu-book') },
  { command: 'mybookings', description: t('telegram-menu-mybookings') },
  { command: 'status', description: t('telegram-menu-status') },
  { command: 'upload', description: t('telegram-menu-upload') },
  { command: 'uploadlink', description: t('telegram-menu-uploadlink') },
  { command: 'revise', description: t('telegram-menu-revise') },
  { command: 'stems', description: t('telegram-menu-stems') },
  { command: 'format', description: t('telegram-menu-format') },
  { command: 'reschedule', description: t('telegram-menu-reschedule') },
  { command: 'cancel', description: t('telegram-menu-cancel') },
  { command: 'timezone', description: t('telegram-menu-timezone') },
  { command: 'help', description: t('telegram-menu-help') },
];
