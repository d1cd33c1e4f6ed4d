// The Discord bot: discord.js client, the interaction router, and the outbox's 'discord' sender,
// which delivers to the artist's DMs through the REST API (its queue handles rate limits).
import { sendParts, type SendProgress } from '../../core/messaging/outbox.js';
import { Client, GatewayIntentBits, Partials, Routes, type RawFile } from 'discord.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Logger } from '../../core/logger.js';
import type { DeskPort } from '../../core/engineer/perform.js';
import { commands } from './commands/index.js';
import { renderReply } from './render.js';
import { routeInteractions } from './router.js';
import { dmFileReplies } from './dm-files.js';
import type { DiscordDeps, DiscordStudio } from './types.js';

export interface DiscordOptions {
  token: string;
  studio: DiscordStudio;
  /** The engineer's commands, run and audited. */
  desk: DeskPort;
  conversation: Conversation;
  log: Logger;
  /** https://discord.com/api unless pointed elsewhere (tests). */
  apiRoot?: string;
  /** Told when an interaction has been answered in full (tests wait on it instead of on the clock). */
  onHandled?: (interactionId: string) => void;
}

export interface DiscordBot {
  client: Client;
  deps: DiscordDeps;
  /** Connects to the gateway (not used by the tests, which feed interactions directly). */
  login(): Promise<void>;
  stop(): Promise<void>;
}

export function createDiscordBot(o: DiscordOptions): DiscordBot {
  // DM channels arrive uncached: Partials.Channel lets their messages through (a DM's content needs no privileged intent).
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    ...(o.apiRoot ? { rest: { api: o.apiRoot } } : {}),
  });
  client.rest.setToken(o.token);
  const deps: DiscordDeps = { studio: o.studio, desk: o.desk, conversation: o.conversation, log: o.log, rest: client.rest };
  routeInteractions(client, deps, commands, o.onHandled);
  const dms = new Map<string, string>();
  /** The DM channel with a user, opened once. */
  const dmChannel = async (userId: string) => {
    let channel = dms.get(userId);
    if (!channel) {
      channel = ((await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id;
      dms.set(userId, channel);
    }
    return channel;
  };
  /** Posts a reply in a channel (a DM), as one or more messages; the last one's id. */
  /** A reply as Discord messages, each taken before the next (and reported to `progress`, so a send cut short resumes after them). */
  const post = async (channel: string, reply: Reply, progress?: SendProgress): Promise<string | undefined> => {
    let last: string | undefined;
    const parts = (await renderReply(reply, o.studio.store)).map((m) => async () => {
      const files: RawFile[] = m.files.map((f) => ({ name: f.name, data: f.attachment }));
      const body = {
        content: m.content,
        components: m.components,
        ...(files.length ? { attachments: files.map((f, id) => ({ id, filename: f.name })) } : {}),
      };
      last = ((await client.rest.post(Routes.channelMessages(channel), { body, files })) as { id: string }).id;
    });
    await sendParts(parts, progress);
    return last;
  };
  // What someone writes to the bot in a DM (not a command): files dropped in (an upload, as with
  // /upload), an artist's live note while their session runs, the engineer's answer to the session
  // they run, otherwise the conversation says what it can do. Messages in servers are not read.
  client.on('messageCreate', (m) => {
    if (m.author.bot || m.guildId || (!m.content.trim() && m.attachments.size === 0)) return;
    const sender = {
      platform: 'discord',
      chatId: m.author.id,
      userId: m.author.id,
      displayName: m.author.globalName ?? m.author.username,
      username: m.author.username,
      isPrivateChat: true,
    };
    const answer =
      m.attachments.size > 0
        ? dmFileReplies(o.conversation, sender, { id: m.id, content: m.content, attachments: m.attachments.values() })
        : // The engineer of a running session answers the artist by writing here (or with /reply).
          o.studio.notes
            .engineerTyped(`engineer:discord:${m.author.id}`, m.content)
            .then(async (answered) =>
              answered === null ? o.conversation.handle({ ...sender, kind: 'text', text: m.content, eventId: m.id }) : [{ text: answered }],
            );
    void answer
      .then(async (replies) => {
        for (const r of replies) await post(m.channelId, r);
      })
      .catch((err: unknown) => o.log.error({ err, message: m.id }, 'answering a Discord DM failed'))
      .finally(() => o.onHandled?.(m.id));
  });
  o.studio.outbox.register('discord', {
    send: async (userId: string, reply: Reply, progress?: SendProgress) => post(await dmChannel(userId), reply, progress),
    async edit(userId: string, messageId: string, reply: Reply) {
      const channel = await dmChannel(userId);
      await client.rest.patch(Routes.channelMessage(channel, messageId), { body: { content: reply.text.slice(0, 2000) } });
    },
  });
  return {
    client,
    deps,
    login: async () => void (await client.login(o.token)),
    stop: () => client.destroy(),
  };
}
