// The Discord bot for real (discord.js fed raw gateway payloads, its REST pointed at the recording
// fake): the artist uses slash commands and buttons in their DMs with the bot, as Discord offers
// them; the engineer runs desk commands as slash commands in the studio's server (answers only
// they see) and gets alerts as DMs (DISCORD_ENGINEER_IDS). The transcript is what each of them sees.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createDiscordBot, type DiscordBot } from '../../bots/discord/bot.js';
import { chatCommands } from '../../core/conversation/commands/index.js';
import { deskCommands, hasActions, parseDeskCommand, type DeskArg } from '../../core/engineer/commands/index.js';
import { DiscordFake, EPHEMERAL, type FakeUser, type Sent } from '../helpers/discord-fake.js';
import { labelIn, type JourneyDriver, type Label } from './driver.js';
import { ChatDriver } from './chat-driver.js';
import { deskPort } from '../../core/engineer/perform.js';

/** The studio's own server and its engineer (DISCORD_STUDIO_GUILD_ID, DISCORD_ENGINEER_IDS). */
export const DISCORD_STUDIO_GUILD = '700000000000000001';
export const DISCORD_ENGINEER = '500000000000000009';

type Component = { type: number; label?: string; custom_id?: string; url?: string; options?: { label: string; value: string }[] };
type Row = { components: Component[] };

/** Discord's interaction callback types (what the bot answered a command or a press with). */
const CALLBACK = { message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, modal: 9 } as const;
/** Discord's option types for the engineer's typed arguments. */
const OPTION_TYPE: Record<DeskArg['type'], number> = { string: 3, integer: 4, number: 10 };

export class DiscordDriver extends ChatDriver implements JourneyDriver {
  private fake!: DiscordFake;
  private bot!: DiscordBot;
  private artist!: FakeUser;
  private engineer!: FakeUser;
  private readonly handled = new Set<string>();
  private waiters: { id: string; done: () => void }[] = [];
  private shown = 0;
  /** Whose interaction each token answers, and how the bot first answered it (a message, or an edit of the pressed one). */
  private readonly interactions = new Map<string, { who: 'artist' | 'engineer'; editsPressed: boolean }>();

  protected artistName(): string {
    return this.artist.global_name;
  }

  async open(): Promise<void> {
    this.fake = await new DiscordFake().start();
    this.artist = this.fake.user('500000000000000001', this.language === 'es' ? 'Lucia' : 'Mara', this.language === 'es' ? 'es-ES' : 'en-GB');
    this.engineer = this.fake.user(DISCORD_ENGINEER, 'Sam', 'en-GB');
    this.bot = createDiscordBot({
      token: 'x'.repeat(40),
      studio: this.studio,
      desk: deskPort(this.studio),
      conversation: this.conversation,
      log: pino({ level: 'silent' }),
      apiRoot: this.fake.api,
      onHandled: (id) => {
        this.handled.add(id);
        this.waiters = this.waiters.filter((w) => (this.handled.has(w.id) ? (w.done(), false) : true));
      },
    });
  }

  async close(): Promise<string> {
    this.show();
    await this.bot.stop();
    await this.fake.stop();
    return this.lines.join('\n');
  }

  /** Resolves once the bot has answered the interaction or message in full (woken by the bot, bounded by the test's timeout). */
  private handledEvent(id: string): Promise<void> {
    return this.handled.has(id) ? Promise.resolve() : new Promise((done) => this.waiters.push({ id, done }));
  }

  private async interact(line: string, who: 'artist' | 'engineer', payload: { id: string; token: string }): Promise<void> {
    this.show();
    this.lines.push('', line);
    this.interactions.set(payload.token, { who, editsPressed: false });
    DiscordFake.feed(this.bot.client, payload);
    await this.handledEvent(payload.id);
    await this.settle();
  }

  /**
   * A slash command as the artist picks it from Discord's list: the words after it fill the
   * command's one option. A first "/start" is a hello in the DMs (Discord has no /start: a
   * conversation with a bot begins with a message). Other text is a DM.
   */
  async say(text: string): Promise<void> {
    const name = /^\/(\w+)/.exec(text)?.[1];
    if (!name || name === 'start') {
      const written = name ? (this.language === 'es' ? 'Hola' : 'Hello') : text;
      this.show();
      this.lines.push('', `${this.artist.global_name} (DM): ${written}`);
      const message = this.fake.directMessage(this.artist, written);
      DiscordFake.feedMessage(this.bot.client, message);
      await this.handledEvent(message.id);
      return this.settle();
    }
    const command = chatCommands.find((c) => c.name === name);
    const discord = command?.discord;
    if (!discord || discord === 'own') throw new Error(`/${name} is not one of the artist's Discord commands this driver types`);
    const value = text.slice(name.length + 1).trim();
    const options = value && discord.option ? [{ name: discord.option.name, type: 3, value }] : [];
    const shown = options.length ? `/${name} ${discord.option!.name}:${value}` : `/${name}`;
    await this.interact(`${this.artist.global_name} uses ${shown}`, 'artist', this.fake.slash(name, this.artist, { options }));
  }

  async press(label: Label): Promise<void> {
    const want = labelIn(label, this.language);
    const matches = (c: Component) => !!c.custom_id && !!c.label && (typeof want === 'string' ? c.label.includes(want) : want.test(c.label));
    const message = [...this.fake.sent].reverse().find((s) => this.whose(s) === 'artist' && this.components(s).some(matches));
    if (!message) throw new Error(`no button "${String(want)}" in the artist's DMs`);
    const button = this.components(message).find(matches)!;
    await this.interact(`${this.artist.global_name} presses [${button.label}]`, 'artist', this.fake.button(button.custom_id!, this.artist));
  }

  /** Discord's /upload with the file attached; a caption is the command's booking option. */
  async file(name: string, localPath: string, caption?: string): Promise<void> {
    const attachment = this.fake.attachment(name, readFileSync(localPath));
    const options = [{ name: 'file', type: 11, value: attachment.id }, ...(caption ? [{ name: 'reference', type: 3, value: caption }] : [])];
    await this.interact(
      `${this.artist.global_name} uses /upload file:${name}${caption ? ` reference:${caption}` : ''}`,
      'artist',
      this.fake.slash('upload', this.artist, { options, resolved: { attachments: { [attachment.id]: attachment } } }),
    );
  }

  /** The desk command as the engineer's slash command in the studio's server: its words become the subcommand and options. */
  async desk(command: string): Promise<void> {
    const words = command.split(/\s+/).map((w) => {
      const n = /^MD-REF(\d+)$/.exec(w)?.[1];
      return n ? (this.refs[Number(n) - 1] ?? w) : w;
    });
    const { action, args } = parseDeskCommand(words);
    const desk = deskCommands.find((c) => c.name === words[0])!;
    const argOptions = (action.args ?? [])
      .filter((a) => args[a.name] !== undefined)
      .map((a) => ({ name: a.name, type: OPTION_TYPE[a.type], value: args[a.name] }));
    const options = hasActions(desk) ? [{ name: words[1]!, type: 1, options: argOptions }] : argOptions;
    const shown = [`/${words[0]}`, ...(hasActions(desk) ? [words[1]] : []), ...argOptions.map((o) => `${o.name}:${String(o.value)}`)].join(' ');
    await this.interact(
      `[engineer, in the studio's server] ${this.engineer.global_name} uses ${shown}`,
      'engineer',
      this.fake.slash(words[0]!, this.engineer, { guildId: DISCORD_STUDIO_GUILD, options }),
    );
  }

  private components(s: Sent): Component[] {
    return ((s.body.components as Row[] | undefined) ?? []).flatMap((r) => r.components);
  }

  /** Who sees a message the bot sent: the artist, the engineer, or (a deferral) nobody yet. */
  private whose(s: Sent): 'artist' | 'engineer' | null {
    if (s.kind === 'dm' || s.kind === 'edit-message')
      return s.channelId === `dm-${this.artist.id}` ? 'artist' : s.channelId === `dm-${this.engineer.id}` ? 'engineer' : null;
    return s.interactionToken ? (this.interactions.get(s.interactionToken)?.who ?? null) : null;
  }

  /** What the bot did since last shown, as each person's Discord shows it. */
  protected show(): void {
    for (const s of this.fake.sent.slice(this.shown)) {
      const who = this.whose(s);
      if (!who) continue;
      const asked = s.interactionToken ? this.interactions.get(s.interactionToken) : undefined;
      if (s.kind === 'callback' && asked && (s.callbackType === CALLBACK.deferredUpdate || s.callbackType === CALLBACK.update)) asked.editsPressed = true;
      // A deferral is Discord's "thinking…" until the answer fills it in: the answer is what is read.
      if (s.kind === 'callback' && (s.callbackType === CALLBACK.deferredMessage || s.callbackType === CALLBACK.deferredUpdate)) continue;
      for (const m of this.fake.textOf(s).matchAll(/MD-[2-9A-Z]{6}/g)) if (!this.refs.includes(m[0])) this.refs.push(m[0]);
      const where = who === 'artist' ? 'bot' : s.kind === 'dm' || s.kind === 'edit-message' ? "bot → engineer's DMs" : 'bot → engineer';
      const onlyThem = (Number(s.body.flags ?? 0) & EPHEMERAL) !== 0 || (who === 'engineer' && !!asked) ? ' (only they see it)' : '';
      if (s.kind === 'callback' && s.callbackType === CALLBACK.modal) {
        this.lines.push(`${where} opens a text box: ${String(s.body.title ?? '')}`);
        continue;
      }
      const edits =
        s.kind === 'edit-message' || (s.kind === 'callback' && s.callbackType === CALLBACK.update) || (s.kind === 'edit-original' && asked?.editsPressed);
      const head = `${where}${edits ? ' (edits its message)' : ''}${onlyThem}`;
      const files = s.files.map((f) => `\n  📎 ${f.name}`).join('');
      this.lines.push(`${head}: ${this.fake.textOf(s)}${files}${this.buttons(s)}`);
    }
    this.shown = this.fake.sent.length;
  }

  private buttons(s: Sent): string {
    const rows = (s.body.components as Row[] | undefined) ?? [];
    return rows
      .map(
        (r) =>
          `\n  ${r.components
            .map((c) => (c.options ? `[${c.options.map((o) => o.label).join(' | ')} ▾]` : `[${c.label ?? ''}${c.url ? ` → ${c.url}` : ''}]`))
            .join(' ')}`,
      )
      .join('');
  }
}
