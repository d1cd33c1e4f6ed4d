// Platform-neutral messages in and out of the conversation layer. Adapters (console,
// Telegram, Discord) turn platform events into `Incoming` and render `Reply`.

export interface Sender {
  platform: string;
  /** The chat (DM, group, channel) the event came from. */
  chatId: string;
  /** The person who sent it. */
  userId: string;
  displayName: string;
  username?: string;
  /** The language the person's app is set to, as the platform tags it ("es", "es-419", "en-GB"). */
  language?: string;
  /** True for one-to-one chats; in shared chats adapters must keep private replies private. */
  isPrivateChat: boolean;
}

export interface IncomingFile {
  name: string;
  sizeBytes: number;
  mimeType?: string;
  /** Local path of the received file (adapters download chat attachments first). */
  ref: string;
  /** The platform's id for the file, so a redelivered message stores nothing twice. */
  id?: string;
  /** The booking the artist named for it (Discord's /upload option). */
  bookingRef?: string;
  /** Words sent with the file (Telegram's caption); a booking reference in them picks the booking. */
  caption?: string;
}

export type IncomingBody =
  { kind: 'command'; command: string; args: string } | { kind: 'text'; text: string } | { kind: 'button'; data: string } | { kind: 'file'; file: IncomingFile };

export type Incoming = Sender & {
  /** Platform update id; a redelivered event with the same id is ignored. */
  eventId?: string;
} & IncomingBody;

export type { Button, Invoice, Reply, ReplyFile } from '../messages/reply.js';

/** Parses "/book master" (and Telegram's "/book@MixdeskBot master") into a command event. */
export function parseCommand(text: string): { command: string; args: string; target?: string } | undefined {
  const m = /^\/([a-z][a-z0-9_]*)(?:@(\w+))?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!m) return undefined;
  // `target`: the bot a group command is addressed to (/help@SomeBot); adapters ignore others'.
  return { command: (m[1] ?? '').toLowerCase(), args: (m[3] ?? '').trim(), ...(m[2] ? { target: m[2] } : {}) };
}
