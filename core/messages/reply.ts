// What the studio says, as every platform's adapter receives it: text, buttons, files, links, an
// invoice. Platform-neutral and free of any core module, so the conversation, the versions, the
// payments and the outbox all speak it without depending on each other.

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
