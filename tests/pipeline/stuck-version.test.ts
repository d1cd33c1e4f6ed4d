// A database outage while a master runs: the job's tries fail, and so does the report of its
// failure, so the version would stay "preparing" for good with nobody told. The sweep (at start
// and every minute) finds it once the database is back: made again under a new job id (the queue
// keeps the ended one), a bounded number of times, the engineer told why; then reported failed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { ManualClock } from '../../core/clock.js';
import type { Studio } from '../../core/studio.js';
import { STALE_GRACE_MS } from '../../core/versions/version-jobs.js';
import { encodeAudio } from '../../engine/io/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-stuck-'));
const mix = path.join(dir, 'mix.wav');
writeFileSync(mix, await encodeAudio(makeTrack(2), 'wav24'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a version stuck by a database outage', () => {
  let t: TestDatabase;
  let queue: InProcessQueue;
  let studio: Studio & { clock: ManualClock };
  let chat: TestChat;
  const sent: Reply[] = [];
  /** The job cannot reach the database / its failure cannot be recorded. */
  const down = { job: false, report: false };

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer' }, undefined, undefined, { queue, pipeline: { attempts: 2, backoffMs: 5 } });
    sent.length = 0;
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    studio.outbox.register('console', { send: async (_c, r) => void sent.push(r) });
    const outage = () => Promise.reject(new Error('Connection terminated unexpectedly'));
    const prepare = studio.versions.prepare.bind(studio.versions);
    let prepared = 0;
    // The first call makes the version's row (before its job is queued); the job's own calls meet the outage.
    studio.versions.prepare = (...a) => (++prepared > 1 && down.job ? outage() : prepare(...a));
    const fail = studio.versions.fail.bind(studio.versions);
    studio.versions.fail = (...a) => (down.report ? outage() : fail(...a));
    await studio.jobs.work();
    chat = new TestChat(new Conversation(studio, pino({ level: 'silent' })), TestChat.sender('mara'));
  });
  afterEach(async () => {
    await queue.close();
    await t.drop();
  });

  async function said(): Promise<string[]> {
    await queue.idle();
    await studio.outbox.dispatch();
    return sent.splice(0).map((r) => r.text);
  }
  const version = (ref: string) => t.db.delivery.findFirstOrThrow({ where: { booking: { reference: ref } } });
  /** A master sent while the database is out: its tries and its failure report both fail. */
  async function masterInOutage(): Promise<string> {
    const ref = await chat.book('master', 'Unattended');
    down.job = down.report = true;
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'outage' } });
    await queue.idle();
    expect((await version(ref)).status).toBe('preparing');
    return ref;
  }

  it('made again once the database is back, the engineer told why; the artist gets one delivery', async () => {
    const ref = await masterInOutage();
    down.job = down.report = false;
    // The first sweep only notes it (its failure report may still be on its way); after the grace, it acts.
    expect(await studio.jobs.resumeUnfinished()).toBe(0);
    studio.clock.advance(STALE_GRACE_MS - 1000);
    expect(await studio.jobs.resumeUnfinished()).toBe(0);
    studio.clock.advance(1000);
    expect(await studio.jobs.resumeUnfinished()).toBe(1);
    const texts = await said();
    expect((await version(ref)).status).toBe('ready');
    expect(texts.filter((x) => x.includes(`Your master for ${ref} is ready`))).toHaveLength(1);
    expect(texts).toContainEqual(
      `🔔 Version 1 of ${ref} was left unfinished: its job ended without finishing it (Connection terminated unexpectedly), and its failure could not be recorded. It is being made again (try 2 of 3).`,
    );
    expect(await studio.jobs.resumeUnfinished()).toBe(0);
  });

  it('still failing after its last try, it is reported: the artist told, the engineer alerted with the reason', async () => {
    const ref = await masterInOutage();
    const sweep = async () => {
      await studio.jobs.resumeUnfinished();
      studio.clock.advance(STALE_GRACE_MS);
      const n = await studio.jobs.resumeUnfinished();
      await queue.idle();
      return n;
    };
    expect(await sweep()).toBe(1); // try 2
    expect(await sweep()).toBe(1); // try 3
    expect((await version(ref)).status).toBe('preparing');
    down.report = false; // the database answers again, the job still cannot run
    expect(await sweep()).toBe(0);
    expect(await version(ref)).toMatchObject({ status: 'failed', resumes: 2 });
    const texts = await said();
    expect(texts).toContainEqual(
      `Sorry — the master of ${ref} (version 1) could not be finished. Nothing is lost: your files are safe, and the engineer has been told and will get back to you.`,
    );
    expect(
      texts.some((x) =>
        x.startsWith(`🔔 Master v1 of ${ref} failed after 3 tries: its job ended 3 times without finishing it (last: Connection terminated unexpectedly)`),
      ),
    ).toBe(true);
  });
});
