// What the studio dashboard shows the engineer: the week's sessions in the studio's time zone, the
// unattended queue with due dates, bookings waiting for an answer, versions held for review or for
// the session, open revision notes; and per booking its files, versions and history. Read-only:
// every action on the page goes through the engineer's commands (core/engineer/commands).
import type { CommentView, ReviewComments } from '../listening/comments.js';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { isSessionKind, kindLabel, serviceName } from '../catalog.js';
import type { Clock } from '../clock.js';
import { intlLocale } from '../texts.js';
import { isOpen, statusText } from '../booking/status.js';
import { factsLine, parseFacts, versionStateText } from '../versions/version-messages.js';
import type { EngineerAudit } from './audit.js';
import { paymentLines } from '../payments/summary.js';
import type { Standing } from '../booking/standing.js';
import type { StandingBooking, Standings } from '../versions/standings.js';
import { BookingRepository } from '../booking/booking-repository.js';
import { Versions } from '../versions/versions.js';
import { StoredFiles } from '../files/stored-files.js';
import { RevisionRepository } from '../versions/revision-repository.js';

export interface BoardBooking {
  reference: string;
  client: string;
  service: string;
  kind: string;
  status: string;
  statusText: string;
  /** Studio time ("10:00–12:00") for sessions, the due date for unattended work. */
  when: string;
  /** The session's day in studio time ("Thu 3 Dec"), for lists outside the calendar. */
  day: string;
  /** Whose booking it is, when the studio has several engineers ("" otherwise). */
  engineer: string;
}

/** Whose bookings a board shows: one engineer's, or (null) everyone's; and the names to tell them apart. */
export interface BoardScope {
  engineer: { id: string; name: string } | null;
  /** Active engineers' names by id (only shown when there are several). */
  names: Map<string, string>;
}

export interface BoardDay {
  label: string;
  sessions: BoardBooking[];
}

export interface Board {
  zone: string;
  /** The engineer the board is for (null: everyone's). */
  engineer: { id: string; name: string } | null;
  days: BoardDay[];
  waiting: BoardBooking[];
  unattended: BoardBooking[];
  held: { reference: string; version: number; state: string; facts: string }[];
  revisions: { reference: string; number: number; notes: string; paid: boolean }[];
}

export interface BookingDetail {
  booking: BoardBooking & { canConfirm: boolean; canMaster: boolean };
  files: { fileName: string; role: string; sizeMb: string; at: string }[];
  versions: { version: number; kind: string; status: string; state: string; facts: string; held: boolean }[];
  openRevision: { number: number; notes: string } | null;
  /** What was asked, paid, waived, refunded and is still owed, as the ledger counts it (none for a booking without payments). */
  money: string[];
  history: { at: string; text: string }[];
  /** The artist's sent comments at moments of the versions, with the engineer's answers. */
  comments: CommentView[];
  /** Whose booking it is (their name; "" before engineers were data). */
  engineer: string;
  /** Still open (it can be handed to another engineer). */
  open: boolean;
}

export class StudioBoard {
  /** The bookings' queries (their repository). */
  private readonly bookings: BookingRepository;
  private readonly versions: Versions;
  private readonly files: StoredFiles;
  private readonly revisions: RevisionRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly zone: string,
    private readonly audit: EngineerAudit,
    private readonly standings: Standings,
    private readonly comments: ReviewComments,
  ) {
    this.bookings = new BookingRepository(db);
    this.versions = new Versions(db);
    this.files = new StoredFiles(db);
    this.revisions = new RevisionRepository(db);
  }

  private local(d: Date): DateTime {
    return DateTime.fromJSDate(d).setZone(this.zone).setLocale(intlLocale());
  }

  private row(
    b: StandingBooking & { dueAt: Date | null; engineerId: string | null; client: { displayName: string }; service: { code: string; name: string } },
    standings: Map<string, Standing>,
    names: Map<string, string> = new Map(),
  ): BoardBooking {
    const when = b.startsAt
      ? `${this.local(b.startsAt).toFormat('HH:mm')}${b.endsAt ? `–${this.local(b.endsAt).toFormat('HH:mm')}` : ''}`
      : b.dueAt
        ? this.local(b.dueAt).toFormat('ccc d LLL')
        : '';
    return {
      reference: b.reference,
      client: b.client.displayName,
      service: serviceName(b.service),
      kind: isSessionKind(b.kind) ? kindLabel(b.kind).name : b.kind,
      status: b.status,
      statusText: standings.get(b.id)?.engineer ?? statusText(b.status),
      when,
      day: b.startsAt ? this.local(b.startsAt).toFormat('ccc d LLL') : '',
      engineer: names.size > 1 && b.engineerId ? (names.get(b.engineerId) ?? '') : '',
    };
  }

  /** The seven days from today (studio time) and everything waiting on the engineer (or on everyone). */
  async week(scope: BoardScope = { engineer: null, names: new Map() }): Promise<Board> {
    const start = this.local(this.clock.now()).startOf('day');
    const end = start.plus({ days: 7 });
    const only = scope.engineer?.id;
    const sessions = (await this.bookings.startingBetween(start.toJSDate(), end.toJSDate())).filter((s) => !only || s.engineerId === only);
    const waiting = await this.bookings.inStatus('requested', 50, only);
    const unattended = await this.bookings.unattendedQueue({ take: 50, byDue: true, ...(only ? { engineerId: only } : {}) });
    const names = scope.names;
    const standings = await this.standings.of([...sessions, ...waiting, ...unattended], this.zone);
    const days: BoardDay[] = [];
    for (let d = start; d < end; d = d.plus({ days: 1 })) {
      const next = d.plus({ days: 1 });
      days.push({
        label: d.toFormat('ccc d LLL'),
        sessions: sessions.filter((s) => s.startsAt! >= d.toJSDate() && s.startsAt! < next.toJSDate()).map((s) => this.row(s, standings, names)),
      });
    }
    const held = await this.versions.heldEverywhere(50, only);
    const revisions = await this.revisions.waiting(50, only);
    return {
      zone: this.zone,
      engineer: scope.engineer,
      days,
      waiting: waiting.map((b) => this.row(b, standings, names)),
      unattended: unattended.map((b) => this.row(b, standings, names)),
      held: held.map((v) => {
        const facts = parseFacts(v.facts);
        return { reference: v.booking.reference, version: v.version, state: versionStateText(v.status, v.hold), facts: facts ? factsLine(facts) : '' };
      }),
      revisions: revisions.map((r) => ({ reference: r.booking.reference, number: r.number, notes: r.notes, paid: r.paid })),
    };
  }

  /** One booking as the engineer sees it, or null when there is no such booking; `names`: engineers' names by id. */
  async booking(reference: string, names: Map<string, string> = new Map()): Promise<BookingDetail | null> {
    const b = await this.bookings.byReference(reference);
    if (!b) return null;
    const [uploads, versions, events, actions, open, money, comments] = await Promise.all([
      this.files.all(b.id),
      this.versions.list(b.id),
      this.bookings.events(b.id),
      this.audit.forBookings([b.reference], 50),
      this.revisions.latestOpen(b.id),
      paymentLines(this.db, [b], this.zone),
      this.comments.forEngineer(b.id),
    ]);
    const standing = new Map([[b.id, this.standings.fromRead(b, uploads, versions, this.zone)]]);
    const at = (d: Date) => this.local(d).toFormat('d LLL, HH:mm');
    const history = [
      ...events.map((e) => ({
        when: e.at,
        text: `${e.fromStatus ? `${statusText(e.fromStatus)} → ` : ''}${statusText(e.toStatus)} · ${e.actor}${e.note ? ` · ${e.note}` : ''}`,
      })),
      ...actions.map((a) => ({ when: a.at, text: `${a.platform}:${a.userId} /${a.action}${a.detail ? ` ${a.detail}` : ''} · ${a.outcome}` })),
    ].sort((x, y) => x.when.getTime() - y.when.getTime());
    return {
      booking: {
        ...this.row(b, standing),
        canConfirm: b.status === 'requested',
        canMaster: b.service.code !== 'mix' && uploads.some((u) => u.role === 'mix' && !u.purgedAt),
      },
      files: uploads.map((u) => ({ fileName: u.fileName, role: u.role, sizeMb: (Number(u.sizeBytes) / 2 ** 20).toFixed(1), at: at(u.createdAt) })),
      versions: versions.map((v) => {
        const facts = parseFacts(v.facts);
        return {
          version: v.version,
          kind: v.kind,
          status: v.status,
          state: versionStateText(v.status, v.hold),
          facts: facts ? factsLine(facts) : '',
          held: v.status === 'held',
        };
      }),
      openRevision: open ? { number: open.number, notes: open.notes } : null,
      money: money.get(b.id) ?? [],
      history: history.map((h) => ({ at: at(h.when), text: h.text })),
      comments,
      engineer: (b.engineerId && names.get(b.engineerId)) || '',
      open: isOpen(b.status),
    };
  }
}
