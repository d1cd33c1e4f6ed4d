// discord.js for real: raw INTERACTION_CREATE payloads fed through the client, its REST pointed at
// a local server that records every request; wired to the real core (SQLite, local store,
// in-process queue, the engine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../bots/discord/bot.js';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { inLanguage, t as text } from '../../core/texts.js';
import { analyze, decodeAudio, encodeAudio } from '../../engine/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { DiscordFake, EPHEMERAL, type FakeUser, type Sent } from '../helpers/discord-fake.js';
import { makeTrack } from '../helpers/music.js';
import { runScript } from '../helpers/run-script.js';
import { testStudio } from '../helpers/studio.js';
import { chatCommands } from '../../core/conversation/commands/index.js';
import { deskPort } from '../../core/engineer/perform.js';
import { deskCommands } from '../../core/engineer/commands/index.js';

/** Commands with a Discord module and no registry entry: /setup is a server admin's, /announce and /deliver post in a channel or take attachments. */
const discordOnly = { artist: ['setup'], engineer: ['announce', 'deliver'] };
/** The artists' slash commands, from the core's registry. */
const artistNames = [...chatCommands.filter((c) => c.discord).map((c) => c.name), ...discordOnly.artist].sort();

const log = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** The bot under test, against the fake's REST, on this studio. */
const botFor = (studio: Studio, fake: DiscordFake, o: { onHandled?: (interactionId: string) => void } = {}) =>
  createDiscordBot({ token: 'x'.repeat(40), studio, desk: deskPort(studio), conversation: new Conversation(studio, log), log, apiRoot: fake.api, ...o });

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-dc-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let wav: Buffer;
beforeAll(async () => {
  wav = Buffer.from(await encodeAudio(makeTrack(8, 48000, { level: 0.3 }), 'wav24'));
});

const GUILD = '700000000000000001';
const OTHER_GUILD = '700000000000000002';
const ENGINEER_ROLE = '800000000000000001';
const MANAGE_GUILD = String(1 << 5);

it('guard: discord.js still exposes the handlers the tests feed interactions and messages through', async () => {
  const { Client } = await import('discord.js');
  const client = new Client({ intents: [] });
  const actions = (client as unknown as { actions?: Record<string, { handle?: unknown } | undefined> }).actions;
  for (const action of ['InteractionCreate', 'MessageCreate'])
    expect(typeof actions?.[action]?.handle, `discord.js moved client.actions.${action}.handle: update tests/helpers/discord-fake.ts`).toBe('function');
  await client.destroy();
});

describe('Discord bot against a recording REST server', () => {
  let fake: DiscordFake;
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let bot: DiscordBot;
  /** Interactions the bot has answered in full, and who waits for which. */
  let handled: Set<string>;
  let waiters: Map<string, () => void>;
  const onHandled = (id: string) => {
    handled.add(id);
    waiters.get(id)?.();
  };
  const answered = (id: string) => (handled.has(id) ? Promise.resolve() : new Promise<void>((done) => waiters.set(id, done)));

  beforeEach(async () => {
    handled = new Set();
    waiters = new Map();
    fake = await new DiscordFake().start();
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = await testStudio(
      t.db,
      { STUDIO_HOURS: 'mon-sun 08:00-22:00', BOOKING_AUTO_CONFIRM: 'false', DISCORD_STUDIO_GUILD_ID: GUILD },
      undefined,
      undefined,
      { queue, pipeline: { attempts: 2, backoffMs: 10 } },
    );
    studio.links.servedAt('https://studio.example');
    await studio.jobs.work();
    bot = botFor(studio, fake, { onHandled });
  });
  afterEach(async () => {
    await bot.stop();
    await queue.close();
    await fake.stop();
    await t.drop();
  });

  /** Feeds an interaction and returns every answer to it, once the bot has finished with it. */
  async function send(payload: { id: string; token: string }): Promise<Sent[]> {
    DiscordFake.feed(bot.client, payload);
    await answered(payload.id);
    return fake.answersTo(payload);
  }
  const said = (answers: Sent[]) => answers.map((s) => fake.textOf(s)).join('\n---\n');
  const buttonsOf = (answers: Sent[]) =>
    answers.flatMap((s) => ((s.body.components as { components: { label?: string; custom_id?: string }[] }[] | undefined) ?? []).flatMap((r) => r.components));
  const press = (answers: Sent[], user: FakeUser, label: string | RegExp, guildId = GUILD) => {
    const b = buttonsOf(answers).find((x) => x.custom_id && (typeof label === 'string' ? x.label?.includes(label) : label.test(x.label ?? '')));
    if (!b) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(answers))}`);
    return send(fake.button(b.custom_id!, user, { guildId }));
  };
  const settle = async () => {
    await queue.idle();
    await studio.outbox.dispatch();
  };

  it('an artist books and uploads; the engineer confirms, starts the virtual session, masters and delivers; the artist revises', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const eng = fake.user('500000000000000009', 'Eng');
    await send(
      fake.slash('setup', eng, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [{ name: 'engineer_role', type: 8, value: ENGINEER_ROLE }],
        resolved: {
          roles: {
            [ENGINEER_ROLE]: {
              id: ENGINEER_ROLE,
              name: 'Engineer',
              color: 0,
              hoist: false,
              position: 1,
              permissions: '0',
              managed: false,
              mentionable: false,
              flags: 0,
            },
          },
        },
      }),
    );

    // The artist books a virtual mastering session in the server: everything private (ephemeral).
    let a = await send(fake.slash('book', ana, { guildId: GUILD, options: [{ name: 'service', type: 3, value: 'master' }] }));
    a = await press(a, ana, 'Virtual');
    a = await press(a, ana, /Thu/);
    a = await press(a, ana, /\d\d:\d\d/);
    a = await press(a, ana, 'Confirm');
    const ref = /MD-[2-9A-Z]{6}/.exec(said(a))![0];
    expect(said(a)).toContain('Booked!');
    expect((await t.db.booking.findFirstOrThrow()).status).toBe('requested');

    const file = fake.attachment('Night Drive.wav', wav);
    a = await send(
      fake.slash('upload', ana, { guildId: GUILD, options: [{ name: 'file', type: 11, value: file.id }], resolved: { attachments: { [file.id]: file } } }),
    );
    expect(said(a)).toContain(`Received Night Drive.wav for ${ref}`);
    expect(said(a)).toContain('starts as soon as the studio confirms');

    // The engineer confirms: the mix is already here, so the engine prepares the session's starting
    // point — for the engineer, not delivered before the session the artist booked.
    a = await send(
      fake.slash('booking', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [{ name: 'confirm', type: 1, options: [{ name: 'reference', type: 3, value: ref }] }],
      }),
    );
    expect(said(a)).toContain(`Confirmed ${ref}; its mix was already here, so the starting point for the session is being prepared`);
    await settle();
    await expect.poll(async () => (await t.db.delivery.findFirst())?.status).toBe('held');
    expect(fake.sent.filter((s) => s.kind === 'dm' && s.channelId === `dm-${ana.id}` && /version 1/.test(fake.textOf(s)))).toEqual([]);
    a = await send(
      fake.slash('version', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [{ name: 'list', type: 1, options: [{ name: 'reference', type: 3, value: ref }] }],
      }),
    );
    expect(said(a)).toMatch(/v1 · prepared for the session · automatic master/);

    // The session starts: the artist gets the keycode by DM, the engineer sees it ephemerally.
    a = await send(
      fake.slash('session', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [{ name: 'start', type: 1, options: [{ name: 'reference', type: 3, value: ref }] }],
      }),
    );
    expect(said(a)).toMatch(/has the keycode\.\nYour side: SonoBus group mixdesk-[a-z2-9]{10}, password [a-z2-9]{12}/);
    await settle();
    const keycode = await fake.waitFor((s) => s.kind === 'dm' && /is starting now\. Join in SonoBus/.test(fake.textOf(s)));
    expect(fake.textOf(keycode)).toContain(/Group: (mixdesk-[a-z2-9]{10})/.exec(said(a).replace('group ', 'Group: '))![1]!);

    // In the session the engineer re-masters louder and sends it as the session ends.
    a = await send(
      fake.slash('master', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [
          { name: 'reference', type: 3, value: ref },
          { name: 'target', type: 10, value: -12 },
        ],
      }),
    );
    expect(said(a)).toContain(`Mastering ${ref} as version 2`);
    await settle();
    await expect.poll(async () => (await t.db.delivery.findFirst({ where: { version: 2 } }))?.status).toBe('held');
    a = await send(
      fake.slash('session', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [
          {
            name: 'end',
            type: 1,
            options: [
              { name: 'reference', type: 3, value: ref },
              { name: 'deliver', type: 3, value: 'newest' },
            ],
          },
        ],
      }),
    );
    expect(said(a)).toContain(`Session ${ref} ended; v2 sent to Ana.`);
    await settle();
    const v2 = await fake.waitFor((s) => s.kind === 'dm' && /version 2\./.test(fake.textOf(s)));
    expect(v2.channelId).toBe(`dm-${ana.id}`);
    expect(fake.textOf(v2)).toContain('target -12 LUFS');
    expect(v2.files.map((f) => f.name)).toEqual(['Night Drive - master v2 report.png', 'Night Drive - master v2.wav', 'Night Drive - master v2 (preview).mp3']);
    expect(Math.abs(analyze(await decodeAudio(v2.files[1]!.bytes, 'm.wav')).loudness.integratedLufs + 12)).toBeLessThan(0.3);
    expect(fake.sent.filter((s) => s.kind === 'dm' && /version 1/.test(fake.textOf(s)))).toEqual([]);
    // A DAW project attached by mistake beside a render: refused by name, and nothing is delivered.
    const versionsBefore = await t.db.delivery.count();
    const dmsBefore = fake.sent.filter((s) => s.kind === 'dm').length;
    /** The engineer's /deliver with a full mix and an instrumental attached (and a note). */
    const deliver = (full: ReturnType<typeof fake.attachment>, inst: ReturnType<typeof fake.attachment>, note?: string) =>
      send(
        fake.slash('deliver', eng, {
          guildId: GUILD,
          roles: [ENGINEER_ROLE],
          options: [
            { name: 'reference', type: 3, value: ref },
            { name: 'full', type: 11, value: full.id },
            { name: 'instrumental', type: 11, value: inst.id },
            ...(note ? [{ name: 'note', type: 3, value: note }] : []),
          ],
          resolved: { attachments: { [full.id]: full, [inst.id]: inst } },
        }),
      );
    const project = fake.attachment('Night Drive.als', Buffer.from('<?xml version="1.0"?><Ableton/>'));
    const render = fake.attachment('Night Drive (full).wav', wav);
    a = await deliver(render, project);
    expect(said(a)).toContain(
      'Night Drive.als cannot be delivered: not an audio file we can read (expected WAV, AIFF, FLAC or MP3). Nothing was sent to the artist.',
    );
    await settle();
    expect(await t.db.delivery.count()).toBe(versionsBefore);
    expect(fake.sent.filter((s) => s.kind === 'dm').length).toBe(dmsBefore);
    // After the session the engineer delivers their own renders.
    const full = fake.attachment('Night Drive (full).wav', wav);
    const inst = fake.attachment('Night Drive (instrumental).wav', wav);
    a = await deliver(full, inst, 'Vocal up 1 dB');
    expect(said(a)).toContain(`Delivered version 3 of ${ref}`);
    await settle();
    const v3 = await fake.waitFor((s) => s.kind === 'dm' && /version 3: full mix, instrumental/.test(fake.textOf(s)));
    expect(fake.textOf(v3)).toContain('From the engineer: Vocal up 1 dB');
    // Every delivery carries its private link to the booking's listening page: a link button (not written out again in the text).
    const linkButtons = ((v3.body.components as { components: { url?: string }[] }[] | undefined) ?? []).flatMap((r) => r.components).map((c) => c.url ?? '');
    expect(linkButtons.some((u) => /\/listen\/[\w-]{22}\.[\w-]{43}$/.test(u))).toBe(true);
    expect(v3.files.map((f) => f.name)).toEqual(['Night Drive (full).wav', 'Night Drive (instrumental).wav']);

    // The artist revises.
    // The artist revises: the latest version is the engineer's own renders, so the engine does not
    // master over them; the notes go to the engineer.
    a = await send(fake.slash('revise', ana, { guildId: GUILD, options: [{ name: 'changes', type: 3, value: 'warmer' }] }));
    expect(said(a)).toContain(`Revision 1 of ${ref} noted (free; 1 free revision left after it). Your notes need the engineer`);
    await settle();
    expect(await t.db.delivery.count()).toBe(3);

    // Nothing went to a channel, and every answer in the server was ephemeral: new messages say so;
    // a press updates the (ephemeral) message it was pressed on (UPDATE_MESSAGE, 7) instead of
    // posting another — the booking dialog was five ephemeral messages.
    expect(fake.sent.filter((s) => s.kind === 'channel-message')).toEqual([]);
    const answers = fake.sent.filter((x) => x.kind === 'callback' || x.kind === 'followup');
    expect(answers.filter((x) => x.callbackType === 7).map((x) => fake.textOf(x).split('\n')[0])).toEqual(
      expect.arrayContaining(['Which day? (times in Europe/London; /timezone to change it)']),
    );
    for (const s of answers.filter((x) => x.callbackType !== 7)) expect(Number(s.body.flags ?? 0) & EPHEMERAL, fake.textOf(s)).toBe(EPHEMERAL);
  }, 90_000);

  it('a file dropped into the DM is an upload, as with /upload: the words beside it pick the booking; too large gets the link', async () => {
    const ana = fake.user('500000000000000011', 'Ana');
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const booked = [];
    for (const key of ['dm-file-1', 'dm-file-2'])
      booked.push(
        await studio.bookings.create({
          clientId: client.id,
          serviceCode: 'master',
          kind: 'standard',
          start: new Date(key === 'dm-file-1' ? '2026-12-03T14:00:00Z' : '2026-12-04T14:00:00Z'),
          timeZone: 'UTC',
          idempotencyKey: key,
          origin: { platform: 'discord', chatId: ana.id },
          actor: 'test',
        }),
      );
    const second = booked[1]!;
    const dm = async (m: ReturnType<DiscordFake['directMessage']>) => {
      const before = fake.sent.filter((s) => s.channelId === `dm-${ana.id}`).length;
      DiscordFake.feedMessage(bot.client, m);
      await answered(m.id);
      return fake.sent
        .filter((s) => s.channelId === `dm-${ana.id}`)
        .slice(before)
        .map((s) => fake.textOf(s))
        .join('\n');
    };
    const mix = fake.attachment('Night Drive.wav', wav);
    const message = fake.directMessage(ana, `for ${second.reference.toLowerCase()}`, [mix]);
    expect(await dm(message)).toContain(`Received Night Drive.wav for ${second.reference}`);
    expect((await t.db.upload.findMany()).map((u) => [u.fileName, u.bookingId])).toEqual([['Night Drive.wav', second.id]]);
    // Bigger than a chat should carry: the private upload link instead, nothing fetched.
    const big = { ...fake.attachment('Album master.wav', Buffer.alloc(16)), size: 300 * 2 ** 20 };
    const said = await dm(fake.directMessage(ana, second.reference, [big]));
    expect(said).toContain('Album master.wav is 300 MB, more than Discord passes to bots here; use your private upload link instead:');
    expect(said).toMatch(/\/u\/[\w-]+/);
    expect(await t.db.upload.count()).toBe(1);
  }, 90_000);

  it('live notes: a DM to the bot during the session reaches its engineer, whose answer in the DM comes back; nothing for anyone else', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const bob = fake.user('500000000000000002', 'Bob');
    const eng = '500000000000000009';
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'virtual',
      start: new Date('2026-12-02T14:00:00Z'),
      timeZone: 'UTC',
      idempotencyKey: 'notes-1',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });
    await studio.desk.confirm(b.reference, 'test');
    const dm = async (user: FakeUser, text: string) => {
      const m = fake.directMessage(user, text);
      DiscordFake.feedMessage(bot.client, m);
      await answered(m.id);
      return fake.sent.filter((s) => s.kind === 'dm' && s.channelId === `dm-${user.id}`).map((s) => fake.textOf(s));
    };
    expect((await dm(ana, 'hello before the session')).join('\n')).not.toContain('Sent to the engineer');

    await studio.desk.startSession(b.reference, `engineer:discord:${eng}`);
    expect(await dm(ana, 'Can the vocal come up a touch?')).toContain(`📝 Sent to the engineer (${b.reference}).`);
    await settle();
    expect(fake.dmsTo(eng).map((s) => fake.textOf(s))).toEqual([
      `📝 Ana (${b.reference}, live session): Can the vocal come up a touch? — answer with /reply reference:${b.reference} text:…`,
    ]);
    // Her words are shown as she typed them: Markdown in a note is escaped, not formatting in the engineer's DM.
    await dm(ana, '**louder** # now @everyone');
    await settle();
    expect(fake.textOf(fake.dmsTo(eng).at(-1)!)).toBe(
      `📝 Ana (${b.reference}, live session): \\*\\*louder\\*\\* # now @everyone — answer with /reply reference:${b.reference} text:…`,
    );
    expect((await dm(bob, 'me too!')).join('\n')).not.toContain('Sent to the engineer');
    expect(fake.dmsTo(eng)).toHaveLength(2);
    // Bob is not the engineer: /reply and /session notes are refused, and Ana hears nothing from him.
    for (const [name, options] of [
      [
        'reply',
        [
          { name: 'reference', type: 3, value: b.reference },
          { name: 'text', type: 3, value: 'I am the engineer now' },
        ],
      ],
      ['session', [{ name: 'notes', type: 1, options: [{ name: 'reference', type: 3, value: b.reference }] }]],
    ] as const) {
      const refused = await send(fake.slash(name, bob, { options: [...options] }));
      expect(said(refused)).toContain(`/${name} is for the studio's engineers.`);
    }
    expect(await t.db.sessionNote.count({ where: { fromRole: 'engineer' } })).toBe(0);

    // The engineer answers by writing in the same DM (or with /reply).
    expect(await dm(fake.user(eng, 'Eng'), 'Up 1 dB, listen now')).toContain(`Sent to Ana (${b.reference}).`);
    await settle();
    expect(fake.dmsTo(ana.id).map((s) => fake.textOf(s))).toContain(`📝 From the engineer (${b.reference}): Up 1 dB, listen now`);
    expect(
      fake
        .dmsTo(bob.id)
        .map((s) => fake.textOf(s))
        .join('\n'),
    ).not.toContain('From the engineer');
    // Nothing went to a server channel.
    expect(fake.sent.filter((s) => s.kind === 'channel-message')).toEqual([]);
  });

  const setup = (user: FakeUser, guildId: string, role: string, permissions = MANAGE_GUILD) =>
    send(
      fake.slash('setup', user, {
        guildId,
        permissions,
        options: [{ name: 'engineer_role', type: 8, value: role }],
        resolved: {
          roles: {
            [role]: { id: role, name: 'Engineer', color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: false, flags: 0 },
          },
        },
      }),
    );

  it('engineer commands are refused to everyone else; /setup only to server admins; each server keeps its own settings', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const admin = fake.user('500000000000000008', 'Admin');
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-1',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });

    // No engineer role anywhere yet: refused, and nothing changes.
    let a = await send(
      fake.slash('booking', ana, { guildId: GUILD, options: [{ name: 'confirm', type: 1, options: [{ name: 'reference', type: 3, value: b.reference }] }] }),
    );
    expect(said(a)).toContain("/booking is for the studio's engineers.");
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('requested');
    a = await send(fake.slash('queue', ana, { options: [] })); // in a DM, not in DISCORD_ENGINEER_IDS
    expect(said(a)).toContain("/queue is for the studio's engineers.");

    // /setup by a member without Manage Server is refused.
    a = await setup(ana, GUILD, ENGINEER_ROLE, '0');
    expect(said(a)).toContain('Only this server’s admins (Manage Server) can change its studio settings.');
    expect(await t.db.guildSettings.count()).toBe(0);

    // The studio's server makes ENGINEER_ROLE its engineer role; in another server that role id means nothing.
    await setup(admin, GUILD, ENGINEER_ROLE);
    a = await send(fake.slash('queue', ana, { guildId: OTHER_GUILD, roles: [ENGINEER_ROLE], options: [] }));
    expect(said(a)).toContain("/queue is for the studio's engineers.");
    a = await send(fake.slash('queue', ana, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [] }));
    expect(said(a)).toContain(`1. ${b.reference} · Mastering · Unattended · Ana · requested, waiting for your confirmation · due`);
    expect((await t.db.guildSettings.findUniqueOrThrow({ where: { guildId: GUILD } })).engineerRoleId).toBe(ENGINEER_ROLE);
  }, 90_000);

  it('the owner adds an engineer with /engineer add: she has the desk from then on, sees her own queue, and a role engineer cannot add anyone', async () => {
    const boss = fake.user('500000000000000020', 'Boss');
    const ana = fake.user('500000000000000021', 'Ana');
    const roleEngineer = fake.user('500000000000000022', 'Role');
    await studio.engineers.add('Boss', `discord:${boss.id}`);
    await studio.engineers.setOwner('Boss', true);
    const add = (who: FakeUser, id: string, name: string) =>
      send(
        fake.slash('engineer', who, {
          guildId: GUILD,
          options: [
            {
              name: 'add',
              type: 1,
              options: [
                { name: 'identity', type: 3, value: `discord:${id}` },
                { name: 'name', type: 3, value: name },
              ],
            },
          ],
        }),
      );
    // Before: Ana is nobody to the studio.
    expect(said(await send(fake.slash('queue', ana, { options: [] })))).toContain("/queue is for the studio's engineers.");
    // An engineer by the studio server's role has the desk, but is not an owner: adding is refused.
    await setup(fake.user('500000000000000008', 'Admin'), GUILD, ENGINEER_ROLE);
    const refused = await send(
      fake.slash('engineer', roleEngineer, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [
          {
            name: 'add',
            type: 1,
            options: [
              { name: 'identity', type: 3, value: `discord:${roleEngineer.id}` },
              { name: 'name', type: 3, value: 'Me' },
            ],
          },
        ],
      }),
    );
    expect(said(refused)).toContain("Only the studio's owner can do that.");
    expect(said(await add(boss, ana.id, 'Ana'))).toContain('Added Ana (discord:500000000000000021)');
    // Ana, in a DM: the engineer's queue, her own.
    const queue = said(await send(fake.slash('queue', ana, { options: [] })));
    expect(queue).toContain("Showing Ana's bookings");
    expect(queue).not.toContain("is for the studio's engineers");
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { action: 'engineer add', userId: boss.id } })).toMatchObject({ outcome: 'done' });
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { action: 'engineer add', userId: roleEngineer.id } })).toMatchObject({ outcome: 'refused' });
  }, 90_000);

  it("a community server's admin cannot make anyone the studio's engineer (the observed escalation)", async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const mallory = fake.user('500000000000000066', 'Mallory');
    const theirRole = '800000000000000066';
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-esc',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });

    // The admin of a community server the bot is in names their own role the engineer role.
    let a = await setup(mallory, OTHER_GUILD, theirRole);
    expect(said(a)).toContain("Engineer access belongs to the studio: it is given in the studio's own server");
    expect(await t.db.guildSettings.count({ where: { engineerRoleId: theirRole } })).toBe(0);
    // Even a row left by an older version that stored such a role grants nothing.
    await t.db.guildSettings.upsert({
      where: { guildId: OTHER_GUILD },
      create: { guildId: OTHER_GUILD, engineerRoleId: theirRole },
      update: { engineerRoleId: theirRole },
    });

    const as = (name: string, options: unknown[]) =>
      send(fake.slash(name, mallory, { guildId: OTHER_GUILD, roles: [theirRole], permissions: MANAGE_GUILD, options }));
    const attempts = [
      await as('client', [{ name: 'lookup', type: 1, options: [{ name: 'query', type: 3, value: 'Ana' }] }]),
      await as('queue', []),
      await as('booking', [
        {
          name: 'decline',
          type: 1,
          options: [
            { name: 'reference', type: 3, value: b.reference },
            { name: 'reason', type: 3, value: 'spam' },
          ],
        },
      ]),
      // Nor a way into the studio dashboard.
      await as('dashboard', []),
    ];
    expect(await t.db.dashboardPass.count()).toBe(0);
    for (const [k, answer] of attempts.entries()) {
      expect(said(answer), `attempt ${k}`).toMatch(/is for the studio's engineers\.$/);
      expect(said(answer)).not.toContain(b.reference);
      expect(said(answer)).not.toContain('Ana');
    }
    // No side effect: the booking stands and the artist was told nothing.
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('requested');
    await settle();
    expect(fake.sent.filter((s) => s.kind === 'dm')).toEqual([]);
    // /setup in a community server still sets what is that server's own.
    a = await send(fake.slash('setup', mallory, { guildId: OTHER_GUILD, permissions: MANAGE_GUILD, options: [{ name: 'language', type: 3, value: 'en' }] }));
    expect(said(a)).toContain('Engineer commands: only the studio');
  }, 90_000);

  it('engineer actions are kept — who, what, which booking, when, how it ended — and listed with the booking', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const eng = fake.user('500000000000000009', 'Eng');
    await setup(eng, GUILD, ENGINEER_ROLE);
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-audit',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });
    const asEngineer = (name: string, options: unknown[]) => send(fake.slash(name, eng, { guildId: GUILD, roles: [ENGINEER_ROLE], options }));
    await asEngineer('booking', [
      {
        name: 'decline',
        type: 1,
        options: [
          { name: 'reference', type: 3, value: b.reference },
          { name: 'reason', type: 3, value: 'double booked' },
        ],
      },
    ]);
    // Confirming what was declined is refused by the booking's rules: kept as refused.
    await asEngineer('booking', [{ name: 'confirm', type: 1, options: [{ name: 'reference', type: 3, value: b.reference }] }]);
    // The test clock stands still, so the two share a time: compare them in action order.
    const rows = (await t.db.engineerAction.findMany()).sort((x, y) => y.action.localeCompare(x.action));
    expect(rows.map((r) => [r.platform, r.userId, r.action, r.reference, r.outcome])).toEqual([
      ['discord', eng.id, 'booking decline', b.reference, 'done'],
      ['discord', eng.id, 'booking confirm', b.reference, 'refused'],
    ]);
    expect(rows[0]!.detail).toBe('reason=double booked');
    const lookup = await asEngineer('client', [{ name: 'lookup', type: 1, options: [{ name: 'query', type: 3, value: 'Ana' }] }]);
    expect(said(lookup)).toContain(`discord:${eng.id} · /booking decline · done`);
    expect(said(lookup)).toContain(`discord:${eng.id} · /booking confirm · refused`);
    // The lookup itself is an engineer action too (it reads other people's data).
    expect(await t.db.engineerAction.count({ where: { action: 'client lookup' } })).toBe(1);
    // The studio's engineer gets a dashboard sign-in link, for their eyes only.
    const link = await asEngineer('dashboard', []);
    expect(said(link)).toMatch(/good once, for 15 minutes.*\/studio\/login\/[\w-]{43}/);
    expect(await t.db.dashboardPass.findFirstOrThrow()).toMatchObject({ kind: 'login', actor: `engineer:discord:${eng.id}` });
  }, 90_000);

  it('every command is deferred before it posts, fetches or writes: a slow channel post still answers in time', async () => {
    const admin = fake.user('500000000000000008', 'Admin');
    const channel = '900000000000000003';
    await setup(admin, GUILD, ENGINEER_ROLE);
    await send(
      fake.slash('setup', admin, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [{ name: 'announce_channel', type: 7, value: channel }],
        resolved: { channels: { [channel]: { id: channel, type: 0, name: 'news', permissions: '0' } } },
      }),
    );
    let open!: () => void;
    fake.channelPostGate = new Promise<void>((r) => (open = r));
    const ask = fake.slash('announce', admin, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [] });
    DiscordFake.feed(bot.client, ask);
    // Discord is slow to take the post; by the time it arrives the interaction was already deferred.
    await fake.waitFor(() => fake.heldChannelPosts > 0);
    const first = fake.answersTo(ask)[0];
    expect(first?.callbackType).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(first?.body.flags).toBe(EPHEMERAL);
    open();
    fake.channelPostGate = null;
    const done = await fake.waitFor((s) => fake.answersTo(ask).includes(s) && s.kind === 'edit-original');
    expect(fake.textOf(done)).toContain(`Posted the open times in <#${channel}>.`);
  }, 90_000);

  it('/announce posts open times, and nothing else, to the announcement channel chosen with /setup', async () => {
    const admin = fake.user('500000000000000008', 'Admin');
    const ana = fake.user('500000000000000001', 'Ana');
    const channel = '900000000000000001';
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-an',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });
    let a = await send(fake.slash('announce', admin, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [] }));
    expect(said(a)).toContain("/announce is for the studio's engineers."); // no engineer role set up yet
    await send(
      fake.slash('setup', admin, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [{ name: 'engineer_role', type: 8, value: ENGINEER_ROLE }],
        resolved: {
          roles: {
            [ENGINEER_ROLE]: {
              id: ENGINEER_ROLE,
              name: 'Engineer',
              color: 0,
              hoist: false,
              position: 1,
              permissions: '0',
              managed: false,
              mentionable: false,
              flags: 0,
            },
          },
        },
      }),
    );
    a = await send(fake.slash('announce', admin, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [] }));
    expect(said(a)).toContain('This server has no announcement channel yet');
    await send(
      fake.slash('setup', admin, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [{ name: 'announce_channel', type: 7, value: channel }],
        resolved: { channels: { [channel]: { id: channel, type: 0, name: 'studio-news', permissions: '0' } } },
      }),
    );
    a = await send(fake.slash('announce', admin, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [{ name: 'days', type: 4, value: 3 }] }));
    expect(said(a)).toContain(`Posted the open times in <#${channel}>.`);
    const post = fake.sent.find((x) => x.kind === 'channel-message')!;
    expect(post.channelId).toBe(channel);
    expect(fake.textOf(post)).toMatch(/^Open sessions at .* in the next 3 days \(Europe\/London\):\n• Mixing: .*\n• Mastering: \w{3} \d+ \w{3} \d\d:\d\d/);
    expect(fake.textOf(post)).not.toMatch(/MD-|Ana|£/);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  }, 90_000);

  it("everyone reads their own language: the artist's dialog and the studio's messages to her, the engineer's answers, the server's announcements", async () => {
    const lucia = fake.user('500000000000000005', 'Lucía', 'es-ES');
    const eng = fake.user('500000000000000009', 'Eng', 'en-US');
    const channel = '900000000000000001';
    const role = { id: ENGINEER_ROLE, name: 'Engineer', color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: false, flags: 0 };
    await send(
      fake.slash('setup', eng, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [{ name: 'engineer_role', type: 8, value: ENGINEER_ROLE }],
        resolved: { roles: { [ENGINEER_ROLE]: role } },
      }),
    );
    let a = await send(fake.slash('book', lucia, { guildId: GUILD, options: [{ name: 'service', type: 3, value: 'master' }] }));
    expect(said(a)).toContain('Máster. ¿Cómo quieres la sesión?');
    a = await press(a, lucia, 'Virtual');
    a = await press(a, lucia, /^jue /);
    a = await press(a, lucia, /\d\d:\d\d/);
    a = await press(a, lucia, 'Confirmar');
    expect(said(a)).toContain('¡Reservado! Tu referencia es');
    const ref = /MD-[2-9A-Z]{6}/.exec(said(a))![0];
    // The engineer reads English; what the studio tells her about it is in Spanish.
    a = await send(
      fake.slash('booking', eng, {
        guildId: GUILD,
        roles: [ENGINEER_ROLE],
        options: [{ name: 'confirm', type: 1, options: [{ name: 'reference', type: 3, value: ref }] }],
      }),
    );
    expect(said(a)).toContain(`Confirmed ${ref}; Lucía has been told.`);
    await settle();
    expect(fake.dmsTo(lucia.id).map((m) => fake.textOf(m))).toEqual([
      expect.stringMatching(new RegExp(`^Buenas noticias: el estudio ha confirmado ${ref} \\(Máster, jue `)),
    ]);
    // The server's announcements are in the server's language, whoever posts them.
    a = await send(
      fake.slash('setup', eng, {
        guildId: GUILD,
        permissions: MANAGE_GUILD,
        options: [
          { name: 'announce_channel', type: 7, value: channel },
          { name: 'language', type: 3, value: 'es' },
        ],
        resolved: { channels: { [channel]: { id: channel, type: 0, name: 'noticias', permissions: '0' } } },
      }),
    );
    expect(said(a)).toContain('• Language: Español');
    a = await send(fake.slash('announce', eng, { guildId: GUILD, roles: [ENGINEER_ROLE], options: [{ name: 'days', type: 4, value: 3 }] }));
    expect(said(a)).toContain(`Posted the open times in <#${channel}>.`);
    const post = fake.sent.find((x) => x.kind === 'channel-message')!;
    expect(fake.textOf(post)).toMatch(/^Sesiones libres en .* en los próximos 3 días \(Europe\/London\):\n• Mezcla: .*\n• Máster: \w{3} \d+ \w{3}/);
  }, 90_000);

  it('closed DMs lose nothing: the delivery waits in the outbox and /status shows where the files are', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    fake.closedDms.add(ana.id);
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-2',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });
    await studio.bookings.transition(b.id, 'confirmed', 'test');
    const { writeFileSync } = await import('node:fs');
    const render = path.join(dir, 'full.wav');
    writeFileSync(render, wav);
    await studio.pipeline.deliverFiles(b.id, [{ name: 'Song (full).wav', path: render, kind: 'full' }], 'test');
    expect((await studio.outbox.dispatch()).retried).toBe(1);
    expect(fake.dmsTo(ana.id)).toEqual([]);
    const row = await t.db.notification.findFirstOrThrow({ where: { key: { startsWith: 'delivery:' } } });
    expect(row.status).toBe('pending');
    expect(row.lastError).toContain('Cannot send messages to this user');

    const a = await send(fake.slash('status', ana, { guildId: GUILD, options: [] }));
    expect(said(a)).toMatch(/Latest delivery: version 1\n {4}Song \(full\)\.wav: https:\/\/studio\.example\/d\//);
    expect(Number(a[0]!.body.flags) & EPHEMERAL).toBe(EPHEMERAL);
  }, 90_000);

  it('/upload with two bookings taking files: the reference option suggests her own, picks one; without it she is asked with buttons', async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const ben = fake.user('500000000000000002', 'Ben');
    const refs: string[] = [];
    for (const [who, n] of [
      [ana, 1],
      [ana, 2],
      [ben, 3],
    ] as const) {
      const { client } = await studio.clients.identify({ platform: 'discord', externalId: who.id, displayName: who.username });
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: `dc-two-${n}`,
        origin: { platform: 'discord', chatId: who.id },
        actor: 'test',
      });
      refs.push(b.reference);
    }
    const [first, second, bens] = refs as [string, string, string];
    // Suggestions: her bookings taking files, nobody else's.
    let a = await send(fake.autocomplete('upload', ana, { name: 'reference', value: '' }));
    expect(a[0]!.callbackType).toBe(8);
    expect((a[0]!.body.choices as { name: string; value: string }[]).map((c) => c.value).sort()).toEqual([first, second].sort());
    expect(JSON.stringify(a[0]!.body)).not.toContain(bens);
    a = await send(fake.autocomplete('upload', ana, { name: 'reference', value: second.slice(0, 5).toLowerCase() + second.slice(5) }));
    expect((a[0]!.body.choices as { value: string }[]).map((c) => c.value)).toEqual([second]);

    // Named: it goes there. The option was ignored before: the file was refused with console syntax.
    const one = fake.attachment('Night Drive.wav', wav);
    a = await send(
      fake.slash('upload', ana, {
        options: [
          { name: 'file', type: 11, value: one.id },
          { name: 'reference', type: 3, value: second },
        ],
        resolved: { attachments: { [one.id]: one } },
      }),
    );
    expect(said(a)).toContain(`Received Night Drive.wav for ${second}`);

    // Not named: kept, and asked with buttons.
    const two = fake.attachment('B Side.wav', wav);
    a = await send(fake.slash('upload', ana, { options: [{ name: 'file', type: 11, value: two.id }], resolved: { attachments: { [two.id]: two } } }));
    expect(said(a)).toContain('B Side.wav: you have 2 bookings taking files. Which one is it for?');
    expect(said(a)).not.toMatch(/PATH|\/upload/);
    const pick = buttonsOf(a).find((b) => b.label?.startsWith(first));
    a = await send(fake.button(pick!.custom_id!, ana)); // in her DMs
    expect(said(a)).toContain(`Received B Side.wav for ${first}`);
  }, 60_000);

  it("an attachment over the interaction's limit gets the private upload link; in DMs answers are ordinary messages", async () => {
    const ana = fake.user('500000000000000001', 'Ana');
    const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
    await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'dc-3',
      origin: { platform: 'discord', chatId: ana.id },
      actor: 'test',
    });
    const big = { ...fake.attachment('Huge.wav', Buffer.alloc(16)), size: 80 * 2 ** 20 };
    const a = await send(fake.slash('upload', ana, { options: [{ name: 'file', type: 11, value: big.id }], resolved: { attachments: { [big.id]: big } } }));
    expect(said(a)).toContain('Huge.wav is 80 MB, more than Discord passes to bots here; use your private upload link instead:');
    expect(said(a)).toMatch(/Your private upload link for MD-[2-9A-Z]{6}.*\nhttps:\/\/studio\.example\/u\//);
    expect(a.every((s) => (Number(s.body.flags ?? 0) & EPHEMERAL) === 0)).toBe(true);
    expect(await t.db.upload.count()).toBe(0);
  }, 90_000);
});

describe('alerts for the engineer on Discord', () => {
  it('DISCORD_ENGINEER_IDS: each engineer gets the alerts by DM, once, besides ENGINEER_CHAT', async () => {
    const fake = await new DiscordFake().start();
    const t = await createTestDatabase('sqlite');
    const [first, second] = ['500000000000000009', '500000000000000010'];
    const studio = await testStudio(t.db, { DISCORD_ENGINEER_IDS: `${first},${second}`, ENGINEER_CHAT: `discord:${first}` });
    const bot = botFor(studio, fake);
    try {
      await studio.alerts.alert('notes-1', () => 'Revision 3 of MD-ABCDEF: "like Daft Punk" — waiting for you.');
      await studio.alerts.alert('notes-1', () => 'Revision 3 of MD-ABCDEF: "like Daft Punk" — waiting for you.'); // the same alert again
      await studio.outbox.dispatch();
      for (const engineer of [first, second])
        expect(fake.dmsTo(engineer).map((s) => fake.textOf(s))).toEqual(['🔔 Revision 3 of MD-ABCDEF: "like Daft Punk" — waiting for you.']);
      expect(await t.db.notification.count({ where: { platform: 'console' } })).toBe(0);
    } finally {
      await bot.stop();
      await fake.stop();
      await t.drop();
    }
  }, 90_000);

  it('a booking request reaches the engineer with Confirm and Decline buttons that run the desk command, for engineers only, audited', async () => {
    const fake = await new DiscordFake().start();
    const t = await createTestDatabase('sqlite');
    const engineer = fake.user('500000000000000009', 'Eng');
    const stranger = fake.user('500000000000000011', 'Mallory');
    const studio = await testStudio(t.db, { DISCORD_ENGINEER_IDS: engineer.id, BOOKING_AUTO_CONFIRM: 'false', ENGINEER_ALERTS: 'requests' });
    const handled = new Map<string, () => void>();
    const done = new Set<string>();
    const bot = botFor(studio, fake, { onHandled: (id) => (done.add(id), handled.get(id)?.()) });
    const send = async (payload: { id: string; token: string }) => {
      DiscordFake.feed(bot.client, payload);
      await (done.has(payload.id) ? Promise.resolve() : new Promise<void>((r) => handled.set(payload.id, r)));
      return fake.answersTo(payload);
    };
    try {
      const { client } = await studio.clients.identify({ platform: 'discord', externalId: '500000000000000001', displayName: 'Ana' });
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: 'dc-request',
        origin: { platform: 'discord', chatId: '500000000000000001' },
        actor: 'test',
      });
      await studio.outbox.dispatch();
      const [dm] = fake.dmsTo(engineer.id);
      const alert = fake.textOf(dm!);
      expect(alert).toBe(
        `🔔 New booking request ${b.reference} from Ana: Mastering, unattended, £42. It waits for you: /booking confirm reference:${b.reference} confirms it, /booking decline reference:${b.reference} declines it.`,
      );
      const buttons = (dm!.body.components as { components: { label: string; custom_id: string }[] }[]).flatMap((r) => r.components);
      expect(buttons.map((x) => x.label)).toEqual(['Confirm', 'Decline']);

      // Anyone else pressing it is refused, and nothing changes.
      let a = await send(fake.button(buttons[0]!.custom_id, stranger, { content: alert }));
      expect(fake.textOf(a[0]!)).toBe("/booking is for the studio's engineers.");
      expect((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('requested');

      a = await send(fake.button(buttons[0]!.custom_id, engineer, { content: alert }));
      expect((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('awaiting-files');
      const edited = a.find((x) => x.kind === 'edit-original')!;
      expect(fake.textOf(edited)).toBe(`${alert}\n\nConfirmed ${b.reference}; Ana has been told.`);
      expect(edited.body.components).toEqual([]);
      expect(await t.db.engineerAction.findMany({ select: { userId: true, action: true, reference: true, detail: true, outcome: true } })).toEqual([
        { userId: engineer.id, action: 'booking confirm', reference: b.reference, detail: 'button', outcome: 'done' },
      ]);
    } finally {
      await bot.stop();
      await fake.stop();
      await t.drop();
    }
  }, 90_000);

  it('ENGINEER_CHAT=discord:<user id> sends the alert to the engineer by DM', async () => {
    const fake = await new DiscordFake().start();
    const t = await createTestDatabase('sqlite');
    const engineer = '500000000000000009';
    const studio = await testStudio(t.db, { ENGINEER_CHAT: `discord:${engineer}` });
    const bot = botFor(studio, fake);
    try {
      await studio.alerts.alert('test-1', () => 'Master v1 of MD-ABCDEF failed after 3 tries: disk full');
      // Raised while answering a Spanish-speaking artist: still in the studio's language.
      await inLanguage('es', () => studio.alerts.alert('test-2', () => text('revision-alert-free')));
      await studio.outbox.dispatch();
      const dm = fake.dmsTo(engineer);
      expect(dm.map((s) => fake.textOf(s))).toEqual(['🔔 Master v1 of MD-ABCDEF failed after 3 tries: disk full', '🔔 free']);
    } finally {
      await bot.stop();
      await fake.stop();
      await t.drop();
    }
  }, 90_000);
});

describe('typed answers in Discord', () => {
  it('a question that needs words offers a text box; its answer goes to the dialog', async () => {
    const fake = await new DiscordFake().start();
    const t = await createTestDatabase('sqlite');
    const queue = new InProcessQueue();
    const studio = await testStudio(t.db, {}, undefined, undefined, { queue });
    const bot = botFor(studio, fake);
    try {
      const ana = fake.user('500000000000000001', 'Ana');
      const { client } = await studio.clients.identify({ platform: 'discord', externalId: ana.id, displayName: 'Ana' });
      // Auto-confirmed (the default): it waits for files.
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'mix',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: 'dc-m',
        origin: { platform: 'discord', chatId: ana.id },
        actor: 'test',
      });
      const { writeFileSync } = await import('node:fs');
      const render = path.join(dir, 'mix-v1.wav');
      writeFileSync(render, wav);
      await studio.pipeline.deliverFiles(b.id, [{ name: 'Song (full).wav', path: render, kind: 'full' }], 'test');

      const ask = fake.slash('revise', ana, { guildId: GUILD, options: [] });
      DiscordFake.feed(bot.client, ask);
      // Every command is deferred first; the prompt fills the deferred reply in.
      const prompt = await fake.waitFor((s) => fake.answersTo(ask).includes(s) && s.kind === 'edit-original');
      expect(fake.textOf(prompt)).toContain('Write your notes for the engineer');
      const typeButton = ((prompt.body.components as { components: { label?: string; custom_id?: string }[] }[]) ?? [])
        .flatMap((r) => r.components)
        .find((c) => c.label === '✍️ Type an answer')!;
      const press = fake.button(typeButton.custom_id!, ana, { guildId: GUILD });
      DiscordFake.feed(bot.client, press);
      const modal = await fake.waitFor((s) => fake.answersTo(press).includes(s));
      expect(modal.callbackType).toBe(9); // MODAL
      const submit = fake.modalSubmit(typeButton.custom_id!, { answer: 'Vocals 1 dB up in the chorus, less reverb on the snare' }, ana, { guildId: GUILD });
      DiscordFake.feed(bot.client, submit);
      const done = await fake.waitFor((s) => fake.answersTo(submit).includes(s));
      expect(fake.textOf(done)).toContain(`Revision 1 of ${b.reference} noted (free; 1 free revision left after it). Your notes need the engineer`);
      expect(Number(done.body.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect((await t.db.revision.findFirstOrThrow()).notes).toBe('Vocals 1 dB up in the chorus, less reverb on the snare');
    } finally {
      await bot.stop();
      await queue.close();
      await fake.stop();
      await t.drop();
    }
  }, 90_000);
});

describe('npm run discord:deploy-commands', () => {
  const run = async (env: Record<string, string>, args: string[] = []) => {
    const r = await runScript(['scripts/discord-deploy-commands.ts', ...args], { DATA_DIR: dir, ...env });
    return { code: r.code, out: r.out + r.err };
  };

  it('registers every command in one server, and says what is missing otherwise', async () => {
    const fake = await new DiscordFake().start();
    try {
      const r = await run({ DISCORD_BOT_TOKEN: 'x'.repeat(40), DISCORD_APPLICATION_ID: fake.appId, DISCORD_GUILD_ID: GUILD, DISCORD_API_ROOT: fake.api });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`registered ${artistNames.length + engineerNames.length} commands in server ${GUILD}`);
      const put = fake.sent.find((s) => s.kind === 'commands' && s.path.includes('/guilds/'))!;
      expect(put.path).toBe(`/applications/${fake.appId}/guilds/${GUILD}/commands`);
      const names = (put.body.commands as { name: string }[]).map((c) => c.name).sort();
      expect(names).toEqual([...artistNames, ...engineerNames].sort());
      const missing = await run({});
      expect(missing.code).toBe(2);
      expect(missing.out).toContain('DISCORD_BOT_TOKEN: required to register the slash commands');
    } finally {
      await fake.stop();
    }
  }, 90_000);

  type Localized = Record<string, string>;
  type Option = {
    name: string;
    description: string;
    description_localizations?: Localized;
    required?: boolean;
    options?: Option[];
    choices?: { name: string; name_localizations?: Localized; value: unknown }[];
  };
  type Body = Option & { default_member_permissions?: string; contexts?: number[]; integration_types?: number[]; dm_permission?: unknown };
  // Expected from the registries, so a new command is its module and its texts, not an edit here.
  const engineerNames = [...deskCommands.map((c) => c.name), ...discordOnly.engineer].sort();

  /** Discord's documented limits for chat-input commands. */
  function checkLimits(c: Body): void {
    const chars = (o: Option): number =>
      o.name.length +
      o.description.length +
      (o.choices ?? []).reduce((n, ch) => n + ch.name.length + String(ch.value).length, 0) +
      (o.options ?? []).reduce((n, x) => n + chars(x), 0);
    const walk = (o: Option, where: string) => {
      expect(o.name, where).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(o.name, where).toBe(o.name.toLowerCase());
      expect(o.description.length, `${where} description`).toBeGreaterThanOrEqual(1);
      expect(o.description.length, `${where} description`).toBeLessThanOrEqual(100);
      // Spanish for Spain and Latin America, within the same limits.
      for (const [locale, text] of [
        ...Object.entries(o.description_localizations ?? {}),
        ...(o.choices ?? []).flatMap((ch) => Object.entries(ch.name_localizations ?? {})),
      ]) {
        expect(['es-ES', 'es-419'], `${where} ${locale}`).toContain(locale);
        expect(text.length, `${where} ${locale}`).toBeGreaterThanOrEqual(1);
        expect(text.length, `${where} ${locale}`).toBeLessThanOrEqual(100);
      }
      expect((o.options ?? []).length, `${where} options`).toBeLessThanOrEqual(25);
      expect((o.choices ?? []).length, `${where} choices`).toBeLessThanOrEqual(25);
      const required = (o.options ?? []).map((x) => x.required === true);
      expect(required.indexOf(false) === -1 || required.lastIndexOf(true) < required.indexOf(false), `${where}: required options come first`).toBe(true);
      for (const x of o.options ?? []) walk(x, `${where} ${x.name}`);
    };
    walk(c, `/${c.name}`);
    expect(c.description_localizations?.['es-ES'], `/${c.name} in Spanish`).toBeDefined();
    expect(c.description_localizations?.['es-419'], `/${c.name} in Spanish`).toBe(c.description_localizations?.['es-ES']);
    expect(chars(c), `/${c.name} characters`).toBeLessThanOrEqual(4000);
    expect(c.dm_permission, `/${c.name} uses contexts, not dm_permission`).toBeUndefined();
    expect(c.integration_types).toEqual([0]);
  }

  it("--print shows the exact bodies without calling Discord; they keep to Discord's limits and hide the engineer's commands in the studio server", async () => {
    const r = await run({ DISCORD_STUDIO_GUILD_ID: GUILD }, ['--print']);
    expect(r.code, r.out).toBe(0);
    const reg = JSON.parse(r.out) as { global: Body[]; guilds: { guildId: string; commands: Body[] }[] };
    expect(reg.global.length).toBeLessThanOrEqual(100);
    for (const c of [...reg.global, ...reg.guilds.flatMap((g) => g.commands)]) checkLimits(c);
    // Artists' commands are global, offered in servers and in DMs, visible to everyone.
    expect(reg.global.map((c) => c.name).sort()).toEqual(artistNames);
    for (const c of reg.global.filter((x) => x.name !== 'setup')) {
      expect(c.contexts, c.name).toEqual([0, 1]);
      expect(c.default_member_permissions, c.name).toBeUndefined();
    }
    expect(reg.global.find((c) => c.name === 'setup')).toMatchObject({ contexts: [0], default_member_permissions: String(1 << 5) });
    // The engineer's commands: only in the studio's server, hidden from everyone the studio did not grant.
    expect(reg.guilds).toHaveLength(1);
    expect(reg.guilds[0]!.guildId).toBe(GUILD);
    expect(reg.guilds[0]!.commands.map((c) => c.name).sort()).toEqual(engineerNames);
    for (const c of reg.guilds[0]!.commands) expect(c, c.name).toMatchObject({ default_member_permissions: '0', contexts: [0] });
    // Without a studio server they are global, still hidden.
    const flat = JSON.parse((await run({}, ['--print'])).out) as { global: Body[]; guilds: unknown[] };
    expect(flat.guilds).toEqual([]);
    expect(flat.global.filter((c) => engineerNames.includes(c.name)).every((c) => c.default_member_permissions === '0')).toBe(true);
  }, 90_000);

  it("deploys the artists' commands globally and the engineer's in the studio server", async () => {
    const fake = await new DiscordFake().start();
    try {
      const r = await run({
        DISCORD_BOT_TOKEN: 'x'.repeat(40),
        DISCORD_APPLICATION_ID: fake.appId,
        DISCORD_STUDIO_GUILD_ID: GUILD,
        DISCORD_API_ROOT: fake.api,
      });
      expect(r.code, r.out).toBe(0);
      const puts = fake.sent.filter((s) => s.kind === 'commands');
      expect(puts.map((p) => p.path)).toEqual([`/applications/${fake.appId}/commands`, `/applications/${fake.appId}/guilds/${GUILD}/commands`]);
      expect((puts[1]!.body.commands as Body[]).map((c) => c.name).sort()).toEqual(engineerNames);
      expect(r.out).toContain(`registered ${engineerNames.length} commands in server ${GUILD}`);
    } finally {
      await fake.stop();
    }
  }, 90_000);
});
