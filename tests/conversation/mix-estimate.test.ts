// The mixing estimate in the chat: stems in, the hours and why; by the hour, the question when the
// stems measure more than was booked (book them: price and session grow, if the calendar has the
// room; or leave it to the engineer); the engineer's numbers and own hours (/estimate).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import { estimate } from '../../core/engineer/commands/estimate.js';
import type { DeskAction } from '../../core/engineer/commands/index.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeStem, type StemPart } from '../helpers/stems.js';
import { testStudio } from '../helpers/studio.js';
import { makeZip } from '../helpers/zip.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-estimate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Eight recorded stems, drums and vocals played off the grid: about 7.5 h of mixing.
const parts: [StemPart, string][] = [
  ['drums', 'Kick'],
  ['drums', 'Snare'],
  ['vocal', 'Lead Vox'],
  ['vocal', 'Backing Vox'],
  ['bass', 'Bass DI'],
  ['keys', 'Piano'],
  ['keys', 'Rhodes'],
  ['bass', 'Synth Bass'],
];
const zip = path.join(dir, 'stems.zip');
await makeZip(
  zip,
  await Promise.all(
    parts.map(async ([part, name], n) => ({
      name: `${name}.wav`,
      data: Buffer.from(
        await encodeAudio(makeStem({ part, seconds: 12, seed: n + 1, hissDb: -70, jitterMs: part === 'drums' || part === 'vocal' ? 20 : 0 }), 'wav24'),
      ),
    })),
  ),
);
const oneStem = path.join(dir, 'Kick.wav');
await import('node:fs/promises').then(async (fs) => fs.writeFile(oneStem, Buffer.from(await encodeAudio(makeStem({ part: 'drums', seconds: 12 }), 'wav24'))));

const runEstimate = (studio: Studio, args: Record<string, string | number>) => (estimate as DeskAction).run({ studio, actor: 'engineer:test', args });

describe.each(testProviders())('mixing estimate on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let chat: TestChat;
  const sent: Reply[] = [];

  async function setUp(env: Record<string, string> = {}) {
    studio = await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer', PRICE_MIX_PER_HOUR: '50', DURATION_MIX_MINUTES: '300', ...env });
    studio.outbox.register('test', { send: async (_chat, reply) => void sent.push(reply) });
    studio.outbox.register('console', { send: async (_chat, reply) => void sent.push(reply) });
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
  }

  const book = (kind: 'Standard' | 'Unattended', service = 'mix') => chat.book(service, kind);

  const sendStems = () => chat.event({ kind: 'file', file: { name: 'stems.zip', sizeBytes: 0, ref: zip, id: 'zip-1' } });
  const booking = (ref: string) => t.db.booking.findUniqueOrThrow({ where: { reference: ref } });
  async function alerts(): Promise<string[]> {
    await studio.outbox.dispatch();
    return sent.map((r) => r.text);
  }

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    sent.length = 0;
  });
  afterEach(() => t.drop());

  it('by the hour: the stems measure more than booked, the artist books the hours and the session grows', async () => {
    await setUp();
    const ref = await book('Standard');
    expect((await booking(ref)).priceCents).toBe(25_000); // 5 h at £50
    expect((await booking(ref)).bookedHours).toBe(5);
    await sendStems();
    const hours = Number(/Mixing estimate for MD-\w+: about ([\d.]+) h/.exec(chat.text)![1]);
    expect(hours).toBeGreaterThan(5);
    expect(hours).toBeLessThanOrEqual(8); // the studio closes at 18:00
    expect(chat.text).toContain('• 8 stems to set up and balance');
    expect(chat.text).toMatch(/• 8 recorded through microphones or amps, acoustic drums among them \(hiss at -7\d\.\d dBFS/);
    expect(chat.text).toMatch(/• the drums and vocals sit \d+(\.\d)? ms off the song’s grid on average: timing edits first/);
    const more = hours - 5;
    expect(chat.text).toContain(`${ref} has 5 h booked. Book ${more} h more (£${more * 50} more, £${hours * 50} in all)`);
    const bookButton = chat.button('Book');
    await chat.press('Book');
    const end = `${10 + Math.floor(hours)}:${hours % 1 ? '30' : '00'}`;
    expect(chat.text).toBe(`Booked: ${ref} now has ${hours} h (£${hours * 50} in all); your session ends Thu 3 Dec 2026, ${end} (Europe/London).`);
    const b = await booking(ref);
    expect([b.bookedHours, b.priceCents, b.endsAt!.toISOString()]).toEqual([hours, hours * 5000, `2026-12-03T${end.padStart(5, '0')}:00.000Z`]);
    // The calendar holds the longer session (and its buffer).
    const holds = await t.db.slotHold.findMany({ where: { bookingId: b.id }, orderBy: { blockStart: 'asc' } });
    expect(holds.at(-1)!.blockStart.getTime()).toBeGreaterThanOrEqual(b.endsAt!.getTime());
    expect(await alerts()).toContainEqual(
      expect.stringMatching(new RegExp(`^🔔 ${ref} \\(mara\\) booked ${more} h more for the mix: ${hours} h now \\(£${hours * 50}\\)\\.$`)),
    );
    // The same press again: answered once.
    await chat.event({ kind: 'button', data: bookButton.data });
    expect(chat.text).toMatch(/already/i);
    expect((await booking(ref)).priceCents).toBe(hours * 5000);
    // Asked no more: the stems measure what is booked.
    await chat.send('/quote');
    expect(chat.buttons).toEqual([]);
    expect(chat.text).toContain(`Booked: ${hours} h (£${hours * 50}, at £50 an hour).`);
    // Moved to another day, the session keeps its length and its hours.
    await chat.send(`/reschedule ${ref}`);
    await chat.press('Fri 4 Dec');
    // Only times with room for the longer session are offered (the studio closes at 18:00).
    expect(chat.buttons.map((x) => x.label).filter((l) => /^\d\d:\d\d$/.test(l))).toEqual(['10:00']);
    await chat.press('10:00');
    await chat.press('Move it');
    const moved = await t.db.booking.findFirstOrThrow({ where: { rescheduledFromId: b.id } });
    expect((moved.endsAt!.getTime() - moved.startsAt!.getTime()) / 3_600_000).toBe(hours);
    expect([moved.bookedHours, moved.priceCents]).toEqual([hours, hours * 5000]);
  });

  it('by the hour: no room after the session — nothing changes, the engineer decides', async () => {
    await setUp();
    const ref = await book('Standard');
    // Someone else books the first free time after Mara's five hours (and the buffer).
    const other = new TestChat(chat.conversation, TestChat.sender('noor'));
    await other.send('/book master');
    await other.press('Standard');
    await other.press('Thu 3 Dec');
    await other.press('16:00');
    await other.press('Confirm');
    expect(other.text).toMatch(/Booked!/);
    await sendStems();
    await chat.press('Book');
    expect(chat.text).toBe(`Someone else has the time after ${ref}’s session. The engineer has been told and will decide with you.`);
    const b = await booking(ref);
    expect([b.bookedHours, b.priceCents, b.endsAt!.toISOString()]).toEqual([5, 25_000, '2026-12-03T15:00:00.000Z']);
    expect(await alerts()).toContainEqual(expect.stringContaining(`${ref} (mara): the stems measure`));
    expect(sent.at(-1)!.text).toContain('the calendar has no room after the session');
    // Not asked again at these hours.
    await chat.send('/quote');
    expect(chat.buttons).toEqual([]);
  });

  it('by the hour, unattended: left to the engineer, who sets the hours; the artist books them at the discount', async () => {
    await setUp();
    const ref = await book('Unattended');
    expect((await booking(ref)).priceCents).toBe(17_500); // 5 h at £50, 30 % off
    await sendStems();
    await chat.press('Leave it to the engineer');
    expect(chat.text).toBe('The engineer will look at your stems and say what fits in the 5 h booked.');
    expect(await alerts()).toContainEqual(expect.stringContaining(`${ref} (mara): the stems measure`));
    // The engineer's view: every stem's numbers.
    const view = await runEstimate(studio, { reference: ref });
    expect(view).toMatch(new RegExp(`^${ref} \\(mara\\): the stems measure [\\d.]+ h of mixing`));
    expect(view).toMatch(/1\. Kick\.wav \(drums\): hiss at -7\d\.\d dBFS between phrases, level -?\d+(\.\d)? dBFS, crest \d+(\.\d)? dB, \d+ onsets, 12\.0 s/);
    // The engineer sets 9 h: the artist hears, and books them.
    sent.length = 0;
    expect(await runEstimate(studio, { reference: ref, hours: 9 })).toMatch(new RegExp(`^${ref}: 9 h set; the artist has been told\\.`));
    expect(await alerts()).toContainEqual(
      expect.stringMatching(
        new RegExp(`^The engineer set 9 h for mixing ${ref} \\(your stems measure [\\d.]+ h\\)\\.\\nThat is 4 h more than booked: /quote ${ref}`),
      ),
    );
    // One more stem sent alone: where it stands, and no question after every single stem.
    await chat.event({ kind: 'file', file: { name: 'Kick.wav', sizeBytes: 0, ref: oneStem, id: 'kick' } });
    expect(chat.replies.at(-1)!.text).toBe(
      `Mixing estimate for ${ref} with the 9 stems so far: about 9 h. /quote shows why.\nThat is more than the 5 h booked: /quote ${ref} to book the difference or leave it to the engineer.`,
    );
    expect(chat.buttons).toEqual([]);
    await chat.send(`/quote ${ref}`);
    expect(chat.text).toContain('The engineer set 9 h for this mix');
    expect(chat.text).toContain('Book 4 h more (£140 more, £315 in all)');
    await chat.press('Book');
    expect(chat.text).toBe(`Booked: ${ref} now has 9 h (£315 in all).`);
    expect((await booking(ref)).priceCents).toBe(31_500);
    // Back to the stems' estimate: the hours already booked stay.
    expect(await runEstimate(studio, { reference: ref, hours: 0 })).toMatch(/back to the stems’ estimate/);
    expect((await booking(ref)).mixHours).toBeNull();
    expect((await booking(ref)).bookedHours).toBe(9);
  });

  it('fixed price: the estimate with its reasons, no question; the engineer hears when it passes the session', async () => {
    await setUp({ PRICE_MIX_PER_HOUR: '' });
    const ref = await book('Standard');
    expect((await booking(ref)).priceCents).toBe(25_000);
    expect((await booking(ref)).bookedHours).toBeNull();
    await chat.event({ kind: 'file', file: { name: 'Kick.wav', sizeBytes: 0, ref: oneStem, id: 'kick' } });
    expect(chat.replies.at(-1)!.text).toBe(`Mixing estimate for ${ref} with the 1 stem so far: about 5 h. /quote shows why.`);
    await sendStems();
    expect(chat.buttons).toEqual([]);
    expect(chat.text).toMatch(/Mixing estimate for MD-\w+: about [\d.]+ h/);
    expect(chat.text).toContain('The price stays £250 whatever the hours.');
    await chat.send('/status');
    expect(chat.text).toMatch(new RegExp(`Mixing: about [\\d.]+ h from your stems \\(/quote ${ref} shows why\\)\\.`));
    const texts = await alerts();
    expect(texts.filter((x) => x.includes('and the session is 5 h'))).toHaveLength(1);
  });

  it('before booking: /quote measures the stems and keeps nothing but the numbers; a mix booked by the hour takes their hours', async () => {
    await setUp();
    await chat.send('/quote');
    expect(chat.text).toContain('Nothing is kept: only the measurements, for your booking.');
    // Not audio: refused by name, the question still open.
    const notes = path.join(dir, 'notes.txt');
    await import('node:fs/promises').then((fs) => fs.writeFile(notes, 'bpm 120, key of A'));
    await chat.event({ kind: 'file', file: { name: 'notes.txt', sizeBytes: 0, ref: notes, id: 'notes' } });
    expect(chat.text).toMatch(/notes\.txt.*not an audio file/);
    await sendStems();
    const hours = Number(/^Mixing estimate from your 8 stems: about ([\d.]+) h\./.exec(chat.text)![1]);
    expect(hours).toBeGreaterThan(5);
    expect(chat.text).toContain('• 8 stems to set up and balance');
    expect(chat.text).toContain(`At £50 an hour, a mix booked now is booked for these ${hours} h: £${hours * 50}`);
    expect(chat.text).toContain('Send more stems to add them, or book with /book.');
    // Measured, not kept: no upload, nothing in storage.
    expect(await t.db.upload.count()).toBe(0);
    expect(await studio.store.list('')).toEqual([]);
    // The same stems again replace, not add.
    await chat.event({ kind: 'file', file: { name: 'stems.zip', sizeBytes: 0, ref: zip, id: 'zip-again' } });
    expect(chat.text).toMatch(/^Mixing estimate from your 8 stems/);
    await chat.press('Done');
    expect(chat.text).toBe(`Your quote is kept for 30 days: the next mix you book by the hour takes its ${hours} h.`);

    await chat.send('/book mix');
    expect(chat.text).toContain(`Booked for the ${hours} h your stems measured (/quote).`);
    expect(chat.text).toContain(`Standard — £${hours * 50}`);
    await chat.press('Standard');
    await chat.press('Thu 3 Dec');
    expect(chat.buttons.map((x) => x.label).filter((l) => /^\d\d:\d\d$/.test(l))).toEqual(['10:00']); // room for the longer session
    await chat.press('10:00');
    expect(chat.text).toContain(`${hours} h`);
    await chat.press('Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    const b = await booking(ref);
    expect([b.bookedHours, b.priceCents, (b.endsAt!.getTime() - b.startsAt!.getTime()) / 3_600_000]).toEqual([hours, hours * 5000, hours]);
    expect(await t.db.quote.count()).toBe(0); // used by this booking; the next starts from its own stems
    // The stems sent to the booking measure what was booked: nothing to ask.
    await sendStems();
    expect(chat.buttons).toEqual([]);
    expect(chat.text).toMatch(/From stems\.zip: 8 files received/);
  });

  it('/quote without stems, for mastering, and with no booking says so', async () => {
    await setUp();
    await chat.send('/quote');
    expect(chat.text).toMatch(/^No mixing booking yet\? Send your stems here/);
    await chat.press('Done');
    expect(chat.text).toBe('No stems measured. /quote again whenever you have them.');
    const ref = await book('Unattended');
    await chat.send('/quote');
    expect(chat.text).toBe(`No stems for ${ref} yet: send them, and /quote tells you how long the mix will take and why.`);
    const master = await book('Unattended', 'master');
    await chat.send(`/quote ${master}`);
    expect(chat.text).toBe(`${master} is mastering: its price does not depend on hours.`);
    // Another artist's booking is not theirs to quote.
    const other = new TestChat(chat.conversation, TestChat.sender('noor'));
    await other.send(`/quote ${ref}`);
    expect(other.text).not.toContain('Mixing estimate');
  });
});
