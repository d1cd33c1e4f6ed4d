// The studio's schedule policy: weekly hours set by the engineer in the database (once any
// exist) or else from configuration; closed dates from configuration plus dated overrides.
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

export async function loadSchedulePolicy(db: Db, s: ScheduleSettings): Promise<SchedulePolicy> {
  const [rules, overrides] = await Promise.all([db.availabilityRule.findMany(), db.availabilityOverride.findMany()]);
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
  #cached: { at: number; policy: Promise<SchedulePolicy> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: ScheduleSettings,
    private readonly ttlMs = 2_000,
  ) {}

  get(): Promise<SchedulePolicy> {
    const now = performance.now();
    if (!this.#cached || now - this.#cached.at > this.ttlMs) {
      const policy = loadSchedulePolicy(this.db, this.settings);
      const entry = { at: now, policy };
      this.#cached = entry;
      // A failed read is not kept: the next caller reads again.
      policy.catch(() => {
        if (this.#cached === entry) this.#cached = undefined;
      });
    }
    return this.#cached.policy;
  }

  invalidate(): void {
    this.#cached = undefined;
  }

  /** The engineer's weekly rules, by weekday and start. */
  rules() {
    return this.db.availabilityRule.findMany({ orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }] });
  }

  /** The dated changes (closed days, special hours), by date. */
  overrides() {
    return this.db.availabilityOverride.findMany({ orderBy: { date: 'asc' } });
  }

  /** Opens the studio on an ISO weekday (Monday 1 … Sunday 7) every week; the hours from configuration stop applying. */
  async addRule(weekday: number, startMinute: number, endMinute: number): Promise<void> {
    await this.db.availabilityRule.create({ data: { weekday, startMinute, endMinute } });
    this.invalidate();
  }

  /** Closes the studio on a date (closing it again only updates the note). */
  async closeDate(date: string, note: string | null): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const closed = await tx.availabilityOverride.findFirst({ where: { date, closed: true } });
      if (closed) await tx.availabilityOverride.update({ where: { id: closed.id }, data: { note } });
      else await tx.availabilityOverride.create({ data: { date, closed: true, note } });
    });
    this.invalidate();
  }

  /** Removes the weekly rules (the configured hours apply again); how many there were. */
  async clearRules(): Promise<number> {
    const { count } = await this.db.availabilityRule.deleteMany({});
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

/** The Service row's id for a catalogue code (synced at start, so it exists). */
export async function serviceIdIn(tx: Tx, code: string): Promise<string> {
  return (await tx.service.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}
