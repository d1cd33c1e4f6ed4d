// One status, told the same way everywhere (issue 29.3): /status, /mybookings, the engineer's
// /queue, the dashboard and the listening page read one table, so a booking whose files are in is
// never asked for them again, in English or in Spanish.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import type { ManualClock } from '../../core/clock.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { makeStem } from '../helpers/stems.js';
import type { InProcessQueue } from '../../queue/in-process.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-standing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const stem = path.join(dir, 'Kick.wav');
writeFileSync(stem, await encodeAudio(makeStem({ part: 'drums', seconds: 8 }), 'wav24'));
const mix = path.join(dir, 'Night Drive.wav');
writeFileSync(mix, await encodeAudio(makeTrack(3, 48000), 'wav24'));

describe.each(testProviders())('where a booking stands, on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { STUDIO_HOURS: 'mon-sun 08:00-22:00' });
  });
  afterEach(async () => {
    await studio.queue.close();
    await t.drop();
  });

  const chatFor = (who: string) => new TestChat(new Conversation(studio, log), TestChat.sender(who, 'telegram'));

  it('an unattended mix with its stems in is not asked for files, and reads the same in /status, /mybookings, /queue and the dashboard', async () => {
    const chat = chatFor('mara');
    const ref = await chat.book('mix', 'Unattended');
    await chat.event({ kind: 'file', file: { name: 'Kick.wav', sizeBytes: 1, ref: stem, id: `${provider}-kick` } });

    await chat.send('/status');
    // Before the table: "Next: send your files; we work on it in studio downtime" under the stems just sent.
    expect(chat.text).not.toMatch(/send your/i);
    expect(chat.text).toContain('Status: confirmed, your stems are in');
    expect(chat.text).toContain('Your stems are in; the engineer mixes them in studio downtime and delivers by the due date.');
    await chat.send('/mybookings');
    expect(chat.text).toContain('Status: confirmed, your stems are in');

    expect(await studio.desk.queue()).toContain(`${ref} · Mixing · Unattended · mara · confirmed, files in`);
    const board = await studio.board.week();
    expect(board.unattended.find((b) => b.reference === ref)?.statusText).toBe('confirmed, files in');
    expect((await studio.board.booking(ref))?.booking.statusText).toBe('confirmed, files in');
  });

  it('an attended session whose time is over, its mix in, is not asked for files either; in Spanish too', async () => {
    const chat = chatFor('lucia');
    const ref = await chat.book('master', 'Standard');
    await chat.send('/language es');
    await studio.jobs.work();
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 1, ref: mix, id: `${provider}-mix` } });
    await (studio.queue as InProcessQueue).idle(); // the engineer's starting point, held for the session
    expect(await studio.desk.queue()).toContain(`${ref} · Mastering · Standard · lucia · confirmed, files in; the starting point is ready for the session`);
    await chat.send('/status');
    expect(chat.text).toContain('Estado: confirmada, tu mezcla ya está aquí');
    expect(chat.text).toMatch(/El ingeniero los prepara para tu sesión del jue\.? 3 dic/);

    // The session's time passes without the engineer ending it: before the table this read
    // "Confirmed. Next: send your files before the session."
    studio.clock.set(new Date('2026-12-04T12:00:00Z'));
    await chat.send('/status');
    expect(chat.text).toContain('Estado: confirmada, tu mezcla ya está aquí');
    expect(chat.text).toContain('Tu mezcla ya está aquí; el ingeniero trabaja en ella y te envía aquí el máster.');
    expect(chat.text).not.toMatch(/envía tu|send your|antes de la sesión/i);
    expect((await studio.board.booking(ref))?.booking.statusText).toMatch(/^confirmed, files in/);
  });
});
