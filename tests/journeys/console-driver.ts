// The console chat (bots/console/console-chat.ts) for real, typed into through a pipe: what the
// terminal prints is the transcript. Buttons are pressed by typing their number, as a person at
// the terminal does; the engineer's desk commands run as `mixdesk desk …` does in another terminal.
import { PassThrough } from 'node:stream';
import { runConsoleChat } from '../../bots/console/console-chat.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Language } from '../../core/texts.js';
import { runDesk, terminalAnswer } from './desk.js';
import type { ManualClock } from '../../core/clock.js';
import type { Studio } from '../../core/studio.js';
import type { InProcessQueue } from '../../queue/in-process.js';
import { browserUploadLine, labelIn, payLatestCheckout, settleStudio, uploadThroughLink, type JourneyDriver, type Label, type Outside } from './driver.js';

export class ConsoleDriver implements JourneyDriver {
  private readonly input = new PassThrough();
  private readonly output = new PassThrough();
  private printed = '';
  private last: Reply[] = [];
  private readonly refs: string[] = [];
  private running!: Promise<void>;

  constructor(
    readonly studio: Studio & { clock: ManualClock },
    private readonly conversation: Conversation,
    private readonly queue: InProcessQueue,
    readonly language: Language,
  ) {
    this.output.on('data', (d: Buffer) => {
      this.printed += d.toString();
      this.collectReferences(d.toString());
    });
  }

  /** Opens the terminal chat as `npm start` does without bot tokens. */
  async open(): Promise<void> {
    // The replies are recorded on their way to the terminal, so a press can find its button's number.
    const recording = Object.create(this.conversation) as Conversation;
    recording.handle = async (incoming) => (this.last = await this.conversation.handle(incoming));
    const user = this.language === 'es' ? 'lucia' : 'mara';
    process.env.LANG = this.language === 'es' ? 'es_ES.UTF-8' : 'en_GB.UTF-8';
    this.running = runConsoleChat({
      conversation: recording,
      outbox: this.studio.outbox,
      input: this.input,
      output: this.output,
      user,
      studioName: this.studio.name,
      store: this.studio.store,
    });
    await this.prompt(0);
  }

  async close(): Promise<string> {
    this.input.end();
    await this.running;
    return this.printed;
  }

  /**
   * Waits until the terminal shows its prompt again after `since` (the line typed was answered):
   * woken by what it prints, bounded by the test's timeout.
   */
  private prompt(since: number): Promise<void> {
    const answered = () => this.printed.length > since && this.printed.endsWith('\n> ');
    if (answered()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!answered()) return;
        this.output.off('data', check);
        resolve();
      };
      this.output.on('data', check);
    });
  }

  private collectReferences(text: string): void {
    for (const m of text.matchAll(/MD-[2-9A-Z]{6}/g)) if (!this.refs.includes(m[0])) this.refs.push(m[0]);
  }

  async say(text: string): Promise<void> {
    const since = this.printed.length;
    this.input.write(`${text}\n`);
    await this.prompt(since);
    // The running app sends what the turn started (alerts, deliveries) within moments. Here the
    // turn's jobs finish first, so a progress message is never caught halfway (the transcript
    // would change with the machine's speed).
    await this.settle();
  }

  async press(label: Label): Promise<void> {
    const want = labelIn(label, this.language);
    const buttons =
      [...this.last]
        .reverse()
        .find((r) => r.buttons?.length)
        ?.buttons?.flat() ?? [];
    const n = buttons.findIndex((b) => (typeof want === 'string' ? b.label.includes(want) : want.test(b.label)));
    if (n < 0) throw new Error(`no button "${String(want)}" among: ${buttons.map((b) => b.label).join(' | ')}`);
    await this.say(String(n + 1));
  }

  async file(_name: string, localPath: string, caption?: string): Promise<void> {
    await this.say(`/upload ${localPath}${caption ? ` ${caption}` : ''}`);
  }

  /** The studio's web server, and Stripe's fake when the journey takes payments (set by the runner). */
  outside: Outside = { webUrl: '' };

  async payOnline(): Promise<void> {
    this.output.write(`\n— ${this.language === 'es' ? 'Lucia' : 'Mara'} pays on the checkout page.\n`);
    await payLatestCheckout(this.outside);
    await this.settle();
  }

  async browserUpload(name: string, localPath: string): Promise<void> {
    this.output.write(`\n${browserUploadLine(this.language === 'es' ? 'Lucia' : 'Mara', name, localPath)}\n`);
    await uploadThroughLink(this.printed, this.outside.webUrl, name, localPath);
    await this.settle();
  }

  async desk(command: string): Promise<void> {
    const { typed, answer } = await runDesk(this.studio, command, this.refs);
    this.output.write(`\n[engineer's terminal] $ mixdesk desk ${typed}\n${terminalAnswer(answer)}\n`);
    await this.settle();
  }

  async settle(): Promise<void> {
    await settleStudio(this.studio, this.queue);
  }

  async advanceTo(at: Date): Promise<void> {
    this.studio.clock.set(at);
    this.output.write(`\n[${at.toISOString().slice(0, 16).replace('T', ' ')} UTC]\n`);
    await this.studio.reminders.sendDue('journey');
    await this.settle();
  }

  references(): string[] {
    return this.refs;
  }

  note(text: string): void {
    this.output.write(`\n— ${text}\n`);
  }
}
