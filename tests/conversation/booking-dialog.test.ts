import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Conversation } from '../../core/conversation/engine.js';
import { openDatabase } from '../../db/client.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import { TestChat } from '../helpers/chat.js';
import type { Studio } from '../../core/studio.js';

const log = pino({ level: 'silent' });

describe.each(testProviders())('booking through the conversation layer on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let chat: TestChat;

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db);
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('ana'));
  });
  afterEach(() => t.drop());

  async function toConfirm(c = chat): Promise<void> {
    await c.send('/book');
    expect(c.text).toMatch(/What can we do for you/);
    await c.press('Mastering');
    expect(c.text).toMatch(/How would you like the session/);
    await c.press('Virtual');
    expect(c.text).toMatch(/Which day\?/);
    await c.press('Wed 2 Dec');
    expect(c.text).toMatch(/Free start times on Wed 2 Dec/);
    await c.press('14:00');
    expect(c.text).toMatch(/Please check your booking/);
    expect(c.text).toContain('Wed 2 Dec 2026, 14:00 (Europe/London)');
    expect(c.text).toContain('£60');
  }

  it('books a session end to end with buttons, and the booking is in the database', async () => {
    await toConfirm();
    await chat.press('Confirm');
    expect(chat.text).toMatch(/Booked! Your reference is MD-/);
    expect(chat.text).toMatch(/SonoBus keycode/);
    const bookings = await t.db.booking.findMany();
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ kind: 'virtual', status: 'awaiting-files', originPlatform: 'test', originChatId: 'chat-ana' });
    expect(bookings[0]!.startsAt!.toISOString()).toBe('2026-12-02T14:00:00.000Z');
    await chat.send('/mybookings');
    expect(chat.text).toContain(bookings[0]!.reference);
  });

  it('takes typed numbers and labels for buttons, and explains out-of-range choices', async () => {
    await chat.send('/book');
    await chat.send('7');
    expect(chat.replies[0]!.text).toBe('There are 3 choices here: type a number from 1 to 3, or /cancel to stop.');
    expect(chat.replies[1]!.buttons).toBeDefined(); // the question is asked again
    await chat.send('2'); // Mastering
    expect(chat.text).toMatch(/^Mastering\. How would you like/);
    await chat.send('Standard — £60');
    expect(chat.text).toMatch(/Which day/);
  });

  it('takes answers typed the way people type them (observed refused: "virtual", "yes", "confirm", "Confirm booking")', async () => {
    await chat.send('/book');
    await chat.send('mastering');
    expect(chat.text).toMatch(/^Mastering\. How would you like/);
    await chat.send('virtual');
    expect(chat.text).toMatch(/Which day\?/);
    // Two Wednesdays are offered: "wed" alone is not guessed.
    await chat.send('wed');
    expect(chat.text).toMatch(/"wed" is not a date I can read/);
    await chat.send('wed 2 dec');
    expect(chat.text).toMatch(/Free start times on Wed 2 Dec/);
    await chat.send('14:00');
    expect(chat.text).toMatch(/Please check your booking/);
    await chat.send('Confirm booking');
    expect(chat.text).toMatch(/Booked! Your reference is MD-/);
    await chat.send('/book master');
    await chat.send('unattended');
    await chat.send('yes');
    expect(chat.text).toMatch(/Booked! Your reference is MD-/);
    await chat.send('/book master');
    await chat.send('Unatended');
    await chat.send('confirm');
    expect(chat.text).toMatch(/Booked! Your reference is MD-/);
  });

  it('refuses typed dates in the past, beyond the horizon and malformed, and keeps the question open', async () => {
    await chat.send('/book master');
    await chat.press('Standard');
    await chat.send('2026-11-20');
    expect(chat.replies[0]!.text).toBe('Fri 20 Nov 2026 is in the past. Please pick a day from today on.');
    await chat.send('2027-06-01');
    expect(chat.replies[0]!.text).toMatch(/^We take bookings up to 42 days ahead/);
    await chat.send('next tuesday');
    expect(chat.replies[0]!.text).toMatch(/is not a date I can read/);
    await chat.send('2026-12-05');
    expect(chat.replies[0]!.text).toMatch(/^There are no free times on Sat 5 Dec\. Please pick another day\.\n\nWhich day\?/);
    await chat.send('2026-12-03');
    expect(chat.text).toMatch(/Free start times on Thu 3 Dec/);
    expect(await t.db.booking.count()).toBe(0);
  });

  it('survives a restart in the middle of a booking: state is in the database', async () => {
    await chat.send('/book');
    await chat.press('Mixing');
    await chat.press('Standard');
    const dateButton = chat.button('Thu 3 Dec');
    // "Restart": a new database connection, studio and conversation engine.
    await t.db.$disconnect();
    const db2 = await openDatabase(t.url);
    const studio2 = await testStudio(db2);
    const chat2 = new TestChat(new Conversation(studio2, log), chat.sender);
    expect((await chat2.conversation.resume(chat2.sender))[0]?.text).toMatch(/Which day\?/);
    await chat2.event({ kind: 'button', data: dateButton.data });
    expect(chat2.text).toMatch(/Free start times on Thu 3 Dec/);
    await chat2.press('10:00');
    await chat2.press('Confirm');
    expect(chat2.text).toMatch(/Booked!/);
    expect(await db2.booking.count()).toBe(1);
    await db2.$disconnect();
    t.db = await openDatabase(t.url);
  });

  it('double-pressed and stale buttons are harmless', async () => {
    await toConfirm();
    const confirm = chat.button('Confirm');
    const [a, b] = await Promise.all([
      chat.conversation.handle({ ...chat.sender, kind: 'button', data: confirm.data }),
      chat.conversation.handle({ ...chat.sender, kind: 'button', data: confirm.data }),
    ]);
    const texts = [...a, ...b].map((r) => r.text).join('\n');
    expect(texts).toMatch(/Booked!/);
    expect(texts).toMatch(/earlier message or was already used/);
    expect(await t.db.booking.count()).toBe(1);
    // Much later, the same old button again.
    await chat.event({ kind: 'button', data: confirm.data });
    expect(chat.text).toMatch(/earlier message or was already used/);
    // Forged or garbled button data.
    await chat.event({ kind: 'button', data: 'nonsense' });
    expect(chat.text).toMatch(/earlier message or was already used/);
    expect(await t.db.booking.count()).toBe(1);
  });

  it('a duplicated platform update is handled once', async () => {
    await chat.send('/book', 'upd-1');
    expect(chat.text).toMatch(/What can we do/);
    const again = await chat.send('/book', 'upd-1');
    expect(again).toEqual([]);
  });

  it('a slot taken by someone else while deciding sends the artist back to the calendar', async () => {
    await toConfirm();
    const other = new TestChat(chat.conversation, TestChat.sender('ben'));
    await toConfirm(other);
    await other.press('Confirm');
    expect(other.text).toMatch(/Booked!/);
    await chat.press('Confirm');
    expect(chat.text).toMatch(/just taken by someone else/);
    expect(chat.text).toMatch(/Which day\?/);
    expect(await t.db.booking.count()).toBe(1);
  });

  it('a day that filled up while the artist looked is refused with the calendar as it is now', async () => {
    await chat.send('/book');
    await chat.press('Mixing');
    await chat.press('Standard');
    const thursday = chat.button('Thu 3 Dec');
    // Meanwhile another artist takes the only mixing time that day (five hours plus the buffer).
    const ben = (await studio.clients.identify({ platform: 'test', externalId: 'ben', displayName: 'Ben' })).client;
    await studio.bookings.create({
      clientId: ben.id,
      serviceCode: 'mix',
      kind: 'standard',
      start: new Date('2026-12-03T10:00:00Z'),
      timeZone: 'Europe/London',
      idempotencyKey: 'ben-thu',
      origin: { platform: 'test', chatId: 'chat-ben' },
      actor: 'client:ben',
    });
    await chat.event({ kind: 'button', data: thursday.data });
    expect(chat.text).toMatch(/^There are no free times on Thu 3 Dec\. Please pick another day\.\n\nWhich day\?/);
    expect(chat.buttons.map((b) => b.label)).not.toContain('Thu 3 Dec');
    await chat.press('Fri 4 Dec');
    expect(chat.text).toMatch(/Free start times on Fri 4 Dec/);
  });

  it('cancels and reschedules through dialogs, and only the owner can', async () => {
    await toConfirm();
    await chat.press('Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    const ben = new TestChat(chat.conversation, TestChat.sender('ben', 'telegram'));
    await ben.send(`/cancel ${ref}`);
    expect(ben.text).toBe(`You have no booking ${ref}. /mybookings lists yours.`);
    await ben.send(`/status ${ref}`);
    expect(ben.text).toBe(`You have no booking ${ref}. /mybookings lists yours.`);

    await chat.send('/reschedule');
    expect(chat.text).toMatch(new RegExp(`Moving ${ref}`));
    await chat.press('Fri 4 Dec');
    await chat.press('16:00');
    await chat.press('Move it');
    expect(chat.text).toMatch(new RegExp(`${ref} is replaced by MD-`));
    const moved = await t.db.booking.findFirstOrThrow({ where: { rescheduledFrom: { reference: ref } } });
    expect(moved.startsAt!.toISOString()).toBe('2026-12-04T16:00:00.000Z');

    await chat.send('/cancel');
    expect(chat.text).toMatch(/Cancel this booking\?/);
    await chat.press('Yes, cancel it');
    expect(chat.text).toBe(`Cancelled ${moved.reference}. Its time is free again for others.`);
    await chat.send('/cancel');
    expect(chat.text).toMatch(/no bookings that can still be cancelled/);
  });

  it('with several engineers the artist picks one or any, sees only their times, and a move stays with them', async () => {
    // Ana works Saturdays only; the studio (the owner) weekdays.
    await studio.engineers.add('Ana', 'discord:111111111111111111');
    const ana = await studio.engineers.byName('Ana');
    await studio.desk.addWeeklyHours('sat', '10:00', '14:00', ana.id);
    await chat.send('/book master');
    await chat.press('Virtual');
    expect(chat.text).toMatch(/Who would you like to work with\?/);
    expect(chat.buttons.map((b) => b.label)).toEqual(['mixdesk studio', 'Ana', 'Any engineer (first free)']);
    await chat.press('Ana');
    expect(chat.text).toMatch(/Which day\?/);
    const days = chat.buttons.map((b) => b.label).filter((l) => /\d/.test(l));
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d.startsWith('Sat'))).toBe(true);
    await chat.press('Sat 5 Dec');
    await chat.press('10:00');
    expect(chat.text).toContain('• With Ana');
    await chat.press('Confirm');
    expect(chat.text).toMatch(/Booked! Your reference is MD-/);
    expect(chat.text).toContain('• With Ana');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).engineerId).toBe(ana.id);
    // Moving it offers Ana's days only.
    await chat.send('/reschedule');
    expect(
      chat.buttons
        .map((b) => b.label)
        .filter((l) => /\d/.test(l))
        .every((d) => d.startsWith('Sat')),
    ).toBe(true);
    await chat.send('/cancel');
    // "Any": weekdays and Saturdays, and a weekday goes to whoever works then.
    await chat.send('/book master');
    await chat.press('Virtual');
    await chat.press('Any engineer (first free)');
    const any = chat.buttons.map((b) => b.label);
    expect(any.some((d) => d.startsWith('Sat'))).toBe(true);
    expect(any.some((d) => d.startsWith('Wed'))).toBe(true);
    await chat.press('Wed 2 Dec');
    await chat.press('14:00');
    expect(chat.text).not.toContain('With ');
    await chat.press('Confirm');
    const wed = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: wed } })).engineerId).toBe((await studio.engineers.byName('mixdesk studio')).id);
    expect(chat.text).toContain('• With mixdesk studio');
  });

  it('refuses at once what the booking can no longer do, and a change made meanwhile ends the question instead of repeating it', async () => {
    // Unattended mastering, confirmed at once (the default), then delivered.
    await chat.send('/book master');
    await chat.press('Unattended');
    await chat.press('Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    const b = await t.db.booking.findFirstOrThrow({ where: { reference: ref } });
    // An unattended booking has no session to send files before (that was shown), and unattended
    // mastering starts when the mix is in, not in studio downtime (that was shown next).
    await chat.send('/status');
    expect(chat.text).toContain('Next: send your mix; mastering starts as soon as it arrives.');
    expect(chat.text).not.toMatch(/session/);
    // Observed: "Yes, cancel it" was offered, refused after the press, and asked again in a loop.
    await chat.send('/revise ' + ref);
    expect(chat.text).toBe(`Booking ${ref} is confirmed, waiting for your files; a revision can be asked for once it is delivered.`);
    expect(chat.buttons).toEqual([]);
    await studio.bookings.transition(b.id, 'in-progress', 'test');
    // Without the reference too: the one booking on its way says when, not "nothing of yours is delivered".
    await chat.send('/revise louder');
    expect(chat.text).toBe(`Booking ${ref} is in progress; a revision can be asked for once it is delivered.`);
    await chat.send('/cancel ' + ref);
    expect(chat.text).toBe(`Booking ${ref} is in progress, so it cannot be cancelled now.`);
    expect(chat.buttons).toEqual([]);
    await chat.send('yes');
    expect(chat.text).toMatch(/I didn't catch that/);

    // Changed by someone else while the question was open: the answer ends the dialog with the reason.
    await chat.send('/book master');
    await chat.press('Unattended');
    await chat.press('Confirm');
    const other = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    await chat.send('/cancel ' + other);
    expect(chat.text).toMatch(/Cancel this booking\?/);
    const o = await t.db.booking.findFirstOrThrow({ where: { reference: other } });
    await studio.bookings.transition(o.id, 'in-progress', 'engineer');
    await chat.press('Yes, cancel it');
    expect(chat.text).toBe(`Booking ${other} is in progress, so it cannot be cancelled now.`);
    expect(chat.buttons).toEqual([]);
    await chat.send('yes');
    expect(chat.text).toMatch(/I didn't catch that/);
  });

  it('/cancel while answering a question stops the dialog without changing anything', async () => {
    await chat.send('/book');
    await chat.press('Mastering');
    await chat.send('/cancel');
    expect(chat.text).toBe('Stopped /book; nothing was changed.');
    await chat.send('and now?');
    expect(chat.text).toMatch(/I didn't catch that/);
  });

  it('a first message, and later a hello, is answered with the welcome (Discord has no /start); other words say what I can do', async () => {
    const newcomer = new TestChat(new Conversation(studio, log), TestChat.sender('newcomer'));
    await newcomer.send('can I get my song mastered?');
    expect(newcomer.text).toMatch(/^Welcome to .*, newcomer!/);
    expect(newcomer.text).toContain('/book — book mixing or mastering');
    await newcomer.send('can I get my song mastered?');
    expect(newcomer.text).toMatch(/I didn't catch that/);
    await newcomer.send('Hello!');
    expect(newcomer.text).toMatch(/^Welcome back, newcomer/);
    // Where the platform gives no language (a Discord DM), a new artist's "Hola" is answered in Spanish.
    const lucia = new TestChat(new Conversation(studio, log), TestChat.sender('lucia'));
    await lucia.send('¡Hola!');
    expect(lucia.text).toMatch(/^¡Bienvenido\/a a .*, lucia!/);
  });

  it('answers unknown commands, settings and bad settings clearly', async () => {
    await chat.send('/frobnicate');
    expect(chat.text).toBe("I don't know /frobnicate. /help lists what I can do.");
    // A typo, or the Spanish word for a command, is answered with the command meant.
    await chat.send('/bookings');
    expect(chat.text).toBe("I don't know /bookings. Did you mean /mybookings? /help lists what I can do.");
    const lucia = new TestChat(new Conversation(studio, log), TestChat.sender('lucia'));
    await lucia.send('¡Hola!');
    await lucia.send('/reservar');
    expect(lucia.text).toBe('No conozco /reservar. ¿Querías decir /book? /help muestra lo que puedo hacer.');
    await lucia.send('/ayuda');
    expect(lucia.text).toBe('No conozco /ayuda. /help muestra lo que puedo hacer.');
    await chat.send('/timezone Mars/Olympus');
    expect(chat.text).toMatch(/is not a time zone I know/);
    await chat.send('/timezone america/new_york');
    expect(chat.text).toMatch(/^Done: times are now shown in America\/New_York \(it is 03:00 there\)/);
    await chat.send('/format ogg');
    expect(chat.text).toMatch(/is not a delivery format/);
    await chat.send('/format');
    expect(chat.buttons.map((b) => b.label)).toEqual(['WAV 24-bit', 'WAV 16-bit', 'AIFF 24-bit', 'FLAC 24-bit', 'MP3 320k']);
    await chat.press('FLAC 24-bit');
    expect(chat.text).toBe('Done: your files will come as FLAC 24-bit.');
    await chat.send('/language es');
    await chat.send('/format wav16');
    expect(chat.text).toBe('Hecho: tus archivos llegarán en WAV a 16 bits.');
    await chat.send('/language en');
    await chat.send('/book master');
    await chat.press('Standard');
    expect(chat.text).toMatch(/times in America\/New_York/);
    await chat.press('Wed 2 Dec');
    expect(chat.button('05:00')).toBeDefined(); // 10:00 in London
  });

  it('an unexpected failure gives the user an error id, not a stack trace, and the event can be retried', async () => {
    const lines: string[] = [];
    const capture = pino({ level: 'error' }, { write: (s: string) => void lines.push(s) });
    const conv = new Conversation(studio, capture);
    const original = studio.bookings.freeSlots.bind(studio.bookings);
    studio.bookings.freeSlots = () => Promise.reject(new Error('database on fire'));
    const c = new TestChat(conv, TestChat.sender('cy'));
    await c.send('/book master');
    const standard = c.button('Standard');
    await c.event({ kind: 'button', data: standard.data, eventId: 'evt-9' });
    expect(c.text).toMatch(/^Sorry, something went wrong on our side \(error id [0-9a-f]{8}\)/);
    expect(c.text).not.toMatch(/database on fire|at .*\.ts/);
    const id = /error id ([0-9a-f]{8})/.exec(c.text)![1];
    expect(lines.join('')).toContain(id);
    expect(lines.join('')).toContain('database on fire');
    // The platform redelivers the same update: it is processed, not dropped as a duplicate,
    // and the question it answered is still open.
    studio.bookings.freeSlots = original;
    await c.event({ kind: 'button', data: standard.data, eventId: 'evt-9' });
    expect(c.text).toMatch(/Which day\?/);
  });
});
