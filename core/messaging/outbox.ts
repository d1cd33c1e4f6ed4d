// Messages to artists outside a conversation turn (deliveries, reminders, progress) go through
// the outbox: recorded first, then sent by whichever instance claims them, retried with backoff
// until the platform accepts. A key per message makes sending it twice impossible.
import { randomBytes } from 'node:crypto';
import type { Db, Models, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { Reply } from '../messages/reply.js';
import type { Logger } from '../logger.js';
import { artistLanguage } from '../clients.js';
import { inLanguage } from '../texts.js';
import type { PersonalDataPart } from '../privacy/parts.js';

/** Where an artist's messages about a booking go: the chat they booked from. */
export interface ArtistChat {
  clientId: string;
  originPlatform: string;
  originChatId: string;
}

/**
 * A message of several parts (text pieces, files, an invoice), sent in order: the adapter skips
 * the parts before `from` (the platform has them already) and reports each part taken with
 * `sent(next)` before the next; when that answers false the message is no longer its to send
 * (another dispatcher has it) and it stops.
 */
export interface SendProgress {
  from: number;
  sent(next: number): Promise<boolean>;
}

/** The parts of a message, sent in order through `progress`: the ones already taken are skipped. Returns false when stopped. */
export async function sendParts(parts: readonly (() => Promise<unknown>)[], progress?: SendProgress): Promise<boolean> {
  for (let i = progress?.from ?? 0; i < parts.length; i++) {
    await parts[i]!();
    if (progress && !(await progress.sent(i + 1))) return false;
  }
  return true;
}

/** How a platform adapter delivers a message; throws when the platform did not take it. */
export interface Sender {
  /** Returns the platform's message id where there is one (needed to edit progress messages). */
  send(chatId: string, reply: Reply, progress?: SendProgress): Promise<string | void>;
  /** Replaces the text of a message sent earlier; platforms without edits leave it out. */
  edit?(chatId: string, messageId: string, reply: Reply): Promise<void>;
}

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface OutboxSettings {
  /** First retry after this, doubling up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** After this many failed tries the message is marked failed (and logged for the engineer). */
  maxAttempts: number;
  /** How long a dispatcher owns a claimed message before another may try it. */
  claimMs: number;
  /** While a send runs its claim is renewed this often (a large file to a slow platform outlasts any claim). */
  renewMs?: number;
}

export const defaultOutboxSettings: OutboxSettings = { backoffMs: 5_000, maxBackoffMs: 3_600_000, maxAttempts: 30, claimMs: 60_000, renewMs: 15_000 };

export class Outbox {
  private readonly senders = new Map<string, Sender>();
  /** The dispatch running now: a second call (the 2-second timer firing during a slow send) joins it instead of overlapping. */
  private running: Promise<DispatchResult> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly s: OutboxSettings = defaultOutboxSettings,
  ) {}

  register(platform: string, sender: Sender): void {
    this.senders.set(platform, sender);
  }

  /**
   * Records the message (once per key); it is sent by the next dispatch. Returns false for a
   * repeated key. Inside a transaction (`tx`) the message exists only if the transaction commits.
   */
  async record(key: string, platform: string, chatId: string, reply: Reply, tx?: Tx): Promise<boolean> {
    try {
      await (tx ?? this.db).notification.create({ data: { key, platform, chatId, payload: JSON.stringify(reply), nextAttemptAt: this.clock.now() } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /**
   * A message to a booking's artist in their language (whoever's action caused it: an engineer, a
   * job, a reminder), recorded as `record` does.
   */
  async toArtist(key: string, to: ArtistChat, write: () => Reply | Promise<Reply>, tx?: Tx): Promise<boolean> {
    const reply = await inLanguage(await artistLanguage(tx ?? this.db, to.clientId), write);
    return this.record(key, to.originPlatform, to.originChatId, reply, tx);
  }

  /** A progress message (see `progress`) to a booking's artist, in their language. */
  async progressToArtist(key: string, to: ArtistChat, write: () => Reply): Promise<void> {
    const reply = inLanguage(await artistLanguage(this.db, to.clientId), write);
    await this.progress(key, to.originPlatform, to.originChatId, reply);
  }

  /**
   * A progress message under `key`: the first call records it, later ones replace its text. Where
   * the platform can edit, the artist sees one message change; elsewhere only the first is sent.
   */
  async progress(key: string, platform: string, chatId: string, reply: Reply): Promise<void> {
    const payload = JSON.stringify(reply);
    const now = this.clock.now();
    await this.db.notification.upsert({
      where: { key },
      create: { key, platform, chatId, payload, replaceable: true, nextAttemptAt: now },
      update: { payload, status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, partsSent: 0 },
    });
  }

  /**
   * Sends what is due; safe to run on several instances at once, and never overlapping itself in
   * one (a call while one runs gets that one's result).
   */
  /** Messages waiting to go out and those given up on, and when the oldest waiting one was recorded (the operator's metrics). */
  async stats(): Promise<{ pending: number; failed: number; oldestPendingAt: Date | null }> {
    const [pending, failed, oldest] = await Promise.all([
      this.db.notification.count({ where: { status: 'pending' } }),
      this.db.notification.count({ where: { status: 'failed' } }),
      this.db.notification.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    ]);
    return { pending, failed, oldestPendingAt: oldest?.createdAt ?? null };
  }

  dispatch(limit = 50): Promise<DispatchResult> {
    this.running ??= this.dispatchDue(limit).finally(() => (this.running = null));
    return this.running;
  }

  private async dispatchDue(limit: number): Promise<DispatchResult> {
    const now = this.clock.now();
    const due = await this.db.notification.findMany({
      where: {
        status: 'pending',
        nextAttemptAt: { lte: now },
        platform: { in: [...this.senders.keys()] },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
    const result = { sent: 0, retried: 0, failed: 0 };
    for (const n of due) {
      const outcome = await this.sendOne(n);
      if (outcome) result[outcome]++;
    }
    return result;
  }

  /** One message: claimed (or left to whoever has it), sent from the first part the platform lacks, and settled. */
  private async sendOne(n: Models.NotificationModel): Promise<keyof DispatchResult | null> {
    // Claim with a conditional update and a token of our own: of two dispatchers, one gets the message.
    const token = randomBytes(9).toString('base64url');
    const claimed = () => new Date(this.clock.now().getTime() + this.s.claimMs);
    const now = this.clock.now();
    const { count } = await this.db.notification.updateMany({
      where: { id: n.id, status: 'pending', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: claimed(), claimToken: token },
    });
    if (count !== 1) return null;
    const ours = { id: n.id, claimToken: token };
    // Renewed while the send runs; a renewal that finds the claim gone means another has it.
    const renew = async () => (await this.db.notification.updateMany({ where: ours, data: { claimedUntil: claimed() } })).count === 1;
    const heartbeat = setInterval(() => void renew().catch(() => undefined), this.s.renewMs ?? this.s.claimMs / 4);
    heartbeat.unref?.();
    // Read after the claim: a dispatcher whose claim lapsed could still record a part until ours replaced its token.
    const current = await this.db.notification.findUnique({ where: { id: n.id }, select: { partsSent: true } });
    const progress: SendProgress = {
      from: current?.partsSent ?? 0,
      // Recorded before the next part goes: a send cut short resumes after what the platform has.
      sent: async (next) => (await this.db.notification.updateMany({ where: ours, data: { partsSent: next, claimedUntil: claimed() } })).count === 1,
    };
    try {
      const sender = this.senders.get(n.platform)!;
      const reply = JSON.parse(n.payload) as Reply;
      let messageId = n.platformMessageId;
      if (n.replaceable && messageId) {
        // An update of a progress message: edited where the platform can, otherwise not repeated.
        if (sender.edit) await sender.edit(n.chatId, messageId, reply);
      } else {
        // Without an id to edit by, a progress message is sent once and its updates are skipped.
        messageId = (await sender.send(n.chatId, reply, progress)) ?? (n.replaceable ? 'sent' : null);
      }
      // Only if nobody replaced the text meanwhile (a newer progress text stays pending), and only
      // while the claim is ours (taken over, the other dispatcher settles it).
      const { count: settled } = await this.db.notification.updateMany({
        where: { ...ours, payload: n.payload },
        data: {
          status: 'sent',
          sentAt: this.clock.now(),
          attempts: n.attempts + 1,
          claimedUntil: null,
          claimToken: null,
          lastError: null,
          platformMessageId: messageId,
        },
      });
      // Replaced meanwhile: keep the message id and release the claim, so the next dispatch sends the newer text.
      if (settled === 1) return 'sent';
      const { count: released } = await this.db.notification.updateMany({
        where: ours,
        data: { platformMessageId: messageId, claimedUntil: null, claimToken: null, partsSent: 0 },
      });
      // Not ours any more: another dispatcher took it over and settles it.
      return released === 1 ? 'sent' : null;
    } catch (err) {
      const attempts = n.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const failed = attempts >= this.s.maxAttempts;
      const wait = Math.min(this.s.maxBackoffMs, this.s.backoffMs * 2 ** (attempts - 1));
      const { count: mine } = await this.db.notification.updateMany({
        where: ours,
        data: {
          attempts,
          lastError: message.slice(0, 500),
          claimedUntil: null,
          claimToken: null,
          status: failed ? 'failed' : 'pending',
          nextAttemptAt: new Date(this.clock.now().getTime() + wait),
        },
      });
      if (mine === 0) return null;
      if (failed) {
        this.log.error(
          { notification: n.id, key: n.key, platform: n.platform, attempts, error: message },
          'message to an artist could not be delivered; giving up',
        );
        return 'failed';
      }
      this.log.warn({ notification: n.id, platform: n.platform, attempts, error: message }, 'message not delivered yet; will retry');
      return 'retried';
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** The messages the studio recorded for the artist's private chats (a group's are everyone's, and stay). */
export const messagePersonalData: PersonalDataPart = {
  name: 'messages',
  async exportOf(db, s) {
    if (!s.chats.length) return { rows: [] };
    const rows = await db.notification.findMany({
      where: { OR: s.chats },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, sentAt: true, status: true, payload: true },
    });
    return { rows: rows.map(({ payload, ...r }) => ({ ...r, message: (JSON.parse(payload) as { text?: string }).text ?? '' })) };
  },
  async eraseIn(tx, s) {
    if (s.chats.length) await tx.notification.deleteMany({ where: { OR: s.chats } });
    return [];
  },
};
