// The engineer's desk: what the studio runs from Discord (or any engineer interface). Every
// action checks the booking's state through the same status machine as the artists' side, and
// tells the artist through the outbox, so nothing depends on which bot the artist uses.
import { commentLine, type ReviewComments } from '../listening/comments.js';
import { settingsInWords } from '../versions/settings-words.js';
import { serviceName } from '../catalog.js';
import { DateTime } from 'luxon';
import type { ClientService } from '../clients.js';
import type { BookingService, BookingWithClient } from '../booking/bookings.js';
import { statusText } from '../booking/status.js';
import type { Standings } from '../versions/standings.js';
import type { Catalog } from '../catalog.js';
import type { SchedulePolicySource } from '../booking/schedule.js';
import type { EngineerAudit } from './audit.js';
import type { MixdownJobs } from '../versions/mixdown-job.js';
import type { UploadService } from '../files/uploads.js';
import type { Clock } from '../clock.js';
import { formatWhen, kindName } from '../messages/when.js';
import type { PaymentService } from '../payments/payments.js';
import type { Reply } from '../messages/reply.js';
import { roleLabel, stemLines } from '../conversation/uploads.js';
import { NotFoundError, UserError } from '../errors.js';
import type { KeycodeService } from '../sessions/keycodes.js';
import type { Outbox } from '../messaging/outbox.js';
import type { MasterSettings, Pipeline } from '../versions/pipeline.js';
import type { RevisionService } from '../versions/revisions.js';
import { intlLocale, t } from '../texts.js';
import type { DownloadLinks } from '../files/download-links.js';
import type { Versions } from '../versions/versions.js';
import type { LiveNotes } from '../sessions/live-notes.js';
import { factsLine, parseFacts, renderLabel, versionStateText } from '../versions/version-messages.js';
import { sessionAhead, sessionRunning } from '../versions/holds.js';

export type DeskBooking = BookingWithClient;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new UserError(t('desk-not-a-time', { typed: hhmm }));
  return Number(m[1]) * 60 + Number(m[2]);
}

/** What the desk works with (createStudio wires them). */
export interface DeskDeps {
  clients: ClientService;
  bookings: BookingService;
  pipeline: Pipeline;
  revisions: RevisionService;
  keycodes: KeycodeService;
  outbox: Outbox;
  clock: Clock;
  studioZone: string;
  defaultPreset: MasterSettings['preset'];
  catalog: Catalog;
  mixdowns: MixdownJobs;
  uploads: UploadService;
  schedule: SchedulePolicySource;
  audit: EngineerAudit;
  versions: Versions;
  downloads: DownloadLinks;
  notes: LiveNotes;
  standings: Standings;
  payments: Pick<PaymentService, 'linesFor'>;
  comments: Pick<ReviewComments, 'unanswered'>;
  /** The active engineers' names by id (a queue names whose each booking is when there are several). */
  engineerNames(): Promise<Map<string, string>>;
}

export class StudioDesk {
  constructor(private readonly d: DeskDeps) {}

  /** The booking's stems and roles, or (with a number and a role) one changed, for the engineer. */
  async stems(reference: string, n?: number, role?: string): Promise<string> {
    const b = await this.booking(reference);
    if (n !== undefined && role !== undefined) {
      const changed = await this.d.uploads.setStemRole(b.id, n, role);
      return t('desk-stem-role-set', { ref: b.reference, file: changed.fileName, role: roleLabel(changed.stemTag) });
    }
    const stems = await this.d.uploads.stems(b.id);
    if (!stems.length) return t('mixdown-no-stems-yet', { ref: b.reference });
    return [t('desk-stems-title', { ref: b.reference, client: b.client.displayName }), ...stemLines(stems)].join('\n');
  }

  /** Renders the full mix, instrumental and a cappella from the booking's stems as the next version. */
  async mixdown(reference: string, balance: 'auto' | 'flat', actor: string): Promise<string> {
    const b = await this.booking(reference);
    const version = await this.d.mixdowns.enqueue(b.id, balance, actor);
    return t(b.service.code === 'mix-master' ? 'desk-mixing-down-mastered' : 'desk-mixing-down', { ref: b.reference, version, balance });
  }

  async booking(reference: string): Promise<DeskBooking> {
    const b = await this.d.bookings.byReference(reference);
    if (!b) throw new NotFoundError(t('desk-no-such-booking', { ref: reference.trim().toUpperCase() }));
    return b;
  }

  /** A message to the booking's artist, written in their language (not the engineer's). */
  private tell(b: DeskBooking, key: string, write: () => string | Reply): Promise<boolean> {
    return this.d.outbox.toArtist(`${key}:${b.id}`, b, () => {
      const written = write();
      return { visibility: 'private', ...(typeof written === 'string' ? { text: written } : written) };
    });
  }

  /**
   * What waits for the engineer, in studio time: versions to review, revision notes only a person
   * can act on, upcoming sessions (next `days` days) and the unattended queue.
   */
  async queue(days = 14, scope: { id: string; name: string } | null = null, scopeNote?: string): Promise<string> {
    const now = this.d.clock.now();
    const until = new Date(now.getTime() + days * 86_400_000);
    // One engineer's queue: what is theirs (their bookings' versions, notes and comments).
    const mine = <T>(rows: T[], engineerOf: (r: T) => string | null) => (scope ? rows.filter((r) => engineerOf(r) === scope.id) : rows);
    const sessions = mine(await this.d.bookings.sessionsBetween(new Date(now.getTime() - 86_400_000), until), (b) => b.engineerId);
    const unattended = mine(await this.d.bookings.unattendedQueue(), (b) => b.engineerId);
    const review = mine(await this.d.versions.allHeld('review'), (v) => v.booking.engineerId);
    const notes = mine(await this.d.revisions.waiting(), (r) => r.booking.engineerId);
    const comments = await this.d.comments.unanswered(30, scope?.id);
    const names = await this.d.engineerNames();
    const standings = await this.d.standings.of([...sessions, ...unattended], this.d.studioZone);
    // With several engineers, each booking says whose it is (unless the queue is one engineer's).
    const whose = (b: DeskBooking) =>
      names.size > 1 && !scope && b.engineerId ? ` ${t('desk-queue-engineer', { name: names.get(b.engineerId) ?? '?' })}` : '';
    const line = (b: DeskBooking) =>
      `${b.reference} · ${serviceName(b.service)} · ${kindName(b.kind)} · ${b.client.displayName} · ${standings.get(b.id)!.engineer}${whose(b)}`;
    const parts = [
      ...(scopeNote ? [scopeNote] : []),
      ...(review.length
        ? [
            [
              t('desk-review-title'),
              ...review.map(
                (v) =>
                  `• ${t('desk-review-line', { ref: v.booking.reference, version: v.version, client: v.booking.client.displayName, facts: this.factsOf(v.facts) })}`,
              ),
              t('desk-review-how'),
            ].join('\n'),
          ]
        : []),
      ...(notes.length
        ? [
            [
              t('desk-notes-title'),
              ...notes.map(
                (r) =>
                  `• ${t('desk-notes-line', { ref: r.booking.reference, number: r.number, client: r.booking.client.displayName, when: this.studioTime(r.createdAt, 'd LLL HH:mm'), notes: r.notes || '—' })}`,
              ),
              t('desk-notes-how'),
            ].join('\n'),
          ]
        : []),
      ...(comments.length
        ? [
            [
              t('desk-comments-waiting'),
              ...comments.map((c) => `• ${c.reference} #${c.number} · ${c.client} · ${commentLine(c)}`),
              t('desk-comments-how'),
            ].join('\n'),
          ]
        : []),
      sessions.length
        ? [t('desk-sessions', { days }), ...sessions.map((b) => `• ${formatWhen(b.startsAt!, this.d.studioZone)} — ${line(b)}`)].join('\n')
        : t('desk-no-sessions', { days }),
      unattended.length
        ? [
            t('desk-unattended'),
            ...unattended.map((b, i) => `${i + 1}. ${line(b)}${b.dueAt ? ` · ${t('desk-due', { date: this.studioTime(b.dueAt, 'ccc d LLL') })}` : ''}`),
          ].join('\n')
        : t('desk-no-unattended'),
    ];
    return parts.join('\n\n');
  }

  /** A moment in the studio's time zone, in the reader's language. */
  private studioTime(d: Date, format: string): string {
    return DateTime.fromJSDate(d).setZone(this.d.studioZone).setLocale(intlLocale()).toFormat(format);
  }

  private factsOf(json: string | null): string {
    const facts = parseFacts(json);
    return facts ? factsLine(facts) : '—';
  }

  /** Every version of a booking: how it was made, from which source, where it stands; links to listen to held ones. */
  async versionList(reference: string): Promise<string> {
    const b = await this.booking(reference);
    const all = await this.d.versions.all(b.id);
    if (!all.length) return t('desk-no-versions', { ref: b.reference });
    const sources = new Map((await this.d.uploads.files.all(b.id)).map((u) => [u.id, u.fileName]));
    const lines = [t('desk-versions-title', { ref: b.reference, client: b.client.displayName })];
    for (const v of all) {
      const made =
        v.kind === 'engineer'
          ? t('desk-version-by-engineer')
          : v.kind === 'mixdown'
            ? t('desk-version-mixdown')
            : t('desk-version-master', { settings: v.settings });
      const source = v.sourceUploadId ? sources.get(v.sourceUploadId) : undefined;
      lines.push(
        `• v${v.version} · ${versionStateText(v.status, v.hold)} · ${made}${source ? ` · ${t('desk-version-source', { file: source })}` : ''}${v.facts ? ` · ${this.factsOf(v.facts)}` : ''}`,
      );
      if (v.status === 'held')
        for (const f of v.files.filter((x) => x.kind !== 'report'))
          lines.push(`    ${renderLabel(f.kind)}: ${this.d.downloads.url(f.storageKey, f.fileName) ?? f.fileName}`);
    }
    if (all.some((v) => v.status === 'held')) lines.push(t('desk-versions-held-how', { ref: b.reference }));
    return lines.join('\n');
  }

  /** Sends a held version (the newest, or the one named) to the artist; the other held ones are set aside. */
  async deliverHeld(reference: string, version: number | undefined, actor: string): Promise<string> {
    const b = await this.booking(reference);
    const held = await this.d.versions.held(b.id);
    const chosen = version ?? held[0]?.version;
    if (chosen === undefined) throw new UserError(t('desk-nothing-held', { ref: b.reference }));
    await this.d.pipeline.deliverHeld(b, chosen, actor);
    return t('desk-version-delivered', { ref: b.reference, version: chosen, client: b.client.displayName });
  }

  async confirm(reference: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    await this.d.bookings.transition(b.id, 'confirmed', actor);
    const confirmed = await this.d.bookings.transition(b.id, 'awaiting-files', actor);
    // Files that arrived while the booking waited: the artist is not asked for them again.
    const mix = await this.d.uploads.files.count(b.id, 'mix');
    const files = (b.service.code === 'master' ? mix : await this.d.uploads.files.count(b.id, 'stem')) > 0 ? 'in' : 'none';
    await this.tell(b, 'confirmed', () =>
      b.startsAt
        ? t('desk-confirmed-artist-time', { ref: b.reference, service: serviceName(b.service), when: formatWhen(b.startsAt, b.timeZone), files })
        : t('desk-confirmed-artist', { ref: b.reference, service: serviceName(b.service), files }),
    );
    // A mix that arrived while the booking waited for confirmation is mastered now.
    if (mix > 0 && b.service.code === 'master') {
      await this.d.pipeline.startFirstMaster(confirmed);
      return t(sessionAhead(b, this.d.clock.now()) ? 'desk-confirmed-preparing' : 'desk-confirmed-mastering', { ref: b.reference });
    }
    return t('desk-confirmed', { ref: b.reference, client: b.client.displayName });
  }

  async decline(reference: string, reason: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    await this.d.bookings.cancel(b.clientId, b.reference, actor);
    await this.tell(b, 'declined', () =>
      reason
        ? t('desk-declined-artist-reason', { ref: b.reference, service: serviceName(b.service), reason })
        : t('desk-declined-artist', { ref: b.reference, service: serviceName(b.service) }),
    );
    return t('desk-declined', { ref: b.reference, client: b.client.displayName });
  }

  async reschedule(reference: string, startLocal: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    const start = DateTime.fromFormat(startLocal.trim(), 'yyyy-MM-dd HH:mm', { zone: this.d.studioZone });
    if (!start.isValid) throw new UserError(t('desk-not-a-start', { typed: startLocal, zone: this.d.studioZone }));
    const moved = await this.d.bookings.reschedule(b.clientId, b.reference, start.toJSDate(), `desk-move:${b.id}:${start.toISO()}`, actor);
    await this.tell(b, 'moved', () => t('desk-moved-artist', { ref: b.reference, when: formatWhen(moved.startsAt!, b.timeZone), newRef: moved.reference }));
    return t('desk-moved', { ref: b.reference, when: formatWhen(moved.startsAt!, this.d.studioZone), newRef: moved.reference });
  }

  /** Starts a session; for a virtual one the artist gets the SonoBus keycode privately. */
  async startSession(reference: string, actor: string): Promise<{ text: string; keycode?: { group: string; password: string; link: string } }> {
    const b = await this.booking(reference);
    if (b.kind === 'unattended') throw new UserError(t('desk-no-session-unattended', { ref: b.reference }));
    if (b.status === 'confirmed' || b.status === 'awaiting-files') await this.d.bookings.transition(b.id, 'in-progress', actor);
    // A session may also follow a delivery or a revision request (a session to go through it).
    else if (!['in-progress', 'delivered', 'revision-requested'].includes(b.status))
      throw new UserError(t('desk-session-not-confirmed', { ref: b.reference, status: statusText(b.status) }));
    // Keyed by when it started: a repeated command tells the artist nothing twice, a later session does.
    const started = `session-start-${((await this.d.bookings.markSession(b, 'started', actor)) ?? b.sessionStartedAt)?.getTime()}`;
    if (b.kind !== 'virtual') {
      await this.tell(b, started, () => `${t('session-starting-in-person', { ref: b.reference })}\n${t('session-notes-live')}`);
      return { text: t('desk-session-started-in-person', { ref: b.reference }) };
    }
    const k = await this.d.keycodes.forSession(b);
    const link = this.d.keycodes.link(k);
    await this.tell(b, started, () => ({
      text: [
        t('session-starting-virtual', { ref: b.reference }),
        `  ${t('keycode-group', { group: k.groupName })}`,
        `  ${t('keycode-password', { password: k.password })}`,
        t('keycode-private-short'),
        t('session-notes-live'),
      ].join('\n'),
      links: [{ label: t('sonobus-join-button'), url: link }],
    }));
    return { text: t('desk-session-started', { ref: b.reference, client: b.client.displayName }), keycode: { group: k.groupName, password: k.password, link } };
  }

  /**
   * Ends the live part of a session. What the engine prepared is not sent by itself: the engineer
   * delivers the newest held version here (`deliver`), or one of them later, or their own files.
   */
  async endSession(reference: string, actor: string, deliver = false): Promise<string> {
    const b = await this.booking(reference);
    const running = sessionRunning(b) || b.status === 'in-progress';
    if (!running) throw new UserError(t('desk-session-not-running', { ref: b.reference, status: statusText(b.status) }));
    const ended = `session-end-${((await this.d.bookings.markSession(b, 'ended', actor)) ?? b.sessionEndedAt)?.getTime()}`;
    await this.tell(b, ended, () => t('session-ended-artist', { ref: b.reference }));
    const held = await this.d.versions.held(b.id);
    const newest = held[0];
    if (!newest) return t('desk-session-ended', { ref: b.reference });
    if (deliver) {
      await this.d.pipeline.deliverHeld(b, newest.version, actor);
      return t('desk-session-ended-delivered', { ref: b.reference, version: newest.version, client: b.client.displayName });
    }
    return [
      t('desk-session-ended-held', { ref: b.reference }),
      ...held.map((v) => `• v${v.version} · ${this.factsOf(v.facts)}`),
      t('desk-versions-held-how', { ref: b.reference }),
    ].join('\n');
  }

  /** The engineer's answer to a live note, to the artist's own chat (while the session runs). */
  async reply(reference: string, text: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    if (!text.trim()) throw new UserError(t('desk-reply-empty'));
    await this.d.notes.fromEngineer(b, actor, text);
    return t('desk-reply-sent', { ref: b.reference, client: b.client.displayName });
  }

  /** What was typed in a booking's sessions, both ways, in studio time. */
  async sessionNotes(reference: string): Promise<string> {
    const b = await this.booking(reference);
    const notes = await this.d.notes.all(b.id);
    if (!notes.length) return t('desk-no-notes', { ref: b.reference });
    return [
      t('desk-notes-list-title', { ref: b.reference, client: b.client.displayName }),
      ...notes.map((n) => `• ${this.studioTime(n.at, 'd LLL HH:mm')} ${n.fromRole === 'artist' ? b.client.displayName : t('desk-notes-engineer')}: ${n.text}`),
    ].join('\n');
  }

  /** Runs (or re-runs) the engine on the booking's latest mix with the engineer's settings. */
  async master(reference: string, settings: Partial<MasterSettings>, preset: MasterSettings['preset'] = this.d.defaultPreset): Promise<string> {
    const b = await this.booking(reference);
    const mix = await this.d.uploads.files.latest(b.id, 'mix');
    if (!mix) throw new UserError(t('desk-no-mix', { ref: b.reference }));
    if (['requested', 'cancelled', 'rescheduled', 'completed'].includes(b.status))
      throw new UserError(t('mixdown-confirm-first', { ref: b.reference, status: statusText(b.status) }));
    const same = await this.d.pipeline.sameVersion(b.id, { preset, ...settings });
    if (same !== null) throw new UserError(t('desk-master-same', { ref: b.reference, version: same }));
    await this.d.bookings.advanceTo(b.id, 'in-progress', 'engineer', { via: ['revision-requested'], note: 'engineer re-master' });
    const version = await this.d.pipeline.masterNext(b.id, { preset, ...settings });
    const hold = this.d.pipeline.holdNow(b);
    return t('desk-mastering', {
      ref: b.reference,
      version,
      preset,
      settings: settingsInWords(settings).join(', ') || t('desk-settings-preset-only'),
      next: hold === 'session' ? t('desk-next-held-session') : hold === 'review' ? t('desk-next-held-review') : t('desk-next-to-artist'),
    });
  }

  async resolveRevision(reference: string, note: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    const r = await this.d.revisions.resolveOpen(b, actor);
    await this.tell(b, `revision-resolved-${r.number}`, () =>
      note
        ? t('revision-resolved-artist-note', { number: r.number, ref: b.reference, note })
        : t('revision-resolved-artist', { number: r.number, ref: b.reference }),
    );
    return t('desk-revision-resolved', { number: r.number, ref: b.reference });
  }

  /** Public text for a server's announcement channel: open times per service, nothing about anyone. */
  async openSlotsAnnouncement(studioName: string, days = 7, perService = 6): Promise<string> {
    const now = this.d.clock.now();
    const lines = [t('announce-title', { studio: studioName, days, zone: this.d.studioZone })];
    for (const s of this.d.catalog.services) {
      const slots = (await this.d.bookings.freeSlots(s.code, { start: now, end: new Date(now.getTime() + days * 86_400_000) })).slice(0, perService);
      const times = slots.map((x) => this.studioTime(x.start, 'ccc d LLL HH:mm')).join(', ');
      lines.push(t('announce-service', { service: s.name, times: slots.length ? times : t('announce-fully-booked') }));
    }
    lines.push(t('announce-how'));
    return lines.join('\n');
  }

  async lookupClient(query: string): Promise<string> {
    const q = query.trim();
    if (q.length < 2) throw new UserError(t('desk-client-query-short'));
    const clients = await this.d.clients.search(q);
    if (!clients.length) return t('desk-no-client', { query: q });
    const actions = await this.d.audit.forBookings(clients.flatMap((c) => c.bookings.map((b) => b.reference)));
    const payments = await this.d.payments.linesFor(
      clients.flatMap((c) => c.bookings),
      this.d.studioZone,
    );
    const history = (reference: string) =>
      actions
        .filter((a) => a.reference === reference)
        .slice(0, 5)
        .map(
          (a) =>
            `      ${t('desk-engineer-action', { when: this.studioTime(a.at, 'd LLL HH:mm'), who: `${a.platform}:${a.userId}`, action: a.action, outcome: a.outcome })}`,
        );
    return clients
      .map((c) =>
        [
          t('desk-client', {
            name: c.displayName,
            identities: c.identities.map((i) => `${i.platform}${i.username ? ` @${i.username}` : ''}`).join(', '),
            zone: c.timeZone,
            format: c.deliveryFormat,
          }),
          ...c.bookings.flatMap((b) => [
            `  ${b.reference} · ${serviceName(b.service)} · ${b.status}`,
            ...(payments.get(b.id) ?? []).map((l) => `      ${l}`),
            ...history(b.reference),
          ]),
        ].join('\n'),
      )
      .join('\n\n');
  }

  /** The studio's hours and dates, or (`engineer`) an engineer's own. */
  async availability(engineer: { id: string; name: string } | null = null): Promise<string> {
    const id = engineer?.id ?? null;
    const [rules, overrides] = await Promise.all([this.d.schedule.rules(id), this.d.schedule.overrides(id)]);
    const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return [
      ...(engineer ? [[t('desk-hours-of', { name: engineer.name }), ...(rules.length ? [] : [t('desk-hours-of-studio')])].join(' ')] : []),
      rules.length
        ? [
            t('desk-weekly-hours', { zone: this.d.studioZone }),
            ...rules.map((r) => `• ${WEEKDAYS[r.weekday % 7]} ${hm(r.startMinute)}-${hm(r.endMinute)}`),
          ].join('\n')
        : engineer
          ? ''
          : t('desk-weekly-hours-config'),
      overrides.length
        ? [
            t('desk-dates'),
            ...overrides.map(
              (o) => `• ${o.date}: ${o.closed ? t('desk-date-closed') : `${hm(o.startMinute!)}-${hm(o.endMinute!)}`}${o.note ? ` (${o.note})` : ''}`,
            ),
          ].join('\n')
        : t('desk-no-dates'),
    ]
      .filter(Boolean)
      .join('\n\n');
  }

  async addWeeklyHours(weekday: string, from: string, to: string, engineerId: string | null = null): Promise<string> {
    const day = WEEKDAYS.indexOf(weekday.trim().slice(0, 3).toLowerCase());
    if (day < 0) throw new UserError(t('desk-not-a-weekday', { typed: weekday }));
    const [start, end] = [minutes(from), minutes(to)];
    if (end <= start) throw new UserError(t('desk-end-before-start'));
    // Stored as the ISO weekday the calendar uses (Monday 1 … Sunday 7).
    await this.d.schedule.addRule(day === 0 ? 7 : day, start, end, engineerId);
    return t('desk-hours-added', { day: WEEKDAYS[day] ?? '', from, to });
  }

  async blockDate(date: string, note: string, engineerId: string | null = null): Promise<string> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) throw new UserError(t('desk-not-a-date', { typed: date }));
    await this.d.schedule.closeDate(date, note || null, engineerId);
    return t('desk-date-blocked', { date });
  }

  async clearWeeklyHours(engineerId: string | null = null): Promise<string> {
    return t('desk-hours-cleared', { count: await this.d.schedule.clearRules(engineerId) });
  }
}
