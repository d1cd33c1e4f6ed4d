// Discord for tests: a REST server on loopback that records what the bot sends (interaction
// callbacks get 204 as Discord's do; webhooks, DMs and channel messages get message objects),
// serves attachment downloads like the CDN, and builds raw INTERACTION_CREATE payloads that are
// fed through discord.js's own handler.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import type { Client } from 'discord.js';

export interface Sent {
  kind: 'callback' | 'edit-original' | 'followup' | 'dm' | 'channel-message' | 'edit-message' | 'commands';
  path: string;
  /** The message body (for a callback: its `data`). */
  body: Record<string, unknown>;
  callbackType?: number;
  channelId?: string;
  interactionToken?: string;
  files: { name: string; bytes: Buffer }[];
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string;
  discriminator: '0';
}

export const EPHEMERAL = 64;

export class DiscordFake {
  readonly appId = '100000000000000001';
  sent: Sent[] = [];
  /** Users whose DMs are closed: sending gets 50007. */
  readonly closedDms = new Set<string>();
  private readonly cdn = new Map<string, Buffer>();
  private server!: Server;
  url = '';
  private seq = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res).catch((err: unknown) => this.json(res, 500, { message: String(err) })));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  get api(): string {
    return `${this.url}/api`;
  }

  /** The language each user's Discord is set to: sent with every interaction of theirs, as Discord does. */
  private readonly locales = new Map<string, string>();

  user(id: string, name: string, locale = 'en-GB'): FakeUser {
    this.locales.set(id, locale);
    return { id, username: name.toLowerCase(), global_name: name, discriminator: '0' };
  }

  private snowflake(): string {
    return `${Date.now()}${String(++this.seq).padStart(6, '0')}`;
  }

  /** An attachment as Discord resolves it in an option (bytes served at its CDN url). */
  attachment(name: string, bytes: Buffer, contentType = 'audio/wav') {
    const id = this.snowflake();
    this.cdn.set(id, bytes);
    return {
      id,
      filename: name,
      size: bytes.length,
      url: `${this.url}/attachments/${id}/${encodeURIComponent(name)}`,
      proxy_url: `${this.url}/attachments/${id}/${encodeURIComponent(name)}`,
      content_type: contentType,
    };
  }

  private base(user: FakeUser, where: { guildId?: string; roles?: string[]; permissions?: string }) {
    const token = randomBytes(12).toString('hex');
    const common = {
      id: this.snowflake(),
      application_id: this.appId,
      token,
      version: 1,
      locale: this.locales.get(user.id) ?? 'en-GB',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      attachment_size_limit: 10 * 2 ** 20,
    };
    if (where.guildId) {
      return {
        ...common,
        guild_id: where.guildId,
        guild_locale: 'en-GB',
        channel_id: `${where.guildId}1`,
        channel: { id: `${where.guildId}1`, type: 0, guild_id: where.guildId, name: 'general' },
        context: 0,
        member: {
          user,
          roles: where.roles ?? [],
          permissions: where.permissions ?? '0',
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      };
    }
    return { ...common, channel_id: `dm-${user.id}`, channel: { id: `dm-${user.id}`, type: 1 }, context: 1, user };
  }

  /** A slash command; `options` as Discord sends them (subcommands nest their options). */
  slash(
    name: string,
    user: FakeUser,
    o: { options?: unknown[]; guildId?: string; roles?: string[]; permissions?: string; resolved?: Record<string, unknown> } = {},
  ) {
    return {
      ...this.base(user, o),
      type: 2,
      data: { id: this.snowflake(), name, type: 1, options: o.options ?? [], ...(o.resolved ? { resolved: o.resolved } : {}) },
    };
  }

  /** Discord asking for suggestions while `focused` of command `name` is typed. */
  autocomplete(name: string, user: FakeUser, focused: { name: string; value: string }, o: { guildId?: string } = {}) {
    return {
      ...this.base(user, o),
      type: 4,
      data: { id: this.snowflake(), name, type: 1, options: [{ name: focused.name, type: 3, value: focused.value, focused: true }] },
    };
  }

  /** A press of a button the bot sent. */
  button(customId: string, user: FakeUser, o: { guildId?: string; roles?: string[]; content?: string } = {}) {
    const base = this.base(user, o);
    return {
      ...base,
      type: 3,
      message: {
        id: this.snowflake(),
        channel_id: base.channel_id,
        content: o.content ?? '',
        author: { id: this.appId, username: 'mixdesk', discriminator: '0' },
        attachments: [],
        embeds: [],
        components: [],
        timestamp: new Date().toISOString(),
        type: 0,
        flags: EPHEMERAL,
      },
      data: { custom_id: customId, component_type: 2 },
    };
  }

  /** A submitted modal with text inputs. */
  modalSubmit(customId: string, values: Record<string, string>, user: FakeUser, o: { guildId?: string } = {}) {
    return {
      ...this.base(user, o),
      type: 5,
      data: { custom_id: customId, components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
    };
  }

  /** Feeds a raw interaction through discord.js as the gateway would (a private API: see the guard test). */
  static feed(client: Client, payload: unknown): void {
    (client as unknown as { actions: { InteractionCreate: { handle(p: unknown): void } } }).actions.InteractionCreate.handle(payload);
  }

  /** A message a user writes to the bot in their DM channel (`dm-<user id>`), as the gateway's MESSAGE_CREATE carries it. */
  directMessage(user: FakeUser, content: string, attachments: ReturnType<DiscordFake['attachment']>[] = []) {
    return {
      id: this.snowflake(),
      channel_id: `dm-${user.id}`,
      // Discord's gateway says a message's channel type (1: a DM), which is how discord.js makes the uncached DM channel.
      channel_type: 1,
      author: { ...user, avatar: null },
      content,
      type: 0,
      timestamp: new Date().toISOString(),
      attachments,
      embeds: [],
      mentions: [],
      mention_roles: [],
      pinned: false,
      mention_everyone: false,
      tts: false,
    };
  }

  /** Feeds a raw message through discord.js as the gateway would (the same private API as `feed`). */
  static feedMessage(client: Client, payload: unknown): void {
    (client as unknown as { actions: { MessageCreate: { handle(p: unknown): void } } }).actions.MessageCreate.handle(payload);
  }

  /** Everything the bot said in answer to one interaction, in order. */
  answersTo(payload: { id: string; token: string }): Sent[] {
    return this.sent.filter((s) => s.path.includes(`/interactions/${payload.id}/`) || s.interactionToken === payload.token);
  }

  textOf(s: Sent): string {
    return String(s.body.content ?? '');
  }

  dmsTo(userId: string): Sent[] {
    return this.sent.filter((s) => s.kind === 'dm' && s.channelId === `dm-${userId}`);
  }

  async waitFor(test: (s: Sent) => boolean, timeoutMs = 80_000): Promise<Sent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.sent.find(test);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(`timed out; sent so far:\n${this.sent.map((s) => `${s.kind} ${s.path} ${this.textOf(s).slice(0, 120)}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /** While set, posts to server channels wait for it (a slow Discord); `heldChannelPosts` counts those that arrived. */
  channelPostGate: Promise<void> | null = null;
  heldChannelPosts = 0;

  private async parse(req: IncomingMessage): Promise<{ body: Record<string, unknown>; files: Sent['files'] }> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      return { body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, files: [] };
    }
    const files: { name: string; chunks: Buffer[] }[] = [];
    let body: Record<string, unknown> = {};
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({ headers: req.headers, defParamCharset: 'utf8' });
      bb.on('field', (name, value) => {
        if (name === 'payload_json') body = JSON.parse(value) as Record<string, unknown>;
      });
      bb.on('file', (_name, stream, info) => {
        const f = { name: info.filename ?? 'file', chunks: [] as Buffer[] };
        files.push(f);
        stream.on('data', (c: Buffer) => f.chunks.push(c));
      });
      bb.on('close', resolve);
      bb.on('error', reject);
      req.pipe(bb);
    });
    return { body, files: files.map((f) => ({ name: f.name, bytes: Buffer.concat(f.chunks) })) };
  }

  private message(channelId: string, body: Record<string, unknown>) {
    return {
      id: this.snowflake(),
      channel_id: channelId,
      content: body.content ?? '',
      author: { id: this.appId, username: 'mixdesk', discriminator: '0', bot: true },
      attachments: [],
      embeds: [],
      components: [],
      timestamp: new Date().toISOString(),
      type: 0,
      flags: 0,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const p = url.pathname;
    const cdn = /^\/attachments\/(\d+)\//.exec(p);
    if (cdn) {
      const bytes = this.cdn.get(cdn[1]!);
      if (!bytes) return this.json(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-length': bytes.length });
      return void res.end(bytes);
    }
    const { body, files } = await this.parse(req);
    const route = p.replace(/^\/api\/v\d+/, '');
    let m: RegExpExecArray | null;
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route))) {
      this.sent.push({
        kind: 'callback',
        path: route,
        body: (body.data as Record<string, unknown>) ?? {},
        callbackType: body.type as number,
        interactionToken: m[2]!,
        files,
      });
      res.writeHead(204);
      return void res.end();
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)\/messages\/(?:@|%40)original$/.exec(route))) {
      this.sent.push({ kind: 'edit-original', path: route, body, interactionToken: m[1]!, files });
      return this.json(res, 200, this.message('0', body));
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)$/.exec(route))) {
      this.sent.push({ kind: 'followup', path: route, body, interactionToken: m[1]!, files });
      return this.json(res, 200, this.message('0', body));
    }
    if (route === '/users/@me/channels')
      return this.json(res, 200, {
        id: `dm-${String(body.recipient_id)}`,
        type: 1,
        recipients: [{ id: body.recipient_id, username: 'someone', discriminator: '0' }],
      });
    if ((m = /^\/channels\/([^/]+)\/messages\/(\d+)$/.exec(route)) && req.method === 'PATCH') {
      this.sent.push({ kind: 'edit-message', path: route, body, channelId: m[1]!, files });
      return this.json(res, 200, this.message(m[1]!, body));
    }
    if ((m = /^\/channels\/([^/]+)\/messages$/.exec(route))) {
      const channel = m[1]!;
      if (this.channelPostGate && !channel.startsWith('dm-')) {
        this.heldChannelPosts++;
        await this.channelPostGate;
      }
      if (channel.startsWith('dm-') && this.closedDms.has(channel.slice(3)))
        return this.json(res, 403, { code: 50007, message: 'Cannot send messages to this user' });
      this.sent.push({ kind: channel.startsWith('dm-') ? 'dm' : 'channel-message', path: route, body, channelId: channel, files });
      return this.json(res, 200, this.message(channel, body));
    }
    if (/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route) && req.method === 'PUT') {
      this.sent.push({ kind: 'commands', path: route, body: { commands: body }, files });
      return this.json(res, 200, body);
    }
    return this.json(res, 404, { message: `fake has no ${req.method} ${route}`, code: 0 });
  }
}
