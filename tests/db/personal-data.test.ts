// An artist's data on request (issue 34.5): /mydata and /forgetme in a private chat reach the
// engineer; client export makes one zip of everything about that artist (and nobody else) and
// sends them a private link; client forget erases their personal data and files while their
// bookings and payments stay, nameless, for the accounts — refused while a booking is open, and
// audited like every engineer action.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { Conversation } from '../../core/conversation/engine.js';
import { performDesk, type DeskActor } from '../../core/engineer/perform.js';
import type { Studio } from '../../core/studio.js';
import type { ManualClock } from '../../core/clock.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const engineer: DeskActor = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };

/** Every entry of a zip, read whole. */
async function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.fromBuffer(data, { lazyEntries: true }, (err, z) => (err ? fail(err) : ok(z))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((done, fail) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, (err, s) => {
        if (err) return fail(err);
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('end', () => {
          out.set(e.fileName, Buffer.concat(parts));
          zip.readEntry();
        });
      }),
    );
    zip.on('end', done);
    zip.on('error', fail);
    zip.readEntry();
  });
  return out;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(testProviders())('an artist’s data on request on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let dir: string;
  let ana: TestChat;
  let anaId: string;
  let otherId: string;
  let finished: string;
  let open: string;
  let mixSha: string;

  /** A booking with a stored mix, through the upload service as a chat would. */
  async function bookWithMix(clientId: string, key: string, seconds: number): Promise<{ id: string; reference: string; sha256: string }> {
    const b = await studio.bookings.create({
      clientId,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: key,
      origin: { platform: 'telegram', chatId: '4242' },
      actor: 'test',
    });
    const file = path.join(dir, `${key}.wav`);
    writeFileSync(file, await encodeAudio(makeTrack(seconds, 44100), 'wav16'));
    const client = (await t.db.client.findUniqueOrThrow({ where: { id: clientId } })) as never;
    const up = await studio.uploads.accept({ client, bookingRef: b.reference, fileName: 'Zoë – final mix.wav', path: file });
    return { id: b.id, reference: b.reference, sha256: up.upload.sha256 };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-privacy-'));
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { UNATTENDED_JOBS_PER_DAY: '50', ENGINEER_ALERTS: 'all' });
    // Ana talks to the studio on Telegram, in a private chat (its id is her account's).
    ana = new TestChat(new Conversation(studio, log), { platform: 'telegram', chatId: '4242', userId: '4242', displayName: 'Ana Ruiz', isPrivateChat: true });
    await ana.send('/help');
    anaId = (await studio.clients.find({ platform: 'telegram', externalId: '4242' }))!.id;
    const done = await bookWithMix(anaId, 'ana-1', 0.7);
    finished = done.reference;
    mixSha = done.sha256;
    for (const s of ['in-progress', 'delivered', 'completed'] as const) await studio.bookings.transition(done.id, s, 'engineer');
    const master = await studio.store.put(`deliveries/${done.id}/v1/Ana-Song-Master.wav`, Buffer.from('the master'));
    await t.db.delivery.create({
      data: {
        bookingId: done.id,
        version: 1,
        status: 'ready',
        reportText: 'Ana – Song: −14 LUFS',
        files: {
          create: {
            kind: 'master',
            format: 'wav24',
            fileName: 'Ana - Song (Master).wav',
            storageKey: master.key,
            sizeBytes: BigInt(master.size),
            sha256: master.sha256,
          },
        },
      },
    });
    await t.db.payment.create({
      data: {
        bookingId: done.id,
        purpose: 'revision',
        amountCents: 1500,
        currency: 'GBP',
        status: 'paid',
        request: '{"notes":"more vocal"}',
        expiresAt: new Date('2026-12-10T00:00:00Z'),
      },
    });
    await t.db.sessionNote.create({ data: { bookingId: done.id, fromRole: 'artist', author: `client:${anaId}`, text: 'the snare is too loud' } });
    // A message the studio sent her outside the conversation (deliveries, reminders go this way).
    await studio.outbox.record(`test:ready:${done.id}`, 'telegram', '4242', { text: 'Your master is ready', visibility: 'private' });
    open = (await bookWithMix(anaId, 'ana-2', 0.8)).reference;
    // Someone else, untouched by all of it.
    otherId = (await studio.clients.identify({ platform: 'discord', externalId: '777', displayName: 'Bruno' })).client.id;
    await bookWithMix(otherId, 'bruno-1', 0.9);
    await studio.outbox.record('test:bruno', 'discord', '777', { text: 'Hello Bruno', visibility: 'private' });
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const outbox = (chatId: string) => t.db.notification.findMany({ where: { chatId }, orderBy: { createdAt: 'asc' } });

  it('/mydata and /forgetme are asked in a private chat only, and reach the engineer with the command that acts on them', async () => {
    const group = new TestChat(ana.conversation, { ...ana.sender, chatId: '-100123', isPrivateChat: false });
    await group.send('/mydata');
    expect(group.text).toMatch(/private chat/);
    expect((await t.db.client.findUniqueOrThrow({ where: { id: anaId } })).dataRequest).toBeNull();

    await ana.send('/mydata');
    expect(ana.text).toMatch(/private download link here/);
    const asked = await t.db.client.findUniqueOrThrow({ where: { id: anaId } });
    expect(asked).toMatchObject({ dataRequest: 'export', dataRequestChat: 'telegram:4242' });
    const alert = (await outbox('engineer')).map((n) => JSON.parse(n.payload) as { text: string }).find((r) => r.text.includes('copy of their data'));
    expect(alert?.text).toContain(`Ana Ruiz asks for a copy of their data. mixdesk desk client export ${anaId}`);
  });

  it('client export makes a zip of everything about the artist and nobody else, and sends her a private link', async () => {
    const r = await performDesk(studio, ['client', 'export', open], engineer);
    expect(r.outcome).toBe('done');
    expect(r.text).toMatch(/Export of Ana Ruiz: 2 booking\(s\), 3 file\(s\)/);
    expect(r.text).toContain('Sent to the artist in their private chat.');
    const key = (await studio.store.list(`exports/${anaId}/`))[0]!.key;
    const entries = await unzip(Buffer.concat(await (await studio.store.get(key)).toArray()));
    const data = JSON.parse(entries.get('data.json')!.toString()) as Record<string, { [k: string]: unknown }[]>;
    expect(data.artist![0]).toMatchObject({ id: anaId, displayName: 'Ana Ruiz', identities: [{ platform: 'telegram', externalId: '4242' }] });
    expect(data.bookings!.map((b) => b.reference).sort()).toEqual([finished, open].sort());
    expect(data.uploads!.every((u) => u.clientId === anaId)).toBe(true);
    expect(data.payments).toHaveLength(1);
    expect(data.sessionNotes![0]).toMatchObject({ text: 'the snare is too loud' });
    expect(data.versions![0]).toMatchObject({ version: 1, reportText: 'Ana – Song: −14 LUFS' });
    // The messages the studio recorded for her chat.
    expect(data.messages).toEqual([expect.objectContaining({ message: 'Your master is ready', status: 'pending' })]);
    expect(JSON.stringify(data)).not.toContain('Bruno');
    // Her files, whole; the master under its version.
    const names = [...entries.keys()];
    expect(names.filter((n) => n.startsWith('uploads/'))).toHaveLength(2);
    expect(names).toContain(`versions/${finished}/v1/Ana - Song (Master).wav`);
    expect(sha(entries.get(names.find((n) => n.startsWith(`uploads/${finished}/`))!)!)).toBe(mixSha);
    expect(entries.get('README.txt')!.toString()).toContain('data.json');
    // She is sent a private link to it, in her chat; the request is answered.
    const link = (await outbox('4242')).map((n) => JSON.parse(n.payload) as { text: string; visibility: string }).find((m) => m.text.includes('/d/'));
    expect(link?.visibility).toBe('private');
    expect(studio.downloads.verify(/\/d\/(\S+)$/.exec(link!.text)![1]!)?.key).toBe(key);
    expect((await t.db.client.findUniqueOrThrow({ where: { id: anaId } })).dataRequest).toBeNull();
    // Made again, the earlier zip is replaced.
    await performDesk(studio, ['client', 'export', anaId], engineer);
    expect(await studio.store.list(`exports/${anaId}/`)).toHaveLength(1);
    // Kept while its link works (30 days), then removed by the retention job.
    expect(await studio.privacy.purgeExports(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await studio.privacy.purgeExports(new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(await studio.store.list(`exports/${anaId}/`)).toEqual([]);
    await performDesk(studio, ['client', 'export', anaId], engineer);
  });

  it('client forget is refused while a booking is open; then erases her data and files, keeps the accounts nameless, and tells her', async () => {
    await ana.send('/forgetme');
    expect(ana.text).toContain(`${open} is still open`);
    const refused = await performDesk(studio, ['client', 'forget', anaId], engineer);
    expect(refused).toEqual({ outcome: 'refused', text: `Ana Ruiz still has ${open} open: finish or cancel it first, then erase.` });
    await studio.bookings.cancel(anaId, open, 'artist');
    const brunoBooking = await t.db.booking.findFirstOrThrow({ where: { clientId: otherId } });
    const brunoFiles = (await studio.store.list('')).filter((o) => o.key.includes(brunoBooking.id));
    expect(brunoFiles.length).toBeGreaterThan(0);

    // A file she sent in chat, still waiting for her to say which booking it is for.
    const held = await studio.uploads.held.hold(anaId, path.join(dir, 'ana-1.wav'), 'take 2.wav');

    const done = await performDesk(studio, ['client', 'forget', finished], engineer);
    expect(done.outcome).toBe('done');
    expect(done.text).toMatch(/^Ana Ruiz's personal data and 5 file\(s\) are erased; 2 booking\(s\) and their payments are kept, nameless\.$/);
    const client = await t.db.client.findUniqueOrThrow({ where: { id: anaId }, include: { identities: true, quote: true } });
    expect(client).toMatchObject({ displayName: 'forgotten artist', identities: [], dataRequest: null, chosenLanguage: null });
    expect(client.forgottenAt).not.toBeNull();
    const bookings = await t.db.booking.findMany({ where: { clientId: anaId } });
    expect(bookings).toHaveLength(2);
    expect(bookings.every((b) => b.originChatId === 'forgotten' && !b.idempotencyKey.includes('4242'))).toBe(true);
    const uploads = await t.db.upload.findMany({ where: { clientId: anaId } });
    expect(uploads.every((u) => u.fileName === 'erased' && u.purgedAt)).toBe(true);
    for (const u of uploads) expect(await studio.store.head(u.storageKey)).toBeNull();
    expect(await t.db.deliveryFile.count({ where: { delivery: { booking: { clientId: anaId } } } })).toBe(0);
    expect(await t.db.delivery.findFirst({ where: { booking: { clientId: anaId } } })).toMatchObject({ version: 1, reportText: null });
    expect(await studio.store.list(`exports/${anaId}/`)).toEqual([]);
    expect(await studio.store.head(held)).toBeNull();
    expect(await t.db.sessionNote.count({ where: { booking: { clientId: anaId } } })).toBe(0);
    // Payments are the studio's accounts: kept, with nothing she wrote.
    expect(await t.db.payment.findFirst({ where: { booking: { clientId: anaId } } })).toMatchObject({ amountCents: 1500, status: 'paid', request: null });
    // What was recorded for her chat is gone, but for one last message there: done, in her chat.
    const left = await outbox('4242');
    expect(left).toHaveLength(1);
    expect(JSON.parse(left[0]!.payload)).toMatchObject({ visibility: 'private', text: expect.stringContaining('erased your name') as string });
    // Bruno is untouched.
    expect(await t.db.client.findUniqueOrThrow({ where: { id: otherId }, include: { identities: true } })).toMatchObject({
      displayName: 'Bruno',
      identities: [{ externalId: '777' }],
    });
    for (const f of brunoFiles) expect(await studio.store.head(f.key)).not.toBeNull();
    // Audited, like every engineer action.
    expect(await t.db.engineerAction.findMany({ where: { action: 'client forget' }, select: { detail: true, outcome: true }, orderBy: { at: 'asc' } })).toEqual(
      [
        { detail: `client=${anaId}`, outcome: 'refused' },
        { detail: `client=${finished}`, outcome: 'done' },
      ],
    );
    // If she writes again she starts afresh, as someone new.
    await ana.send('/mybookings');
    expect(ana.text).toMatch(/no bookings|don't have any/i);
    expect((await studio.clients.find({ platform: 'telegram', externalId: '4242' }))!.id).not.toBe(anaId);
  });

  it('names nobody it cannot find', async () => {
    const r = await performDesk(studio, ['client', 'export', 'MD-ZZZZZZ'], engineer);
    expect(r).toEqual({ outcome: 'refused', text: 'No client is "MD-ZZZZZZ": give their id (client lookup shows it) or one of their booking references.' });
  });
});
