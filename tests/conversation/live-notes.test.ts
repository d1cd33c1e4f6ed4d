// Live notes: while a session runs, what the artist types reaches that session's engineer, tagged
// with the booking, and the engineer's /reply comes back to the artist's chat; notes are kept with
// the booking. Nothing is relayed outside a running session, nor to anyone else's engineer.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const ENGINEER = 'engineer:discord:500000000000000009';

describe.each(testProviders())('live notes on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { BOOKING_AUTO_CONFIRM: 'true' });
  });
  afterEach(() => t.drop());

  async function booked(name: string, day: string): Promise<{ chat: TestChat; ref: string }> {
    const chat = new TestChat(new Conversation(studio, log), TestChat.sender(name));
    await chat.send('/book master');
    await chat.press('Virtual');
    await chat.press(day);
    await chat.press(0);
    await chat.press('Confirm');
    return { chat, ref: /MD-[2-9A-Z]{6}/.exec(chat.text)![0] };
  }
  const notifications = (key: string) => t.db.notification.findMany({ where: { key: { startsWith: key } }, orderBy: { createdAt: 'asc' } });

  it('a note in, a reply out, kept with the booking; nothing outside the session or to another artist', async () => {
    const mara = await booked('mara', 'Wed 2 Dec');
    const lea = await booked('lea', 'Thu 3 Dec');

    // Before the session: words are not relayed.
    await mara.chat.send('can you hear me?');
    expect(mara.chat.text).not.toContain('Sent to the engineer');
    expect(await t.db.sessionNote.count()).toBe(0);

    await studio.desk.startSession(mara.ref, ENGINEER);
    const start = (await notifications(`session-start`)).at(-1)!;
    expect(start.payload).toContain('While the session runs, anything you type here reaches the engineer at once.');

    await mara.chat.send('More reverb on the vocal in the chorus, please');
    expect(mara.chat.text).toBe(`📝 Sent to the engineer (${mara.ref}).`);
    const [note] = await notifications('note:');
    // To the engineer who started the session, by Discord DM, tagged with the booking.
    expect([note!.platform, note!.chatId]).toEqual(['discord', '500000000000000009']);
    expect(JSON.parse(note!.payload).text).toBe(
      `📝 mara (${mara.ref}, live session): More reverb on the vocal in the chorus, please — answer with /reply reference:${mara.ref} text:…`,
    );

    // Lea has no session running: her words go nowhere, and the engineer cannot write to her.
    await lea.chat.send('hello?');
    expect(lea.chat.text).not.toContain('Sent to the engineer');
    await expect(studio.desk.reply(lea.ref, 'Hi Lea', ENGINEER)).rejects.toThrow(`${lea.ref} has no session running`);

    expect(await studio.desk.reply(mara.ref, 'Adding it now, listen in 10 seconds', ENGINEER)).toBe(`Sent to mara (${mara.ref}).`);
    const replies = (await notifications('note:')).filter((n) => n.chatId === 'chat-mara');
    expect(replies.map((n) => JSON.parse(n.payload).text)).toEqual([`📝 From the engineer (${mara.ref}): Adding it now, listen in 10 seconds`]);
    expect((await notifications('note:')).filter((n) => n.chatId === 'chat-lea')).toEqual([]);

    // A dialog in progress takes its own answers: a note is only what is typed outside one.
    await mara.chat.send('/format');
    await mara.chat.send('flac');
    expect(await t.db.sessionNote.count({ where: { fromRole: 'artist' } })).toBe(1);

    expect(await studio.desk.sessionNotes(mara.ref)).toMatch(
      new RegExp(
        `^Notes typed in ${mara.ref}'s sessions \\(mara\\):\\n• .* mara: More reverb on the vocal in the chorus, please\\n• .* engineer: Adding it now, listen in 10 seconds$`,
      ),
    );

    // After the session nothing more is relayed.
    await studio.desk.endSession(mara.ref, ENGINEER);
    await mara.chat.send('one more thing');
    expect(mara.chat.text).not.toContain('Sent to the engineer');
    expect(await t.db.sessionNote.count()).toBe(2);
  });

  it("an engineer's typed answer goes to the one session they run; with two running it asks which", async () => {
    const mara = await booked('mara', 'Wed 2 Dec');
    const lea = await booked('lea', 'Thu 3 Dec');
    expect(await studio.notes.engineerTyped(ENGINEER, 'hello')).toBeNull(); // no session: an ordinary message
    await studio.desk.startSession(mara.ref, ENGINEER);
    expect(await studio.notes.engineerTyped(ENGINEER, 'Listen now')).toBe(`Sent to mara (${mara.ref}).`);
    await studio.desk.startSession(lea.ref, ENGINEER);
    expect(await studio.notes.engineerTyped(ENGINEER, 'Which one?')).toBe(
      `You are running several sessions (${mara.ref}, ${lea.ref}): answer with /reply REF so the note reaches the right artist.`,
    );
    expect(await studio.notes.engineerTyped('engineer:discord:1', 'not theirs')).toBeNull();
    expect((await t.db.sessionNote.findMany()).map((n) => [n.fromRole, n.text])).toEqual([['engineer', 'Listen now']]);
  });

  it("without a Discord engineer, notes go to the studio's engineer chats (the console's by default)", async () => {
    const mara = await booked('mara', 'Wed 2 Dec');
    await studio.desk.startSession(mara.ref, 'console');
    await mara.chat.send('the kick is too loud');
    const [note] = await notifications('alert:note:');
    expect([note!.platform, note!.chatId]).toEqual(['console', 'engineer']);
    expect(JSON.parse(note!.payload).text).toContain(`mara (${mara.ref}, live session): the kick is too loud — answer with mixdesk desk reply ${mara.ref} …`);
  });
});
