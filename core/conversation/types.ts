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

export interface Button {
  label: string;
  /** Opaque data the adapter sends back in a `button` event (at most 64 bytes, Telegram's limit). */
  data: string;
}

export interface ReplyFile {
  name: string;
  /** A file on this machine (console, tests). */
  path?: string;
  /** A stored object: adapters stream it from the ObjectStore. */
  storageKey?: string;
  sizeBytes?: number;
  /** A signed download link, for when the file is larger than the platform takes. */
  url?: string;
  /** image: shown as a picture (the report); audio: playable in chat where the platform can. */
  kind?: 'image' | 'audio' | 'file';
}

/** A payment the chat can take itself (Telegram Payments); elsewhere the link in the text pays it. */
export interface Invoice {
  /** Carried back by the chat's payment updates (the invoice's payload). */
  paymentId: string;
  title: string;
  description: string;
  /** In the currency's minor unit, as everywhere. */
  amountCents: number;
  currency: string;
}

export interface Reply {
  text: string;
  /** Rows of buttons. */
  buttons?: Button[][];
  files?: ReplyFile[];
  links?: { label: string; url: string }[];
  /**
   * private (the default): only the person addressed may see it — DMs, or ephemeral replies in
   * shared chats. public: fine for everyone in the chat.
   */
  visibility?: 'private' | 'public';
  /**
   * A question of a dialog: besides its buttons, a typed answer is accepted. Adapters where
   * plain messages do not reach the bot (Discord slash commands) offer a way to type one.
   */
  awaitsAnswer?: boolean;
  /** Sent after the text as an invoice where the chat takes payments; ignored elsewhere. */
  invoice?: Invoice;
  /**
   * Words someone else wrote (an artist's note, a display name), as they stand in `text`: shown as
   * written. A platform that reads markup in messages (Discord's Markdown) escapes them, so "**" or
   * "# " typed by an artist is not formatting in the engineer's DM.
   */
  quoted?: string[];
}

/** Parses "/book master" (and Telegram's "/book@MixdeskBot master") into a command event. */
export function parseCommand(text: string): { command: string; args: string; target?: string } | undefined {
  const m = /^\/([a-z][a-z0-9_]*)(?:@(\w+))?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!m) return undefined;
  // `target`: the bot a group command is addressed to (/help@SomeBot); adapters ignore others'.
  return { command: (m[1] ?? '').toLowerCase(), args: (m[3] ?? '').trim(), ...(m[2] ? { target: m[2] } : {}) };
}
