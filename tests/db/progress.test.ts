// Progress that moves: /status shows the whole job's progress (a finished step never reads 0%)
// and the time left from the speed measured on this studio's own masters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Studio } from '../../core/studio.js';
import { aboutDuration, measuredSpeed, overallProgress } from '../../core/versions/progress.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { NOW, testStudio } from '../helpers/studio.js';
import type { ManualClock } from '../../core/clock.js';

describe('the whole job as one number', () => {
  it('steps already done count; the number only goes up; every step is known', () => {
    expect(overallProgress('master', 'encode', 0)).toBeCloseTo(0.75);
    expect(overallProgress('master', 'store', 1)).toBeCloseTo(1);
    const steps = ['fetch', 'analyse', 'eq', 'compress', 'limit', 'verify', 'encode', 'store'];
    const walk = steps.flatMap((s) => [overallProgress('master', s, 0), overallProgress('master', s, 0.5), overallProgress('master', s, 1)]);
    expect([...walk].sort((a, b) => a - b)).toEqual(walk);
    expect(overallProgress('mixdown', 'limit', 0)).toBeCloseTo(0.6);
  });

  it('says durations as a person would', () => {
    expect(aboutDuration(8)).toBe('about 10 seconds');
    expect(aboutDuration(1)).toBe('about 5 seconds');
    expect(aboutDuration(130)).toBe('about 2 minutes');
    expect(aboutDuration(61)).toBe('about 1 minute');
  });
});

describe('the speed measured here', () => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let bookingId: string;

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    studio = await testStudio(t.db);
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'p1', displayName: 'P' });
    bookingId = (
      await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'Europe/London',
        idempotencyKey: 'p-1',
        origin: { platform: 'test', chatId: 'c' },
        actor: 't',
      })
    ).id;
  });
  afterEach(() => t.drop());

  /**
   * A 240 s mix whose version 1 took `firstTookMs` from queued to sent, and version 2 queued
   * `secondQueuedMs` after the first, now in `stage`: the booking in progress. Returns when the first was queued.
   */
  async function secondVersionIn(stage: string, o: { firstTookMs: number; secondQueuedMs: number }): Promise<number> {
    const clientId = (await t.db.booking.findUniqueOrThrow({ where: { id: bookingId } })).clientId;
    const source = await t.db.upload.create({
      data: { bookingId, clientId, role: 'mix', fileName: 'a.wav', sizeBytes: 1n, sha256: 'a', storageKey: 'a', durationSec: 240 },
    });
    const at = NOW.getTime();
    await t.db.delivery.create({
      data: {
        bookingId,
        version: 1,
        kind: 'master',
        status: 'ready',
        sourceUploadId: source.id,
        createdAt: new Date(at),
        sentAt: new Date(at + o.firstTookMs),
      },
    });
    await t.db.delivery.create({
      data: {
        bookingId,
        version: 2,
        kind: 'master',
        status: 'preparing',
        stage,
        progress: overallProgress('master', stage, 0),
        createdAt: new Date(at + o.secondQueuedMs),
      },
    });
    await t.db.booking.update({ where: { id: bookingId }, data: { status: 'in-progress' } });
    return at;
  }

  it('a first guess until something was mastered, then audio seconds per second of work; /status counts down from it', async () => {
    expect(await measuredSpeed(studio.versions, studio.uploads.files)).toEqual({ speed: 20, measured: false });
    // Version 1 of a 240 s mix took 8 s; version 2 of it is in its encode step, 4 s after it was queued: 75%, about 4 s left.
    const at = await secondVersionIn('encode', { firstTookMs: 8000, secondQueuedMs: 60_000 });
    expect(await measuredSpeed(studio.versions, studio.uploads.files)).toEqual({ speed: 30, measured: true });
    studio.clock.set(new Date(at + 64_000));
    expect(await studio.pipeline.progressOf(bookingId)).toBe('Master version 2: encoding your files (75%, about 5 seconds left).');
    studio.clock.set(new Date(at + 90_000));
    expect(await studio.pipeline.progressOf(bookingId)).toBe('Master version 2: encoding your files (75%, almost done).');
  });

  it('near the end the time left follows the steps still to run, never the whole estimate (it said "95%, about 2 minutes left")', async () => {
    // A busy week: 240 s of audio took 160 s from queued to sent (queue waits counted): 1.5x real time.
    const at = await secondVersionIn('store', { firstTookMs: 160_000, secondQueuedMs: 200_000 });
    studio.clock.set(new Date(at + 220_000));
    // 160 s expected, 20 s gone: the countdown alone said 140 s; storing is the last 5% of the job.
    expect(await studio.pipeline.progressOf(bookingId)).toBe('Master version 2: storing the files (95%, about 10 seconds left).');
  });
});
