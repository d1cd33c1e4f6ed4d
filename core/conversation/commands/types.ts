// What a chat command is. Each artist command is one module in this folder; the console's help,
// Telegram's command menu and handlers, and Discord's slash commands are all made from these
// modules (bots/telegram/features/commands.ts, bots/discord/commands/index.ts), so adding a
// command is one module here, its line in index.ts, and its texts in locales/en.ftl.
import type { Client } from '../../clients.js';
import type { Studio } from '../../studio.js';
import type { Incoming, Reply } from '../types.js';

/** What a command runs with: the artist, what they typed after it, and the dialog it may start or stop. */
export interface CommandRun {
  studio: Studio;
  incoming: Incoming;
  client: Client;
  args: string;
  /** The artist is new to the studio with this very message. */
  created: boolean;
  /** The dialog in progress, if any. */
  flow: string | null;
  startFlow(name: string): Promise<Reply[]>;
  /**
   * Takes a file (or a zip of them) for the named booking, or the one it must be for: stored and on
   * to the work it starts; with several bookings taking files and none named, held and the artist asked.
   */
  takeFile(file: { name: string; path: string; bookingRef?: string; sourceKey?: string }): Promise<Reply[]>;
  /** Set while /quote waits for stems: files go to the quote (measured, not kept) instead of a booking. */
  quoteFiles: ((name: string, file: string) => Promise<Reply[]>) | null;
  stopDialog(text: string): Promise<Reply[]>;
  /** The help lines of every listed command ("/book — …"). */
  helpLines(): string[];
}

export interface ChatCommand {
  name: string;
  /** Its arguments as /help shows them, e.g. "[REF]" (in the artist's language: "[ZONE]" is "[ZONA]" in Spanish). */
  usage?: () => string;
  /** Its line in /help (and its description in Telegram's menu); none for commands kept out of the lists (/start, /stop). */
  help?: () => string;
  /** Telegram's menu entry (short); none to leave it out of the menu. */
  menu?: () => string;
  /**
   * Discord: a slash command made from this one (its description, and the one optional string
   * option whose value becomes the arguments), 'own' when bots/discord/commands has a module of
   * its own for it (an attachment to take), or none.
   */
  discord?: { description: () => string; option?: { name: string; description: () => string } } | 'own';
  run(c: CommandRun): Promise<Reply[]>;
}
