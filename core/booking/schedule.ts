// The studio's schedule policy: weekly hours set by the engineer in the database (once any
// exist) or else from configuration; closed dates from configuration plus dated overrides.
import type { Db } from '../../db/client.js';
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
    weekly: rules.length > 0 ? rules.map((r) => ({ weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute })) : s.weekly,
    overrides: [...s.closedDates, ...dbOverrides],
    minNoticeMinutes: s.minNoticeMinutes,
    bufferMinutes: s.bufferMinutes,
    horizonDays: s.horizonDays,
    stepMinutes: s.stepMinutes,
  };
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
