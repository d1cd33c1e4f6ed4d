// The listening room in a real browser (Debian's Chromium driven by Playwright), on the real
// pipeline: the delivery message's link opens the booking's page; the player compares the mix and
// the master at matched loudness and keeps the position when switching, by keyboard; asking for
// changes and approving reach the core and the chat; forged, expired and cross-booking requests are
// refused. Screenshots (desktop and phone) are kept in test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, warnIfNoChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { ManualClock } from '../../core/clock.js';
import type { Studio } from '../../core/studio.js';
import { parseFacts } from '../../core/versions/version-messages.js';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { parseRange } from '../../web/listening.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { performDesk } from '../../core/engineer/perform.js';
import { testStudio } from '../helpers/studio.js';

/** What the tests read of the page's <audio> elements (the test code is compiled without the DOM's types). */
interface AudioLike {
  paused: boolean;
  currentTime: number;
  volume: number;
  src: string;
  dataset: Record<string, string | undefined>;
}
declare const document: { getElementById(id: string): unknown };

warnIfNoChromium('the listening-room browser test');

describe('byte ranges', () => {
  it('reads one range, open-ended or from the end, and refuses what the file cannot meet', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBeNull();
    expect(parseRange('bytes=5-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
  });
});

describe.runIf(hasChromium)('the listening room in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-room-'));
  const artifacts = path.join(projectRoot, 'test-artifacts');
  const mix = path.join(dir, 'Night Drive.wav');
  const log = pino({ level: 'silent' });
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let queue: InProcessQueue;
  let web: WebServer;
  let browser: Browser;
  const sent: Reply[] = [];
  let chat: TestChat;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // A quiet mix, so the master is louder and the player must turn it down for a fair comparison.
    writeFileSync(mix, await encodeAudio(makeTrack(6, 48000, { level: 0.12 }), 'wav24'));
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = (await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer' }, undefined, undefined, {
      queue,
      pipeline: { attempts: 2, backoffMs: 10 },
    })) as Studio & { clock: ManualClock };
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    studio.outbox.register('console', { send: async (_c, r) => void sent.push(r) });
    await studio.jobs.work();
    web = await startWebServer({ studio, log, host: '127.0.0.1', port: 0, stagingDir: path.join(dir, 'staging'), maxUploadBytes: 2 ** 26, maxFileMb: 64 });
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
    // The test presses play by keyboard; this only spares the gesture bookkeeping of a headless run.
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await queue?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function messages(): Promise<Reply[]> {
    await queue.idle();
    await studio.outbox.dispatch();
    await queue.idle();
    await studio.outbox.dispatch();
    return sent.splice(0);
  }

  /** An unattended master for `who`, delivered; returns its reference and the delivery message's listening link. */
  async function delivered(who: TestChat, fileId: string): Promise<{ ref: string; link: string }> {
    const ref = await who.book('master', 'Unattended');
    await who.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: fileId } });
    const message = (await messages()).find((r) => r.text.includes(`Your master for ${ref} is ready`))!;
    const link = message.links!.find((l) => l.label === 'Listen and compare')!.url;
    return { ref, link };
  }

  const audio = (page: Page, side: 'a' | 'b') =>
    page.evaluate((s) => {
      const el = document.getElementById(`audio-${s}`) as AudioLike;
      return { paused: el.paused, time: el.currentTime, volume: el.volume, src: el.src, gainDb: el.dataset.gainDb };
    }, side);

  it('compares the mix and the master at matched loudness, keeps the position when switching, and works by keyboard', async () => {
    const { ref, link } = await delivered(chat, 'mix-1');
    expect(link).toMatch(new RegExp(`^${web.url}/listen/[\\w-]{22}\\.[\\w-]{43}$`));
    const facts = parseFacts((await t.db.delivery.findFirstOrThrow({ where: { booking: { reference: ref } } })).facts)!;
    if (facts.kind !== 'master') throw new Error('expected a master');
    const gain = facts.sourceLufs! - facts.lufs;
    expect(gain).toBeLessThan(-3); // the quiet mix came back louder

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(link);
    await expect.poll(() => page.textContent('h1')).toContain(ref);
    expect(await page.inputValue('#pick-a')).toBe('0');
    expect(await page.locator('#pick-a option').allTextContents()).toEqual(['Your mix (Night Drive.wav)', 'Version 1']);
    // The master is turned down by exactly the difference in loudness, and the page says so.
    expect(await page.textContent('#gain-b')).toBe(`${gain.toFixed(1).replace('-', '−')} dB for a fair comparison`);
    expect(await page.textContent('#gain-a')).toBe('at its own level (the quietest)');
    const b = await audio(page, 'b');
    expect(b.volume).toBeCloseTo(10 ** (gain / 20), 3);
    expect(b.src).toContain('/file/'); // the preview, streamed from the studio
    expect(await page.locator('#curve-after').getAttribute('points')).toMatch(/^0\.0,[\d.]+ /);
    await page.screenshot({ path: path.join(artifacts, 'listening-desktop.png'), fullPage: true });

    // Space plays A (the mix); B switches to the master at the same moment, still playing.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.getElementById('audio-a') as AudioLike).currentTime > 0.4);
    // B may play on between the key and the reading (a busy machine can pause the test for
    // seconds), so its lead over A is bounded by the time the page itself saw pass since the key.
    await page.evaluate(() => {
      const w = globalThis as unknown as { switchedAt?: number; addEventListener(type: string, f: () => void, o: { capture: boolean }): void };
      w.addEventListener('keydown', () => (w.switchedAt ??= performance.now()), { capture: true });
    });
    await page.keyboard.press('b');
    const after = await page.evaluate(() => {
      const [a, b] = ['a', 'b'].map((s) => document.getElementById(`audio-${s}`) as AudioLike);
      const since = (performance.now() - (globalThis as unknown as { switchedAt: number }).switchedAt) / 1000;
      return { aPaused: a!.paused, bPaused: b!.paused, a: a!.currentTime, b: b!.currentTime, since };
    });
    expect(after.aPaused).toBe(true);
    expect(after.bPaused).toBe(false);
    expect(after.b).toBeGreaterThanOrEqual(after.a - 0.05);
    expect(after.b - after.a).toBeLessThan(after.since + 0.25);
    expect(await page.getAttribute('#to-b', 'aria-pressed')).toBe('true');
    await page.keyboard.press('a');
    expect((await audio(page, 'a')).paused).toBe(false);
    await page.keyboard.press('Space');
    expect((await audio(page, 'a')).paused).toBe(true);

    // Seeking works: the audio is served in byte ranges.
    const src = (await audio(page, 'a')).src;
    const part = await fetch(src, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 100-199\/\d+$/);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    await page.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(link);
    await phone.screenshot({ path: path.join(artifacts, 'listening-phone.png'), fullPage: true });
    // One column: the two sides stack.
    const [sideA, sideB] = [await phone.locator('#side-a').boundingBox(), await phone.locator('#side-b').boundingBox()];
    expect(sideB!.y).toBeGreaterThan(sideA!.y + sideA!.height - 1);
    await phone.close();
  });

  it('asking for changes and approving go through the core, and the chat hears of both', async () => {
    const { ref, link } = await delivered(chat, 'mix-2');
    const page = await browser.newPage();
    await page.goto(link);
    await page.getByLabel('Louder', { exact: true }).check();
    await page.getByRole('button', { name: 'Ask for these changes' }).click();
    await expect
      .poll(() => page.textContent('#said'))
      .toContain(`Revision 1 of ${ref} started (free; 1 free revision left after it): louder. Making version 2 now`);
    expect(await t.db.revision.count({ where: { booking: { reference: ref } } })).toBe(1);
    const chatSaw = (await messages()).map((r) => r.text);
    expect(chatSaw.some((m) => m.startsWith(`From the listening page: Revision 1 of ${ref} started`))).toBe(true);
    expect(chatSaw.some((m) => m.includes(`Your master for ${ref} is ready — version 2.`))).toBe(true);

    await page.reload();
    expect(await page.locator('#pick-b option').allTextContents()).toEqual(['Your mix (Night Drive.wav)', 'Version 1', 'Version 2']);
    // The first press only asks (approving completes the booking); the second approves.
    await page.getByRole('button', { name: 'Approve version 2' }).click();
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status).toBe('delivered');
    await page.getByRole('button', { name: 'Press again to approve version 2: the booking is then complete' }).click();
    await expect.poll(() => page.textContent('#said')).toBe('Version 2 approved. Thank you! The studio has been told, and so has your chat.');
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status).toBe('completed');
    const after = (await messages()).map((r) => r.text);
    expect(after).toContain(`You approved version 2 of ${ref}. Thank you — the studio has been told.`);
    expect(after.some((m) => m.includes(`approved version 2 of ${ref} on the listening page`))).toBe(true);
    // Approved: no more changes asked from the page, and a second approval is refused in a sentence.
    await page.reload();
    expect(await page.locator('#changes').count()).toBe(0);
    const again = await page.evaluate(
      async (url) => (await fetch(`${url}/approve`, { method: 'POST', body: new URLSearchParams({ version: '2' }) })).json(),
      link,
    );
    expect(again).toEqual({ error: `${ref} cannot be approved now: approving is for a delivered booking.` });
    await page.close();
  });

  it('comments at moments: a click, a drag and the keyboard place them; sent, they reach the engineer, whose answer comes back', async () => {
    const { ref, link } = await delivered(chat, 'mix-comments');
    const booking = await t.db.booking.findUniqueOrThrow({ where: { reference: ref } });
    const v1 = await t.db.delivery.findFirstOrThrow({ where: { bookingId: booking.id, version: 1 } });
    // The outline was drawn by the engine with the version: the page needs no decoding.
    const outline = JSON.parse(v1.waveform!) as { after: { seconds: number; peaks: number[] }; before: { seconds: number } };
    expect(outline.after.seconds).toBeCloseTo(6, 2);
    expect(outline.before.seconds).toBeCloseTo(6, 2);
    expect(outline.after.peaks.length).toBeGreaterThanOrEqual(2000);

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(link);
    expect(await page.locator('#wave-path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await page.waitForFunction(() => (document.getElementById('audio-b') as AudioLike & { duration: number }).duration > 0);

    // A click at a quarter of the waveform: a comment at a quarter of the song.
    const box = (await page.locator('#wave').boundingBox())!;
    const x = Math.round(box.width * 0.25);
    await page.locator('#wave').click({ position: { x, y: 50 } });
    await expect.poll(() => page.locator('#comment-form').isVisible()).toBe(true);
    await page.keyboard.type('vocal too quiet');
    await page.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.locator('#comments li').count()).toBe(1);
    const clicked = (x / box.width) * outline.after.seconds * 1000;
    const first = await t.db.reviewComment.findFirstOrThrow({ where: { bookingId: booking.id, number: 1 } });
    expect(Math.abs(first.startMs - clicked)).toBeLessThanOrEqual(100);
    expect(first).toMatchObject({ status: 'draft', endMs: null, text: 'vocal too quiet', deliveryId: v1.id });

    // A drag over a stretch (where the waveform is now: opening the form scrolled the page).
    await page.locator('#wave').scrollIntoViewIfNeeded();
    const at = (await page.locator('#wave').boundingBox())!;
    await page.mouse.move(at.x + at.width * 0.5, at.y + 50);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width * 0.6, at.y + 50, { steps: 5 });
    await page.mouse.move(at.x + at.width * 0.75, at.y + 50, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.type('less reverb here');
    await page.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.locator('#comments li').count()).toBe(2);
    const stretch = await t.db.reviewComment.findFirstOrThrow({ where: { bookingId: booking.id, number: 2 } });
    expect(Math.abs(stretch.startMs - 3000)).toBeLessThanOrEqual(100);
    expect(Math.abs(stretch.endMs! - 4500)).toBeLessThanOrEqual(100);

    // Keyboard only: B plays the version, focus the waveform, Home goes to the start, an arrow
    // skips 5 s, C comments there, Tab to save.
    await page.locator('#wave').focus();
    await page.keyboard.press('b');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.getElementById('audio-b') as AudioLike).currentTime >= 4.9);
    await page.keyboard.press('c');
    expect(await page.evaluate(() => (document as unknown as { activeElement: { name: string } }).activeElement.name)).toBe('text');
    await page.keyboard.type('snare too loud');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#comments li').count()).toBe(3);
    const typed = await t.db.reviewComment.findFirstOrThrow({ where: { bookingId: booking.id, number: 3 } });
    expect(Math.abs(typed.startMs - 5000)).toBeLessThanOrEqual(100);
    // Listed by moment; a draft can be changed, and deleted.
    expect(await page.locator('#comments li button.at').allTextContents()).toEqual(['0:01', '0:03–0:04', '0:05']);
    await page.locator('#comment-3').getByRole('button', { name: 'Edit' }).click();
    await page.locator('#comment-form textarea').fill('snare much too loud');
    await page.getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(async () => (await t.db.reviewComment.findFirstOrThrow({ where: { bookingId: booking.id, number: 3 } })).text)
      .toBe('snare much too loud');
    await page.locator('#comment-2').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('#comments li').count()).toBe(2);
    await page.screenshot({ path: path.join(artifacts, 'listening-comments.png'), fullPage: true });

    // The engineer has nothing until they are sent; then one alert per comment, with its moment and a link to it.
    expect((await messages()).some((m) => m.text.includes('💬'))).toBe(false);
    await page.getByRole('button', { name: 'Send my comments to the studio' }).click();
    await expect.poll(() => page.textContent('#comment-said')).toBe('Your 2 comments are with the studio now.');
    const alerts = (await messages()).filter((m) => m.text.includes('💬')).map((m) => m.text);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toContain(`💬 ${ref} v1 at 0:01: vocal too quiet · mara, comment #1\n${web.url}/studio/booking/${ref}#comment-1`);
    expect(alerts[1]).toContain(`💬 ${ref} v1 at 0:05: snare much too loud`);
    // Sent: no longer the artist's to change.
    const late = await page.evaluate(
      async (url) => (await fetch(`${url}/comments/1`, { method: 'POST', body: new URLSearchParams({ do: 'delete' }) })).json(),
      link,
    );
    expect(late).toEqual({ error: 'Comment #1 was sent to the studio: it can no longer be changed.' });

    // The engineer's queue lists what waits for an answer.
    const queued = await studio.desk.queue();
    expect(queued).toContain(
      `Comments waiting for your answer:\n• ${ref} #1 · mara · v1 at 0:01: vocal too quiet\n• ${ref} #3 · mara · v1 at 0:05: snare much too loud`,
    );

    // The engineer answers; the chat hears it and the page shows it.
    const engineer = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };
    const answered = await performDesk(studio, ['comment', 'answer', ref, '1', 'Pushed the vocal up 1 dB there'], engineer);
    expect(answered.text).toBe(`Your answer to comment #1 on ${ref} is on its way to mara.`);
    const told = (await messages()).map((m) => m.text);
    expect(told).toContain(`💬 The studio answered your comment on ${ref} (v1 at 0:01: vocal too quiet): Pushed the vocal up 1 dB there`);
    await page.reload();
    await expect.poll(() => page.locator('#comment-1 .answer').textContent()).toBe('Studio: Pushed the vocal up 1 dB there');
    expect(await studio.desk.queue()).not.toContain(`${ref} #1 ·`);
    await page.close();

    // Another booking's link cannot touch these comments, nor make one on this booking.
    const noor = new TestChat(chat.conversation, TestChat.sender('noor'));
    const other = await delivered(noor, 'mix-noor-comments');
    const post = (url: string, body: Record<string, string>) =>
      fetch(url, { method: 'POST', body: new URLSearchParams(body), headers: { origin: web.url, 'content-type': 'application/x-www-form-urlencoded' } });
    const added = await post(`${link}/comments`, { version: '1', start: '0:02', text: 'mine' });
    expect(added.status).toBe(200);
    const mine = await t.db.reviewComment.findFirstOrThrow({ where: { bookingId: booking.id, text: 'mine' } });
    const foreign = await post(`${other.link}/comments/${mine.number}`, { do: 'edit', version: '1', start: '0:01', text: 'hijacked' });
    expect(foreign.status).toBe(409);
    expect(((await foreign.json()) as { error: string }).error).toBe(`${other.ref} has no comment #${mine.number}.`);
    expect((await t.db.reviewComment.findUniqueOrThrow({ where: { id: mine.id } })).text).toBe('mine');
    const outside = await post(`${other.link}/comments`, { version: '1', start: '0:09', text: 'past the end' });
    expect(((await outside.json()) as { error: string }).error).toBe('That moment is not inside version 1.');
    const crossSite = await fetch(`${link}/comments`, {
      method: 'POST',
      body: new URLSearchParams({ version: '1', start: '0:02', text: 'forged' }),
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(crossSite.status).toBe(403);
    expect(await t.db.reviewComment.count({ where: { text: { in: ['hijacked', 'forged'] } } })).toBe(0);
    await messages();
  });

  it('the same changes asked twice at once make one revision; the other is told why', async () => {
    const { ref, link } = await delivered(chat, 'mix-twice');
    const ask = () =>
      fetch(`${link}/changes`, {
        method: 'POST',
        body: new URLSearchParams({ text: 'louder' }),
        headers: { origin: web.url, 'content-type': 'application/x-www-form-urlencoded' },
      });
    const answers = await Promise.all([ask(), ask()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await t.db.revision.count({ where: { booking: { reference: ref } } })).toBe(1);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { error?: string }[];
    const refused = bodies.find((a) => a.error)!;
    expect(refused.error).toContain(ref);
    await messages();
  });

  it("refuses forged and expired links, another booking's files, and posts from another site", async () => {
    const { ref, link } = await delivered(chat, 'mix-3');
    const noor = new TestChat(chat.conversation, TestChat.sender('noor'));
    const other = await delivered(noor, 'mix-noor');
    const page = await browser.newPage();
    await page.goto(link);
    const mine = (await audio(page, 'b')).src;
    await page.goto(other.link);
    const theirs = (await audio(page, 'b')).src;
    await page.close();
    // Noor's file id under Mara's link: nothing.
    const fileId = theirs.split('/file/')[1]!;
    expect((await fetch(`${link}/file/${fileId}`)).status).toBe(404);
    expect((await fetch(mine)).status).toBe(200);

    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This listening link is not valid.');
    const crossSite = await fetch(`${link}/approve`, {
      method: 'POST',
      body: new URLSearchParams({ version: '1' }),
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(crossSite.status).toBe(403);
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status).toBe('delivered');

    studio.clock.advance(31 * 86_400_000);
    const expired = await fetch(link);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('This listening link has expired.');
    expect((await fetch(mine)).status).toBe(403);
  });
});
