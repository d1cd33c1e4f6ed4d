// The web server's edge, tried as an attacker would, on SQLite and PostgreSQL: bodies far larger
// than a form are refused by their size with a sentence (and memory does not follow them); text
// from a page is cleaned as chat text is (a NUL would fail PostgreSQL); a damaged cookie or a
// failing page answers in a sentence, and the failure's log line does not carry the link's secret.
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { createLogger } from '../../log.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-edge-'));
const mix = path.join(dir, 'mix.wav');
writeFileSync(mix, await encodeAudio(makeTrack(2), 'wav24'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * POSTs `megabytes` of zeros in 64 KB pieces (made once, sent again and again), declared or
 * chunked, and stops sending once the server answers. Returns the status and what it said.
 */
function postHuge(url: string, megabytes: number, o: { declared: boolean; type: string }): Promise<{ status: number; body: string; sentMb: number }> {
  const piece = Buffer.alloc(64 * 1024);
  const total = megabytes * 16;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': o.type,
        origin: new URL(url).origin,
        ...(o.declared ? { 'content-length': String(total * piece.length) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, sentMb: (sent * piece.length) / 2 ** 20 }));
    });
    // The server closing the connection on a refused body is expected; only no answer at all fails.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        sent++;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe.each(testProviders())('the web boundary on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let web: WebServer;
  let link: string;
  let ref: string;
  const logLines: string[] = [];
  const sent: Reply[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    queue = new InProcessQueue();
    studio = await testStudio(t.db, {}, undefined, undefined, { queue, pipeline: { attempts: 1, backoffMs: 10 } });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    await studio.jobs.work();
    // The real logger, written to memory: what an operator's log file would hold.
    const log = createLogger('info', new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString('utf8')), done()) }));
    web = await startWebServer({
      studio,
      log,
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, `staging-${provider}`),
      maxUploadBytes: 2 ** 26,
      maxFileMb: 64,
    });
    const chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
    ref = await chat.book('master', 'Unattended');
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'edge' } });
    await queue.idle();
    await studio.outbox.dispatch();
    const message = sent.find((r) => r.text.includes(`Your master for ${ref} is ready`))!;
    link = message.links!.find((l) => l.label === 'Listen and compare')!.url;
  });
  afterAll(async () => {
    await web?.close();
    await queue?.close();
    await t?.drop();
  });

  const post = (url: string, form: Record<string, string>) =>
    fetch(url, { method: 'POST', body: new URLSearchParams(form), headers: { origin: new URL(url).origin } });

  it('a form post far larger than a form is refused by its size, in a sentence, and memory stays flat', async () => {
    const before = process.memoryUsage().rss;
    for (const [what, declared, type] of [
      ['multipart, declared', true, 'multipart/form-data; boundary=x'],
      ['urlencoded, chunked', false, 'application/x-www-form-urlencoded'],
    ] as const) {
      const r = await postHuge(`${link}/changes`, 256, { declared, type });
      expect(r.status, what).toBe(413);
      expect(JSON.parse(r.body), what).toEqual({ error: 'That is more than this page takes (at most 64 KB). Nothing was changed.' });
      // Refused by its size, not read to its end.
      expect(r.sentMb, what).toBeLessThan(256);
    }
    const dashboard = await postHuge(`${web.url}/studio/act`, 128, { declared: false, type: 'application/x-www-form-urlencoded' });
    expect(dashboard.status).toBe(413);
    expect(dashboard.body).toContain('That is more than this page takes (at most 64 KB).');
    const webhook = await postHuge(`${web.url}/stripe/webhook`, 64, { declared: true, type: 'application/json' });
    // Payments are off here: no webhook route, and nothing read.
    expect([404, 405, 413]).toContain(webhook.status);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
    expect(await t.db.revision.count()).toBe(0);
  });

  it('text from the page is cleaned as chat text is: a NUL or a right-to-left override never reaches the database', async () => {
    const res = await post(`${link}/changes`, { text: 'brighter\u0000 please, and the \u202Eintro\u202C is quiet' });
    expect(res.status).toBe(200);
    const revision = await t.db.revision.findFirstOrThrow({ where: { booking: { reference: ref } } });
    expect(revision.notes).toBe('brighter please, and the intro is quiet');
  });

  it('a damaged message cookie on the dashboard is no 500', async () => {
    const { url } = await studio.dashboardAccess.signInLink('engineer:console');
    const signedIn = await fetch(url.replace(/^https?:\/\/[^/]+/, web.url), { method: 'POST', redirect: 'manual', headers: { origin: web.url } });
    const session = /mixdesk_studio=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0];
    const res = await fetch(`${web.url}/studio`, { headers: { cookie: `mixdesk_said=%25E0%25A4%25A; ${session}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(ref);
  });

  it("a listening page that fails says so in a sentence, and the log line keeps the link's secret out", async () => {
    const view = studio.room.view.bind(studio.room);
    studio.room.view = () => Promise.reject(new Error(`the database went away while reading ${link}`));
    try {
      const res = await fetch(link);
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('Error');
    } finally {
      studio.room.view = view;
    }
    const secret = new URL(link).pathname.split('/').at(-1)!;
    const failure = logLines.filter((l) => l.includes('web request failed'));
    expect(failure.length).toBeGreaterThan(0);
    expect(failure.join('')).toContain('/listen/[redacted]');
    expect(logLines.join('')).not.toContain(secret);
  });
});
