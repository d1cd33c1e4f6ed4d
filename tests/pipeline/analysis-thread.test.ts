// An upload is analysed on one of the engine's task threads (the service keeps answering meanwhile), within the
// length limit: a small file that decodes to hours is refused before decoding, through the same
// path chat and web uploads take.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasksRun } from '../../engine/thread-pool.js';
import { encodeAudio } from '../../engine/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { hasFfmpeg, run, skipNotice } from '../helpers/tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-athread-'));
if (!hasFfmpeg) skipNotice('ffmpeg');

describe('analysing uploads', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('happens on a task thread, not on the thread that answers chats', async () => {
    const studio = await testStudio(t.db);
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'th', displayName: 'Th' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'UTC',
      idempotencyKey: 'th-1',
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    const f = path.join(dir, 'mix.wav');
    writeFileSync(f, await encodeAudio(makeTrack(4, 48000), 'wav24'));
    const before = tasksRun('analyze');
    const out = await studio.uploads.accept({ client, bookingRef: b.reference, fileName: 'mix.wav', path: f });
    expect(tasksRun('analyze')).toBe(before + 1);
    expect(out.analysis!.format.durationSec).toBeCloseTo(4, 2);

    // Not audio: the thread's refusal reaches the artist as the same clear message.
    const text = path.join(dir, 'lyrics.wav');
    writeFileSync(text, 'not audio at all\n'.repeat(100));
    await expect(studio.uploads.accept({ client, bookingRef: b.reference, fileName: 'lyrics.wav', path: text })).rejects.toThrow(
      'lyrics.wav: not an audio file we can read (expected WAV, AIFF, FLAC or MP3). Nothing was stored; please send WAV, AIFF, FLAC or MP3.',
    );
  });

  it.skipIf(!hasFfmpeg)(
    'a 2-hour silent FLAC sent as a mix is refused from its header, storing nothing',
    async () => {
      const studio = await testStudio(t.db, { UPLOAD_MAX_MINUTES: '60' });
      const { client } = await studio.clients.identify({ platform: 'test', externalId: 'th2', displayName: 'Th2' });
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: 'th-2',
        origin: { platform: 'test', chatId: 'c' },
        actor: 'test',
      });
      const f = path.join(dir, 'long.flac');
      run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', '7200', '-c:a', 'flac', '-sample_fmt', 's16', f, '-y']);
      const rssBefore = process.resourceUsage().maxRSS;
      await expect(studio.uploads.accept({ client, bookingRef: b.reference, fileName: 'long.flac', path: f })).rejects.toThrow(
        /long\.flac: it is 2 h 0 min long; the studio takes files of up to 1 h 0 min/,
      );
      expect((process.resourceUsage().maxRSS - rssBefore) / 1024).toBeLessThan(300);
      expect(await t.db.upload.count({ where: { bookingId: b.id } })).toBe(0);
    },
    120_000,
  );
});
