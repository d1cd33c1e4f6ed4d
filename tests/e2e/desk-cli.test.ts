// `mixdesk desk …`: the engineer's commands from the terminal, made from the same registry as
// Discord's, acting on the studio's database through the same core, with the same audit trail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { runScript } from '../helpers/run-script.js';
import { testStudio } from '../helpers/studio.js';
import { encodeAudio } from '../../engine/index.js';
import { contentTypeOf } from '../../engine/formats.js';
import { makeTrack } from '../helpers/music.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-desk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const desk = (url: string, words: string[]) => runScript(['cli.ts', 'desk', ...words], { DATABASE_URL: url, DATA_DIR: dir, BOOKING_AUTO_CONFIRM: 'false' });

it('lists the commands, confirms a booking (the artist is told, the action audited), and refuses mistakes in one line', async () => {
  const t = await createTestDatabase('sqlite');
  try {
    const studio = await testStudio(t.db, { BOOKING_AUTO_CONFIRM: 'false' });
    const { client } = await studio.clients.identify({ platform: 'telegram', externalId: '501', displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'desk-cli',
      origin: { platform: 'telegram', chatId: '501' },
      actor: 'test',
    });
    const [help, confirm, again, typo] = [
      await desk(t.url, []),
      await desk(t.url, ['booking', 'confirm', b.reference.toLowerCase()]),
      await desk(t.url, ['booking', 'confirm', b.reference]),
      await desk(t.url, ['master', b.reference, '--target', '-40']),
    ];
    expect(help.code).toBe(0);
    expect(help.out).toContain('booking confirm REFERENCE — Confirm a requested booking');
    expect(help.out).toContain('master REFERENCE [--preset PRESET] [--target TARGET]');
    expect(confirm).toMatchObject({ code: 0, out: `Confirmed ${b.reference}; Ana has been told.\n` });
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('awaiting-files');
    const told = await t.db.notification.findMany({ where: { chatId: '501' } });
    expect(told.map((n) => (JSON.parse(n.payload) as { text: string }).text)).toEqual([expect.stringMatching(/^Good news: the studio confirmed/)]);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err.trim()).toBe(`Booking ${b.reference} is confirmed, waiting for your files, so it cannot be confirmed now.`);
    expect(typo.code).toBe(1);
    expect(typo.err.trim()).toBe('/master: target must be from -30 to -5, not -40.');
    const audit = await t.db.engineerAction.findMany({ orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.platform, a.action, a.reference, a.outcome])).toEqual([
      ['console', 'booking confirm', b.reference, 'done'],
      ['console', 'booking confirm', b.reference, 'refused'],
    ]);
  } finally {
    await t.drop();
  }
}, 60_000);

it('`mixdesk dashboard-link` prints a one-time sign-in link to the studio dashboard at the studio address', async () => {
  const t = await createTestDatabase('sqlite');
  try {
    await testStudio(t.db);
    const r = await runScript(['cli.ts', 'dashboard-link'], { DATABASE_URL: t.url, DATA_DIR: dir, PUBLIC_BASE_URL: 'https://studio.example' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/good once, for 15 minutes.*: https:\/\/studio\.example\/studio\/login\/[\w-]{43}\n$/);
    expect(await t.db.dashboardPass.findFirstOrThrow()).toMatchObject({ kind: 'login', actor: 'engineer:console', usedAt: null });
    expect(await t.db.engineerAction.findFirstOrThrow()).toMatchObject({ platform: 'console', action: 'dashboard', outcome: 'done' });
  } finally {
    await t.drop();
  }
}, 60_000);

it('`mixdesk client export REF` writes the artist’s zip where the terminal can reach it; `mixdesk client forget` erases them', async () => {
  const t = await createTestDatabase('sqlite');
  try {
    const studio = await testStudio(t.db);
    const { client } = await studio.clients.identify({ platform: 'telegram', externalId: '777', displayName: 'Lía' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'desk-cli-export',
      origin: { platform: 'telegram', chatId: '777' },
      actor: 'test',
    });
    const env = { DATABASE_URL: t.url, DATA_DIR: dir };
    const exported = await runScript(['cli.ts', 'client', 'export', b.reference], env);
    expect(exported.err).toBe('');
    expect(exported.out).toMatch(/^Export of Lía: 1 booking\(s\), 0 file\(s\), 0\.0 MB\.\nThe zip: http:\/\/\S+\/d\/\S+ — (\S+\.zip)\n$/);
    const zip = /— (\S+\.zip)/.exec(exported.out)![1]!;
    expect(zip.startsWith(path.join(dir, 'objects', 'exports', client.id))).toBe(true);
    // Still open: refused in one line; cancelled, erased.
    const refused = await runScript(['cli.ts', 'client', 'forget', client.id], env);
    expect(refused.code).toBe(1);
    expect(refused.err.trim()).toBe(`Lía still has ${b.reference} open: finish or cancel it first, then erase.`);
    await studio.bookings.cancel(client.id, b.reference, 'artist');
    const forgot = await runScript(['cli.ts', 'client', 'forget', client.id], env);
    expect(forgot).toMatchObject({ code: 0, out: `Lía's personal data and 1 file(s) are erased; 1 booking(s) and their payments are kept, nameless.\n` });
    expect((await t.db.client.findUniqueOrThrow({ where: { id: client.id } })).displayName).toBe('forgotten artist');
  } finally {
    await t.drop();
  }
}, 60_000);

it('`mixdesk desk deliver` sends the engineer’s own renders from the terminal; a file that is not audio, or not there, delivers nothing', async () => {
  const t = await createTestDatabase('sqlite');
  try {
    const studio = await testStudio(t.db);
    const { client } = await studio.clients.identify({ platform: 'telegram', externalId: '502', displayName: 'Bea' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'desk-deliver',
      origin: { platform: 'telegram', chatId: '502' },
      actor: 'test',
    });
    // Named .WAVE (as some DAWs do): stored as what it is, a WAV, so players are told audio/wav.
    const render = path.join(dir, 'Song (full).WAVE');
    writeFileSync(render, await encodeAudio(makeTrack(3, 48000), 'wav24'));
    const project = path.join(dir, 'Song.als');
    writeFileSync(project, '<?xml version="1.0"?><Ableton/>');
    const [help, notAudio, missing, none, done] = [
      await desk(t.url, ['help']),
      await desk(t.url, ['deliver', b.reference, '--full', render, '--instrumental', project]),
      await desk(t.url, ['deliver', b.reference, '--full', path.join(dir, 'gone.wav')]),
      await desk(t.url, ['deliver', b.reference]),
      await desk(t.url, ['deliver', b.reference, '--full', render, '--note', 'Vocal up 1 dB']),
    ];
    expect(help.out).toContain('deliver REFERENCE [--full FILE] [--instrumental FILE] [--acappella FILE] [--master FILE] [--note NOTE] — ');
    expect(notAudio).toMatchObject({ code: 1, out: '' });
    expect(notAudio.err.trim()).toBe(
      'Song.als cannot be delivered: not an audio file we can read (expected WAV, AIFF, FLAC or MP3). Nothing was sent to the artist.',
    );
    expect(missing.err.trim()).toBe(`${path.join(dir, 'gone.wav')} is not a file here; nothing was delivered.`);
    expect(none.err.trim()).toBe('Attach at least one file to deliver.');
    expect(done).toMatchObject({ code: 0, out: `Delivered version 1 of ${b.reference} (Song (full).WAVE); it goes to the artist privately.\n` });
    const versions = await t.db.delivery.findMany({ where: { bookingId: b.id } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'ready']]); // sent by the running service's outbox
    const [file] = await t.db.deliveryFile.findMany({ where: { deliveryId: versions[0]!.id } });
    expect(file).toMatchObject({ kind: 'full', format: 'wav', fileName: 'Song (full).WAVE' });
    expect(contentTypeOf(file!.format)).toBe('audio/wav');
    const told = await t.db.notification.findMany({ where: { chatId: '502', key: { startsWith: 'delivery:' } } });
    expect(told.map((n) => (JSON.parse(n.payload) as { text: string }).text)).toEqual([expect.stringContaining('From the engineer: Vocal up 1 dB')]);
    const audit = await t.db.engineerAction.findMany({ orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.platform, a.action, a.reference, a.outcome])).toEqual([
      ['console', 'deliver', b.reference, 'refused'],
      ['console', 'deliver', b.reference, 'refused'],
      ['console', 'deliver', b.reference, 'refused'],
      ['console', 'deliver', b.reference, 'done'],
    ]);
  } finally {
    await t.drop();
  }
}, 120_000);
