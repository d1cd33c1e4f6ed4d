// Dialog state per (platform, chat, user), kept in the database so that a restart in the middle
// of a booking loses nothing. Updates are compare-and-set on the prompt token.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { Reply, Sender } from './types.js';
import type { PersonalDataPart } from '../privacy/parts.js';

/** What a dialog remembers between turns (the answers so far). */
export type FlowData = Record<string, string | number | boolean | null>;

export interface DialogState {
  flow: string | null;
  step: string | null;
  token: string;
  data: FlowData;
  /** The last question asked, with bare button actions, to re-ask or resolve typed answers. */
  prompt: Reply | null;
}

export const newToken = (): string => randomBytes(6).toString('base64url');

type Key = Pick<Sender, 'platform' | 'chatId' | 'userId'>;
const where = (k: Key) => ({ platform_chatId_userId: { platform: k.platform, chatId: k.chatId, userId: k.userId } });

export class DialogStore {
  constructor(private readonly db: Db) {}

  /** Records a platform event as handled; false when it was already (a redelivered update). */
  async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { key: `${platform}:${eventId}` } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Forgets a handled event, so a redelivery is handled again (nothing of it was kept). */
  async forget(platform: string, eventId: string): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { key: `${platform}:${eventId}` } });
  }

  async load(k: Key): Promise<DialogState> {
    const row = await this.db.conversationState.findUnique({ where: where(k) });
    if (!row) return { flow: null, step: null, token: '', data: {}, prompt: null };
    const stored = JSON.parse(row.data) as { data?: FlowData; prompt?: Reply | null };
    return { flow: row.flow, step: row.step, token: row.token, data: stored.data ?? {}, prompt: stored.prompt ?? null };
  }

  /**
   * Moves the dialog on from `expectedToken`. Returns false when somebody else moved it first
   * (a concurrent press of the same button), in which case nothing is written.
   */
  async save(k: Key, expectedToken: string, next: Omit<DialogState, 'token'> & { token: string }): Promise<boolean> {
    const data = JSON.stringify({ data: next.data, prompt: next.prompt });
    const fields = { flow: next.flow, step: next.step, token: next.token, data };
    const { count } = await this.db.conversationState.updateMany({
      where: { platform: k.platform, chatId: k.chatId, userId: k.userId, token: expectedToken },
      data: fields,
    });
    if (count === 1) return true;
    if (expectedToken !== '') return false;
    try {
      await this.db.conversationState.create({ data: { platform: k.platform, chatId: k.chatId, userId: k.userId, ...fields } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

/** Forgets the chat events processed before `before`; returns how many. */
export async function forgetProcessedBefore(db: Db, before: Date): Promise<number> {
  const { count } = await db.processedEvent.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}

/** A dialog the artist left half-way (their answers so far): erased. */
export const dialogPersonalData: PersonalDataPart = {
  name: 'dialogs',
  async eraseIn(tx, s) {
    if (!s.accounts.length) return [];
    await tx.conversationState.deleteMany({ where: { OR: s.accounts.map((a) => ({ platform: a.platform, userId: a.externalId })) } });
    return [];
  },
};
