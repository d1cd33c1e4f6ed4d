// The outbox on SQLite and PostgreSQL: recorded before sending, retried until accepted, sent once
// even with two dispatchers.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { Outbox, sendParts, type SendProgress } from '../../core/messaging/outbox.js';
import type { Reply } from '../../core/conversation/types.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';

const settings = { backoffMs: 1000, maxBackoffMs: 60_000, maxAttempts: 4, claimMs: 30_000 };

describe.each(testProviders())('outbox on %s', (provider) => {
  let t: TestDatabase;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it('sends a recorded message once; the same key is not recorded twice', async () => {
    const sent: [string, Reply][] = [];
    const box = new Outbox(t.db, clock, log, settings);
    box.register('test', { send: async (chat, reply) => void sent.push([chat, reply]) });
    expect(await box.record('delivery:1', 'test', 'chat-1', { text: 'Your master is ready', links: [{ label: 'Download', url: 'https://x/y' }] })).toBe(true);
    expect(await box.record('delivery:1', 'test', 'chat-1', { text: 'Your master is ready' })).toBe(false);
    expect(await box.dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await box.dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sent).toEqual([['chat-1', { text: 'Your master is ready', links: [{ label: 'Download', url: 'https://x/y' }] }]]);
  });

  it('a platform outage loses nothing: retried with backoff until it is accepted', async () => {
    let down = 2;
    const sent: string[] = [];
    const box = new Outbox(t.db, clock, log, settings);
    box.register('flaky', {
      send: async (_chat, reply) => {
        if (down-- > 0) throw new Error('429 Too Many Requests');
        sent.push(reply.text);
      },
    });
    await box.record('reminder:1', 'flaky', 'c', { text: 'Your session is in 1 hour' });
    expect(await box.dispatch()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await box.dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock.advance(1000);
    expect((await box.dispatch()).retried).toBe(1);
    clock.advance(1500); // second retry waits 2 s
    expect((await box.dispatch()).sent).toBe(0);
    clock.advance(600);
    expect((await box.dispatch()).sent).toBe(1);
    expect(sent).toEqual(['Your session is in 1 hour']);
    const row = await t.db.notification.findUniqueOrThrow({ where: { key: 'reminder:1' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after the last try and says so in the log', async () => {
    const box = new Outbox(t.db, clock, log, settings);
    box.register('dead', { send: async () => Promise.reject(new Error('bot was blocked by the user')) });
    await box.record('delivery:dead', 'dead', 'c', { text: 'x' });
    for (let i = 0; i < 4; i++) {
      await box.dispatch();
      clock.advance(60_000);
    }
    const row = await t.db.notification.findUniqueOrThrow({ where: { key: 'delivery:dead' } });
    expect(row).toMatchObject({ status: 'failed', attempts: 4, lastError: 'bot was blocked by the user' });
    expect(lines.join('')).toContain('could not be delivered; giving up');
  });

  it('two dispatchers at once send every message exactly once', async () => {
    const counts = new Map<string, number>();
    const sender = { send: async (_c: string, r: Reply) => void counts.set(r.text, (counts.get(r.text) ?? 0) + 1) };
    const a = new Outbox(t.db, clock, log, settings);
    const b = new Outbox(t.db, clock, log, settings);
    a.register('multi', sender);
    b.register('multi', sender);
    for (let i = 0; i < 20; i++) await a.record(`multi:${i}`, 'multi', 'c', { text: `m${i}` });
    await Promise.all([a.dispatch(), b.dispatch(), a.dispatch(), b.dispatch()]);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('messages for a platform nobody here can send to wait for an instance that can', async () => {
    const box = new Outbox(t.db, clock, log, settings);
    await box.record('tg:1', 'telegram', 'c', { text: 'hello' });
    await box.dispatch();
    expect((await t.db.notification.findUniqueOrThrow({ where: { key: 'tg:1' } })).status).toBe('pending');
  });

  it('a progress message is sent once and then edited; a platform that cannot edit gets it once', async () => {
    const box = new Outbox(t.db, clock, log, settings);
    const calls: string[] = [];
    let next = 40;
    box.register('edits', {
      send: async (_c, r) => {
        calls.push(`send ${r.text}`);
        return String(++next);
      },
      edit: async (_c, id, r) => void calls.push(`edit ${id} ${r.text}`),
    });
    box.register('plain', { send: async (_c, r) => void calls.push(`plain ${r.text}`) });
    for (const platform of ['edits', 'plain']) {
      await box.progress(`progress:${platform}`, platform, 'c', { text: 'analysing' });
      await box.dispatch();
      await box.progress(`progress:${platform}`, platform, 'c', { text: 'limiting' });
      await box.progress(`progress:${platform}`, platform, 'c', { text: 'encoding' });
      await box.dispatch();
      await box.progress(`progress:${platform}`, platform, 'c', { text: 'ready' });
      await box.dispatch();
    }
    expect(calls).toEqual(['send analysing', 'edit 41 encoding', 'edit 41 ready', 'plain analysing']);
  });

  it('a progress update that arrives while the previous text is being sent is not lost', async () => {
    const box = new Outbox(t.db, clock, log, settings);
    const texts: string[] = [];
    box.register('slow', {
      send: async (_c, r) => {
        texts.push(r.text);
        await box.progress('progress:slow', 'slow', 'c', { text: 'newer' }); // arrives mid-send
        return '7';
      },
      edit: async (_c, _id, r) => {
        texts.push(`edit ${r.text}`);
        if (r.text === 'newer') await box.progress('progress:slow', 'slow', 'c', { text: 'newest' }); // and mid-edit
      },
    });
    await box.progress('progress:slow', 'slow', 'c', { text: 'older' });
    await box.dispatch();
    await box.dispatch();
    await box.dispatch(); // no waiting for a claim to lapse: the claim was released
    await box.dispatch();
    expect(texts).toEqual(['older', 'edit newer', 'edit newest']);
  });

  /** A platform that takes a message in parts, each held until the test lets it through. */
  function heldPlatform() {
    const taken: string[] = [];
    const waiting: { part: string; go: () => void }[] = [];
    const sender = {
      send: async (_c: string, r: Reply, progress?: SendProgress) => {
        const parts = [r.text, ...(r.files ?? []).map((f) => f.name)].map(
          (part) => () => new Promise<void>((go) => waiting.push({ part, go: () => (taken.push(part), go()) })),
        );
        await sendParts(parts, progress);
      },
    };
    /** Resolves once a part is being sent (and not yet taken). */
    const held = () => expect.poll(() => waiting.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const release = () => waiting.shift()!.go();
    return { sender, taken, held, release };
  }
  const delivery: Reply = { text: 'Your master is ready', files: [{ name: 'report.png' }, { name: 'master.wav' }] };

  it('a send slower than its claim is not claimed again while it runs: the claim is renewed, and the message goes once', async () => {
    const p = heldPlatform();
    const a = new Outbox(t.db, clock, log, { ...settings, renewMs: 5 });
    const b = new Outbox(t.db, clock, log, { ...settings, renewMs: 5 });
    a.register('held', p.sender);
    b.register('held', p.sender);
    await a.record('slow:1', 'held', 'c', delivery);
    const first = a.dispatch();
    await p.held();
    // The large file takes longer than the claim; the dispatcher renews it meanwhile.
    clock.advance(settings.claimMs + 1000);
    await expect
      .poll(async () => (await t.db.notification.findUniqueOrThrow({ where: { key: 'slow:1' } })).claimedUntil!.getTime(), { timeout: 10_000 })
      .toBeGreaterThan(clock.now().getTime());
    expect(await b.dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (let i = 0; i < 3; i++) {
      await p.held();
      p.release();
    }
    expect(await first).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(p.taken).toEqual(['Your master is ready', 'report.png', 'master.wav']);
    expect(await t.db.notification.findUniqueOrThrow({ where: { key: 'slow:1' } })).toMatchObject({ status: 'sent', partsSent: 3, claimToken: null });
  });

  it('one dispatcher never overlaps itself: the timer firing during a slow send joins the running dispatch', async () => {
    const p = heldPlatform();
    const box = new Outbox(t.db, clock, log, settings);
    box.register('held', p.sender);
    await box.record('overlap:1', 'held', 'c', { text: 'once' });
    const first = box.dispatch();
    await p.held();
    const second = box.dispatch();
    expect(second).toBe(first);
    p.release();
    expect(await second).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(p.taken).toEqual(['once']);
  });

  it('a message of several parts resumes after the last part the platform took: after an error, and after a dispatcher died mid-send', async () => {
    let failOn: string | null = 'report.png';
    const taken: string[] = [];
    const box = new Outbox(t.db, clock, log, settings);
    box.register('parts', {
      send: async (_c, r, progress) => {
        const parts = [r.text, ...(r.files ?? []).map((f) => f.name)].map((part) => async () => {
          if (part === failOn) {
            failOn = null;
            throw new Error('Request Entity Too Large');
          }
          taken.push(part);
        });
        await sendParts(parts, progress);
      },
    });
    await box.record('parts:1', 'parts', 'c', delivery);
    expect(await box.dispatch()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(settings.backoffMs);
    expect(await box.dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(taken).toEqual(['Your master is ready', 'report.png', 'master.wav']);

    // A dispatcher killed after the text went: it renews nothing any more (its process is gone).
    const p = heldPlatform();
    const dead = new Outbox(t.db, clock, log, { ...settings, renewMs: 3_600_000 });
    dead.register('held', p.sender);
    await dead.record('parts:2', 'held', 'c', delivery);
    const deadRun = dead.dispatch();
    await p.held();
    p.release(); // the text reached the platform, and was recorded
    await expect.poll(async () => (await t.db.notification.findUniqueOrThrow({ where: { key: 'parts:2' } })).partsSent).toBe(1);
    await p.held(); // ... and the process died sending the picture
    clock.advance(settings.claimMs + 1000);
    const next = heldPlatform();
    const restarted = new Outbox(t.db, clock, log, settings);
    restarted.register('held', next.sender);
    const resumed = restarted.dispatch();
    for (let i = 0; i < 2; i++) {
      await next.held();
      next.release();
    }
    expect(await resumed).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(next.taken).toEqual(['report.png', 'master.wav']);
    // The dead one's late answer changes nothing: the claim is no longer its, so it stops there.
    p.release();
    expect(await deadRun).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(p.taken).toEqual(['Your master is ready', 'report.png']);
    expect(await t.db.notification.findUniqueOrThrow({ where: { key: 'parts:2' } })).toMatchObject({ status: 'sent', partsSent: 3 });
  });
});
