// Drives the conversation layer the way a chat adapter does: typed text, commands, button presses.
import { expect } from 'vitest';
import type { Conversation } from '../../core/conversation/engine.js';
import { parseCommand, type Button, type Incoming, type IncomingBody, type Reply, type Sender } from '../../core/conversation/types.js';

export class TestChat {
  replies: Reply[] = [];
  private seq = 0;

  constructor(
    public conversation: Conversation,
    readonly sender: Sender,
  ) {}

  static sender(userId: string, platform = 'test'): Sender {
    return { platform, chatId: `chat-${userId}`, userId, displayName: userId, isPrivateChat: true };
  }

  get text(): string {
    return this.replies.map((r) => r.text).join('\n---\n');
  }

  get buttons(): Button[] {
    return this.replies.flatMap((r) => r.buttons?.flat() ?? []);
  }

  async event(body: IncomingBody & { eventId?: string }): Promise<Reply[]> {
    this.replies = await this.conversation.handle({ ...this.sender, ...body } as Incoming);
    return this.replies;
  }

  send(text: string, eventId?: string): Promise<Reply[]> {
    const cmd = parseCommand(text);
    const id = eventId ? { eventId } : {};
    return this.event(cmd ? { kind: 'command', ...cmd, ...id } : { kind: 'text', text, ...id });
  }

  /** The button whose label contains `label` (or the n-th button when given a number). */
  button(label: string | number): Button {
    const b = typeof label === 'number' ? this.buttons[label] : this.buttons.find((x) => x.label.includes(label));
    expect(b, `no button "${label}" in:\n${this.text}\n${this.buttons.map((x) => x.label).join(' | ')}`).toBeDefined();
    return b!;
  }

  /**
   * Books through the dialog and returns the booking's reference: `service` of `kind`, an attended
   * session on Thursday 3 December at 10:00 (the test studio's first free morning after NOW).
   */
  async book(service: string, kind: 'Standard' | 'Unattended', at = { day: 'Thu 3 Dec', time: '10:00' }): Promise<string> {
    await this.send(`/book ${service}`);
    await this.press(kind);
    if (kind === 'Standard') {
      await this.press(at.day);
      await this.press(at.time);
    }
    await this.press('Confirm');
    return /MD-[2-9A-Z]{6}/.exec(this.text)![0];
  }

  press(label: string | number): Promise<Reply[]> {
    this.seq++;
    return this.event({ kind: 'button', data: this.button(label).data });
  }
}
