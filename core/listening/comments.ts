// Comments at a moment in the music: the artist clicks a moment (or drags over a stretch) of a
// version on the listening page and writes what they hear there. A comment stays a draft, the
// artist's to change or delete, until they send their comments; then the engineer has them at once
// (an alert per comment with its moment, a link to the booking's dashboard page), answers each or
// marks it resolved, and the artist reads the answer on the page and in their chat. Asking for
// changes gathers the comments not yet asked for into the revision, times and all; /revise with
// times ("at 1:23 vocal too quiet, 2:40–2:55 less reverb") makes the same comments from the chat.
import type { Db, Tx } from '../../db/client.js';
import type { BookingWithClient } from '../booking/bookings.js';
import { cleanText } from '../clean-text.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { LinkSettings } from '../files/upload-links.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import { Versions } from '../versions/versions.js';
import { parseOutlines } from '../versions/version-messages.js';
import { CommentRepository, type CommentRow } from './comment-repository.js';
import { momentText, type TimedNote } from './moments.js';

/** The longest comment (a paragraph; longer belongs in the notes of a revision). */
export const COMMENT_MAX_CHARS = 1000;
/** Comments a booking may hold: enough for any song's review, bounded all the same. */
export const COMMENTS_PER_BOOKING = 300;
/** Within this much of the end a moment still counts as in the song (a click on the last pixel). */
const END_SLACK_MS = 500;

export interface CommentView {
  number: number;
  version: number;
  startMs: number;
  endMs: number | null;
  /** "1:23" or "2:40–2:55". */
  at: string;
  text: string;
  status: 'draft' | 'open' | 'resolved';
  origin: string;
  answer: string | null;
  /** Asked for in a revision. */
  inRevision: boolean;
}

const view = (c: CommentRow): CommentView => ({
  number: c.number,
  version: c.delivery.version,
  startMs: c.startMs,
  endMs: c.endMs,
  at: momentText(c.startMs, c.endMs),
  text: c.text,
  status: c.status as CommentView['status'],
  origin: c.origin,
  answer: c.answer,
  inRevision: c.revisionId !== null,
});

/** How a comment reads in the engineer's queue, a revision's notes and an alert: "v2 at 1:23: vocal too quiet". */
export const commentLine = (c: Pick<CommentView, 'version' | 'startMs' | 'endMs' | 'text'>): string =>
  t('comment-line', { version: c.version, at: momentText(c.startMs, c.endMs), text: c.text });

export interface CommentInput {
  version: number;
  startMs: number;
  endMs?: number | null;
  text: string;
}

export interface ReviewCommentsDeps {
  db: Db;
  alerts: EngineerAlerts;
  outbox: Outbox;
  clock: Clock;
  /** The web server's address: the engineer's alert links to the booking's dashboard page. */
  links: LinkSettings;
}

export class ReviewComments {
  private readonly rows: CommentRepository;
  private readonly versions: Versions;

  constructor(private readonly d: ReviewCommentsDeps) {
    this.rows = new CommentRepository(d.db);
    this.versions = new Versions(d.db);
  }

  /** What the artist sees (their drafts too). */
  async forArtist(bookingId: string): Promise<CommentView[]> {
    return (await this.rows.list(bookingId, { drafts: true })).map(view);
  }

  /** What the engineer sees: sent comments only. */
  async forEngineer(bookingId: string): Promise<CommentView[]> {
    return (await this.rows.list(bookingId, { drafts: false })).map(view);
  }

  /** Whether asking for changes now would gather comments (so the changes need no words of their own). */
  async anyPending(bookingId: string): Promise<boolean> {
    return (await this.rows.pending(bookingId)).length > 0;
  }

  /** What waits for the engineer's answer (the queue lists it): sent, unanswered, not in a revision; `engineerId`: on their bookings only. */
  async unanswered(limit: number, engineerId?: string): Promise<(CommentView & { reference: string; client: string })[]> {
    return (await this.rows.unanswered(limit, engineerId)).map((c) => ({ ...view(c), reference: c.booking.reference, client: c.booking.client.displayName }));
  }

  /** A checked comment: words within bounds, a moment inside a delivered version of this booking. */
  private async checked(booking: BookingWithClient, c: CommentInput): Promise<{ deliveryId: string; startMs: number; endMs: number | null; text: string }> {
    const text = cleanText(c.text).trim();
    if (!text) throw new UserError(t('comment-say-what'));
    if (text.length > COMMENT_MAX_CHARS) throw new UserError(t('comment-too-long', { max: COMMENT_MAX_CHARS }));
    const version = Number.isInteger(c.version) ? await this.versions.ready(booking.id, c.version) : null;
    if (!version) throw new UserError(t('room-no-such-version', { version: String(c.version), ref: booking.reference }));
    const startMs = Math.round(c.startMs);
    const endMs = c.endMs == null ? null : Math.round(c.endMs);
    const seconds = parseOutlines(version.waveform).after?.seconds ?? null;
    const lengthMs = seconds === null ? Infinity : seconds * 1000 + END_SLACK_MS;
    if (!Number.isFinite(startMs) || startMs < 0 || startMs > lengthMs || (endMs !== null && (!Number.isFinite(endMs) || endMs <= startMs || endMs > lengthMs)))
      throw new UserError(t('comment-moment-outside', { version: c.version }));
    return { deliveryId: version.id, startMs, endMs, text };
  }

  /** A new draft on the page. */
  async add(booking: BookingWithClient, input: CommentInput): Promise<CommentView> {
    const c = await this.checked(booking, input);
    if ((await this.rows.count(booking.id)) >= COMMENTS_PER_BOOKING) throw new UserError(t('comment-too-many', { max: COMMENTS_PER_BOOKING }));
    return view(
      await this.numbered(booking.id, (tx, number) => this.rows.create(tx, { bookingId: booking.id, number, ...c, status: 'draft', origin: 'page' })),
    );
  }

  /**
   * Runs `create` with the booking's next comment number; two at once (two tabs, PostgreSQL) take
   * different numbers: the one refused by the unique pair tries the next, a bounded few times.
   */
  private async numbered<T>(bookingId: string, create: (tx: Tx, number: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.d.db.$transaction(async (tx) => create(tx, await this.rows.nextNumber(bookingId, tx)));
      } catch (err) {
        const taken = (err as { code?: string }).code === 'P2002';
        if (!taken || attempt >= 5) throw err;
      }
    }
  }

  private async own(booking: BookingWithClient, number: number, statuses: readonly string[]): Promise<CommentRow> {
    const row = Number.isInteger(number) ? await this.rows.byNumber(booking.id, number) : null;
    if (!row || !statuses.includes(row.status)) {
      if (row && row.status !== 'draft' && statuses.includes('draft')) throw new UserError(t('comment-already-sent', { number }));
      throw new UserError(t('comment-no-such', { number: String(number), ref: booking.reference }));
    }
    return row;
  }

  /** The artist changes a draft (its words, its moment). */
  async edit(booking: BookingWithClient, number: number, input: CommentInput): Promise<CommentView> {
    const row = await this.own(booking, number, ['draft']);
    const c = await this.checked(booking, input);
    if (!(await this.rows.updateIf(row.id, 'draft', c))) throw new UserError(t('comment-already-sent', { number }));
    return view((await this.rows.byNumber(booking.id, number))!);
  }

  async remove(booking: BookingWithClient, number: number): Promise<void> {
    const row = await this.own(booking, number, ['draft']);
    if (!(await this.rows.removeDraft(row.id))) throw new UserError(t('comment-already-sent', { number }));
  }

  /** The artist sends their drafts: the engineer is told of each at once. Returns how many went. */
  async send(booking: BookingWithClient): Promise<number> {
    const now = this.d.clock.now();
    const sent = await this.d.db.$transaction(async (tx) => {
      const sent = await this.rows.sendDrafts(booking.id, now, tx);
      for (const c of sent) await this.alertOf(booking, view(c), tx);
      return sent;
    });
    if (!sent.length) throw new UserError(t('comment-nothing-to-send'));
    return sent.length;
  }

  private async alertOf(booking: BookingWithClient, c: CommentView, tx: Tx): Promise<void> {
    const link = this.d.links.offline ? '' : `\n${this.d.links.baseUrl}/studio/booking/${booking.reference}#comment-${c.number}`;
    await this.d.alerts.alert(
      `comment:${booking.id}:${c.number}`,
      () => t('comment-alert', { ref: booking.reference, client: booking.client.displayName, number: c.number, line: commentLine(c), link }),
      { booking: booking.reference, comment: c.number },
      tx,
    );
  }

  /** The engineer answers a sent comment: the artist reads it on the page and in their chat. */
  async answer(booking: BookingWithClient, number: number, text: string, actor: string): Promise<CommentView> {
    const answer = cleanText(text).trim();
    if (!answer) throw new UserError(t('comment-answer-empty'));
    if (answer.length > COMMENT_MAX_CHARS) throw new UserError(t('comment-too-long', { max: COMMENT_MAX_CHARS }));
    const row = await this.own(booking, number, ['open', 'resolved']);
    const now = this.d.clock.now();
    await this.d.db.$transaction(async (tx) => {
      await this.rows.update(row.id, { answer, answeredBy: actor, answeredAt: now }, tx);
      await this.d.outbox.toArtist(
        `comment-answer:${row.id}:${now.getTime()}`,
        booking,
        () => ({ text: t('comment-answered-chat', { ref: booking.reference, line: commentLine(view(row)), answer }), visibility: 'private' }),
        tx,
      );
    });
    return view((await this.rows.byNumber(booking.id, number))!);
  }

  /** The engineer marks a sent comment done (or open again). */
  async resolve(booking: BookingWithClient, number: number, resolved = true): Promise<CommentView> {
    const row = await this.own(booking, number, ['open', 'resolved']);
    await this.rows.update(row.id, resolved ? { status: 'resolved', resolvedAt: this.d.clock.now() } : { status: 'open', resolvedAt: null });
    return view((await this.rows.byNumber(booking.id, number))!);
  }
}

/** The revision's side: comments it gathers, and comments its chat notes make (in its transaction). */
export class RevisionComments {
  private readonly rows: CommentRepository;

  constructor(db: Db) {
    this.rows = new CommentRepository(db);
  }

  pending(bookingId: string): Promise<CommentRow[]> {
    return this.rows.pending(bookingId);
  }

  /** Gathers `pending` into the revision and adds the notes' timed comments (on `deliveryId`, the latest version). */
  async recordIn(
    tx: Tx,
    o: { bookingId: string; revisionId: string; pendingIds: readonly string[]; timed: readonly TimedNote[]; deliveryId: string | null; at: Date },
  ): Promise<void> {
    await this.rows.gatherIn(tx, o.pendingIds, o.revisionId, o.at);
    if (!o.deliveryId) return;
    let number = await this.rows.nextNumber(o.bookingId, tx);
    for (const n of o.timed.slice(0, COMMENTS_PER_BOOKING)) {
      await this.rows.create(tx, {
        bookingId: o.bookingId,
        number: number++,
        deliveryId: o.deliveryId,
        startMs: n.startMs,
        endMs: n.endMs,
        text: n.text.slice(0, COMMENT_MAX_CHARS),
        status: 'open',
        origin: 'chat',
        revisionId: o.revisionId,
        sentAt: o.at,
      });
    }
  }
}
