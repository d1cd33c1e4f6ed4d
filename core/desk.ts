// The engineer's desk: what the studio runs from Discord (or any engineer interface). Every
// action checks the booking's state through the same status machine as the artists' side, and
// tells the artist through the outbox, so nothing depends on which bot the artist uses.
import { DateTime } from 'luxon';
import type { Db, Models } from '../db/client.js';
import type { BookingService, BookingWithService } from './booking/bookings.js';
import { openStatuses } from './booking/status.js';
import type { Catalog } from './catalog.js';
import type { MixdownJobs } from './mixdown-job.js';
import { nextVersion } from './deliveries.js';
import type { UploadService } from './uploads.js';
import type { Clock } from './clock.js';
import { formatWhen, kindName } from './conversation/format.js';
import type { Reply } from './conversation/types.js';
import { roleLabel, stemLines } from './conversation/uploads.js';
import { NotFoundError, UserError } from './errors.js';
import type { KeycodeService } from './keycodes.js';
import type { Outbox } from './outbox.js';
import type { MasterSettings, Pipeline } from './pipeline.js';

export type DeskBooking = BookingWithService & { client: Models.ClientModel };

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new UserError(`"${hhmm}" is not a time; use HH:MM, e.g. 10:00.`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export class StudioDesk {
  constructor(
    private readonly db: Db,
    private readonly bookings: BookingService,
    private readonly pipeline: Pipeline,
    private readonly keycodes: KeycodeService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly studioZone: string,
    private readonly defaultPreset: MasterSettings['preset'],
    private readonly catalog: Catalog,
    private readonly mixdowns: MixdownJobs,
    private readonly uploads: UploadService,
  ) {}

  /** The booking's stems and roles, or (with a number and a role) one changed, for the engineer. */
  async stems(reference: string, n?: number, role?: string): Promise<string> {
    const b = await this.booking(reference);
    if (n !== undefined && role !== undefined) {
      const changed = await this.uploads.setStemRole(b.id, n, role);
      return `${b.reference}: ${changed.fileName} is now ${roleLabel(changed.stemTag)}.`;
    }
    const stems = await this.uploads.stems(b.id);
    if (!stems.length) return `${b.reference} has no stems yet.`;
    return [`Stems of ${b.reference} (${b.client.displayName}):`, ...stemLines(stems)].join('\n');
  }

  /** Renders the full mix, instrumental and a cappella from the booking's stems as the next version. */
  async mixdown(reference: string, balance: 'auto' | 'flat', actor: string): Promise<string> {
    const b = await this.booking(reference);
    const version = await this.mixdowns.enqueue(b.id, balance, actor);
    return `Mixing down ${b.reference} as version ${version} (${balance} balance${b.service.code === 'mix-master' ? ', then mastered' : ''}); it goes to the artist when ready.`;
  }

  async booking(reference: string): Promise<DeskBooking> {
    const b = await this.db.booking.findUnique({ where: { reference: reference.trim().toUpperCase() }, include: { service: true, client: true } });
    if (!b) throw new NotFoundError(`There is no booking ${reference.trim().toUpperCase()}.`);
    return b;
  }

  private tell(b: DeskBooking, key: string, text: string, extra: Partial<Reply> = {}): Promise<boolean> {
    return this.outbox.record(`${key}:${b.id}`, b.originPlatform, b.originChatId, { text, visibility: 'private', ...extra });
  }

  /** Upcoming sessions (next `days` days) and the unattended queue, in studio time. */
  async queue(days = 14): Promise<string> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + days * 86_400_000);
    const sessions = await this.db.booking.findMany({
      where: { status: { in: [...openStatuses] }, startsAt: { gte: new Date(now.getTime() - 86_400_000), lte: until } },
      include: { service: true, client: true },
      orderBy: { startsAt: 'asc' },
    });
    const unattended = await this.db.booking.findMany({ where: { kind: 'unattended', status: { in: [...openStatuses] } }, include: { service: true, client: true }, orderBy: { createdAt: 'asc' } });
    const line = (b: DeskBooking) => `${b.reference} · ${b.service.name} · ${kindName(b.kind)} · ${b.client.displayName} · ${b.status}`;
    const parts = [
      sessions.length ? `Sessions, next ${days} days:\n${sessions.map((b) => `• ${formatWhen(b.startsAt!, this.studioZone)} — ${line(b)}`).join('\n')}` : `No sessions in the next ${days} days.`,
      unattended.length ? `Unattended work:\n${unattended.map((b, i) => `${i + 1}. ${line(b)}${b.dueAt ? ` · due ${DateTime.fromJSDate(b.dueAt).setZone(this.studioZone).toFormat('ccc d LLL')}` : ''}`).join('\n')}` : 'No unattended work waiting.',
    ];
    return parts.join('\n\n');
  }

  async confirm(reference: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    await this.bookings.transition(b.id, 'confirmed', actor);
    const confirmed = await this.bookings.transition(b.id, 'awaiting-files', actor);
    await this.tell(b, 'confirmed', `Good news: the studio confirmed ${b.reference} (${b.service.name}${b.startsAt ? `, ${formatWhen(b.startsAt, b.timeZone)}` : ''}). Send your files when ready (/upload).`);
    // A mix that arrived while the booking waited for confirmation is mastered now.
    const mix = await this.db.upload.count({ where: { bookingId: b.id, role: 'mix' } });
    if (mix > 0 && b.service.code === 'master') {
      await this.pipeline.startFirstMaster(confirmed);
      return `Confirmed ${b.reference}; its mix was already here, so the automatic master has started.`;
    }
    return `Confirmed ${b.reference}; ${b.client.displayName} has been told.`;
  }

  async decline(reference: string, reason: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    await this.bookings.cancel(b.clientId, b.reference, actor);
    await this.tell(b, 'declined', `Sorry — the studio could not take ${b.reference} (${b.service.name})${reason ? `: ${reason}` : '.'} Nothing is charged. /book finds another time.`);
    return `Declined ${b.reference}; ${b.client.displayName} has been told.`;
  }

  async reschedule(reference: string, startLocal: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    const start = DateTime.fromFormat(startLocal.trim(), 'yyyy-MM-dd HH:mm', { zone: this.studioZone });
    if (!start.isValid) throw new UserError(`"${startLocal}" is not a time; use YYYY-MM-DD HH:MM in studio time (${this.studioZone}).`);
    const moved = await this.bookings.reschedule(b.clientId, b.reference, start.toJSDate(), `desk-move:${b.id}:${start.toISO()}`, actor);
    await this.tell(b, 'moved', `The studio moved ${b.reference} to ${formatWhen(moved.startsAt!, b.timeZone)}; its new reference is ${moved.reference}. Reminders move with it.`);
    return `Moved ${b.reference} to ${formatWhen(moved.startsAt!, this.studioZone)} (new reference ${moved.reference}); the artist has been told.`;
  }

  /** Starts a session; for a virtual one the artist gets the SonoBus keycode privately. */
  async startSession(reference: string, actor: string): Promise<{ text: string; keycode?: { group: string; password: string; link: string } }> {
    const b = await this.booking(reference);
    if (b.kind === 'unattended') throw new UserError(`${b.reference} is unattended work: there is no session to start.`);
    if (b.status === 'confirmed' || b.status === 'awaiting-files') await this.bookings.transition(b.id, 'in-progress', actor, 'session started');
    // A session may also follow an automatic master (delivered) or a revision request.
    else if (!['in-progress', 'delivered', 'revision-requested'].includes(b.status)) throw new UserError(`${b.reference} is ${b.status}; a session can start once it is confirmed.`);
    if (b.kind !== 'virtual') {
      await this.tell(b, 'session-start', `Your session ${b.reference} is starting — see you in the studio!`);
      return { text: `Session ${b.reference} started (in person).` };
    }
    const k = await this.keycodes.forSession(b);
    const link = this.keycodes.link(k);
    await this.tell(b, 'session-start', `Your session ${b.reference} is starting now. Join in SonoBus:\n  Group: ${k.groupName}\n  Password: ${k.password}\nThe keycode is yours alone: please do not share it.`, { links: [{ label: 'Join the session in SonoBus', url: link }] });
    return { text: `Session ${b.reference} started; ${b.client.displayName} has the keycode.`, keycode: { group: k.groupName, password: k.password, link } };
  }

  async endSession(reference: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    if (b.status !== 'in-progress') throw new UserError(`${b.reference} is ${b.status}; only a running session can end.`);
    await this.db.bookingEvent.create({ data: { bookingId: b.id, fromStatus: b.status, toStatus: b.status, actor, note: 'session ended', at: this.clock.now() } });
    await this.tell(b, 'session-end', `Thanks for the session ${b.reference}! Your files will arrive here as soon as they are rendered.`);
    return `Session ${b.reference} ended; deliver the files with /deliver when they are ready.`;
  }

  /** Runs (or re-runs) the engine on the booking's latest mix with the engineer's settings. */
  async master(reference: string, settings: Partial<MasterSettings>, preset: MasterSettings['preset'] = this.defaultPreset): Promise<string> {
    const b = await this.booking(reference);
    const mix = await this.db.upload.findFirst({ where: { bookingId: b.id, role: 'mix', purgedAt: null } });
    if (!mix) throw new UserError(`${b.reference} has no stereo mix to master yet.`);
    if (['requested', 'cancelled', 'rescheduled', 'completed'].includes(b.status)) throw new UserError(`${b.reference} is ${b.status}; confirm it first.`);
    if (b.status === 'delivered') {
      await this.bookings.transition(b.id, 'revision-requested', 'engineer', 'engineer re-master');
      await this.bookings.transition(b.id, 'in-progress', 'engineer');
    } else if (b.status !== 'in-progress') await this.bookings.transition(b.id, 'in-progress', 'engineer');
    const version = await nextVersion(this.db, b.id);
    await this.pipeline.enqueueMaster({ bookingId: b.id, version, settings: { preset, ...settings } });
    return `Mastering ${b.reference} as version ${version} (${JSON.stringify({ preset, ...settings })}); it goes to the artist when ready.`;
  }

  async resolveRevision(reference: string, note: string, actor: string): Promise<string> {
    const b = await this.booking(reference);
    const r = await this.db.revision.findFirst({ where: { bookingId: b.id, status: { in: ['requested', 'in-progress'] } }, orderBy: { number: 'desc' } });
    if (!r) throw new UserError(`${b.reference} has no open revision.`);
    await this.db.$transaction(async (tx) => {
      await tx.revision.update({ where: { id: r.id }, data: { status: 'resolved', resolvedAt: this.clock.now() } });
      const current = await tx.booking.findUniqueOrThrow({ where: { id: b.id } });
      if (current.status === 'revision-requested') {
        await this.bookings.transitionIn(tx, current, 'in-progress', actor);
        await this.bookings.transitionIn(tx, { ...current, status: 'in-progress' }, 'delivered', actor, `revision ${r.number} resolved without new files`);
      }
    });
    await this.tell(b, `revision-resolved-${r.number}`, `Your revision ${r.number} of ${b.reference} is resolved${note ? `: ${note}` : '.'}`);
    return `Revision ${r.number} of ${b.reference} resolved.`;
  }

  /** Public text for a server's announcement channel: open times per service, nothing about anyone. */
  async openSlotsAnnouncement(studioName: string, days = 7, perService = 6): Promise<string> {
    const now = this.clock.now();
    const lines = [`Open sessions at ${studioName} in the next ${days} days (${this.studioZone}):`];
    for (const s of this.catalog.services) {
      const slots = (await this.bookings.freeSlots(s.code, { start: now, end: new Date(now.getTime() + days * 86_400_000) })).slice(0, perService);
      lines.push(`• ${s.name}: ${slots.length ? slots.map((x) => DateTime.fromJSDate(x.start).setZone(this.studioZone).toFormat('ccc d LLL HH:mm')).join(', ') : 'fully booked'}`);
    }
    lines.push('Book with /book — in a DM with me or here (only you see your booking).');
    return lines.join('\n');
  }

  async lookupClient(query: string): Promise<string> {
    const q = query.trim();
    if (q.length < 2) throw new UserError('Give at least two characters of a name, username or reference.');
    const clients = await this.db.client.findMany({
      where: { OR: [{ displayName: { contains: q } }, { identities: { some: { OR: [{ username: { contains: q } }, { externalId: q }] } } }, { bookings: { some: { reference: q.toUpperCase() } } }] },
      include: { identities: true, bookings: { include: { service: true }, orderBy: { createdAt: 'desc' }, take: 5 } },
      take: 5,
    });
    if (!clients.length) return `No client matches "${q}".`;
    return clients
      .map((c) => [`${c.displayName} (${c.identities.map((i) => `${i.platform}${i.username ? ` @${i.username}` : ''}`).join(', ')}; ${c.timeZone}; files as ${c.deliveryFormat})`, ...c.bookings.map((b) => `  ${b.reference} · ${b.service.name} · ${b.status}`)].join('\n'))
      .join('\n\n');
  }

  async availability(): Promise<string> {
    const [rules, overrides] = await Promise.all([this.db.availabilityRule.findMany({ orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }] }), this.db.availabilityOverride.findMany({ orderBy: { date: 'asc' } })]);
    const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return [
      rules.length ? `Weekly hours (${this.studioZone}):\n${rules.map((r) => `• ${WEEKDAYS[r.weekday]} ${hm(r.startMinute)}-${hm(r.endMinute)}`).join('\n')}` : 'Weekly hours: from the configuration (STUDIO_HOURS); add a rule to set them here.',
      overrides.length ? `Dates:\n${overrides.map((o) => `• ${o.date}: ${o.closed ? 'closed' : `${hm(o.startMinute!)}-${hm(o.endMinute!)}`}${o.note ? ` (${o.note})` : ''}`).join('\n')}` : 'No dates blocked or changed.',
    ].join('\n\n');
  }

  async addWeeklyHours(weekday: string, from: string, to: string): Promise<string> {
    const day = WEEKDAYS.indexOf(weekday.trim().slice(0, 3).toLowerCase());
    if (day < 0) throw new UserError(`"${weekday}" is not a weekday (mon … sun).`);
    const [start, end] = [minutes(from), minutes(to)];
    if (end <= start) throw new UserError('The end must be after the start.');
    await this.db.availabilityRule.create({ data: { weekday: day, startMinute: start, endMinute: end } });
    return `Open ${WEEKDAYS[day]} ${from}-${to} every week.`;
  }

  async blockDate(date: string, note: string): Promise<string> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) throw new UserError(`"${date}" is not a date; use YYYY-MM-DD.`);
    await this.db.availabilityOverride.create({ data: { date, closed: true, note: note || null } });
    return `Closed on ${date}; no new bookings can take it (existing ones stay: move them with /booking reschedule).`;
  }

  async clearWeeklyHours(): Promise<string> {
    const { count } = await this.db.availabilityRule.deleteMany({});
    return `Removed ${count} weekly rule(s); the hours from the configuration apply again.`;
  }
}
