// The mixdown job through the core: stems sent in chat are tagged (and re-tagged with /stems),
// the engineer's mixdown renders full mix, instrumental and a cappella — mastered for mix +
// master — and the artist receives them as a version, once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import { analyze, decodeAudio, encodeAudio } from '../../engine/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { tasksRun } from '../../engine/thread-pool.js';
import { threadsStarted } from '../../engine/engine-thread.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders } from '../helpers/db.js';
import type { Provider } from '../../db/schemas.js';
import { makeTrack, residualDb } from '../helpers/music.js';
import { readStream } from '../helpers/streams.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-mixjob-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A studio working its jobs, whose messages (to the artist's test chat and the console engineer)
 * are collected, and an artist who has booked `service` unattended.
 */
async function studioWithBooking(provider: Provider, service: string, config: Record<string, string> = {}) {
  const t = await createTestDatabase(provider);
  const queue = new InProcessQueue();
  const studio = await testStudio(t.db, config, undefined, undefined, { queue, pipeline: { attempts: 2, backoffMs: 10 } });
  const sent: (Reply & { chat: string })[] = [];
  for (const platform of ['test', 'console']) studio.outbox.register(platform, { send: async (chat, r) => void sent.push({ ...r, chat }) });
  await studio.jobs.work();
  const chat = new TestChat(new Conversation(studio, log), TestChat.sender('mo'));
  await chat.send(`/book ${service}`);
  await chat.press('Unattended');
  await chat.press('Confirm');
  const ref = /MD-[2-9A-Z]{6}/.exec(chat.text)![0];
  return { t, queue, studio, sent, chat, ref };
}

describe.each(testProviders())('mixdown job on %s', (provider) => {
  it('stems in chat → /stems → the engineer mixes down → mastered full, instrumental and a cappella arrive once', async () => {
    const { t, queue, studio, sent, chat, ref } = await studioWithBooking(provider, 'mix-master');
    try {
      const stems: [string, number][] = [
        ['Drums.wav', 0.5],
        ['Bass DI.wav', 0.3],
        ['Lead Vox.wav', 0.25],
        ['Harmony.wav', 0.15],
      ];
      for (const [name, level] of stems) {
        const f = path.join(dir, `${provider}-${name}`);
        writeFileSync(f, await encodeAudio(makeTrack(6, 48000, { level, invertRight: name.startsWith('H') }), 'wav24'));
        await chat.event({ kind: 'file', file: { name, sizeBytes: 0, ref: f, id: `${provider}-${name}` } });
      }
      await chat.send('/stems');
      expect(chat.text).toContain(
        `Stems of ${ref}:\n1. Drums.wav — drums\n2. Bass DI.wav — bass\n3. Lead Vox.wav — lead vocal\n4. Harmony.wav — backing vocal`,
      );
      await chat.send('/stems 2 keys');
      expect(chat.text).toBe('Bass DI.wav is now keys.');
      await chat.send('/stems 9 bass');
      expect(chat.text).toBe('Pick a stem number from 1 to 4 (/stems lists them).');
      // The engineer sees and changes the same list.
      expect(await studio.desk.stems(ref)).toContain(`Stems of ${ref} (mo):\n1. Drums.wav — drums\n2. Bass DI.wav — keys`);
      expect(await studio.desk.stems(ref, 2, 'bass')).toBe(`${ref}: Bass DI.wav is now bass.`);
      await chat.send('/stems 2 tuba');
      expect(chat.text).toContain('"tuba" is not a stem role; use one of lead-vocal, backing-vocal, drums, bass, keys, guitars, fx, other.');

      expect(await studio.desk.mixdown(ref, 'auto', 'engineer:test')).toBe(
        `Mixing down ${ref} as version 1 (auto balance, then mastered); it goes to the artist when ready.`,
      );
      const [mixdowns, masters] = [tasksRun('mixdown'), threadsStarted('master-thread')];
      await queue.idle();
      // The mixdown and its master ran on threads of their own, not on the thread answering chats.
      expect([tasksRun('mixdown'), threadsStarted('master-thread')]).toEqual([mixdowns + 1, masters + 1]);
      await studio.outbox.dispatch();
      expect(sent).toHaveLength(1);
      const m = sent[0]!;
      expect(m.text).toContain(`Your mixes (mastered) for ${ref} are ready — version 1: full mix, instrumental, a cappella.`);
      expect(m.text).toContain('From 4 stems, 6 s.');
      expect(m.files!.map((f) => f.name)).toEqual([
        `${ref} - full mix (master) v1.wav`,
        `${ref} - instrumental (master) v1.wav`,
        `${ref} - a cappella (master) v1.wav`,
      ]);
      const [full, inst, vox] = await Promise.all(m.files!.map(async (f) => decodeAudio(await readStream(await studio.store.get(f.storageKey!)), f.name)));
      expect(Math.abs(analyze(full!).loudness.integratedLufs + 14)).toBeLessThanOrEqual(0.3);
      // The instrumental and a cappella went through the full mix's chain: they add up to its master.
      expect(residualDb(full!, [inst!, vox!])).toBeLessThan(-50);
      const booking = await t.db.booking.findFirstOrThrow({ where: { reference: ref } });
      expect(booking.status).toBe('delivered');
      expect((await t.db.delivery.findFirstOrThrow()).status).toBe('ready');
      // Its loudness is kept, so the listening room plays it level with other versions.
      const view = await studio.room.view(await studio.bookings.withClient(booking.id));
      expect(view.versions[0]!.track!.lufs).toBeCloseTo(analyze(full!).loudness.integratedLufs, 0);
      // A master-only booking has no stems to mix.
      const { client } = await studio.clients.identify({ platform: 'test', externalId: 'mo', displayName: 'mo' });
      const master = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: `mx-${provider}`,
        origin: { platform: 'test', chatId: 'c' },
        actor: 'test',
      });
      await expect(studio.desk.mixdown(master.reference, 'auto', 'engineer:test')).rejects.toThrow(/is Mastering: there are no stems to mix down/);
    } finally {
      await queue.close();
      await t.drop();
    }
  }, 90_000);
});

it('a mixdown whose stems cannot be read fails after its tries: the version is marked failed, the artist told, the engineer alerted', async () => {
  const { t, queue, studio, sent, chat, ref } = await studioWithBooking('sqlite', 'mix', { ENGINEER_CHAT: 'console:engineer' });
  try {
    const f = path.join(dir, 'gone-Drums.wav');
    writeFileSync(f, await encodeAudio(makeTrack(2, 48000, { level: 0.4 }), 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'Drums.wav', sizeBytes: 0, ref: f, id: 'gone-drums' } });
    // The stored stem is lost (a storage fault): every try of the job fails.
    for (const u of await t.db.upload.findMany()) await studio.store.delete(u.storageKey);
    await studio.desk.mixdown(ref, 'flat', 'engineer:test');
    await queue.idle();
    await studio.outbox.dispatch();
    expect((await t.db.delivery.findFirstOrThrow()).status).toBe('failed');
    expect(sent.filter((m) => m.chat === 'chat-mo').map((m) => m.text)).toEqual([
      `Sorry — the mixes of ${ref} (version 1) could not be rendered. Your stems are safe; the engineer has been told.`,
    ]);
    expect(sent.filter((m) => m.chat === 'engineer').map((m) => m.text)).toEqual([
      expect.stringMatching(new RegExp(`^🔔 Mixdown v1 of ${ref} failed after 2 tries: `)),
    ]);
  } finally {
    await queue.close();
    await t.drop();
  }
}, 60_000);
