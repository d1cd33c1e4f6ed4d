// From an interaction to the core's conversation and back. In servers every answer is ephemeral
// (only the person who asked sees it): the core's replies are private by default — bookings,
// prices, links, files, keycodes. In DMs they are ordinary messages.
import {
  MessageFlags,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { IncomingBody, Reply, Sender } from '../../core/conversation/types.js';
import { renderReply } from './render.js';
import type { DiscordCommand, DiscordDeps } from './types.js';
import { t } from '../../core/texts.js';

export type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

export function senderOf(i: Answerable): Sender {
  return {
    platform: 'discord',
    // The dialog and its deliveries live in the artist's DMs, wherever they asked from.
    chatId: i.user.id,
    userId: i.user.id,
    displayName: i.user.globalName ?? i.user.username,
    username: i.user.username,
    language: i.locale,
    isPrivateChat: true,
  };
}

/** Answers an interaction with core replies: the first as the reply, the rest as follow-ups. */
export async function respond(i: Answerable, replies: Reply[], deps: DiscordDeps): Promise<void> {
  const ephemeral = i.inGuild();
  const limit = i.attachmentSizeLimit || undefined;
  const messages = (await Promise.all(replies.map((r) => renderReply(r, deps.studio.store, limit)))).flat();
  if (!messages.length) messages.push({ content: t('discord-done'), components: [], files: [] });
  for (const [n, m] of messages.entries()) {
    const payload = { content: m.content, components: m.components, files: m.files };
    // A press in a dialog answers in the dialog's own message (the discord.js guide's update):
    // one message walks through the booking, instead of a new one per press.
    if (n === 0 && i.isMessageComponent() && !i.deferred && !i.replied) await i.update(payload);
    else if (n === 0 && i.deferred) await i.editReply(payload);
    else if (n === 0 && !i.replied) await i.reply({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    else await i.followUp({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

export async function forward(i: Answerable, body: IncomingBody, deps: DiscordDeps): Promise<void> {
  const replies = await deps.conversation.handle({ ...senderOf(i), ...body, eventId: i.id });
  await respond(i, replies, deps);
}

/** A slash command whose options become the core command's arguments. */
export function forwardCommand(i: ChatInputCommandInteraction, deps: DiscordDeps, command: string, args = ''): Promise<void> {
  return forward(i, { kind: 'command', command, args }, deps);
}

export function text(i: Answerable, content: string): Promise<unknown> {
  const flags = i.inGuild() ? { flags: MessageFlags.Ephemeral as const } : {};
  if (i.deferred) return i.editReply({ content });
  if (i.replied) return i.followUp({ content, ...flags });
  return i.reply({ content, ...flags });
}

/** The required "reference" option of the engineer's commands: which booking. */
export const bookingOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o.setName('reference').setDescription(t('discord-option-booking')).setRequired(true);

/** A slash command that is one of the core's dialog commands; its option becomes the arguments. */
export function coreCommand(name: string, description: () => string, option?: { name: string; description: () => string }): DiscordCommand {
  const define = () => {
    const data = new SlashCommandBuilder().setName(name).setDescription(description());
    if (option) data.addStringOption((o) => o.setName(option.name).setDescription(option.description()).setRequired(false));
    return data;
  };
  return { define, execute: (i, deps) => forwardCommand(i, deps, name, option ? (i.options.getString(option.name) ?? '') : '') };
}
