// The Telegram bot for real (grammY long polling the Bot API fake over HTTP): the transcript is
// what the artist's chat shows — messages with their inline buttons, edits, files — and what
// reaches the engineer's Telegram chat (ENGINEER_CHAT=telegram:…). The engineer's desk commands
// run as `mixdesk desk …` does in a terminal.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createTelegramBot, type TelegramBot } from '../../bots/telegram/bot.js';
import { TelegramFake, type BotCall } from '../helpers/telegram-fake.js';
import { labelIn, type JourneyDriver, type Label } from './driver.js';
import { ChatDriver } from './chat-driver.js';
import { runDesk, terminalAnswer } from './desk.js';

/** The engineer's Telegram chat (ENGINEER_CHAT=telegram:900). */
export const TELEGRAM_ENGINEER_CHAT = 900;

type Keyboard = { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };

export class TelegramDriver extends ChatDriver implements JourneyDriver {
  private fake!: TelegramFake;
  private bot!: TelegramBot;
  private handled = new Map<number, number>();
  private waiters: { id: number; done: () => void }[] = [];
  private shown = 0;
  private user!: ReturnType<TelegramFake['user']>;

  protected artistName(): string {
    return this.user.first_name;
  }

  async open(): Promise<void> {
    this.fake = await new TelegramFake().start();
    this.user = { ...this.fake.user(501, this.language === 'es' ? 'Lucia' : 'Mara'), language_code: this.language } as ReturnType<TelegramFake['user']>;
    this.bot = await createTelegramBot({
      token: this.fake.token,
      apiRoot: this.fake.url,
      conversation: this.conversation,
      outbox: this.studio.outbox,
      store: this.studio.store,
      log: pino({ level: 'silent' }),
      onHandled: (id) => {
        this.handled.set(id, (this.handled.get(id) ?? 0) + 1);
        this.waiters = this.waiters.filter((w) => (this.handled.has(w.id) ? (w.done(), false) : true));
      },
    });
    await this.bot.startPolling();
  }

  async close(): Promise<string> {
    this.show();
    await this.bot.stop();
    await this.fake.stop();
    return this.lines.join('\n');
  }

  /** Resolves once the bot has handled the update (woken by the bot, bounded by the test's timeout). */
  private handledUpdate(id: number): Promise<void> {
    return this.handled.has(id) ? Promise.resolve() : new Promise((done) => this.waiters.push({ id, done }));
  }

  private async act(line: string, update: () => number): Promise<void> {
    this.show();
    this.lines.push('', line);
    await this.handledUpdate(update());
    await this.settle();
  }

  say(text: string): Promise<void> {
    return this.act(`${this.user.first_name}: ${text}`, () => this.fake.sendText(this.user, text));
  }

  async press(label: Label): Promise<void> {
    const want = labelIn(label, this.language);
    const matches = (b: { text: string }) => (typeof want === 'string' ? b.text.includes(want) : want.test(b.text));
    const call = [...this.fake.to(this.user.id)].reverse().find((c) => this.keyboard(c).flat().some(matches));
    if (!call) throw new Error(`no button "${String(want)}" in the chat`);
    const button = this.keyboard(call).flat().find(matches)!;
    await this.act(`${this.user.first_name} presses [${button.text}]`, () => this.fake.press(this.user, call, want));
  }

  file(name: string, localPath: string, caption?: string): Promise<void> {
    return this.act(`${this.user.first_name} sends the file ${name}${caption ? ` with the caption “${caption}”` : ''}`, () =>
      this.fake.sendDocument(this.user, name, readFileSync(localPath), 'audio/wav', TelegramFake.privateChat(this.user), caption),
    );
  }

  async desk(command: string): Promise<void> {
    this.show();
    const { typed, answer } = await runDesk(this.studio, command, this.refs);
    this.lines.push('', `[engineer's terminal] $ mixdesk desk ${typed}`, terminalAnswer(answer));
    await this.settle();
  }

  private keyboard(c: BotCall): NonNullable<Keyboard['inline_keyboard']> {
    const markup = c.params.reply_markup;
    const parsed = (typeof markup === 'string' ? JSON.parse(markup) : markup) as Keyboard | undefined;
    return parsed?.inline_keyboard ?? [];
  }

  /** What the bot did since last shown, as the chats show it. */
  protected show(): void {
    for (const c of this.fake.calls.slice(this.shown)) {
      const chat = String(c.params.chat_id ?? '');
      const where = chat === String(this.user.id) ? 'bot' : chat === String(TELEGRAM_ENGINEER_CHAT) ? "bot → engineer's chat" : null;
      const text = String(c.params.text ?? c.params.caption ?? '');
      for (const m of text.matchAll(/MD-[2-9A-Z]{6}/g)) if (!this.refs.includes(m[0])) this.refs.push(m[0]);
      const buttons = this.keyboard(c)
        .filter((row) => row.length) // grammY's trailing .row() leaves an empty row, which Telegram ignores
        .map((row) => `  ${row.map((b) => `[${b.text}${b.url ? ` → ${b.url}` : ''}]`).join(' ')}`)
        .join('\n');
      if (c.method === 'answerCallbackQuery') {
        if (c.params.text) this.lines.push(`(bot answers the press: ${String(c.params.text)})`);
      } else if (where && c.method === 'sendMessage') this.lines.push(`${where}: ${text}${buttons ? `\n${buttons}` : ''}`);
      else if (where && c.method === 'editMessageText') this.lines.push(`${where} (edits its message): ${text}${buttons ? `\n${buttons}` : ''}`);
      else if (where && c.method === 'editMessageReplyMarkup') this.lines.push(`${where} (changes the buttons)${buttons ? `\n${buttons}` : ': none left'}`);
      else if (where && c.file)
        this.lines.push(
          `${where} sends ${c.method.replace('send', '').toLowerCase()} ${c.file.name}${text && text !== c.file.name ? `: ${text}` : ''}${buttons ? `\n${buttons}` : ''}`,
        );
      else if (where && c.method === 'sendInvoice')
        this.lines.push(`${where} sends an invoice: ${String(c.params.title)} — ${String(c.params.description ?? '')}`);
    }
    this.shown = this.fake.calls.length;
  }
}
