// Button presses and free text: both answer the question the core's dialog is waiting on. The
// press is acknowledged at once (Telegram shows a spinner until then); the core recognises stale
// and double-pressed buttons.
import { Composer, type Context } from 'grammy';
import { parseCommand } from '../../../core/conversation/types.js';
import { commandFor, forward, type ChatDeps } from '../chat.js';

export function dialog(deps: ChatDeps): Composer<Context> {
  const c = new Composer();
  c.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    await forward(ctx, deps, { kind: 'button', data: ctx.callbackQuery.data });
  });
  // Unknown commands get the core's "I don't know /x" answer; plain text answers the dialog.
  c.on('message:text', (ctx) => {
    const text = ctx.msg.text;
    const m = commandFor(ctx, deps);
    // A command for another bot is not ours; in groups only our commands are for us (the dialog
    // itself continues in the private chat).
    if (!m && (parseCommand(text) || ctx.chat.type !== 'private')) return;
    return forward(ctx, deps, m ? { kind: 'command', ...m } : { kind: 'text', text });
  });
  return c;
}
