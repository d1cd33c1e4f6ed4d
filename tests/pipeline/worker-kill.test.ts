// Two real `mixdesk worker` processes sharing PostgreSQL, Redis (BullMQ) and the file store; the
// one that picks up the master is killed with SIGKILL mid-job — or stopped with SIGTERM, as a
// deploy does, with no grace: it exits 0 and hands the job back. The other takes the job over, and
// the artist receives exactly one delivery.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../core/conversation/types.js';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { BullQueue } from '../../queue/bullmq.js';
import { LocalObjectStore } from '../../storage/local-store.js';
import { createTestDatabase, pgUrl } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl || !pgUrl) console.warn('Worker-kill pipeline test SKIPPED: it needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both).');

describe.runIf(redisUrl && pgUrl)('two mixdesk workers on Redis, one stopped mid-master', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-workers-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    children.forEach((c) => c.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['SIGKILL', 'SIGTERM'] as const)(
    '%s: the job completes once and the artist receives exactly one delivery',
    async (signal) => {
      const t = await createTestDatabase('postgresql');
      const prefix = `mdkill-${randomBytes(4).toString('hex')}`;
      const queue = new BullQueue({ url: redisUrl!, prefix });
      const store = new LocalObjectStore(path.join(dir, 'objects'));
      try {
        // The workers are real processes on the real clock, so the test's side keeps the real time too:
        // on a fake clock a day behind, every message the workers recorded was not yet due for it.
        const studio = await testStudio(t.db, {}, new Date(), store, { queue });
        const outputs = new Map<number, string>();
        const worker = () =>
          new Promise<ChildProcess>((resolve, reject) => {
            const child = spawn(process.execPath, mixdeskArgs('worker'), {
              cwd: projectRoot,
              env: {
                PATH: process.env.PATH ?? '',
                DATABASE_URL: t.url,
                DATA_DIR: dir,
                QUEUE_DRIVER: 'redis',
                REDIS_URL: redisUrl!,
                QUEUE_PREFIX: prefix,
                QUEUE_LOCK_SECONDS: '2',
                SHUTDOWN_GRACE_SECONDS: '0',
                LOG_LEVEL: 'info',
              },
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            children.push(child);
            outputs.set(child.pid!, '');
            const take = (d: Buffer) => {
              outputs.set(child.pid!, outputs.get(child.pid!)! + d.toString());
              if (outputs.get(child.pid!)!.includes('worker ready')) resolve(child);
            };
            child.stdout!.on('data', take);
            child.stderr!.on('data', take);
            child.on('error', reject);
            child.on('exit', (code, signal) => signal === null && reject(new Error(`worker exited ${code}: ${outputs.get(child.pid!)}`)));
          });
        const workers = await Promise.all([worker(), worker()]);

        const { client } = await studio.clients.identify({ platform: 'test', externalId: 'kim', displayName: 'Kim' });
        const booking = await studio.bookings.create({
          clientId: client.id,
          serviceCode: 'master',
          kind: 'unattended',
          timeZone: 'Europe/London',
          idempotencyKey: `kill-${signal}`,
          origin: { platform: 'test', chatId: 'dm-kim' },
          actor: 'test',
        });
        const mix = path.join(dir, 'Long Song.wav');
        writeFileSync(mix, await encodeAudio(makeTrack(90), 'wav24'));
        const outcome = await studio.uploads.accept({ client, bookingRef: booking.reference, fileName: 'Long Song.wav', path: mix });
        expect((await studio.pipeline.afterUpload(outcome))[0]!.text).toContain('Mastering Long Song.wav now; it should take about');

        const started = () => workers.find((w) => outputs.get(w.pid!)!.includes('"msg":"master started"'));
        await expect.poll(started, { timeout: 15_000, message: [...outputs.values()].join('\n') }).toBeDefined();
        const first = started()!;
        const gone = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
        first.kill(signal);
        if (signal === 'SIGTERM') {
          // Stopped in order: it gave the master up within its (zero) grace and exited 0.
          expect(await gone).toBe(0);
          expect(outputs.get(first.pid!)).toContain('handed back');
        }
        const survivor = workers.find((w) => w !== first)!;

        const ready = () => t.db.delivery.findFirst({ where: { bookingId: booking.id, status: 'ready' } });
        await expect.poll(ready, { timeout: 60_000, message: outputs.get(survivor.pid!) }).not.toBeNull();
        const delivery = await ready();
        const log = (w: ChildProcess) => outputs.get(w.pid!)!;
        // The log line follows the commit. Then the survivor is stopped and gone: it has said all it
        // will (a duplicate would be in its log), and the first said nothing after its kill.
        await expect.poll(() => log(survivor), { timeout: 10_000 }).toContain('"msg":"master delivered"');
        // Its MP3 preview follows as a job of its own: made before the survivor is stopped (with no grace it would be handed back).
        await expect.poll(() => t.db.deliveryFile.count({ where: { deliveryId: delivery!.id } }), { timeout: 60_000 }).toBe(3);
        await new Promise<void>((gone) => {
          survivor.once('exit', () => gone());
          survivor.kill('SIGTERM');
        });
        expect(log(first)).not.toContain('master delivered');
        expect(log(survivor).match(/"msg":"master delivered"/g)).toHaveLength(1);
        expect(log(survivor)).toContain('"msg":"master started"'); // taken over after the kill

        const received: Reply[] = [];
        studio.outbox.register('test', { send: async (_chat, r) => void received.push(r) });
        studio.clock.set(new Date());
        await studio.outbox.dispatch();
        // One delivery, and the one progress message (its final text: the version is ready).
        const progress = received.filter((x) => /^(⏳|✅)/.test(x.text));
        // The MP3 preview follows in its own message (once at most, if the survivor got to it).
        const previews = received.filter((x) => x.text.startsWith('🎧'));
        expect(previews.length).toBeLessThanOrEqual(1);
        const deliveries = received.filter((x) => !progress.includes(x) && !previews.includes(x));
        expect(progress).toHaveLength(1);
        expect(progress[0]!.text).toBe(`✅ Master version 1 of ${booking.reference} is ready.`);
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]!.text).toContain(`Your master for ${booking.reference} is ready — version 1.`);
        expect(await t.db.delivery.count({ where: { bookingId: booking.id } })).toBe(1);
        expect(await t.db.deliveryFile.count({ where: { deliveryId: delivery!.id } })).toBe(3);
        expect((await t.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('delivered');
        for (const f of deliveries[0]!.files!) expect((await store.head(f.storageKey!))?.size).toBe(f.sizeBytes);
      } finally {
        await queue.close();
        await t.drop();
      }
    },
    120_000,
  );
});
