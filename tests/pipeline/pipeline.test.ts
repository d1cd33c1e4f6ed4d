// The pipeline on SQLite and PostgreSQL: a mix for a mastering booking becomes a delivered,
// versioned master (files stored, message in the outbox), revisions make new versions, and
// retries, duplicate jobs and failures never double or lose a delivery.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { analyze, decodeAudio, encodeAudio, masterFile } from '../../engine/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { TestChat } from '../helpers/chat.js';
import { tasksRun } from '../../engine/thread-pool.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { cachedMasters } from '../helpers/master-cache.js';
import type { MasterRunner } from '../../core/versions/pipeline.js';
import { readStream } from '../helpers/streams.js';
import { performDesk } from '../../core/engineer/perform.js';
import { spawnSync } from 'node:child_process';
import { hasFfmpeg as hasFfprobe } from '../helpers/tools.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mix = path.join(dir, 'Night Drive.wav');
writeFileSync(mix, await encodeAudio(makeTrack(8, 48000, { level: 0.3 }), 'wav24'));

// What the engine makes of this mix with each set of settings is made once, on its thread, and
// shared by both databases' runs (the pipeline is what differs between them).
const masters = cachedMasters(path.join(dir, 'masters'));

describe.each(testProviders())('pipeline on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let chat: TestChat;
  const sent: Reply[] = [];

  async function setUp(runMaster?: MasterRunner, o: { work?: boolean; env?: Record<string, string> } = {}): Promise<void> {
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer', ...o.env }, undefined, undefined, {
      queue,
      pipeline: { attempts: 2, backoffMs: 10, runMaster: runMaster ?? masters },
    });
    studio.outbox.register('test', { send: async (_chat, reply) => void sent.push(reply) });
    // The engineer's alerts (ENGINEER_CHAT=console:engineer) arrive in the same list.
    studio.outbox.register('console', { send: async (_chat, reply) => void sent.push(reply) });
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
    if (o.work !== false) await studio.jobs.work();
  }

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    sent.length = 0;
    previews.length = 0;
  });
  afterEach(async () => {
    await queue?.close();
    await t.drop();
  });

  /** Unattended by default: the instant tier, mastered and delivered as soon as the mix is in. */
  async function bookAndSendMix(kind: 'Unattended' | 'Standard' | 'Virtual' = 'Unattended'): Promise<string> {
    await chat.send('/book master');
    await chat.press(kind);
    if (kind !== 'Unattended') {
      await chat.press(0);
      await chat.press(0);
    }
    await chat.press('Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: 'file-1' } });
    return ref;
  }

  const isProgress = (r: Reply) => /^(⏳|✅|⚠️)/.test(r.text);
  /** The MP3 preview's own message, which follows a master's delivery. */
  const isPreview = (r: Reply) => r.text.startsWith('🎧');
  const previews: Reply[] = [];
  async function delivered(): Promise<Reply[]> {
    await queue.idle();
    await studio.outbox.dispatch();
    const got = sent.splice(0).filter((r) => !isProgress(r));
    previews.push(...got.filter(isPreview));
    return got.filter((r) => !isPreview(r));
  }

  it('the progress message ends on "ready" even when an earlier step is written late (a busy database)', async () => {
    await setUp();
    // "Storing the files…" is written only once the version is already delivered: it must not
    // be the message left standing.
    const write = studio.outbox.progressToArtist.bind(studio.outbox);
    let late: Promise<void> | undefined;
    studio.outbox.progressToArtist = (key, to, reply) => {
      if (!reply().text.includes('storing the files')) return write(key, to, reply);
      late = vi
        .waitFor(async () => expect(await t.db.delivery.count({ where: { status: 'ready' } })).toBe(1), { timeout: 60_000, interval: 20 })
        .then(() => write(key, to, reply));
      return late;
    };
    const ref = await bookAndSendMix();
    await queue.idle();
    await late;
    const progressRow = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'progress:' } } });
    expect(JSON.parse(progressRow.payload)).toEqual({ text: `✅ Master version 1 of ${ref} is ready.`, visibility: 'private' });
  });

  it('the CD preset delivers a CD master: 44.1 kHz, 16-bit in the container the artist chose, with the destination checks in the report', async () => {
    await setUp(undefined, { env: { MASTER_PRESET: 'cd' } });
    await chat.send('/format flac24');
    const ref = await bookAndSendMix();
    const [message] = await delivered();
    const flac = message!.files!.find((f) => f.kind === 'audio')!;
    expect(flac.name).toBe('Night Drive - master v1.flac');
    const a = await decodeAudio(await readStream(await studio.store.get(flac.storageKey!)), flac.name);
    expect([a.sampleRate, a.bitDepth, a.format]).toEqual([44100, 16, 'flac']);
    expect(analyze(a).peaks.truePeakDbtp).toBeLessThanOrEqual(-0.5);
    const report = (await t.db.delivery.findFirstOrThrow({ where: { booking: { reference: ref } } })).reportText!;
    expect(report).toContain('Destination checks (CD (44.1 kHz, 16-bit)):\n  ✓ FLAC 16-bit, 44.1 kHz: Red Book CD audio (dithered to 16-bit)');
    expect(report).toMatch(
      / {2}✓ True peak after MP3 encoding \(320 kbps, the start, the end and the half seconds holding the 8 highest peaks\): -\d\.\d\d dBTP/,
    );
  });

  it("a mix for a mastering booking comes back mastered, in the artist's format, with the report picture", async () => {
    await setUp();
    await chat.send('/format flac24');
    const previewsEncoded = tasksRun('preview');
    const ref = await bookAndSendMix();
    expect(chat.text).toContain('Mastering Night Drive.wav now; it should take about');
    await queue.idle();
    const progressRow = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'progress:' } } });
    expect(progressRow).toMatchObject({ replaceable: true, chatId: 'chat-mara' });
    expect(JSON.parse(progressRow.payload)).toEqual({ text: `✅ Master version 1 of ${ref} is ready.`, visibility: 'private' });
    const [message, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(message!.text).toContain(`Your master for ${ref} is ready — version 1.`);
    expect(message!.text).toMatch(/-14\.\d LUFS integrated/);
    expect(message!.text).toContain('2 free revisions left');
    expect(message!.visibility).toBe('private');
    expect(message!.files!.map((f) => [f.name, f.kind])).toEqual([
      ['Night Drive - master v1 report.png', 'image'],
      ['Night Drive - master v1.flac', 'audio'],
    ]);
    // The MP3 preview follows in its own message: the master does not wait for LAME.
    expect(previews.map((r) => [r.text, r.files!.map((f) => f.name)])).toEqual([
      [`🎧 An MP3 preview of version 1 of ${ref}, to listen on the go.`, ['Night Drive - master v1 (preview).mp3']],
    ]);
    const preview = analyze(await decodeAudio(await readStream(await studio.store.get(previews[0]!.files![0]!.storageKey!)), 'p.mp3'));
    expect(preview.format.durationSec).toBeCloseTo(8, 1);
    // Encoded on a task thread: the thread answering chats never decodes or runs LAME.
    expect(tasksRun('preview')).toBe(previewsEncoded + 1);
    // A preview a stopped process never made is made when the studio starts again (and said once).
    await t.db.deliveryFile.deleteMany({ where: { kind: 'preview' } });
    const restarted = new InProcessQueue();
    const again = await testStudio(t.db, {}, undefined, studio.store, { queue: restarted, pipeline: { attempts: 1, backoffMs: 10 } });
    again.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    await again.jobs.work();
    expect(await again.jobs.resumeUnfinished()).toBe(1);
    await restarted.idle();
    await again.outbox.dispatch();
    await restarted.close();
    expect(await t.db.deliveryFile.count({ where: { kind: 'preview' } })).toBe(1);
    expect(sent.filter(isPreview)).toEqual([]); // the artist had it already
    // The stored master is what the message says it is.
    const flac = message!.files![1]!;
    const bytes = await readStream(await studio.store.get(flac.storageKey!));
    expect(bytes.length).toBe(flac.sizeBytes);
    const a = analyze(await decodeAudio(bytes, flac.name));
    expect(a.format.container).toBe('flac');
    expect(Math.abs(a.loudness.integratedLufs + 14)).toBeLessThan(0.3);
    expect(a.peaks.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(flac.url).toMatch(/\/d\/[\w-]+\.[\w-]+$/);
    expect(studio.downloads.verify(flac.url!.split('/d/')[1]!)).toMatchObject({ key: flac.storageKey, fileName: flac.name });
    const png = await readStream(await studio.store.get(message!.files![0]!.storageKey!));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

    const booking = await t.db.booking.findFirstOrThrow({ where: { reference: ref }, include: { deliveries: { include: { files: true } } } });
    expect(booking.status).toBe('delivered');
    expect(booking.deliveries).toHaveLength(1);
    expect(booking.deliveries[0]).toMatchObject({ version: 1, status: 'ready', progress: 1 });
    expect(booking.deliveries[0]!.reportText).toContain('Target met');
    expect(booking.deliveries[0]!.files.map((f) => f.kind).sort()).toEqual(['master', 'preview', 'report']);

    await chat.send('/status');
    expect(chat.text).toContain('Revisions: 0 asked for, 2 free left (then £15 each).');
  });

  it('/release: the delivered files carry title, artist, ISRC and year, and are named after them', async () => {
    await setUp();
    await chat.send('/format flac24');
    await chat.send('/book master');
    await chat.press('Unattended');
    await chat.press('Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
    await chat.send(`/release ${ref} Mara - Night Drive GB-ABC-26-0001X 2026`);
    expect(chat.text).toBe('GB-ABC-26-0001X is not an ISRC: it has 12 characters, like GB-ABC-26-00001 (country, registrant, year, number).');
    await chat.send(`/release ${ref} Mara - Night Drive gb-abc-26-00001 2026`);
    expect(chat.text).toBe(
      `Release details for ${ref}: Mara — Night Drive, ISRC GBABC2600001, 2026. The next files carry them and are named like "Mara - Night Drive (Master).wav".`,
    );
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: 'file-r' } });
    const [message] = await delivered();
    expect(message!.files!.map((f) => f.name)).toEqual(['Mara - Night Drive (Master) report.png', 'Mara - Night Drive (Master).flac']);
    expect(previews[0]!.files!.map((f) => f.name)).toEqual(['Mara - Night Drive (Master) (preview).mp3']);
    if (!hasFfprobe) return;
    for (const f of [message!.files![1]!, previews[0]!.files![0]!]) {
      const local = path.join(dir, `probe-${f.name}`);
      writeFileSync(local, await readStream(await studio.store.get(f.storageKey!)));
      const probed = JSON.parse(
        spawnSync('ffprobe', ['-loglevel', 'error', '-show_entries', 'format_tags', '-of', 'json', local], { encoding: 'utf8' }).stdout,
      ) as {
        format: { tags: Record<string, string> };
      };
      const tags = Object.fromEntries(Object.entries(probed.format.tags).map(([k, v]) => [k.toLowerCase(), v]));
      expect([tags.title, tags.artist, tags.isrc ?? tags.tsrc, tags.date]).toEqual(['Night Drive', 'Mara', 'GBABC2600001', '2026']);
    }
  });

  it('revisions: quick adjustments make new versions; after the free ones the price is asked and confirmed', async () => {
    await setUp();
    const ref = await bookAndSendMix();
    await delivered();

    await chat.send('/revise');
    expect(chat.text).toContain('You have 2 free revisions left.');
    await chat.press('Louder');
    expect(chat.text).toContain(`Revision 1 of ${ref} started (free; 1 free revision left after it): louder. Making version 2 now`);
    const got = await delivered();
    const alert = got.find((r) => r.text.startsWith('🔔'));
    const v2 = got.find((r) => r !== alert);
    expect(got).toHaveLength(2);
    expect(v2!.text).toContain('version 2.');
    expect(v2!.text).toContain('(target -13 LUFS, ceiling -1 dBTP)');
    expect(Math.abs(Number(/(-[\d.]+) LUFS integrated/.exec(v2!.text)![1]) + 13)).toBeLessThanOrEqual(0.3);
    expect(v2!.text).toContain('1 free revision left');
    expect(alert!.text).toContain(`Revision 1 (free) of ${ref}`);

    // The same change again would repeat version 2: refused, no revision used.
    await chat.send(`/revise ${ref} target -13`);
    expect(chat.text).toContain(`That would make ${ref} exactly as version 2 already is (same settings, same mix), so no revision was used`);
    expect(await t.db.revision.count()).toBe(1);

    await chat.send(`/revise ${ref} warmer and more punch, and the intro feels too quiet`);
    expect(chat.text).toContain('Revision 2');
    expect(chat.text).toContain('warmer, more punch');
    expect(chat.text).toContain('The rest of your notes needs the engineer');
    const v3 = (await delivered()).find((r) => r.text.includes('version 3'));
    expect(v3!.text).toContain('Your free revisions are used');
    // The quick changes were made; the note about the intro waits for the engineer.
    expect(await t.db.revision.findFirstOrThrow({ where: { number: 2 } })).toMatchObject({ status: 'requested', forEngineer: true });
    expect(await studio.desk.queue()).toContain('Revision notes waiting for you:');

    // The third revision costs money: asked first, nothing happens on "No".
    await chat.send('/revise louder');
    expect(chat.text).toContain('Your 2 free revisions of');
    expect(chat.text).toContain('another one costs £15');
    await chat.press('No');
    expect(chat.text).toContain('No revision was made; nothing was charged.');
    expect(await t.db.revision.count()).toBe(2);
    await chat.send('/revise louder');
    await chat.press('Yes, revise for £15');
    expect(chat.text).toContain('Revision 3');
    expect((await delivered()).some((r) => r.text.includes('version 4'))).toBe(true);

    const revisions = await t.db.revision.findMany({ orderBy: { number: 'asc' }, include: { delivery: true } });
    expect(revisions.map((r) => [r.number, r.paid, r.priceCents, r.status, r.delivery?.version, r.chargedAt !== null])).toEqual([
      [1, false, 0, 'resolved', 2, false],
      [2, false, 0, 'requested', 3, false],
      [3, true, 1500, 'resolved', 4, true],
    ]);
    const settings = (await t.db.delivery.findMany({ orderBy: { version: 'asc' } })).map((d) => JSON.parse(d.settings) as Record<string, unknown>);
    // Payments off: the £15 is owed to the studio, and said where the artist and the engineer look.
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Revision 3: £15, to pay the studio.');
    expect((await studio.board.booking(ref))!.money).toEqual(['Revision 3: £15, to pay the studio.']);
    expect(settings.map((s) => s.targetLufs)).toEqual([undefined, -13, -13, -12]);
    expect(settings[2]).toMatchObject({ bassDb: 1, trebleDb: -1.5, punch: 0.5 });
    expect(revisions[1]!.notes).toContain('the intro feels too quiet');
  });

  it("comments at moments go with the revision: the page's not asked for yet, and /revise with times makes its own", async () => {
    await setUp();
    const ref = await bookAndSendMix();
    await delivered();
    const booking = await studio.bookings.withClient((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).id);
    // Two tabs add at once: two numbers (the drafts then deleted).
    const tabs = await Promise.all(['one tab', 'another tab'].map((text) => studio.comments.add(booking, { version: 1, startMs: 6000, text })));
    expect(tabs.map((c) => c.number).sort()).toEqual([1, 2]);
    for (const c of tabs) await studio.comments.remove(booking, c.number);
    // One comment sent from the page (the engineer has it) — two presses at once send it once, the
    // other is told why — and one still a draft.
    await studio.comments.add(booking, { version: 1, startMs: 1500, text: 'kick too boomy' });
    const presses = await Promise.allSettled([studio.comments.send(booking), studio.comments.send(booking)]);
    expect(presses.map((p) => (p.status === 'fulfilled' ? p.value : (p.reason as Error).message)).sort()).toEqual([1, 'There are no new comments to send.']);
    expect(await t.db.notification.count({ where: { key: { startsWith: `alert:comment:${booking.id}:` } } })).toBe(1);
    await studio.comments.add(booking, { version: 1, startMs: 2000, endMs: 2500, text: 'hats harsh' });
    await delivered();

    // "louder" beside a time is about that moment: no automatic louder master, the engineer has it all.
    await chat.send(`/revise ${ref} at 0:03 vocal louder, 0:05–0:07 less reverb`);
    expect(chat.text).toContain(`Revision 1 of ${ref} noted`);
    const revision = await t.db.revision.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(revision).toMatchObject({ forEngineer: true, status: 'requested', adjustments: '{}' });
    expect(revision.notes).toBe('at 0:03 vocal louder, 0:05–0:07 less reverb\nv1 at 0:01: kick too boomy\nv1 at 0:02.0–0:02.5: hats harsh');
    const comments = await t.db.reviewComment.findMany({ where: { bookingId: booking.id }, orderBy: { number: 'asc' } });
    expect(comments.map((c) => [c.number, c.startMs, c.endMs, c.text, c.status, c.origin, c.revisionId])).toEqual([
      [1, 1500, null, 'kick too boomy', 'open', 'page', revision.id],
      [2, 2000, 2500, 'hats harsh', 'open', 'page', revision.id],
      [3, 3000, null, 'vocal louder', 'open', 'chat', revision.id],
      [4, 5000, 7000, 'less reverb', 'open', 'chat', revision.id],
    ]);
    // The engineer's queue and alert show them with their moments; /comment lists and answers them.
    expect(await studio.desk.queue()).toContain('v1 at 0:01: kick too boomy');
    const alert = (await delivered()).find((r) => r.text.startsWith('🔔') && r.text.includes('Revision 1'))!;
    expect(alert.quoted!.join('\n')).toContain('v1 at 0:02.0–0:02.5: hats harsh');
    const engineer = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };
    const listed = await performDesk(studio, ['comment', 'list', ref], engineer);
    expect(listed.text.split('\n')).toEqual([
      `Comments on ${ref} (mara):`,
      '• #1 v1 at 0:01: kick too boomy · open · asked for in a revision',
      '• #2 v1 at 0:02.0–0:02.5: hats harsh · open · asked for in a revision',
      '• #3 v1 at 0:03: vocal louder · open · asked for in a revision',
      '• #4 v1 at 0:05–0:07: less reverb · open · asked for in a revision',
    ]);
    expect((await performDesk(studio, ['comment', 'resolve', ref, '4'], engineer)).text).toBe(`Comment #4 on ${ref} is resolved.`);
    expect((await performDesk(studio, ['comment', 'answer', ref, '9', 'what?'], engineer)).text).toBe(`${ref} has no comment #9.`);
    // A later revision gathers nothing again.
    expect(await t.db.reviewComment.count({ where: { bookingId: booking.id, revisionId: null } })).toBe(0);
  });

  it("an attended session is not delivered before it happens: the mix becomes the engineer's starting point, sent at the session's end", async () => {
    await setUp();
    const ref = await bookAndSendMix('Standard');
    expect(chat.text).toMatch(/as your mix\.\n(.|\n)*The engineer prepares it for your session on .+; the master is made with you in the session/);
    await queue.idle();
    await studio.outbox.dispatch();
    // Nothing reaches the artist before the session; the engineer hears of the starting point.
    const before = sent.splice(0);
    expect(before.filter((r) => !r.text.startsWith('🔔'))).toEqual([]);
    expect(before.map((r) => r.text).join('\n')).toMatch(new RegExp(`${ref} v1 is prepared for the session \\(-14\\.\\d LUFS, -\\d\\.\\d dBTP\\)`));
    const booking = await t.db.booking.findFirstOrThrow({ where: { reference: ref }, include: { deliveries: true } });
    expect(booking.status).toBe('awaiting-files');
    expect(booking.deliveries.map((d) => [d.version, d.status, d.hold])).toEqual([[1, 'held', 'session']]);
    await chat.send('/status');
    expect(chat.text).toContain('Your files are in. The engineer prepares them for your session on');
    expect(chat.text).not.toContain('send your files');
    const list = await studio.desk.versionList(ref);
    expect(list).toMatch(/v1 · prepared for the session · automatic master .* · from Night Drive\.wav · -14\.\d LUFS/);
    expect(list).toMatch(/master: http:\/\/\S+\/d\//); // a link to listen to before the session

    // In the session the engineer masters again: held too, until the session ends.
    await studio.desk.startSession(ref, 'engineer:test');
    // Said in words, and said held: it does not go to the artist when ready.
    expect(await studio.desk.master(ref, { targetLufs: -12 })).toBe(
      `Mastering ${ref} as version 2 with the streaming preset (Loudness target -12 LUFS); it is held for the session and goes to the artist when you send it (as the session ends, or later).`,
    );
    await queue.idle();
    await studio.outbox.dispatch();
    expect(sent.splice(0).filter((r) => !isProgress(r) && !r.text.startsWith('🔔') && !r.text.includes('session'))).toEqual([]);
    expect(await studio.desk.endSession(ref, 'engineer:test', true)).toBe(`Session ${ref} ended; v2 sent to mara.`);
    const [thanks, message, ...more] = await delivered();
    expect(thanks!.text).toContain(`Thanks for the session ${ref}`);
    expect(message!.text).toContain(`Your master for ${ref} is ready — version 2.`);
    expect(message!.text).toMatch(/-12\.\d LUFS integrated/);
    expect(message!.text).toContain('2 free revisions left');
    expect(message!.files!.map((f) => f.name)).toContain('Night Drive - master v2.wav');
    expect(more).toEqual([]);
    // Its preview went with it, once: not again as a message of its own (it came twice).
    expect(message!.files!.map((f) => f.name)).toContain('Night Drive - master v2 (preview).mp3');
    expect(previews).toEqual([]);
    const after = await t.db.booking.findFirstOrThrow({ where: { reference: ref }, include: { deliveries: { orderBy: { version: 'asc' } } } });
    expect(after.status).toBe('delivered');
    expect(after.deliveries.map((d) => [d.version, d.status])).toEqual([
      [1, 'set-aside'],
      [2, 'ready'],
    ]);
    // Once delivered, nothing is held any more.
    await expect(studio.desk.deliverHeld(ref, undefined, 'engineer:test')).rejects.toThrow(`${ref} has no version waiting to be delivered.`);
  });

  it('notes the engine cannot act on go to the engineer; a paid revision is charged only when a version is delivered for it', async () => {
    await setUp(undefined, { env: { ENGINEER_CHAT: '' } }); // nothing configured: the console's engineer hears it
    const ref = await bookAndSendMix();
    await delivered();
    // The engineer cannot make the same master twice either.
    await expect(studio.desk.master(ref, {})).rejects.toThrow(`Version 1 of ${ref} was already made with these settings from the same mix`);
    for (const change of ['louder', 'warmer']) {
      await chat.send(`/revise ${ref} ${change}`);
      await delivered();
    }
    await chat.send(`/revise ${ref} make it sound like Daft Punk`);
    await chat.press('Yes, revise for £15');
    expect(chat.text).toBe(
      `Revision 3 of ${ref} noted (£15, charged only when the new version is delivered). Your notes need the engineer, who has them now and will send the new version here.`,
    );
    await queue.idle();
    expect(await t.db.delivery.count()).toBe(3); // no version repeating the last one
    expect(await t.db.revision.findFirstOrThrow({ where: { number: 3 } })).toMatchObject({ status: 'requested', paid: true, chargedAt: null });
    const alert = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'alert:revision:' }, payload: { contains: 'Daft Punk' } } });
    expect([alert.platform, alert.chatId]).toEqual(['console', 'engineer']);
    expect(await studio.desk.queue()).toMatch(new RegExp(`Revision notes waiting for you:\\n• ${ref} revision 3 · mara · .*: “make it sound like Daft Punk”`));
    expect((await t.db.booking.findFirstOrThrow({ where: { reference: ref } })).status).toBe('revision-requested');

    // Closed without a new version: nothing charged.
    await studio.desk.resolveRevision(ref, 'Talked it through on the phone', 'engineer:test');
    expect(await t.db.revision.findFirstOrThrow({ where: { number: 3 } })).toMatchObject({ status: 'resolved', chargedAt: null });

    // Answered with the engineer's own files: charged then.
    await chat.send(`/revise ${ref} the snare should sit further back`);
    await chat.press('Yes, revise for £15');
    expect(await t.db.revision.findFirstOrThrow({ where: { number: 4 } })).toMatchObject({ status: 'requested', chargedAt: null });
    await studio.pipeline.deliverFiles(
      (await t.db.booking.findFirstOrThrow()).id,
      [{ name: 'Night Drive (master).wav', path: mix, kind: 'master' }],
      'engineer:test',
    );
    const four = await t.db.revision.findFirstOrThrow({ where: { number: 4 }, include: { delivery: true } });
    expect(four.status).toBe('resolved');
    expect(four.chargedAt).not.toBeNull();
    expect(four.delivery?.version).toBe(4);
  });

  it('a corrected mix after delivery is welcome: asked about, it makes the next version as a revision; the first mix stays', async () => {
    await setUp();
    const ref = await bookAndSendMix();
    await delivered();
    const fixed = path.join(dir, 'Night Drive v2.wav');
    writeFileSync(fixed, await encodeAudio(makeTrack(8, 48000, { level: 0.2 }), 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'Night Drive v2.wav', sizeBytes: 0, ref: fixed, id: 'file-2' } });
    expect(chat.text).toContain(`Received Night Drive v2.wav for ${ref}`);
    expect(chat.text).toContain(`Use this new mix for the next version of ${ref}? It counts as revision 1 (free; 1 free revision left after it).`);
    await chat.press('Yes, use it');
    expect(chat.text).toContain(`Revision 1 of ${ref} started (free; 1 free revision left after it): made from Night Drive v2.wav. Making version 2 now`);
    const [v2, ...more] = (await delivered()).filter((r) => !r.text.startsWith('🔔'));
    expect(more).toEqual([]);
    expect(v2!.text).toContain(`Your master for ${ref} is ready — version 2.`);
    expect(v2!.text).toContain('Made from your new mix, Night Drive v2.wav.');
    const versions = await t.db.delivery.findMany({ orderBy: { version: 'asc' } });
    const uploads = new Map((await t.db.upload.findMany()).map((u) => [u.id, u.fileName]));
    expect(versions.map((v) => [v.version, uploads.get(v.sourceUploadId!)])).toEqual([
      [1, 'Night Drive.wav'],
      [2, 'Night Drive v2.wav'],
    ]);
    expect(await studio.desk.versionList(ref)).toMatch(/v1 · delivered · .* · from Night Drive\.wav[^]*v2 · delivered · .* · from Night Drive v2\.wav/);
    expect((await t.db.revision.findFirstOrThrow()).notes).toBe('New source: Night Drive v2.wav');

    // Another file, kept without a new version; /revise offers it later.
    const third = path.join(dir, 'Night Drive v3.wav');
    writeFileSync(third, await encodeAudio(makeTrack(8, 48000, { level: 0.25 }), 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'Night Drive v3.wav', sizeBytes: 0, ref: third, id: 'file-3' } });
    await chat.press('No, just keep it');
    expect(chat.text).toBe(`Night Drive v3.wav is kept with ${ref}; nothing else changed. /revise when you want a version made from it.`);
    expect(await t.db.revision.count()).toBe(1);
    await chat.send('/revise');
    await chat.press('Use my new file (Night Drive v3.wav)');
    expect(chat.text).toContain('It counts as revision 2 (free; no free revisions left after it)');
  });

  // What the question says and which settings are used: no database behaviour, so once (on SQLite).
  it.skipIf(provider !== 'sqlite')(
    'a corrected mix after a "louder" revision: the question says what the next version keeps, and the artist keeps it or starts from the defaults',
    async () => {
      await setUp();
      const ref = await bookAndSendMix();
      await delivered();
      await chat.send(`/revise ${ref} louder`);
      await delivered();
      const settingsOf = async (version: number) =>
        JSON.parse((await t.db.delivery.findFirstOrThrow({ where: { version } })).settings) as { targetLufs?: number; preset: string };
      const louder = (await settingsOf(2)).targetLufs!;
      const fixed = path.join(dir, 'Night Drive v2.wav');
      writeFileSync(fixed, await encodeAudio(makeTrack(8, 48000, { level: 0.2 }), 'wav24'));
      await chat.event({ kind: 'file', file: { name: 'Night Drive v2.wav', sizeBytes: 0, ref: fixed, id: 'file-2' } });
      // Before: "Use this new mix…? Yes, use it", and version 3 came out louder without a word.
      expect(chat.text).toContain(
        `Version 2 was made with these settings: Loudness target ${louder} LUFS. Keep them for the new mix, or start again from the studio's defaults?`,
      );
      expect(chat.buttons.map((b) => b.label)).toEqual(["Yes, with version 2's settings", 'Yes, from the default settings', 'No, just keep it']);
      await chat.send('maybe');
      expect(chat.text).toContain("Please pick one: the new mix with version 2's settings, the new mix from the default settings, or just keep the file.");
      await chat.press('Yes, from the default settings');
      expect(chat.text).toContain(
        `Revision 2 of ${ref} started (free; no free revisions left after it): made from Night Drive v2.wav, from the default settings.`,
      );
      await delivered();
      const first = await settingsOf(1);
      const third = await settingsOf(3);
      expect(third.preset).toBe(first.preset);
      expect(third.targetLufs).not.toBe(louder);
      expect(third.targetLufs).toBeLessThan(louder);

      // Made from the defaults, there is nothing to choose: the plain question, as before.
      const again = path.join(dir, 'Night Drive v3.wav');
      writeFileSync(again, await encodeAudio(makeTrack(8, 48000, { level: 0.25 }), 'wav24'));
      await chat.event({ kind: 'file', file: { name: 'Night Drive v3.wav', sizeBytes: 0, ref: again, id: 'file-3' } });
      expect(chat.text).not.toContain('was made with these settings');
      expect(chat.buttons.map((b) => b.label)).toEqual(['Yes, use it (£15)', 'No, just keep it']);
    },
  );

  it('DELIVERY_REVIEW=unattended: the automatic master waits for the engineer, who approves it', async () => {
    await setUp(undefined, { env: { DELIVERY_REVIEW: 'unattended' } });
    const ref = await bookAndSendMix();
    expect(chat.text).toContain('Mastering Night Drive.wav now; it should take about');
    await queue.idle();
    await studio.outbox.dispatch();
    const made = sent.splice(0);
    expect(made.filter((r) => !isProgress(r) && !r.text.startsWith('🔔'))).toEqual([]);
    expect(made.map((r) => r.text).join('\n')).toContain(`✅ Master version 1 of ${ref} is made; the engineer listens to it before it comes to you.`);
    expect(made.map((r) => r.text).join('\n')).toContain(`${ref} v1 awaits your review`);
    // The engineer's console reads terminal commands, not Discord's.
    expect(made.map((r) => r.text).join('\n')).toMatch(
      new RegExp(
        `Listen with mixdesk desk version list ${ref}; approve with mixdesk desk version deliver ${ref} --version 1, re-run with mixdesk desk master ${ref}\\.`,
      ),
    );
    await chat.send('/status');
    expect(chat.text).toContain('Version 1 is made and being reviewed by the engineer');
    expect(await studio.desk.queue()).toMatch(new RegExp(`Versions awaiting your review:\\n• ${ref} v1 · mara · -14\\.\\d LUFS`));
    expect(await studio.desk.deliverHeld(ref, undefined, 'engineer:test')).toBe(`${ref} v1 sent to mara.`);
    const [message, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(message!.text).toContain(`Your master for ${ref} is ready — version 1.`);
    expect(message!.files!.map((f) => f.kind)).toEqual(['image', 'audio', 'audio']);
    expect((await t.db.booking.findFirstOrThrow({ where: { reference: ref } })).status).toBe('delivered');
    // A second approval (a double click) delivers nothing twice.
    await expect(studio.desk.deliverHeld(ref, 1, 'engineer:test')).rejects.toThrow(`Version 1 of ${ref} is not waiting to be delivered`);
    expect(await t.db.notification.count({ where: { key: { startsWith: 'delivery:' } } })).toBe(1);
  });

  it.skipIf(provider !== 'sqlite')("the report picture is drawn in the artist's language", async () => {
    const jobs: Parameters<MasterRunner>[0][] = [];
    await setUp(async (job, progress) => {
      jobs.push(job);
      return masterFile(job, progress);
    });
    await chat.send('/language es');
    await chat.send('/book master');
    await chat.press('Sin asistencia');
    await chat.press('Confirmar');
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: 'file-1' } });
    await delivered();
    expect(jobs[0]!.reportLabels).toMatchObject({ loudness: 'Sonoridad', before: 'antes', after: 'después', title: 'máster de mixdesk — {name}' });
    // Drawn with them: the same master in English words is another picture.
    const english = path.join(dir, 'english.png');
    await masterFile({ ...jobs[0]!, input: mix, reportLabels: undefined, reportPng: english, outputs: [] });
    const stored = (await t.db.delivery.findFirstOrThrow({ include: { files: true } })).files.find((f) => f.kind === 'report')!;
    const spanish = await readStream(await studio.store.get(stored.storageKey));
    expect(spanish.subarray(0, 8)).toEqual(readFileSync(english).subarray(0, 8)); // both PNGs
    expect(spanish.equals(readFileSync(english))).toBe(false);
  });

  it('a try that dies is done again; two workers on the same version deliver it once', async () => {
    let calls = 0;
    const flaky: MasterRunner = async (job, progress) => {
      calls++;
      const summary = await masterFile(job, progress);
      if (calls === 1) throw new Error('worker lost mid-job'); // files written, nothing committed
      return summary;
    };
    await setUp(flaky);
    await bookAndSendMix();
    const messages = await delivered();
    expect(calls).toBe(2);
    expect(messages).toHaveLength(1);
    const delivery = await t.db.delivery.findFirstOrThrow({ include: { files: true } });
    expect(delivery.files).toHaveLength(3);

    // The same job run by a second worker (a lock that lapsed while the first was still busy).
    const other = await testStudio(t.db, {}, undefined, studio.store, { queue: new InProcessQueue(), pipeline: { attempts: 1, backoffMs: 10 } });
    await t.db.delivery.update({ where: { id: delivery.id }, data: { status: 'preparing' } });
    await other.jobs.work();
    const job = { bookingId: delivery.bookingId, version: 1, settings: { preset: 'streaming' as const } };
    await Promise.all([other.queue.add('master', job), queue.add('master', job)]);
    await Promise.all([(other.queue as InProcessQueue).idle(), queue.idle()]);
    await other.queue.close();
    expect(await t.db.notification.count({ where: { key: { startsWith: 'delivery:' } } })).toBe(1);
    expect(await t.db.deliveryFile.count()).toBe(3);
  });

  it('a master that fails every try: the artist hears it clearly, the engineer is alerted, the files stay', async () => {
    await setUp(async () => Promise.reject(new Error('disk full')));
    const ref = await bookAndSendMix();
    await queue.idle();
    // The failure report runs after the last try.
    await expect.poll(async () => (await studio.outbox.dispatch(), sent.filter((r) => !isProgress(r)).length), { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const texts = sent.map((r) => r.text);
    expect(texts.find((x) => x.startsWith('Sorry'))).toContain(`the master of ${ref} (version 1) could not be finished. Nothing is lost`);
    expect(texts.find((x) => x.startsWith('🔔'))).toContain(`Master v1 of ${ref} failed after 2 tries: disk full`);
    expect(texts.join('\n')).not.toContain('at '); // no stack trace
    expect(await t.db.delivery.findFirstOrThrow()).toMatchObject({ status: 'failed', error: 'disk full' });
    expect(await t.db.upload.count({ where: { purgedAt: null } })).toBe(1);
  });

  it('a silent mix is refused at once with a clear message; nothing is queued', async () => {
    await setUp();
    const silent = path.join(dir, 'silent.wav');
    writeFileSync(silent, await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(48000 * 3), new Float32Array(48000 * 3)] }, 'wav24'));
    await chat.send('/book master');
    await chat.press('Unattended');
    await chat.press('Confirm');
    await chat.event({ kind: 'file', file: { name: 'silent.wav', sizeBytes: 0, ref: silent, id: 'file-silent' } });
    expect(chat.text).toBe('silent.wav is silent (or nearly): there is nothing to master. Nothing was stored; please check the export.');
    // 50 ms of a -20 dBFS tone is not silent: it is too short (shorter than one loudness block).
    const blip = path.join(dir, 'blip.wav');
    const tone = Float32Array.from({ length: 2400 }, (_, i) => 0.1 * Math.sin((2 * Math.PI * 1000 * i) / 48000));
    writeFileSync(blip, await encodeAudio({ sampleRate: 48000, channels: [tone, tone] }, 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'blip.wav', sizeBytes: 0, ref: blip, id: 'file-blip' } });
    expect(chat.text).toBe('blip.wav is only 50 ms long: too short to master. Nothing was stored; please check the export.');
    expect(await t.db.delivery.count()).toBe(0);
    expect(await t.db.upload.count()).toBe(0);
  });

  it('versions left preparing by a stopped process are queued again at start', async () => {
    await setUp(undefined, { work: false });
    await bookAndSendMix(); // queued, but this queue has no worker yet: like a process that stopped
    const restarted = new InProcessQueue();
    const again = await testStudio(t.db, {}, undefined, studio.store, { queue: restarted, pipeline: { attempts: 1, backoffMs: 10 } });
    again.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    await again.jobs.work();
    // Files the engineer was sending are not a job: they are marked for sending again (a mixdown
    // resuming as its own job: tests/db/version-kind.test.ts).
    const b = await t.db.booking.findFirstOrThrow();
    await t.db.delivery.create({ data: { bookingId: b.id, version: 8, kind: 'engineer', status: 'preparing', settings: JSON.stringify({ engineer: true }) } });
    expect(await again.jobs.resumeUnfinished()).toBe(1);
    expect((await t.db.delivery.findFirstOrThrow({ where: { version: 8 } })).status).toBe('failed');
    await t.db.delivery.deleteMany({ where: { version: 8 } });
    await restarted.idle();
    await again.outbox.dispatch();
    expect(sent.map((r) => r.text).join()).toContain('version 1.');
    await restarted.close();
  });
});

it('the master engine runs on its own thread (with its helper on the second core) and reports progress', async () => {
  const { masterFileInThread } = await import('../../engine/index.js');
  const { lastMasterHelperJobs } = await import('../../engine/master-file.js');
  const stages = new Set<string>();
  const out = path.join(dir, 'thread.wav');
  // 20 s: long enough that the engine waits for its helper thread to start.
  const long = path.join(dir, 'Long Drive.wav');
  writeFileSync(long, await encodeAudio(makeTrack(20, 48000, { level: 0.3 }), 'wav24'));
  const job = {
    input: long,
    name: 'Long Drive.wav',
    outputs: [{ path: out, format: 'wav16' as const }],
    reportPng: path.join(dir, 'thread.png'),
    options: { targetLufs: -16 },
  };
  const summary = await masterFileInThread(job, (s) => stages.add(s));
  expect([...stages]).toEqual(expect.arrayContaining(['analyse', 'limit', 'verify', 'encode']));
  expect(Math.abs(summary.after.loudness.integratedLufs + 16)).toBeLessThan(0.3);
  expect(readFileSync(out).subarray(0, 4).toString()).toBe('RIFF');
  // From the TypeScript sources too (tsx adds a query to module URLs), the helper thread starts and works.
  if (availableParallelism() >= 2) expect(lastMasterHelperJobs()).toBeGreaterThan(0);
  await expect(
    masterFileInThread({ input: path.join(dir, 'missing.wav'), name: 'missing.wav', outputs: [], reportPng: path.join(dir, 'x.png'), options: {} }),
  ).rejects.toThrow(/missing\.wav/);
});
