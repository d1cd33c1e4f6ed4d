// A terminal chat over the same conversation layer as the Telegram and Discord bots:
// buttons are numbered, and typing the number presses the button.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Conversation } from '../../core/conversation/engine.js';
import { parseCommand, type Reply, type ReplyFile, type Sender } from '../../core/conversation/types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Outbox } from '../../core/messaging/outbox.js';
import { currentLanguage, inLanguage, languageOrStudio, t } from '../../core/texts.js';

export interface ConsoleChatOptions {
  conversation: Conversation;
  /** Messages that arrive outside a turn (deliveries, reminders) are printed as they come. */
  outbox?: Outbox;
  input: Readable;
  output: Writable;
  user: string;
  studioName: string;
  /** With a store on local disk, delivered files are shown by their path. */
  store?: ObjectStore;
}

/** Where a delivered file can be opened from the terminal: its path on this machine, or its link. */
export type FileLocator = (f: ReplyFile) => string;

const defaultLocator: FileLocator = (f) => f.path ?? f.url ?? f.name;

export function renderReply(reply: Reply, locate: FileLocator = defaultLocator): string {
  const lines = [reply.text];
  let n = 0;
  for (const row of reply.buttons ?? []) {
    for (const b of row) lines.push(`  ${++n}) ${b.label}`);
  }
  for (const l of reply.links ?? []) lines.push(`  ${l.label}: ${l.url}`);
  for (const f of reply.files ?? []) lines.push(`  ${f.kind === 'image' ? t('console-picture') : t('console-file')}: ${locate(f)}`);
  return lines.join('\n');
}

/** Runs until the input ends or the user types /quit. */
export async function runConsoleChat(o: ConsoleChatOptions): Promise<void> {
  // The terminal's language (LANG=es_ES.UTF-8), as a chat app would tell it.
  const language = process.env.LANG;
  const sender: Sender = {
    platform: 'console',
    chatId: `console:${o.user}`,
    userId: o.user,
    displayName: o.user,
    ...(language ? { language } : {}),
    isPrivateChat: true,
  };
  // What the terminal itself prints (its header, markers, labels) is in the terminal's language,
  // then in the one the artist's last turn ended in (they may have chosen another with /language).
  const terminal = languageOrStudio(language);
  let speaking = terminal;
  const store = o.store;
  const locate: FileLocator = (f) => f.path ?? (f.storageKey && store?.localPath ? store.localPath(f.storageKey) : undefined) ?? f.url ?? f.name;
  const say = (replies: Reply[], to?: () => string) =>
    inLanguage(speaking, () => {
      for (const r of replies) o.output.write(`\n${to ? `${t('console-to', { who: to() })} ` : ''}${renderReply(r, locate)}\n`);
      o.output.write('\n> ');
    });
  o.output.write(`${inLanguage(terminal, () => t('console-header', { studio: o.studioName, user: o.user }))}\n`);
  let closed = false;
  o.outbox?.register('console', {
    send: async (chatId, reply) => {
      // Once the chat is left (/quit), nothing more is printed: what waits stays in the outbox for the next start.
      if (closed) throw new Error('the console chat is closed');
      // The engineer's alerts (ENGINEER_CHAT=console:engineer) show in the same terminal, marked.
      if (chatId !== sender.chatId && chatId !== 'engineer') throw new Error(`console chat ${chatId} is not open here`);
      say([reply], chatId === sender.chatId ? undefined : () => t('console-the-engineer'));
    },
    // A terminal cannot change a line it printed: a progress message's next step is a new line.
    edit: async (chatId, _messageId, reply) => {
      if (chatId === sender.chatId && !closed) say([reply]);
    },
  });
  const pending = await o.conversation.resume(sender);
  if (pending.length) o.output.write(`\n${inLanguage(terminal, () => t('console-resume'))}`);
  say(pending.length ? pending : [{ text: inLanguage(terminal, () => t('console-start-hint')) }]);

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
        const incoming = { ...sender, ...(cmd ? { kind: 'command' as const, ...cmd } : { kind: 'text' as const, text }) };
        // Rendered in the language the turn ended in (the artist may have just chosen one).
        const replies = await inLanguage(terminal, async () => {
          const answered = await o.conversation.handle(incoming);
          speaking = currentLanguage();
          return answered;
        });
        say(replies);
      });
    });
    rl.on('close', () => void queue.then(() => ((closed = true), resolve())));
  });
  o.output.write(`\n${inLanguage(speaking, () => t('console-bye'))}\n`);
}
