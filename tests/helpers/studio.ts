import { loadConfig, type Config } from '../../config.js';
import { ManualClock } from '../../core/clock.js';
import { createStudio, type Studio, type StudioOptions } from '../../core/studio.js';
import type { Db } from '../../db/client.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalObjectStore } from '../../storage/local-store.js';
import type { ObjectStore } from '../../storage/object-store.js';

/** Tuesday 1 December 2026, 08:00 UTC: a fixed "now" for calendar tests. */
export const NOW = new Date('2026-12-01T08:00:00Z');

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    STUDIO_TIMEZONE: 'Europe/London',
    STUDIO_HOURS: 'mon-fri 10:00-18:00',
    BOOKING_MIN_NOTICE_HOURS: '0',
    BOOKING_BUFFER_MINUTES: '30',
    // Booking news for the engineer is tested where it is the subject (tests/conversation/engineer-alerts.test.ts,
    // the Discord buttons); elsewhere it would crowd the alerts each test checks.
    ENGINEER_ALERTS: 'none',
    ...env,
  });
}

export async function testStudio(
  db: Db,
  env: Record<string, string> = {},
  now = NOW,
  store?: ObjectStore,
  o: Omit<StudioOptions, 'clock'> = {},
): Promise<Studio & { clock: ManualClock }> {
  const clock = new ManualClock(now);
  const objects = store ?? new LocalObjectStore(mkdtempSync(path.join(tmpdir(), 'mixdesk-objects-')));
  const studio = await createStudio(db, testConfig(env), objects, { clock, ...o });
  return { ...studio, clock };
}
