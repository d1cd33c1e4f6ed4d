// What each table's owner knows of an artist's personal data: what it gives in their export and
// how it erases it. Every owner writes its own part beside its queries (one owner per table), and
// core/privacy/personal-data.ts runs them all: one export, one erasure in one transaction.
import type { Tx } from '../../db/client.js';

/** The artist a request is about, and what of theirs the parts look for. */
export interface ArtistScope {
  clientId: string;
  /** Every booking of theirs, finished or not. */
  bookingIds: string[];
  /** Their platform accounts (dialog state is kept per account). */
  accounts: { platform: string; externalId: string }[];
  /** Their own private chats with the studio (messages recorded there are theirs; a group's are not). */
  chats: { platform: string; chatId: string }[];
  now: Date;
}

/** A stored file of theirs and where it goes in the export zip. */
export interface ExportedFile {
  key: string;
  path: string;
}

export interface PersonalDataPart {
  /** Its section of the export's data.json. */
  name: string;
  /** None for what is the studio's own or a secret (reminders, keycodes, links). */
  exportOf?(db: Tx, scope: ArtistScope): Promise<{ rows: unknown[]; files?: ExportedFile[] }>;
  /** Erases (or anonymises, where accounting keeps the record) inside `tx`; returns the stored files to delete once committed. */
  eraseIn(tx: Tx, scope: ArtistScope): Promise<string[]>;
}

/** The chat a platform uses for its private conversation with an account (where the adapters send DMs). */
export function privateChatOf(account: { platform: string; externalId: string }): { platform: string; chatId: string } {
  return { platform: account.platform, chatId: account.platform === 'console' ? `console:${account.externalId}` : account.externalId };
}

/** A file name safe as one zip path segment. */
export const zipSegment = (name: string): string => name.replace(/[\\/\0]/g, '_').replace(/^\.+/, '_') || 'file';
