// What the Telegram and Discord drivers do alike: a transcript of lines, the references seen, the
// studio's web server and Stripe's fake outside the chat, time passing and narration. Each says how
// its chat shows what the bot did (`show`) and who the artist is.
import type { ManualClock } from '../../core/clock.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import type { Language } from '../../core/texts.js';
import type { InProcessQueue } from '../../queue/in-process.js';
import { browserUploadLine, payLatestCheckout, settleStudio, uploadThroughLink, type Outside } from './driver.js';

export abstract class ChatDriver {
  protected readonly lines: string[] = [];
  protected readonly refs: string[] = [];
  /** The studio's web server, and Stripe's fake when the journey takes payments (set by the runner). */
  outside: Outside = { webUrl: '' };

  constructor(
    readonly studio: Studio & { clock: ManualClock },
    protected readonly conversation: Conversation,
    protected readonly queue: InProcessQueue,
    readonly language: Language,
  ) {}

  /** The artist's name as their chat shows it. */
  protected abstract artistName(): string;
  /** Adds what the bot did since last shown to the transcript. */
  protected abstract show(): void;

  async payOnline(): Promise<void> {
    this.show();
    this.lines.push('', `— ${this.artistName()} pays on the checkout page.`);
    await payLatestCheckout(this.outside);
    await this.settle();
  }

  async browserUpload(name: string, localPath: string): Promise<void> {
    this.show();
    this.lines.push('', browserUploadLine(this.artistName(), name, localPath));
    await uploadThroughLink(this.lines.join('\n'), this.outside.webUrl, name, localPath);
    await this.settle();
  }

  async settle(): Promise<void> {
    await settleStudio(this.studio, this.queue);
    this.show();
  }

  async advanceTo(at: Date): Promise<void> {
    this.show();
    this.studio.clock.set(at);
    this.lines.push('', `[${at.toISOString().slice(0, 16).replace('T', ' ')} UTC]`);
    await this.studio.reminders.sendDue('journey');
    await this.settle();
  }

  references(): string[] {
    return this.refs;
  }

  note(text: string): void {
    this.show();
    this.lines.push('', `— ${text}`);
  }
}
