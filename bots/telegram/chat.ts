// From a grammY context to the core's conversation and back. In groups the artist's dialog moves to
// their private chat with the bot: everything the core says is private by default (bookings,
// prices, links, files), and a group only hears that the answer went to a private chat.
import type { Context } from 'grammy';
import { GrammyError } from 'grammy';
import type { Conversation } from '../../core/conversation/engine.js';
import { parseCommand, type IncomingBody, type Reply, type Sender } from '../../core/conversation/types.js';
import type { Logger } from '../../core/logger.js';
import { t } from '../../core/texts.js';
import type { TelegramRenderer } from './render.js';

export interface ChatDeps {
  conversation: Conversation;
  renderer: TelegramRenderer;
  log: Logger;
  botUsername: () => string;
}

export function senderOf(ctx: Context): Sender {
  const from = ctx.from!;
  const isPrivate = ctx.chat?.type === 'private';
  return {
    platform: 'telegram',
    // The dialog lives in the artist's private chat wherever they wrote from.
    chatId: String(isPrivate ? ctx.chat!.id : from.id),
    userId: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || `user ${from.id}`,
    ...(from.username ? { username: from.username } : {}),
    ...(from.language_code ? { language: from.language_code } : {}),
    isPrivateChat: true,
  };
}

/** Hands an event to the core and delivers its replies; in a group, privately. */
export async function forward(ctx: Context, deps: ChatDeps, body: IncomingBody): Promise<void> {
  const sender = senderOf(ctx);
  const replies = await deps.conversation.handle({ ...sender, ...body, eventId: String(ctx.update.update_id) });
  await deliver(ctx, deps, replies);
}

/**
 * A command message (/book@MixdeskBot master) as the core's command, or undefined when it is not a
 * command or is addressed to another bot (/help@OtherBot in a group is not ours to answer).
 */
export function commandFor(ctx: Context, deps: ChatDeps): { command: string; args: string } | undefined {
  const cmd = parseCommand(ctx.msg?.text ?? '');
  if (!cmd) return undefined;
  if (cmd.target && cmd.target.toLowerCase() !== deps.botUsername().toLowerCase()) return undefined;
  return { command: cmd.command, args: cmd.args };
}

export function forwardCommand(ctx: Context, deps: ChatDeps): Promise<void> {
  const cmd = commandFor(ctx, deps);
  return cmd ? forward(ctx, deps, { kind: 'command', ...cmd }) : Promise.resolve();
}

export async function deliver(ctx: Context, deps: ChatDeps, replies: Reply[]): Promise<void> {
  if (!replies.length) return;
  const inGroup = ctx.chat !== undefined && ctx.chat.type !== 'private';
  // No chat at all (a button under an inline-mode message): the artist's private chat.
  const target = ctx.chat && !inGroup ? ctx.chat.id : ctx.from!.id;
  const name = ctx.from?.first_name ?? '';
  try {
    for (const r of replies) {
      if (inGroup && r.visibility === 'public') await deps.renderer.send(ctx.chat!.id, r);
      else await deps.renderer.send(target, r);
    }
    if (inGroup && replies.some((r) => r.visibility !== 'public')) await ctx.reply(t('telegram-replied-privately', { name }));
  } catch (err) {
    // A user who never opened a private chat cannot be written to first: say how, in the group.
    if (inGroup && err instanceof GrammyError && err.error_code === 403) {
      await ctx.reply(t('telegram-open-private-chat', { name, bot: deps.botUsername() }));
      return;
    }
    throw err;
  }
}
