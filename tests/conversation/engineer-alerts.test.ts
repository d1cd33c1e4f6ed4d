// The engineer hears of everything that needs them or changed (ENGINEER_ALERTS): a request waiting
// for confirmation, a booking confirmed automatically, files for an attended session, a move, a
// cancellation — in the engineer's chat, with the commands as typed there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-eng-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testProviders())('booking news for the engineer on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let chat: TestChat;
  const engineer: string[] = [];

  async function setUp(env: Record<string, string> = {}) {
    studio = await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer', STUDIO_HOURS: 'mon-sun 08:00-22:00', ENGINEER_ALERTS: 'all', ...env });
    studio.outbox.register('console', { send: async (chatId, reply: Reply) => void (chatId === 'engineer' && engineer.push(reply.text)) });
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara', 'telegram'));
  }
  async function heard(): Promise<string[]> {
    await studio.outbox.dispatch();
    return engineer.splice(0);
  }

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    engineer.length = 0;
  });
  afterEach(() => t.drop());

  it('without auto-confirm: the request waits for them and says how to confirm; files, the move and the cancel are told too; confirming asks no files again', async () => {
    await setUp({ BOOKING_AUTO_CONFIRM: 'false' });
    const ref = await chat.book('master', 'Standard');
    // It sat unseen before: no alert existed for a requested booking.
    expect(await heard()).toEqual([
      `🔔 New booking request ${ref} from mara: Mastering, Thu 3 Dec, 10:00, £60. It waits for you: mixdesk desk booking confirm ${ref} confirms it, mixdesk desk booking decline ${ref} declines it.`,
    ]);

    const mix = path.join(dir, `${provider}-mix.wav`);
    writeFileSync(mix, await encodeAudio(makeTrack(3, 48000), 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 1, ref: mix, id: `${provider}-m1` } });
    expect(await heard()).toEqual([`🔔 mara sent a file for ${ref} (Mastering, session Thu 3 Dec, 10:00): Night Drive.wav.`]);

    expect(await studio.desk.confirm(ref, 'engineer:test')).toContain(`Confirmed ${ref}`);
    const told = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'confirmed:' } } });
    expect(told.payload).toContain('Your files are already here: nothing more to send.');
    expect(told.payload).not.toContain('Send your files');
    await heard();
    // One status, told the same way: the session's booking waits with its files in.
    await chat.send('/status');
    expect(chat.text).toContain('Status: confirmed, your mix is in');
    expect(chat.text).toContain('Your files are in.');
    expect(chat.text).not.toContain('waiting for your files');
    // The engine makes the engineer's starting point meanwhile (its job is not run here).
    expect(await studio.desk.queue()).toContain(`${ref} · Mastering · Standard · mara · confirmed, files in; the engine is making a version`);

    await chat.send('/reschedule');
    await chat.press('Fri 4 Dec');
    await chat.press('16:00');
    await chat.press('Move it');
    const moved = /replaced by (MD-[2-9A-Z]{6})/.exec(chat.text)![1]!;
    // The mix moved with the booking: it is not asked for again.
    expect(chat.text).toContain('Status: confirmed, your mix is in');
    expect(chat.text).toContain('Your files are in (they moved with the booking): nothing to send again before Fri 4 Dec 2026, 16:00');
    expect(chat.text).not.toMatch(/send your/i);
    expect(await heard()).toEqual([`🔔 mara moved ${ref} (Mastering) from Thu 3 Dec, 10:00 to Fri 4 Dec, 16:00; it is now ${moved}.`]);

    await chat.send('/cancel');
    await chat.press('Yes, cancel it');
    expect(await heard()).toEqual([`🔔 mara cancelled ${moved} (Mastering, Fri 4 Dec, 16:00, £60).`]);
  });

  it('with auto-confirm the booking is told as confirmed; ENGINEER_ALERTS=requests keeps only requests, none keeps nothing', async () => {
    await setUp();
    const ref = await chat.book('master', 'Unattended');
    // Mastering starts when the mix is in, not "in the next free studio time".
    expect(chat.text).toContain('the master starts as soon as it arrives.');
    expect(chat.text).not.toContain('next free studio time');
    expect(await heard()).toEqual([`🔔 New booking ${ref} from mara: Mastering, unattended, £42; confirmed automatically.`]);

    await setUp({ ENGINEER_ALERTS: 'requests' });
    await chat.book('mix', 'Unattended');
    expect(await heard()).toEqual([]);
    await setUp({ ENGINEER_ALERTS: 'requests', BOOKING_AUTO_CONFIRM: 'false' });
    const asked = await chat.book('mix', 'Unattended');
    expect((await heard()).map((s) => s.slice(0, 40))).toEqual([`🔔 New booking request ${asked} from mara`.slice(0, 40)]);
    await setUp({ ENGINEER_ALERTS: 'none', BOOKING_AUTO_CONFIRM: 'false' });
    await chat.book('master', 'Unattended');
    expect(await heard()).toEqual([]);
  });
});
