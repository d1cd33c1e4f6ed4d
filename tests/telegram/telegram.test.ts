// grammY for real, long polling a Telegram Bot API fake over HTTP on loopback, wired to the real
// core (SQLite, local store, in-process queue, the engine): an artist's whole journey, and the
// ways chat goes wrong (duplicate updates, stale buttons, big and wrong files, flood limits, groups).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chatCommands } from '../../core/conversation/commands/index.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../bots/telegram/bot.js';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import type { ManualClock } from '../../core/clock.js';
import { analyze, decodeAudio, encodeAudio } from '../../engine/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { TelegramFake, type BotCall } from '../helpers/telegram-fake.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-tg-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let wav: Buffer;
let wav2: Buffer;
beforeAll(async () => {
  wav = Buffer.from(await encodeAudio(makeTrack(8, 48000, { level: 0.3 }), 'wav24'));
  wav2 = Buffer.from(await encodeAudio(makeTrack(6, 48000, { level: 0.25 }), 'wav24'));
});

describe('Telegram bot against a Bot API fake', () => {
  let fake: TelegramFake;
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let telegram: TelegramBot;
  let dispatcher: NodeJS.Timeout;
  /** How often the bot has finished handling each update id, and who waits for which count. */
  let handled: Map<number, number>;
  let waiters: { id: number; times: number; done: () => void }[];
  const onHandled = (id: number) => {
    handled.set(id, (handled.get(id) ?? 0) + 1);
    waiters = waiters.filter((w) => ((handled.get(w.id) ?? 0) >= w.times ? (w.done(), false) : true));
  };
  /** Resolves once the bot has handled update `id` `times` times (a redelivery is a second time). */
  const handledTimes = (id: number, times = 1) =>
    (handled.get(id) ?? 0) >= times ? Promise.resolve() : new Promise<void>((done) => waiters.push({ id, times, done }));

  beforeEach(async () => {
    handled = new Map();
    waiters = [];
    fake = await new TelegramFake().start();
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { STUDIO_HOURS: 'mon-sun 08:00-22:00' }, undefined, undefined, { queue, pipeline: { attempts: 2, backoffMs: 10 } });
    studio.links.servedAt('https://studio.example');
    await studio.jobs.work();
    telegram = await createTelegramBot({
      token: fake.token,
      apiRoot: fake.url,
      conversation: new Conversation(studio, log),
      outbox: studio.outbox,
      store: studio.store,
      log,
      onHandled,
    });
    await telegram.startPolling();
    dispatcher = setInterval(() => void studio.outbox.dispatch().catch(() => undefined), 100);
  });
  afterEach(async () => {
    clearInterval(dispatcher);
    await telegram.stop();
    await queue.close();
    await fake.stop();
    await t.drop();
  });

  const ana = () => fake.user(501, 'Ana');
  const said = (chat: number, re: RegExp, since = 0) =>
    fake.waitFor((c) => String(c.params.chat_id) === String(chat) && re.test(String(c.params.text ?? '')), { since });

  /** Through the booking dialog up to the "Please check your booking" question. */
  async function toCheck(who: ReturnType<typeof ana>, kind = 'Standard', day: RegExp = /./): Promise<{ kinds: BotCall; check: BotCall }> {
    const since = fake.calls.length;
    fake.sendText(who, '/book master');
    const kinds = await said(who.id, /session/, since);
    fake.press(who, kinds, kind);
    if (kind !== 'Unattended') {
      fake.press(who, await said(who.id, /Which day/, since), day);
      fake.press(who, await said(who.id, /Free start times/, since), /./);
    }
    return { kinds, check: await said(who.id, /Please check your booking/, since) };
  }

  async function book(who = ana(), kind = 'Standard', day: RegExp = /./): Promise<string> {
    const { check } = await toCheck(who, kind, day);
    const since = fake.calls.length;
    fake.press(who, check, 'Confirm');
    const booked = await said(who.id, /Booked! Your reference is/, since);
    return /MD-[2-9A-Z]{6}/.exec(String(booked.params.text))![0];
  }

  const filesSince = (since: number, chat: number) => fake.calls.slice(since).filter((c) => String(c.params.chat_id) === String(chat) && c.file);

  it('commands addressed to another bot are ignored, in groups and in private; ours are answered', async () => {
    const a = ana();
    const group = { id: -1001, type: 'supergroup', title: 'Beat makers' };
    const since = fake.calls.length;
    fake.sendText(a, '/help@OtherBot', group);
    fake.sendText(a, '/book@OtherBot master');
    fake.sendText(a, `/help@${fake.botUser.username}`, group);
    await fake.waitFor((c) => c.method === 'sendMessage' && /What I can do/.test(String(c.params.text ?? '')), { since });
    fake.sendText(a, '/help');
    const last = await fake.waitFor(
      (c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(a.id) && /What I can do/.test(String(c.params.text ?? '')),
      { since: fake.calls.length },
    );
    const helps = fake.calls.slice(since).filter((c) => c.method === 'sendMessage' && /What I can do/.test(String(c.params.text ?? '')));
    expect(helps).toHaveLength(2); // the addressed one and the plain one
    expect(fake.calls.slice(since).some((c) => /What can we do for you/.test(String(c.params.text ?? '')))).toBe(false);
    expect(last).toBeDefined();
  });

  it('a button under an inline-mode message (no message, no chat) is answered in the private chat', async () => {
    const a = ana();
    const since = fake.calls.length;
    fake.pressInline(a, 'stale:svc:master');
    const answer = await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(a.id), { since });
    expect(String(answer.params.text)).toMatch(/earlier message or was already used/);
  });

  it('a standard session: the mix is prepared for the engineer, never delivered before the session; /status says so', async () => {
    const a = ana();
    const ref = await book(a, 'Standard');
    const since = fake.calls.length;
    fake.sendDocument(a, 'Night Drive.wav', wav);
    await said(a.id, /The engineer prepares it for your session on .+; the master is made with you in the session/, since);
    await expect.poll(async () => (await t.db.delivery.findFirst())?.status, { timeout: 20_000 }).toBe('held');
    await queue.idle();
    fake.sendText(a, '/status');
    const status = await said(a.id, new RegExp(`${ref}`), fake.calls.length);
    expect(String(status.params.text)).toContain('Your files are in. The engineer prepares them for your session on');
    // No master, no progress, no file reached the artist.
    const toArtist = fake.calls.slice(since).filter((c) => String(c.params.chat_id) === String(a.id));
    expect(toArtist.filter((c) => c.file || /version 1|Master version/.test(String(c.params.text ?? '')))).toEqual([]);
    expect((await t.db.booking.findFirstOrThrow({ where: { reference: ref } })).status).toBe('awaiting-files');
  });

  it('an artist books unattended mastering, sends a WAV, gets the master and report, revises, gets version 2 and sees the count', async () => {
    const a = ana();
    fake.sendText(a, '/start');
    await said(a.id, /Welcome to/);
    const ref = await book(a, 'Unattended');

    let since = fake.calls.length;
    fake.sendDocument(a, 'Night Drive.wav', wav);
    await said(a.id, new RegExp(`Received Night Drive\\.wav for ${ref}`), since);
    await said(a.id, /Mastering Night Drive\.wav now/, since);
    const ready = await said(a.id, /is ready — version 1\./, since);
    expect(String(ready.params.text)).toMatch(/-14\.\d LUFS integrated/);
    // With its private link to the booking's listening page, in the text and as a button.
    expect(String(ready.params.text)).toMatch(/Listen and compare: https:\/\/studio\.example\/listen\/[\w-]{22}\.[\w-]{43}/);
    expect(JSON.stringify(ready.params.reply_markup)).toContain('Listen and compare');
    await fake.waitFor((c) => c.method === 'sendAudio', { since });
    const files = filesSince(since, a.id);
    expect(files.map((c) => [c.method, c.file!.name])).toEqual([
      ['sendPhoto', 'Night Drive - master v1 report.png'],
      ['sendDocument', 'Night Drive - master v1.wav'],
      ['sendAudio', 'Night Drive - master v1 (preview).mp3'],
    ]);
    // Progress: one message, edited as the master moves on, ending on "ready".
    await fake.waitFor((c) => /^✅ Master version 1/.test(String(c.params.text)), { since });
    const progress = fake.calls.slice(since).filter((c) => c.method === 'sendMessage' && /^(⏳|✅) Master version 1/.test(String(c.params.text)));
    expect(progress).toHaveLength(1);
    const edits = fake.calls.slice(since).filter((c) => c.method === 'editMessageText');
    expect(edits.every((e) => Number(e.params.message_id) === progress[0]!.messageId)).toBe(true);
    expect(String((edits.at(-1) ?? progress[0]!).params.text)).toBe(`✅ Master version 1 of ${ref} is ready.`);
    const master = analyze(await decodeAudio(files[1]!.file!.bytes, 'master.wav'));
    expect(Math.abs(master.loudness.integratedLufs + 14)).toBeLessThan(0.3);
    expect(master.peaks.truePeakDbtp).toBeLessThanOrEqual(-1);

    since = fake.calls.length;
    fake.sendText(a, '/revise');
    const prompt = await said(a.id, /You have 2 free revisions left/, since);
    fake.press(a, prompt, 'Louder');
    await said(a.id, new RegExp(`Revision 1 of ${ref} started \\(free; 1 free revision left after it\\): louder`), since);
    const v2 = await said(a.id, /is ready — version 2\./, since);
    expect(String(v2.params.text)).toContain('1 free revision left');
    await fake.waitFor((c) => c.method === 'sendAudio', { since });
    expect(filesSince(since, a.id).map((c) => c.file!.name)).toEqual([
      'Night Drive - master v2 report.png',
      'Night Drive - master v2.wav',
      'Night Drive - master v2 (preview).mp3',
    ]);

    since = fake.calls.length;
    fake.sendText(a, '/status');
    await said(a.id, /Revisions: 1 asked for, 1 free left \(then £15 each\)\./, since);
  }, 60_000);

  it('two bookings taking files: a document is kept and the booking asked with buttons; a caption naming one picks it', async () => {
    const a = ana();
    const first = await book(a, 'Unattended');
    const second = await book(a, 'Unattended');
    let since = fake.calls.length;
    fake.sendDocument(a, 'Night Drive.wav', wav);
    // It was "say which, e.g. /upload PATH MD-…": console syntax, and the file was lost.
    const ask = await said(a.id, /^Night Drive\.wav: you have 2 bookings taking files\. Which one is it for\?$/, since);
    const keyboard = (ask.params.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(keyboard).toEqual([`${first} · Mastering · unattended`, `${second} · Mastering · unattended`, 'None of them (forget the file)']);
    fake.press(a, ask, second);
    await said(a.id, new RegExp(`^Received Night Drive\\.wav for ${second}`), since);
    await said(a.id, /Mastering Night Drive\.wav now/, since);

    since = fake.calls.length;
    fake.sendDocument(a, 'Other Song.wav', wav2, 'audio/wav', TelegramFake.privateChat(a), `this one is for ${first}`);
    await said(a.id, new RegExp(`^Received Other Song\\.wav for ${first}`), since);
    expect(fake.calls.slice(since).some((c) => /Which one is it for/.test(String(c.params.text ?? '')))).toBe(false);
  });

  it('typed answers work like the buttons (words, numbers, synonyms), and what cannot be done is refused at once', async () => {
    const a = ana();
    let since = fake.calls.length;
    fake.sendText(a, '/book master');
    await said(a.id, /session/, since);
    since = fake.calls.length;
    fake.sendText(a, 'unattended'); // a word, not a button
    await said(a.id, /Please check your booking/, since);
    since = fake.calls.length;
    fake.sendText(a, 'Yes');
    const booked = await said(a.id, /Booked! Your reference is/, since);
    const ref = /MD-[2-9A-Z]{6}/.exec(String(booked.params.text))![0];
    expect(String(booked.params.text)).not.toContain('pick from the buttons');

    // A delivered booking cannot be cancelled: said straight away, no "Yes, cancel it" to press.
    await t.db.booking.update({ where: { reference: ref }, data: { status: 'delivered' } });
    since = fake.calls.length;
    fake.sendText(a, `/cancel ${ref}`);
    const refused = await said(a.id, new RegExp(ref), since);
    expect(String(refused.params.text)).toContain(`Booking ${ref} is delivered, so it cannot be cancelled now.`);
    expect(refused.params.reply_markup).toBeUndefined();
  });

  it('live notes: what the artist types during the session reaches the engineer; the reply comes back to their chat only', async () => {
    const a = ana();
    const lucia = fake.user(502, 'Lucía');
    const ref = await book(a, 'Virtual'); // confirmed at once (BOOKING_AUTO_CONFIRM's default)
    await studio.desk.startSession(ref, 'console');
    let since = fake.calls.length;
    fake.sendText(a, 'Could the snare be a bit drier?');
    await said(a.id, new RegExp(`📝 Sent to the engineer \\(${ref}\\)\\.`), since);
    const note = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'alert:note:' } } });
    expect(JSON.parse(note.payload).text).toContain(`Ana (${ref}, live session): Could the snare be a bit drier?`);

    since = fake.calls.length;
    fake.sendText(lucia, 'and mine?');
    await said(lucia.id, /./, since);
    expect(await t.db.sessionNote.count()).toBe(1);

    since = fake.calls.length;
    await studio.desk.reply(ref, 'Drier now — have a listen', 'console');
    const back = await said(a.id, /From the engineer/, since);
    expect(String(back.params.text)).toBe(`📝 From the engineer (${ref}): Drier now — have a listen`);
    expect(fake.calls.slice(since).filter((c) => String(c.params.chat_id) === String(lucia.id))).toEqual([]);
  });

  it('duplicate updates book and store once; double-pressed and stale buttons are harmless', async () => {
    const a = ana();
    const { kinds, check } = await toCheck(a);
    let since = fake.calls.length;
    const confirm = fake.press(a, check, 'Confirm');
    await said(a.id, /Booked!/, since);
    fake.redeliver(confirm); // Telegram delivered the press twice
    fake.press(a, check, 'Confirm'); // and the artist double-tapped
    await said(a.id, /already answered|earlier message/, since);
    expect(await t.db.booking.count()).toBe(1);

    since = fake.calls.length;
    fake.press(a, kinds, 'Virtual'); // a button from an old message
    await said(a.id, /That button belongs to an earlier message or was already used/, since);

    // The same document update twice stores the file once.
    await studio.bookings.transition((await t.db.booking.findFirstOrThrow()).id, 'in-progress', 'test'); // no automatic master here
    since = fake.calls.length;
    const upload = fake.sendDocument(a, 'mix.wav', wav);
    await said(a.id, /Received mix\.wav/, since);
    fake.redeliver(upload);
    await handledTimes(upload, 2);
    expect(await t.db.upload.count()).toBe(1);
    expect(fake.textsTo(a.id).filter((x) => x.includes('Received mix.wav'))).toHaveLength(1);
  }, 60_000);

  it('files over the 20 MB download cap get the private upload link; non-audio documents are refused clearly', async () => {
    const a = ana();
    await book(a);
    let since = fake.calls.length;
    fake.sendDocument(a, 'Huge Mix.wav', Buffer.alloc(21 * 2 ** 20));
    await said(a.id, /Huge Mix\.wav is 21 MB; Telegram lets bots fetch files up to 20 MB/, since);
    await said(a.id, /Your private upload link for MD-[2-9A-Z]{6}.*\nhttps:\/\/studio\.example\/u\//, since);
    expect(fake.calls.slice(since).some((c) => c.method === 'getFile')).toBe(false);
    // With two bookings taking files, the one named in the caption is the one the link is for.
    const second = await book(a, 'Unattended');
    since = fake.calls.length;
    fake.sendDocument(a, 'Huge Mix.wav', Buffer.alloc(21 * 2 ** 20), 'audio/wav', TelegramFake.privateChat(a), `for ${second}`);
    await said(a.id, new RegExp(`Your private upload link for ${second}.*\\nhttps://studio\\.example/u/`), since);

    since = fake.calls.length;
    fake.sendDocument(a, 'notes.pdf', Buffer.from('%PDF-1.7 not audio at all'), 'application/pdf');
    await said(a.id, /notes\.pdf: .*Nothing was stored; please send WAV, AIFF, FLAC or MP3\./, since);
    expect(await t.db.upload.count()).toBe(0);
    expect(fake.textsTo(a.id).join('\n')).not.toMatch(/\n\s+at |Error:/);
  }, 60_000);

  it('flood limits (429) are waited out and retried: nothing is lost', async () => {
    const a = ana();
    fake.floodLimit('sendMessage', 2);
    fake.sendText(a, '/help');
    await said(a.id, /What I can do:/);
    // And a message from the outbox too.
    fake.floodLimit('sendMessage', 1);
    await studio.outbox.record('test:1', 'telegram', String(a.id), { text: 'Your session is in 1 hour' });
    await said(a.id, /Your session is in 1 hour/);
    expect(fake.textsTo(a.id).filter((x) => x === 'Your session is in 1 hour')).toHaveLength(1);
  }, 90_000);

  it('in a group, answers go to the private chat; the group learns nothing private', async () => {
    const group = { id: -100777, type: 'supergroup', title: 'Producers' };
    const a = ana();
    const ben = fake.user(502, 'Ben');
    fake.blocked.add(ben.id); // Ben never opened a private chat with the bot
    let since = fake.calls.length;
    fake.sendText(a, '/book master', group);
    await said(a.id, /What can we do for you|session/, since);
    await said(group.id, /Ana, I answered you in a private chat/, since);
    since = fake.calls.length;
    fake.sendText(ben, '/mybookings', group);
    await said(group.id, /Ben, I keep bookings, links and files private.*t\.me\/MixdeskTestBot/, since);
    // Chatter in the group is not for the bot: text, and — where the bot is the group's admin and
    // sees everything — tracks, photos and voice notes the members share with each other.
    await handledTimes(fake.sendText(a, 'great track everyone', group));
    await handledTimes(fake.sendDocument(a, 'My new single.mp3', wav, 'audio/mpeg', group));
    await handledTimes(fake.sendMedia(a, 'photo', group));
    await handledTimes(fake.sendMedia(ben, 'voice', group, { caption: 'listen to this' }));
    expect(await t.db.upload.count()).toBe(0);
    expect(fake.textsTo(group.id)).toHaveLength(2);
    // Addressed to the bot (named in the caption, or answering its message), it is the bot's: answered privately.
    since = fake.calls.length;
    fake.sendMedia(a, 'photo', group, { caption: `@${fake.botUser.username} is this ok?` });
    await said(a.id, /That is a picture/, since);
    since = fake.calls.length;
    fake.sendMedia(a, 'voice', group, { replyTo: { message_id: 1, from: fake.botUser, chat: group, date: 0, text: 'hi' } });
    await said(a.id, /Voice messages are compressed/, since);
    const groupTexts = fake.textsTo(group.id);
    expect(groupTexts).toHaveLength(4);
    expect(groupTexts.join('\n')).not.toMatch(/MD-|£|http/);
    expect(fake.to(group.id).some((c) => c.file)).toBe(false);
  }, 90_000);

  it("reminders and the SonoBus keycode of a virtual session arrive in the artist's chat", async () => {
    const a = ana();
    const ref = await book(a, 'Virtual', /Thu/);
    const booking = await t.db.booking.findFirstOrThrow({ where: { reference: ref } });
    const since = fake.calls.length;
    (studio.clock as ManualClock).set(new Date(booking.startsAt!.getTime() - 60 * 60_000));
    // The 24 h reminder is overdue too (the service was down): only the nearer one goes out.
    expect(await studio.reminders.sendDue('test')).toBe(1);
    const reminder = await said(a.id, /is in 60 minutes/, since);
    expect(String(reminder.params.text)).toMatch(/Group: mixdesk-[a-z2-9]{10}\n {2}Password: [a-z2-9]{12}/);
    expect(String(reminder.params.text)).toContain('https://go.sonobus.net/sblaunch?s=aoo.sonobus.net&g=mixdesk-');
    await studio.outbox.dispatch(); // whatever else was recorded is sent now
    expect(fake.textsTo(a.id).filter((x) => x.startsWith('Reminder:'))).toHaveLength(1);
  }, 90_000);

  it('an artist whose Telegram is in Spanish gets the menu, the dialog and the reminder in Spanish; /language switches', async () => {
    // One menu for everyone (the studio's language) and one for Spanish-speaking apps.
    const menus = fake.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.map((c) => c.params.language_code ?? null)).toEqual([null, 'es']);
    expect(JSON.stringify(menus[0]!.params.commands)).toContain('Book mixing or mastering');
    // The menu is the registry's: every command with a menu entry, in its order.
    for (const menu of menus)
      expect((menu.params.commands as { command: string }[]).map((c) => c.command)).toEqual(chatCommands.filter((c) => c.menu).map((c) => c.name));
    expect(JSON.stringify(menus[1]!.params.commands)).toContain('Reservar mezcla o máster');
    const lucia = { ...fake.user(777, 'Lucía'), language_code: 'es' };
    const since = fake.calls.length;
    fake.sendText(lucia, '/book master');
    const kinds = await said(lucia.id, /¿Cómo quieres la sesión\?/, since);
    fake.press(lucia, kinds, 'Virtual');
    fake.press(lucia, await said(lucia.id, /¿Qué día\?/, since), /^jue /);
    fake.press(lucia, await said(lucia.id, /Horas de inicio libres el jue/, since), /./);
    fake.press(lucia, await said(lucia.id, /Revisa tu reserva/, since), /Confirmar/);
    const booked = await said(lucia.id, /¡Reservado! Tu referencia es MD-/, since);
    const ref = /MD-\w+/.exec(String(booked.params.text))![0];
    const booking = await t.db.booking.findFirstOrThrow({ where: { reference: ref } });
    // Sent later, outside any chat turn: still in her language.
    (studio.clock as ManualClock).set(new Date(booking.startsAt!.getTime() - 60 * 60_000));
    expect(await studio.reminders.sendDue('test')).toBe(1);
    const reminder = await said(lucia.id, /^Recordatorio: tu sesión de máster .* es dentro de 60 minutos, el jueves \d+ de diciembre, /, since);
    expect(String(reminder.params.text)).toMatch(/Grupo: mixdesk-[a-z2-9]{10}\n {2}Contraseña: [a-z2-9]{12}/);
    // Her own choice wins over her app's.
    fake.sendText(lucia, '/language en');
    await said(lucia.id, /^Done: I write to you in English from now on\.$/, since);
    fake.sendText(lucia, '/help');
    await said(lucia.id, /^What I can do:/, since);
    fake.sendText(lucia, '/language auto');
    await said(lucia.id, /^Hecho: vuelvo a seguir el idioma de tu aplicación \(español por ahora\)\.$/, since);
  }, 90_000);

  it('a delivery file larger than a bot may send goes as its signed link', async () => {
    const a = ana();
    await studio.store.put('deliveries/x/v1/master-big.wav', Buffer.from('pretend'));
    await studio.outbox.record('test:big', 'telegram', String(a.id), {
      text: 'Your master is ready',
      files: [
        {
          name: 'Big Song - master v1.wav',
          storageKey: 'deliveries/x/v1/master-big.wav',
          sizeBytes: 60 * 2 ** 20,
          url: 'https://studio.example/d/abc.def',
          kind: 'audio',
        },
      ],
    });
    const link = await said(
      a.id,
      /Big Song - master v1\.wav \(60 MB\) is larger than Telegram lets me send; download it here: https:\/\/studio\.example\/d\/abc\.def/,
    );
    expect((link as BotCall).file).toBeUndefined();
    expect(fake.to(a.id).some((c) => c.method === 'sendDocument')).toBe(false);
  }, 90_000);
});
