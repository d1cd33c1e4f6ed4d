// The bookings' tables — Booking, its SlotHolds and its BookingEvents — and the only module that
// queries them (tests/unit/table-owners.test.ts holds every module to its own tables). The rules
// (which status may follow which, when a time is bookable, what a booking costs) live in
// BookingService; here are the queries, each taking the caller's transaction where it must commit
// with something else.
import type { Models, Prisma, Tx } from '../../db/client.js';
import { runningSessionWhere } from '../versions/holds.js';
import { cancellableStatuses, changeableStatuses, fileTakingStatuses, openStatuses, type BookingStatus } from './status.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export type Booking = Models.BookingModel;
export type BookingWithService = Booking & { service: Models.ServiceModel };
export type BookingWithClient = BookingWithService & { client: Models.ClientModel };
export type BookingEvent = Models.BookingEventModel;

/** A booking as made: its fields, the service and client it belongs to by id. */
export type NewBookingRow = Omit<Prisma.BookingUncheckedCreateInput, 'id' | 'createdAt' | 'updatedAt'>;

/** One line of a booking's history. */
export interface BookingEventRow {
  bookingId: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  note?: string | null;
  at: Date;
}

const withService = { service: true } as const;
const withServiceAndClient = { service: true, client: true } as const;
const open = { in: [...openStatuses] };

export class BookingRepository {
  constructor(private readonly db: Tx) {}

  // ── one booking ──────────────────────────────────────────────────────────────────────────────

  get(id: string, tx: Tx = this.db): Promise<BookingWithService> {
    return tx.booking.findUniqueOrThrow({ where: { id }, include: withService });
  }

  find(id: string, tx: Tx = this.db): Promise<Booking | null> {
    return tx.booking.findUnique({ where: { id } });
  }

  current(id: string, tx: Tx = this.db): Promise<Booking> {
    return tx.booking.findUniqueOrThrow({ where: { id } });
  }

  withClient(id: string, tx: Tx = this.db): Promise<BookingWithClient> {
    return tx.booking.findUniqueOrThrow({ where: { id }, include: withServiceAndClient });
  }

  /** A booking's reference, or null when it is gone. */
  async referenceOf(id: string): Promise<string | null> {
    return (await this.db.booking.findUnique({ where: { id }, select: { reference: true } }))?.reference ?? null;
  }

  /** The engineer of the booking `reference` names, or null (no such booking). */
  async engineerIdOf(reference: string, tx: Tx = this.db): Promise<string | null> {
    return (await tx.booking.findUnique({ where: { reference: reference.trim().toUpperCase() }, select: { engineerId: true } }))?.engineerId ?? null;
  }

  /** `reference` as stored: upper case, trimmed. */
  byReference(reference: string): Promise<BookingWithClient | null> {
    return this.db.booking.findUnique({ where: { reference: reference.trim().toUpperCase() }, include: withServiceAndClient });
  }

  /** Sessions (bookings with a time) from `since` on that still stand: not called off, not moved away. */
  sessionsSince(since: Date): Promise<BookingWithClient[]> {
    return this.db.booking.findMany({
      where: { startsAt: { gte: since }, status: { notIn: ['cancelled', 'rescheduled'] } },
      include: withServiceAndClient,
      orderBy: { startsAt: 'asc' },
    });
  }

  /**
   * A booking and the ones it was moved from and to, oldest first: one session in the artist's
   * calendar, whatever its reference now (each move makes a new booking).
   */
  async rescheduleChain(id: string): Promise<BookingWithClient[]> {
    const first = await this.db.booking.findUnique({ where: { id }, include: withServiceAndClient });
    if (!first) return [];
    const chain = [first];
    for (let b = first; b.rescheduledFromId;) {
      const earlier = await this.db.booking.findUnique({ where: { id: b.rescheduledFromId }, include: withServiceAndClient });
      if (!earlier) break;
      chain.unshift(earlier);
      b = earlier;
    }
    for (let b = first; ;) {
      const later = await this.db.booking.findUnique({ where: { rescheduledFromId: b.id }, include: withServiceAndClient });
      if (!later) break;
      chain.push(later);
      b = later;
    }
    return chain;
  }

  byIdempotencyKey(key: string): Promise<BookingWithService | null> {
    return this.db.booking.findUnique({ where: { idempotencyKey: key }, include: withService });
  }

  ownedBy(clientId: string, reference: string): Promise<BookingWithService | null> {
    return this.db.booking.findFirst({ where: { reference: reference.trim().toUpperCase(), clientId }, include: withService });
  }

  create(tx: Tx, row: NewBookingRow): Promise<Booking> {
    return tx.booking.create({ data: row });
  }

  /** Moves the booking from `from` to `to` only if it is still in `from`; false when someone else moved it first. */
  async stepStatus(tx: Tx, id: string, from: string, to: BookingStatus): Promise<boolean> {
    const { count } = await tx.booking.updateMany({ where: { id, status: from }, data: { status: to } });
    return count === 1;
  }

  /** Sets fields that carry no rule of their own (the release's tags, hours asked, a grown session). */
  async update(id: string, data: Prisma.BookingUncheckedUpdateInput, tx: Tx = this.db): Promise<Booking> {
    return tx.booking.update({ where: { id }, data });
  }

  /** The live part of a session began (unless one is running) or ended (unless it has): true when it changed. */
  async markSession(tx: Tx, id: string, edge: 'started' | 'ended', at: Date, engineer: string): Promise<boolean> {
    const { count } =
      edge === 'started'
        ? await tx.booking.updateMany({
            where: { id, NOT: runningSessionWhere },
            data: { sessionStartedAt: at, sessionEndedAt: null, sessionEngineer: engineer },
          })
        : await tx.booking.updateMany({ where: { id, sessionEndedAt: null }, data: { sessionEndedAt: at } });
    return count === 1;
  }

  /** Writes the booking's reference again: a row lock on PostgreSQL, so reservations against one booking queue up. */
  async lock(tx: Tx, booking: Pick<Booking, 'id' | 'reference'>): Promise<void> {
    await tx.booking.updateMany({ where: { id: booking.id }, data: { reference: booking.reference } });
  }

  // ── lists ────────────────────────────────────────────────────────────────────────────────────

  /** Open unattended work made before `before` (all of it without), for due dates and queue places. */
  countOpenUnattended(tx: Tx = this.db, before?: Date): Promise<number> {
    return tx.booking.count({ where: { kind: 'unattended', status: open, ...(before ? { createdAt: { lt: before } } : {}) } });
  }

  /** Open sessions starting between `from` and `to`, soonest first. */
  sessionsBetween(from: Date, to: Date): Promise<BookingWithClient[]> {
    return this.db.booking.findMany({ where: { status: open, startsAt: { gte: from, lte: to } }, include: withServiceAndClient, orderBy: { startsAt: 'asc' } });
  }

  /** The open unattended work, in the order it is done (or `byDue`: soonest due first), at most `take`. */
  unattendedQueue(o: { take?: number; byDue?: boolean; engineerId?: string } = {}): Promise<BookingWithClient[]> {
    return this.db.booking.findMany({
      where: { kind: 'unattended', status: open, ...(o.engineerId ? { engineerId: o.engineerId } : {}) },
      include: withServiceAndClient,
      orderBy: o.byDue ? [{ dueAt: 'asc' }, { createdAt: 'asc' }] : { createdAt: 'asc' },
      ...(o.take ? { take: o.take } : {}),
    });
  }

  /** Bookings in one status (of one engineer's), oldest first. */
  inStatus(status: BookingStatus, take: number, engineerId?: string): Promise<BookingWithClient[]> {
    return this.db.booking.findMany({
      where: { status, ...(engineerId ? { engineerId } : {}) },
      include: withServiceAndClient,
      orderBy: { createdAt: 'asc' },
      take,
    });
  }

  /** The client's delivered bookings, latest first. */
  delivered(clientId: string): Promise<BookingWithService[]> {
    return this.db.booking.findMany({ where: { clientId, status: 'delivered' }, include: withService, orderBy: { updatedAt: 'desc' } });
  }

  /** The client's bookings that take files now, oldest first. */
  takingFiles(clientId: string): Promise<BookingWithService[]> {
    return this.db.booking.findMany({ where: { clientId, status: { in: [...fileTakingStatuses] } }, include: withService, orderBy: { createdAt: 'asc' } });
  }

  forClient(clientId: string): Promise<BookingWithService[]> {
    return this.db.booking.findMany({ where: { clientId }, include: withService, orderBy: [{ createdAt: 'desc' }] });
  }

  /** The client's bookings that can be moved, or (`cancel`) called off, oldest first. */
  changeable(clientId: string, purpose: 'move' | 'cancel'): Promise<BookingWithService[]> {
    return this.db.booking.findMany({
      where: { clientId, status: { in: [...(purpose === 'cancel' ? cancellableStatuses : changeableStatuses)] } },
      include: withService,
      orderBy: [{ createdAt: 'asc' }],
    });
  }

  /** The artist's booking whose session is running now (the latest started), or null. */
  runningFor(clientId: string): Promise<Booking | null> {
    return this.db.booking.findFirst({
      where: { clientId, ...runningSessionWhere, status: { in: [...openStatuses, 'delivered'] } },
      orderBy: { sessionStartedAt: 'desc' },
    });
  }

  /** The running sessions an engineer started, oldest first. */
  runningBy(engineer: string): Promise<(Booking & { client: Models.ClientModel })[]> {
    return this.db.booking.findMany({
      where: { sessionEngineer: engineer, ...runningSessionWhere },
      include: { client: true },
      orderBy: { sessionStartedAt: 'asc' },
    });
  }

  /** Sessions starting between `from` and `to` that still take place (not cancelled or moved), soonest first. */
  startingBetween(from: Date, to: Date): Promise<BookingWithClient[]> {
    return this.db.booking.findMany({
      where: { startsAt: { gte: from, lt: to }, status: { notIn: ['cancelled', 'rescheduled'] } },
      include: withServiceAndClient,
      orderBy: { startsAt: 'asc' },
    });
  }

  /** How many bookings are in each status. */
  async countByStatus(): Promise<Map<string, number>> {
    const rows = await this.db.booking.groupBy({ by: ['status'], _count: { _all: true } });
    return new Map(rows.map((r) => [r.status, r._count._all]));
  }

  // ── the calendar ─────────────────────────────────────────────────────────────────────────────

  /** Block starts (ms since epoch) of the engineer's time held between `from` and `to`. */
  async heldBlocks(tx: Tx, engineerId: string, from: Date, to: Date): Promise<Set<number>> {
    const holds = await tx.slotHold.findMany({ where: { engineerId, blockStart: { gte: from, lt: to } }, select: { blockStart: true } });
    return new Set(holds.map((h) => h.blockStart.getTime()));
  }

  /** Holds these block starts of the engineer's time for the booking; one already held fails the transaction (the unique engineer and block). */
  async hold(tx: Tx, bookingId: string, engineerId: string, blockStarts: readonly Date[]): Promise<void> {
    await tx.slotHold.createMany({ data: blockStarts.map((blockStart) => ({ bookingId, engineerId, blockStart })) });
  }

  /**
   * For choosing "any engineer": each engineer's open bookings and when they were last booked
   * (engineers with none are absent).
   */
  async loadByEngineer(tx: Tx = this.db): Promise<Map<string, { open: number; lastBookedAt: Date | null }>> {
    const [open_, last] = await Promise.all([
      tx.booking.groupBy({ by: ['engineerId'], where: { status: open, engineerId: { not: null } }, _count: { _all: true } }),
      tx.booking.groupBy({ by: ['engineerId'], where: { engineerId: { not: null } }, _max: { createdAt: true } }),
    ]);
    const out = new Map<string, { open: number; lastBookedAt: Date | null }>();
    for (const r of last) out.set(r.engineerId!, { open: 0, lastBookedAt: r._max.createdAt });
    for (const r of open_) out.set(r.engineerId!, { open: r._count._all, lastBookedAt: out.get(r.engineerId!)?.lastBookedAt ?? null });
    return out;
  }

  /**
   * Bookings made before engineers were data are the owner's, and so is the time they hold. Run at
   * start-up; how many bookings it assigned.
   */
  async assignUnassigned(ownerId: string): Promise<number> {
    // Each step may run again (a start that stopped halfway): both only touch what is unassigned.
    await this.db.slotHold.updateMany({ where: { engineerId: '' }, data: { engineerId: ownerId } });
    const { count } = await this.db.booking.updateMany({ where: { engineerId: null }, data: { engineerId: ownerId } });
    return count;
  }

  async releaseHolds(tx: Tx, bookingId: string): Promise<void> {
    await tx.slotHold.deleteMany({ where: { bookingId } });
  }

  // ── history ──────────────────────────────────────────────────────────────────────────────────

  async recordEvent(e: BookingEventRow, tx: Tx = this.db): Promise<void> {
    await tx.bookingEvent.create({ data: { ...e, note: e.note ?? null } });
  }

  events(bookingId: string): Promise<BookingEvent[]> {
    return this.db.bookingEvent.findMany({ where: { bookingId }, orderBy: { at: 'asc' } });
  }

  /** The latest time the booking reached `status`, or null. */
  lastEventTo(bookingId: string, status: BookingStatus): Promise<BookingEvent | null> {
    return this.db.bookingEvent.findFirst({ where: { bookingId, toStatus: status }, orderBy: { at: 'desc' } });
  }

  /** Bookings in one of `statuses` that reached it before `before`: what retention may empty. */
  async finishedBefore(statuses: readonly BookingStatus[], before: Date): Promise<string[]> {
    const rows = await this.db.bookingEvent.findMany({
      where: { toStatus: { in: [...statuses] }, at: { lt: before }, booking: { status: { in: [...statuses] } } },
      select: { bookingId: true },
      distinct: ['bookingId'],
    });
    return rows.map((r) => r.bookingId);
  }
}

/** Bookings stay (dates, prices: the studio's accounts); what the artist wrote and where they wrote from goes. */
export const bookingPersonalData: PersonalDataPart = {
  name: 'bookings',
  async exportOf(db, s) {
    const rows = await db.booking.findMany({
      where: { clientId: s.clientId },
      include: { service: { select: { code: true, name: true } }, events: { orderBy: { at: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    return { rows };
  },
  async eraseIn(tx, s) {
    await tx.bookingEvent.updateMany({ where: { bookingId: { in: s.bookingIds } }, data: { note: null } });
    // The idempotency key names the chat and account the booking was made from.
    for (const id of s.bookingIds) {
      await tx.booking.update({ where: { id }, data: { notes: null, release: null, originChatId: 'forgotten', idempotencyKey: `forgotten:${id}` } });
    }
    return [];
  },
};
