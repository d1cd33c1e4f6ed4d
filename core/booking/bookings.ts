// Creating, moving and calling off bookings. Each booking holds one engineer's time; the calendar
// is protected by SlotHold's unique (engineer, block start), so two racing requests for the same
// engineer's time cannot both commit, on SQLite or PostgreSQL alike, while two engineers' sessions
// never touch. Creation is idempotent by key, so a retried or duplicated request returns the
// booking it already made.
import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import { serviceCodeIn, serviceIdIn } from './schedule.js';
import { BookingRepository, type Booking, type BookingWithClient, type BookingWithService } from './booking-repository.js';
import { findService, priceFor, priceForHours, type Catalog, type ServiceDef, type SessionKind } from '../catalog.js';
import { NotFoundError, SlotTakenError, TimeNotOpenError, UserError } from '../errors.js';
import type { Clock } from '../clock.js';
import { blocksFor, bookingWindow, generateSlots, isBookable, openWindows, overlapsTaken, type Interval, type SchedulePolicy } from './slots.js';
import { planReminders } from '../sessions/reminders.js';
import { assertKnownStatus, assertTransition, bookingStatuses, isOpen, pathTo, statusText, type BookingStatus } from './status.js';
import { t } from '../texts.js';

export type { Booking, BookingWithClient, BookingWithService } from './booking-repository.js';

export interface BookingSettings {
  autoConfirm: boolean;
  /** New bookings wait for their deposit (PAYMENTS=stripe) before they are requested or confirmed. */
  depositFirst?: boolean;
  /** Hours before a session that reminders are due (default 24 and 1). */
  reminderOffsetsHours?: readonly number[];
  unattendedTurnaroundDays: number;
  unattendedJobsPerDay: number;
}

export interface NewBooking {
  clientId: string;
  serviceCode: string;
  kind: SessionKind;
  /** Required for standard and virtual sessions; unattended work has no fixed time. */
  start?: Date;
  timeZone: string;
  idempotencyKey: string;
  origin: { platform: string; chatId: string };
  actor: string;
  /** Mixing by the hour: the hours booked (from the artist's quote), else the service's. */
  hours?: number;
  /** The engineer the artist picked; absent: any who takes the service and is free then. */
  engineerId?: string;
}

/** Who may take a booking: the active engineers who do a service, each with their own schedule. */
export interface BookingStaff {
  /** Ids of the active engineers taking this service, in the studio's order. */
  offering(serviceCode: string): Promise<string[]>;
}

/** An hourly service's session grows or shrinks with the hours booked; any other keeps its length. */
export function sessionMinutes(def: ServiceDef, hours?: number): number {
  if (!def.hourly || hours === undefined) return def.durationMinutes;
  return Math.round(def.durationMinutes + (hours - def.hourly.hours) * 60);
}

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function newReference(): string {
  let s = 'MD-';
  for (let i = 0; i < 6; i++) s += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return s;
}

/**
 * What a booking announces, inside the transaction that changed it, to whoever acts on it: the
 * engineer's alerts, and the other aggregates (its links, reminders, files and payments; see
 * follow-ups.ts). The booking knows none of them, so its rules import none of their tables.
 */
export interface BookingWatcher {
  /** A booking reached the studio (made, or its deposit paid). */
  arrived?(tx: Tx, bookingId: string, depositPaid?: boolean): Promise<void>;
  /** Moved: `fromId` is closed as rescheduled, `toId` holds the engagement now. */
  moved?(tx: Tx, fromId: string, toId: string, at: Date): Promise<void>;
  /** Called off by the artist. */
  cancelled?(tx: Tx, bookingId: string, at: Date): Promise<void>;
  /** Its deposit was not paid in time: cancelled by the studio and its time released. */
  released?(tx: Tx, bookingId: string, at: Date): Promise<void>;
}

export class BookingService {
  private readonly watchers: BookingWatcher[] = [];

  /** Adds one who hears of bookings arriving, moving, cancelled and released. */
  watch(watcher: BookingWatcher): void {
    this.watchers.push(watcher);
  }

  /** Tells every watcher, in the order they came, inside the caller's transaction. */
  private async announce<E extends keyof BookingWatcher>(event: E, ...args: Parameters<NonNullable<BookingWatcher[E]>>): Promise<void> {
    for (const w of this.watchers) await (w[event] as ((...a: typeof args) => Promise<void>) | undefined)?.call(w, ...args);
  }

  /** The bookings' tables: the only way this service reads or writes them. */
  readonly rows: BookingRepository;

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    /** The studio's schedule (no engineer), or the one an engineer's bookings follow. */
    private readonly policy: (engineerId?: string | null) => Promise<SchedulePolicy>,
    private readonly settings: BookingSettings,
    private readonly clock: Clock,
    private readonly staff: BookingStaff,
  ) {
    this.rows = new BookingRepository(db);
  }

  /** Block starts of the engineer's time held in a range (ms since epoch), a day and the buffer either side. */
  private takenBlocks(tx: Tx, engineerId: string, range: Interval, bufferMinutes: number): Promise<Set<number>> {
    const margin = (bufferMinutes + 24 * 60) * 60_000;
    return this.rows.heldBlocks(tx, engineerId, new Date(range.start.getTime() - margin), new Date(range.end.getTime() + margin));
  }

  /** The engineers who take the service: the one asked for (refused when they do not), else all of them. */
  private async engineersFor(serviceCode: string, engineerId?: string): Promise<string[]> {
    const offering = await this.staff.offering(serviceCode);
    if (engineerId === undefined) {
      if (!offering.length) throw new UserError(t('booking-no-engineer', { service: serviceCode }));
      return offering;
    }
    if (!offering.includes(engineerId)) throw new UserError(t('booking-engineer-not-offering'));
    return [engineerId];
  }

  /**
   * "Any engineer", as team booking tools do it: the least busy first (fewest open bookings), then
   * whoever was booked least recently, so the work spreads evenly.
   */
  private async fairOrder(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length < 2) return ids;
    const load = await this.rows.loadByEngineer(tx);
    const key = (id: string) => load.get(id) ?? { open: 0, lastBookedAt: null };
    return [...ids].sort((a, b) => key(a).open - key(b).open || (key(a).lastBookedAt?.getTime() ?? 0) - (key(b).lastBookedAt?.getTime() ?? 0));
  }

  private service(code: string) {
    const def = findService(this.catalog, code);
    if (!def) throw new UserError(t('no-such-service', { code, codes: this.catalog.services.map((s) => s.code).join(', ') }));
    return def;
  }

  /**
   * Free start times for the service's length, or `minutes` (a session grown for its mix, moved):
   * the engineer's, or (no engineer named) every time at least one engineer who takes it is free.
   */
  async freeSlots(serviceCode: string, range?: Partial<Interval>, minutes?: number, engineerId?: string): Promise<Interval[]> {
    const def = this.service(serviceCode);
    const now = this.clock.now();
    const window = bookingWindow(await this.policy(), now);
    const from = range?.start ?? window.start;
    const to = range?.end ?? window.end;
    const byStart = new Map<number, Interval>();
    for (const engineer of await this.engineersFor(def.code, engineerId)) {
      const policy = await this.policy(engineer);
      const taken = await this.takenBlocks(this.db, engineer, { start: from, end: to }, policy.bufferMinutes);
      for (const slot of generateSlots(policy, { durationMinutes: minutes ?? def.durationMinutes, now, taken, from, to }))
        byStart.set(slot.start.getTime(), slot);
    }
    return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async create(input: NewBooking): Promise<BookingWithService> {
    const existing = await this.byIdempotencyKey(input.idempotencyKey);
    if (existing) return existing;
    const def = this.service(input.serviceCode);
    const now = this.clock.now();
    let slot: Interval | undefined;
    if (input.kind !== 'unattended') {
      if (!input.start) throw new UserError(t('choose-a-time'));
      slot = { start: input.start, end: new Date(input.start.getTime() + sessionMinutes(def, input.hours) * 60_000) };
      if (slot.start < now) throw new UserError(t('time-in-past'));
    }
    const engineers = await this.fairOrder(this.db, await this.engineersFor(def.code, input.engineerId));
    return this.firstWhoTakesIt(engineers, input.idempotencyKey, (engineerId) => this.createFor(input, def, engineerId, slot, now));
  }

  /**
   * With "any engineer" each who takes the service is tried in turn (fairest first), each in a
   * transaction of its own: the time may be outside one's hours, or taken by a booking that
   * committed a moment ago. When nobody can take it, "taken" is the answer if it was anyone's (the
   * time was open, someone was quicker), else "not open". One engineer: their answer as it is.
   */
  private async firstWhoTakesIt(
    engineers: readonly string[],
    idempotencyKey: string,
    attempt: (engineerId: string) => Promise<BookingWithService>,
  ): Promise<BookingWithService> {
    let refusal: unknown;
    for (const engineerId of engineers) {
      try {
        return await attempt(engineerId);
      } catch (err) {
        const other = err instanceof SlotTakenError || err instanceof TimeNotOpenError || isUniqueViolation(err);
        if (!other || engineers.length === 1) return this.afterConflict(err, idempotencyKey);
        const same = await this.byIdempotencyKey(idempotencyKey);
        if (same) return same;
        if (!(refusal instanceof SlotTakenError)) refusal = isUniqueViolation(err) ? new SlotTakenError() : err;
      }
    }
    return this.afterConflict(refusal, idempotencyKey);
  }

  private async createFor(input: NewBooking, def: ServiceDef, engineerId: string, slot: Interval | undefined, now: Date): Promise<BookingWithService> {
    const policy = await this.policy(engineerId);
    // Read before the transaction: on SQLite a read outside an open write transaction waits for it.
    const studioPolicy = slot ? null : await this.policy();
    return this.db.$transaction(async (tx) => {
      const serviceId = await serviceIdIn(tx, def.code);
      if (slot) await this.assertBookable(tx, engineerId, policy, slot, now);
      const booking = await this.rows.create(tx, {
        reference: newReference(),
        clientId: input.clientId,
        serviceId,
        engineerId,
        kind: input.kind,
        status: this.settings.depositFirst ? 'awaiting-payment' : 'requested',
        startsAt: slot?.start ?? null,
        endsAt: slot?.end ?? null,
        dueAt: studioPolicy ? await this.unattendedDueDate(tx, now, studioPolicy) : null,
        timeZone: input.timeZone,
        priceCents:
          def.hourly && input.hours !== undefined ? priceForHours(this.catalog, def.hourly, input.kind, input.hours) : priceFor(this.catalog, def, input.kind),
        bookedHours: def.hourly ? (input.hours ?? def.hourly.hours) : null,
        currency: this.catalog.currency,
        includedRevisions: def.includedRevisions,
        idempotencyKey: input.idempotencyKey,
        originPlatform: input.origin.platform,
        originChatId: input.origin.chatId,
      });
      await this.rows.recordEvent({ bookingId: booking.id, fromStatus: null, toStatus: booking.status, actor: input.actor, at: now }, tx);
      if (slot) await this.hold(tx, booking.id, engineerId, slot, policy.bufferMinutes);
      await planReminders(tx, booking, this.settings.reminderOffsetsHours ?? [24, 1], now);
      if (booking.status === 'requested') await this.autoConfirmIn(tx, booking);
      await this.announce('arrived', tx, booking.id);
      return this.rows.get(booking.id, tx);
    });
  }

  /**
   * A conflict may be the same request racing itself (a duplicated update, a double click):
   * then the booking it made is the answer. Otherwise another booking took the time.
   */
  private async afterConflict(err: unknown, idempotencyKey: string): Promise<BookingWithService> {
    if (!(err instanceof SlotTakenError) && !isUniqueViolation(err)) throw err;
    const same = await this.byIdempotencyKey(idempotencyKey);
    if (same) return same;
    if (isUniqueViolation(err)) throw new SlotTakenError();
    throw err;
  }

  /** The slot is free and open (hours, notice, horizon); a taken one is SlotTakenError. */
  private async assertBookable(tx: Tx, engineerId: string, policy: SchedulePolicy, slot: Interval, now: Date): Promise<void> {
    const taken = await this.takenBlocks(tx, engineerId, slot, policy.bufferMinutes);
    const durationMinutes = (slot.end.getTime() - slot.start.getTime()) / 60_000;
    if (isBookable(policy, slot, { durationMinutes, now, taken })) return;
    if (overlapsTaken(slot.start.getTime(), slot.end.getTime(), policy.bufferMinutes, taken)) throw new SlotTakenError();
    throw new TimeNotOpenError();
  }

  private byIdempotencyKey(key: string): Promise<BookingWithService | null> {
    return this.rows.byIdempotencyKey(key);
  }

  private hold(tx: Tx, bookingId: string, engineerId: string, slot: Interval, bufferMinutes: number): Promise<void> {
    return this.rows.hold(tx, bookingId, engineerId, blocksFor(slot, bufferMinutes));
  }

  /**
   * Unattended work is promised by a due date that moves back as the queue of open work grows,
   * and lands on a day the studio is open.
   */
  private async unattendedDueDate(tx: Tx, now: Date, policy: SchedulePolicy): Promise<Date> {
    const ahead = await this.rows.countOpenUnattended(tx);
    const days = this.settings.unattendedTurnaroundDays + Math.floor(ahead / this.settings.unattendedJobsPerDay);
    let due = DateTime.fromJSDate(now).setZone(policy.timeZone).plus({ days });
    for (let i = 0; i < 14 && openWindows(policy, due.toISODate() ?? '').length === 0; i++) due = due.plus({ days: 1 });
    return due.toJSDate();
  }

  /** A booking's engineer (one made before engineers were data: the first who takes its service). */
  private async engineerOf(b: Pick<Booking, 'engineerId' | 'serviceId'> & { service?: { code: string } }): Promise<string> {
    if (b.engineerId) return b.engineerId;
    const code = b.service?.code ?? (await serviceCodeIn(this.db, b.serviceId));
    return (await this.engineersFor(code))[0]!;
  }

  /** The due date an unattended booking made now would get. */
  async estimateUnattendedDue(): Promise<Date> {
    return this.unattendedDueDate(this.db, this.clock.now(), await this.policy());
  }

  /** 1-based place of an unattended booking among the open unattended work, oldest first. */
  async queuePosition(booking: Booking): Promise<number | null> {
    if (booking.kind !== 'unattended' || !isOpen(booking.status)) return null;
    return (await this.rows.countOpenUnattended(this.db, booking.createdAt)) + 1;
  }

  /**
   * A status change made with a conditional update: if another request changed the booking
   * first (a double-clicked button), this one fails instead of applying twice.
   */
  private async step(tx: Tx, booking: Booking, to: BookingStatus, actor: string, note?: string): Promise<void> {
    if (await this.tryStep(tx, booking, to, actor, note)) return;
    const now = await this.rows.current(booking.id, tx);
    assertTransition(booking.reference, now.status, to);
    throw new UserError(t('booking-changed-meanwhile', { ref: booking.reference }));
  }

  /** The change, recorded; false when the booking was no longer in `booking.status`. */
  private async tryStep(tx: Tx, booking: Booking, to: BookingStatus, actor: string, note?: string): Promise<boolean> {
    assertTransition(booking.reference, booking.status, to);
    if (!(await this.rows.stepStatus(tx, booking.id, booking.status, to))) return false;
    await this.rows.recordEvent({ bookingId: booking.id, fromStatus: booking.status, toStatus: to, actor, note: note ?? null, at: this.clock.now() }, tx);
    return true;
  }

  /** A status change inside the caller's transaction (the pipeline's delivery commits with it). */
  async transitionIn(tx: Tx, booking: Booking, to: BookingStatus, actor: string, note?: string): Promise<void> {
    await this.step(tx, booking, to, actor, note);
  }

  /**
   * Moves the booking to `to` along the status table, through only the statuses in `via`, one
   * recorded step at a time; nothing when it is there already. Refused (as `transition` is) when
   * there is no such way — a requested booking is never confirmed on the way unless `via` says so.
   */
  async advanceIn(tx: Tx, booking: Booking, to: BookingStatus, actor: string, o: { via?: readonly BookingStatus[]; note?: string } = {}): Promise<Booking> {
    let current = booking;
    // Each round takes one step, or finds that someone else moved the booking meanwhile (two
    // re-masters at once) and walks on from where it is now; the table has no cycles that long.
    for (let round = 0; round < 2 * bookingStatuses.length; round++) {
      assertKnownStatus(current.reference, current.status);
      const steps = pathTo(current.status, to, o.via);
      if (!steps) {
        assertTransition(current.reference, current.status, to);
        throw new Error(`no way from ${current.status} to ${to} for ${current.reference}`);
      }
      const status = steps[0];
      if (status === undefined) return current;
      if (await this.tryStep(tx, current, status, actor, o.note)) current = { ...current, status };
      else current = await this.rows.current(current.id, tx);
    }
    throw new UserError(t('booking-changed-meanwhile', { ref: current.reference }));
  }

  async advanceTo(bookingId: string, to: BookingStatus, actor: string, o: { via?: readonly BookingStatus[]; note?: string } = {}): Promise<BookingWithService> {
    return this.db.$transaction(async (tx) => {
      const booking = await this.rows.find(bookingId, tx);
      if (!booking) throw new NotFoundError(t('no-such-booking'));
      await this.advanceIn(tx, booking, to, actor, o);
      return this.rows.get(bookingId, tx);
    });
  }

  async transition(bookingId: string, to: BookingStatus, actor: string, note?: string): Promise<BookingWithService> {
    return this.db.$transaction(async (tx) => {
      const booking = await this.rows.find(bookingId, tx);
      if (!booking) throw new NotFoundError(t('no-such-booking'));
      await this.step(tx, booking, to, actor, note);
      return this.rows.get(bookingId, tx);
    });
  }

  /** A client's own booking by reference; someone else's is "not found", never revealed. */
  async ownedBy(clientId: string, reference: string): Promise<BookingWithService> {
    const booking = await this.rows.ownedBy(clientId, reference);
    if (!booking) throw new NotFoundError(t('not-your-booking', { ref: reference.trim().toUpperCase() }));
    return booking;
  }

  /** Something that happened to the booking without changing its status (a session ended), kept in its history. */
  async note(booking: Pick<Booking, 'id' | 'status'>, actor: string, note: string): Promise<void> {
    await this.rows.recordEvent({ bookingId: booking.id, fromStatus: booking.status, toStatus: booking.status, actor, note, at: this.clock.now() });
  }

  /**
   * The live part of an attended session began or ended (the engineer's /session start and end):
   * recorded on the booking, so what the engine makes meanwhile waits for the engineer, and in its
   * history. Returns when, or null when it already was so (a repeated command changes nothing);
   * starting again after an end opens a new live part.
   */
  async markSession(booking: Pick<Booking, 'id' | 'status'>, edge: 'started' | 'ended', actor: string): Promise<Date | null> {
    const at = this.clock.now();
    return this.db.$transaction(async (tx) => {
      if (!(await this.rows.markSession(tx, booking.id, edge, at, actor))) return null;
      await this.rows.recordEvent({ bookingId: booking.id, fromStatus: booking.status, toStatus: booking.status, actor, note: `session ${edge}`, at }, tx);
      return at;
    });
  }

  /** The release a booking's files are for (title, artist, ISRC, year), as the artist gave it. */
  async setRelease(id: string, release: object): Promise<void> {
    await this.rows.update(id, { release: JSON.stringify(release) });
  }

  /** A booking with its service (throws when there is none: callers hold its id). */
  get(id: string): Promise<BookingWithService> {
    return this.rows.get(id);
  }

  /** A booking with its service and its client. */
  withClient(id: string): Promise<BookingWithClient> {
    return this.rows.withClient(id);
  }

  /** A booking by its reference (any spelling of case and spaces), with service and client; null when there is none. */
  byReference(reference: string): Promise<BookingWithClient | null> {
    return this.rows.byReference(reference);
  }

  /** The booking as it is now inside the caller's transaction (to walk its status from there). */
  currentIn(tx: Tx, id: string): Promise<Booking> {
    return this.rows.current(id, tx);
  }

  /** Open sessions starting between `from` and `to`, soonest first (the engineer's queue). */
  sessionsBetween(from: Date, to: Date): Promise<BookingWithClient[]> {
    return this.rows.sessionsBetween(from, to);
  }

  /** The open unattended work, in the order it is done. */
  unattendedQueue(): Promise<BookingWithClient[]> {
    return this.rows.unattendedQueue();
  }

  /** The client's delivered bookings, latest first (what /revise offers). */
  delivered(clientId: string): Promise<BookingWithService[]> {
    return this.rows.delivered(clientId);
  }

  /** The client's bookings that take files now, oldest first. */
  takingFiles(clientId: string): Promise<BookingWithService[]> {
    return this.rows.takingFiles(clientId);
  }

  listForClient(clientId: string): Promise<BookingWithService[]> {
    return this.rows.forClient(clientId);
  }

  /** The artist's bookings that can be moved, or (`cancel`) called off, oldest first. */
  changeable(clientId: string, purpose: 'move' | 'cancel' = 'move'): Promise<BookingWithService[]> {
    return this.rows.changeable(clientId, purpose);
  }

  async cancel(clientId: string, reference: string, actor: string): Promise<BookingWithService> {
    const booking = await this.ownedBy(clientId, reference);
    return this.db.$transaction(async (tx) => {
      await this.step(tx, booking, 'cancelled', actor);
      await this.rows.releaseHolds(tx, booking.id);
      await this.announce('cancelled', tx, booking.id, this.clock.now());
      return this.rows.get(booking.id, tx);
    });
  }

  /** With BOOKING_AUTO_CONFIRM, a requested booking goes on to confirmed and awaiting its files. */
  private async autoConfirmIn(tx: Tx, booking: Booking): Promise<void> {
    if (!this.settings.autoConfirm) return;
    await this.step(tx, booking, 'confirmed', 'studio (auto-confirm)');
    await this.step(tx, { ...booking, status: 'confirmed' }, 'awaiting-files', 'studio (auto-confirm)');
  }

  /**
   * The deposit of a booking waiting for it was paid: it goes on as a booking made without
   * payments would (requested, or confirmed with BOOKING_AUTO_CONFIRM), in the caller's
   * transaction. False when it was no longer waiting (released meanwhile, paid before).
   */
  async depositPaidIn(tx: Tx, bookingId: string, actor: string): Promise<boolean> {
    const booking = await this.currentIn(tx, bookingId);
    if (booking.status !== 'awaiting-payment') return false;
    await this.step(tx, booking, 'requested', actor);
    await this.autoConfirmIn(tx, { ...booking, status: 'requested' });
    await this.announce('arrived', tx, bookingId, true);
    return true;
  }

  /** An unpaid booking's hold ran out: cancelled and its time released, in the caller's transaction. False when it had moved on. */
  async releaseUnpaidIn(tx: Tx, bookingId: string): Promise<boolean> {
    const booking = await this.currentIn(tx, bookingId);
    if (booking.status !== 'awaiting-payment') return false;
    await this.step(tx, booking, 'cancelled', 'studio (deposit not paid in time)');
    await this.rows.releaseHolds(tx, bookingId);
    await this.announce('released', tx, bookingId, this.clock.now());
    return true;
  }

  /**
   * More hours for an hourly mixing booking, at `priceCents` in all: an attended session ends that
   * much later when the studio is open then and nobody holds the time (else a UserError saying
   * which, and nothing changes); unattended work has no slot to grow.
   */
  async extendHours(booking: Booking, hours: number, priceCents: number, actor: string): Promise<BookingWithService> {
    const engineerId = await this.engineerOf(booking);
    const policy = await this.policy(engineerId);
    try {
      return await this.db.$transaction(async (tx) => {
        const current = await this.currentIn(tx, booking.id);
        const extraMinutes = Math.round((hours - (current.bookedHours ?? 0)) * 60);
        if (extraMinutes <= 0) throw new UserError(t('mix-time-enough', { ref: current.reference, hours: String(current.bookedHours) }));
        let endsAt = current.endsAt;
        if (current.startsAt && current.endsAt) {
          endsAt = new Date(current.endsAt.getTime() + extraMinutes * 60_000);
          const day = DateTime.fromJSDate(current.startsAt).setZone(policy.timeZone).toISODate() ?? '';
          const open = openWindows(policy, day).some((w) => w.start <= current.startsAt! && endsAt! <= w.end);
          if (!open) throw new UserError(t('mix-time-studio-closed', { ref: current.reference }));
          await this.rows.releaseHolds(tx, current.id);
          const taken = await this.takenBlocks(tx, engineerId, { start: current.startsAt, end: endsAt }, policy.bufferMinutes);
          if (overlapsTaken(current.startsAt.getTime(), endsAt.getTime(), policy.bufferMinutes, taken))
            throw new UserError(t('mix-time-taken', { ref: current.reference }));
          await this.hold(tx, current.id, engineerId, { start: current.startsAt, end: endsAt }, policy.bufferMinutes);
        }
        await this.rows.update(current.id, { bookedHours: hours, priceCents, endsAt, mixTimeAskedHours: hours }, tx);
        await this.rows.recordEvent(
          {
            bookingId: current.id,
            fromStatus: current.status,
            toStatus: current.status,
            actor,
            note: `mixing hours ${current.bookedHours} → ${hours}`,
            at: this.clock.now(),
          },
          tx,
        );
        return this.rows.get(current.id, tx);
      });
    } catch (err) {
      // Someone took the time after the session between the check and the hold.
      if (isUniqueViolation(err)) throw new UserError(t('mix-time-taken', { ref: booking.reference }));
      throw err;
    }
  }

  /**
   * Gives an open booking to another engineer (one who takes its service): a session's time moves
   * to their calendar, refused when they are not free then (outside their hours, or taken).
   * Returns false when it was theirs already. `note`: what its history says ("engineer: Ana → Mara").
   */
  async assign(booking: BookingWithService, engineerId: string, actor: string, note: string): Promise<boolean> {
    if (booking.engineerId === engineerId) return false;
    await this.engineersFor(booking.service.code, engineerId);
    if (!isOpen(booking.status)) throw new UserError(t('desk-booking-assign-closed', { ref: booking.reference, status: statusText(booking.status) }));
    const policy = await this.policy(engineerId);
    try {
      await this.db.$transaction(async (tx) => {
        const current = await this.currentIn(tx, booking.id);
        await this.rows.releaseHolds(tx, current.id);
        if (current.startsAt && current.endsAt) {
          const slot = { start: current.startsAt, end: current.endsAt };
          const taken = await this.takenBlocks(tx, engineerId, slot, policy.bufferMinutes);
          const day = DateTime.fromJSDate(slot.start).setZone(policy.timeZone).toISODate() ?? '';
          const open = openWindows(policy, day).some((w) => w.start <= slot.start && slot.end <= w.end);
          if (!open || overlapsTaken(slot.start.getTime(), slot.end.getTime(), policy.bufferMinutes, taken)) throw new SlotTakenError();
          await this.hold(tx, current.id, engineerId, slot, policy.bufferMinutes);
        }
        await this.rows.update(current.id, { engineerId }, tx);
        await this.rows.recordEvent(
          {
            bookingId: current.id,
            fromStatus: current.status,
            toStatus: current.status,
            actor,
            note,
            at: this.clock.now(),
          },
          tx,
        );
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new SlotTakenError();
      throw err;
    }
    return true;
  }

  /**
   * Moves a booking: the original is marked rescheduled and releases its time, and a new
   * booking (same service, price and allowance) links back to it, all in one transaction.
   */
  async reschedule(clientId: string, reference: string, newStart: Date, idempotencyKey: string, actor: string): Promise<BookingWithService> {
    const replay = await this.byIdempotencyKey(idempotencyKey);
    if (replay) return replay;
    const original = await this.ownedBy(clientId, reference);
    if (original.kind === 'unattended') throw new UserError(t('booking-nothing-to-move', { ref: original.reference }));
    assertTransition(original.reference, original.status, 'rescheduled');
    const now = this.clock.now();
    // A session made longer for its mix (extendHours) keeps its length.
    const minutes =
      original.startsAt && original.endsAt ? (original.endsAt.getTime() - original.startsAt.getTime()) / 60_000 : original.service.durationMinutes;
    const slot = { start: newStart, end: new Date(newStart.getTime() + minutes * 60_000) };
    return this.firstWhoTakesIt(await this.movesWith(original), idempotencyKey, async (engineerId) => {
      const policy = await this.policy(engineerId);
      return this.db.$transaction(async (tx) => {
        await this.step(tx, original, 'rescheduled', actor, `moved to ${slot.start.toISOString()}`);
        await this.rows.releaseHolds(tx, original.id);
        await this.assertBookable(tx, engineerId, policy, slot, now);
        const moved = await this.rows.create(tx, {
          reference: newReference(),
          clientId: original.clientId,
          serviceId: original.serviceId,
          engineerId,
          kind: original.kind,
          status: original.status,
          startsAt: slot.start,
          endsAt: slot.end,
          timeZone: original.timeZone,
          priceCents: original.priceCents,
          currency: original.currency,
          includedRevisions: original.includedRevisions,
          idempotencyKey,
          originPlatform: original.originPlatform,
          originChatId: original.originChatId,
          rescheduledFromId: original.id,
          notes: original.notes,
          bookedHours: original.bookedHours,
          mixHours: original.mixHours,
          mixHoursBy: original.mixHoursBy,
          mixTimeAskedHours: original.mixTimeAskedHours,
        });
        await this.rows.recordEvent(
          { bookingId: moved.id, fromStatus: null, toStatus: moved.status, actor, note: `rescheduled from ${original.reference}`, at: now },
          tx,
        );
        await this.hold(tx, moved.id, engineerId, slot, policy.bufferMinutes);
        await planReminders(tx, moved, this.settings.reminderOffsetsHours ?? [24, 1], now);
        // Its files, payments, links and reminders follow (follow-ups.ts); the engineer hears of it.
        await this.announce('moved', tx, original.id, moved.id, now);
        return this.rows.get(moved.id, tx);
      });
    });
  }

  /**
   * Whose time a session moves within: its engineer's (the artist booked them); when they no
   * longer take its service (removed, or the owner changed what they do), whoever does, the
   * fairest first — the artist is not left with a session nobody can move.
   */
  async movesWith(b: Pick<Booking, 'engineerId'> & { service: { code: string } }): Promise<string[]> {
    const offering = await this.engineersFor(b.service.code);
    return b.engineerId && offering.includes(b.engineerId) ? [b.engineerId] : this.fairOrder(this.db, offering);
  }
}
