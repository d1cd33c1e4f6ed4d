// A terminal chat over the same conversation layer as the Telegram and Discord bots:
// buttons are numbered, and typing the number presses the button.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Conversation } from '../../core/conversation/engine.js';
import { parseCommand, type Reply, type Sender } from '../../core/conversation/types.js';
import type { Outbox } from '../../core/outbox.js';

export interface ConsoleChatOptions {
  conversation: Conversation;
  /** Messages that arrive outside a turn (deliveries, reminders) are printed as they come. */
  outbox?: Outbox;
  input: Readable;
  output: Writable;
  user: string;
  studioName: string;
}

export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  let n = 0;
  for (const row of reply.buttons ?? []) {
    for (const b of row) lines.push(`  ${++n}) ${b.label}`);
  }
  for (const l of reply.links ?? []) lines.push(`  ${l.label}: ${l.url}`);
  for (const f of reply.files ?? []) lines.push(`  file: ${f.path}`);
  return lines.join('\n');
}

/** Runs until the input ends or the user types /quit. */
export async function runConsoleChat(o: ConsoleChatOptions): Promise<void> {
  const sender: Sender = { platform: 'console', chatId: `console:${o.user}`, userId: o.user, displayName: o.user, isPrivateChat: true };
  const say = (replies: Reply[]) => {
    for (const r of replies) o.output.write(`\n${renderReply(r)}\n`);
    o.output.write('\n> ');
  };
  o.output.write(`${o.studioName} — console chat as "${o.user}". /help lists commands, numbers pick options, /quit leaves.\n`);
  o.outbox?.register('console', {
    send: async (chatId, reply) => {
      if (chatId !== sender.chatId) throw new Error(`console chat ${chatId} is not open here`);
      say([reply]);
    },
  });
  const pending = await o.conversation.resume(sender);
  if (pending.length) o.output.write('\nWe were in the middle of something:');
  say(pending.length ? pending : [{ text: 'Type /book to book a session.' }]);

  const rl = createInterface({ input: o.input, terminal: false });
  // Lines are handled strictly in order, even when pasted or piped in faster than we answer.
  let queue = Promise.resolve();
  let quit = false;
  await new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        const text = line.trim();
        if (quit || !text) return;
        if (text === '/quit' || text === '/exit') {
          quit = true;
          rl.close();
          return;
        }
        // A terminal echoes what was typed; piped input does not, so echo it for a readable transcript.
        if (!(o.input as { isTTY?: boolean }).isTTY) o.output.write(`${text}\n`);
        const cmd = parseCommand(text);
        say(await o.conversation.handle({ ...sender, ...(cmd ? { kind: 'command' as const, ...cmd } : { kind: 'text' as const, text }) }));
      });
    });
    rl.on('close', () => void queue.then(() => resolve()));
  });
  o.output.write('\nBye.\n');
}
