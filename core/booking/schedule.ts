// The schedule policy: the studio's weekly hours set in the database (once any exist) or else
// from configuration, closed dates from configuration plus dated overrides; an engineer's own
// weekly hours (once they set any) replace the studio's for their bookings, and their days off add
// to the studio's closed dates.
import type { Db, Tx } from '../../db/client.js';
import type { Catalog } from '../catalog.js';
import type { DateOverride, WeeklyWindow } from './hours.js';
import type { SchedulePolicy } from './slots.js';

export interface ScheduleSettings {
  timeZone: string;
  weekly: WeeklyWindow[];
  closedDates: DateOverride[];
  minNoticeMinutes: number;
  bufferMinutes: number;
  horizonDays: number;
  stepMinutes: number;
}

/** The rows of one owner only: the studio's (null) or one engineer's. */
const ownerWhere = (engineerId: string | null) => ({ engineerId });

export async function loadSchedulePolicy(db: Db, s: ScheduleSettings, engineerId: string | null = null): Promise<SchedulePolicy> {
  const mine = engineerId === null ? [{ engineerId: null }] : [{ engineerId: null }, { engineerId }];
  const [allRules, overrides] = await Promise.all([
    db.availabilityRule.findMany({ where: { OR: mine } }),
    db.availabilityOverride.findMany({ where: { OR: mine } }),
  ]);
  const own = allRules.filter((r) => r.engineerId !== null);
  const rules = own.length ? own : allRules;
  const dbOverrides: DateOverride[] = overrides.map((o) => ({
    date: o.date,
    closed: o.closed,
    windows: o.startMinute !== null && o.endMinute !== null ? [{ startMinute: o.startMinute, endMinute: o.endMinute }] : [],
  }));
  return {
    timeZone: s.timeZone,
    // Sunday is ISO weekday 7; rows written before that was fixed stored it as 0.
    weekly: rules.length > 0 ? rules.map((r) => ({ weekday: r.weekday === 0 ? 7 : r.weekday, startMinute: r.startMinute, endMinute: r.endMinute })) : s.weekly,
    overrides: [...s.closedDates, ...dbOverrides],
    minNoticeMinutes: s.minNoticeMinutes,
    bufferMinutes: s.bufferMinutes,
    horizonDays: s.horizonDays,
    stepMinutes: s.stepMinutes,
  };
}

/**
 * The policy is read on nearly every chat message (two queries each time), and changes only when
 * the engineer edits the hours. It is kept for a couple of seconds and dropped at once when this
 * process changes it; another process (a second instance) sees a change within `ttlMs`.
 */
export class SchedulePolicySource {
  /** By engineer id ("" for the studio's own). */
  readonly #cached = new Map<string, { at: number; policy: Promise<SchedulePolicy> }>();

  constructor(
    private readonly db: Db,
    private readonly settings: ScheduleSettings,
    private readonly ttlMs = 2_000,
  ) {}

  /** The studio's policy, or (`engineerId`) the one an engineer's bookings follow. */
  get(engineerId: string | null = null): Promise<SchedulePolicy> {
    const now = performance.now();
    const key = engineerId ?? '';
    let entry = this.#cached.get(key);
    if (!entry || now - entry.at > this.ttlMs) {
      const policy = loadSchedulePolicy(this.db, this.settings, engineerId);
      const made = { at: now, policy };
      entry = made;
      this.#cached.set(key, made);
      // A failed read is not kept: the next caller reads again.
      policy.catch(() => {
        if (this.#cached.get(key) === made) this.#cached.delete(key);
      });
    }
    return entry.policy;
  }

  invalidate(): void {
    this.#cached.clear();
  }

  /** The weekly rules of the studio (or only an engineer's own), by weekday and start. */
  rules(engineerId: string | null = null) {
    return this.db.availabilityRule.findMany({ where: ownerWhere(engineerId), orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }] });
  }

  /** The dated changes (closed days, special hours) of the studio (or only an engineer's own), by date. */
  overrides(engineerId: string | null = null) {
    return this.db.availabilityOverride.findMany({ where: ownerWhere(engineerId), orderBy: { date: 'asc' } });
  }

  /**
   * Opens the studio (or an engineer) on an ISO weekday (Monday 1 … Sunday 7) every week; the hours
   * from configuration (an engineer's: the studio's) stop applying.
   */
  async addRule(weekday: number, startMinute: number, endMinute: number, engineerId: string | null = null): Promise<void> {
    await this.db.availabilityRule.create({ data: { weekday, startMinute, endMinute, engineerId } });
    this.invalidate();
  }

  /** Closes the studio (or an engineer's day) on a date (closing it again only updates the note). */
  async closeDate(date: string, note: string | null, engineerId: string | null = null): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const closed = await tx.availabilityOverride.findFirst({ where: { date, closed: true, ...ownerWhere(engineerId) } });
      if (closed) await tx.availabilityOverride.update({ where: { id: closed.id }, data: { note } });
      else await tx.availabilityOverride.create({ data: { date, closed: true, note, engineerId } });
    });
    this.invalidate();
  }

  /** Removes the studio's (or an engineer's) weekly rules; how many there were. */
  async clearRules(engineerId: string | null = null): Promise<number> {
    const { count } = await this.db.availabilityRule.deleteMany({ where: ownerWhere(engineerId) });
    this.invalidate();
    return count;
  }
}

/** Makes the Service table match the configured catalogue (prices may change; bookings keep theirs). */
export async function syncCatalog(db: Db, catalog: Catalog): Promise<void> {
  for (const s of catalog.services) {
    const data = {
      name: s.name,
      description: s.description,
      priceCents: s.priceCents,
      currency: catalog.currency,
      durationMinutes: s.durationMinutes,
      includedRevisions: s.includedRevisions,
      revisionPriceCents: s.revisionPriceCents,
      active: true,
    };
    await db.service.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
  }
}

/** The catalogue code of a Service row. */
export async function serviceCodeIn(tx: Tx, id: string): Promise<string> {
  return (await tx.service.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;
}

/** The Service row's id for a catalogue code (synced at start, so it exists). */
export async function serviceIdIn(tx: Tx, code: string): Promise<string> {
  return (await tx.service.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}
