// One way to run an engineer's action (core/engineer/perform.ts), whichever door it came through:
// it runs, says what came of it, and keeps every outcome in the audit trail — done, refused and
// failed — while words that name no command are refused before anything runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { performDesk, type DeskActor } from '../../core/engineer/perform.js';
import type { Studio } from '../../core/studio.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const console_: DeskActor = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };

describe.each(testProviders())('performDesk on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let reference: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { BOOKING_AUTO_CONFIRM: 'false' });
    const { client } = await studio.clients.identify({ platform: 'telegram', externalId: '77', displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'perform',
      origin: { platform: 'telegram', chatId: '77' },
      actor: 'test',
    });
    reference = b.reference;
  });
  afterAll(() => t?.drop());

  const audit = () =>
    t.db.engineerAction.findMany({
      orderBy: { id: 'asc' },
      select: { platform: true, userId: true, action: true, reference: true, detail: true, outcome: true },
    });

  it('runs typed words, then refuses the same action in a sentence; both are audited with their arguments', async () => {
    const done = await performDesk(studio, ['booking', 'decline', reference.toLowerCase(), '--reason', 'double booked'], console_);
    expect(done).toEqual({ outcome: 'done', text: expect.stringContaining(reference) as string });
    const again = await performDesk(studio, ['booking', 'confirm', reference], { platform: 'web', userId: 'engineer:discord:9', actor: 'engineer:discord:9' });
    expect(again.outcome).toBe('refused');
    expect(again.text).not.toMatch(/Error|at .*\.ts/);
    expect(await audit()).toEqual([
      { platform: 'console', userId: 'engineer', action: 'booking decline', reference, detail: 'reason=double booked', outcome: 'done' },
      { platform: 'web', userId: 'engineer:discord:9', action: 'booking confirm', reference, detail: null, outcome: 'refused' },
    ]);
  });

  it('words that name no command throw their sentence and leave no audit line; a fault is audited as failed and thrown', async () => {
    const before = (await audit()).length;
    await expect(performDesk(studio, ['bookign', 'confirm', reference], console_)).rejects.toBeInstanceOf(UserError);
    expect(await audit()).toHaveLength(before);
    const confirm = studio.desk.confirm.bind(studio.desk);
    studio.desk.confirm = () => Promise.reject(new Error('the database went away'));
    try {
      await expect(performDesk(studio, ['booking', 'confirm', reference], console_, { detail: 'button' })).rejects.toThrow('the database went away');
    } finally {
      studio.desk.confirm = confirm;
    }
    expect((await audit()).at(-1)).toMatchObject({ action: 'booking confirm', reference, detail: 'button', outcome: 'failed' });
  });
});
