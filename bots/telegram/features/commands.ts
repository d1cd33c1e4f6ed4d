// The artist's commands, made from the core's command registry (core/conversation/commands): each
// goes to the core's conversation layer, which owns the dialog (so the console, Telegram and
// Discord behave the same), and the menu lists the ones that have a menu entry.
import { Composer, type Context } from 'grammy';
import { chatCommands } from '../../../core/conversation/commands/index.js';
import { forwardCommand, type ChatDeps } from '../chat.js';

export function commands(deps: ChatDeps): Composer<Context> {
  const c = new Composer();
  c.command(
    chatCommands.map((cmd) => cmd.name),
    (ctx) => forwardCommand(ctx, deps),
  );
  return c;
}

/** The commands shown in Telegram's menu, in the order /help lists them. */
export const menu = (): { command: string; description: string }[] =>
  chatCommands.filter((cmd) => cmd.menu).map((cmd) => ({ command: cmd.name, description: cmd.menu!() }));
