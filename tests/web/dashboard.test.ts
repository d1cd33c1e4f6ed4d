// The studio dashboard in a real browser (Debian's Chromium driven by Playwright): the engineer's
// /dashboard link signs in once; the week shows a booked session at the studio's local time; an
// action on a booking runs the engineer's command and lands in the audit trail; no cookie, a used
// link, or a post from another site gets nothing. Screenshots (desktop and phone) in test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, warnIfNoChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import { deskCommands, type DeskAction } from '../../core/engineer/commands/index.js';
import type { Studio } from '../../core/studio.js';
import { projectRoot } from '../../db/schemas.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import type { Reply } from '../../core/conversation/types.js';
import { encodeAudio } from '../../engine/io/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { makeTrack } from '../helpers/music.js';

warnIfNoChromium('the dashboard browser test');

describe.runIf(hasChromium)('the studio dashboard in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-dashboard-'));
  const artifacts = path.join(projectRoot, 'test-artifacts');
  const ZONE = 'America/New_York';
  let t: TestDatabase;
  let studio: Studio;
  let web: WebServer;
  let browser: Browser;
  let queue: InProcessQueue;
  const sent: Reply[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    t = await createTestDatabase('sqlite');
    // A studio in New York, so its local times differ from the machine's UTC; bookings wait for the
    // engineer, and so does every version (DELIVERY_REVIEW=all).
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { STUDIO_TIMEZONE: ZONE, BOOKING_AUTO_CONFIRM: 'false', DELIVERY_REVIEW: 'all' }, undefined, undefined, {
      queue,
      pipeline: { attempts: 2, backoffMs: 10 },
    });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    await studio.jobs.work();
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, 'staging'),
      maxUploadBytes: 2 ** 26,
      maxFileMb: 64,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await queue?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the engineer's /dashboard answers: the link in its text. */
  async function signInLink(actor = 'engineer:discord:900000000000000001'): Promise<string> {
    const said = await (deskCommands.find((c) => c.name === 'dashboard') as DeskAction).run({ studio, actor, args: {} });
    expect(said).toMatch(/good once, for 15 minutes/);
    return /(http\S+\/studio\/login\/[\w-]{43})/.exec(said)![1]!;
  }

  it('signs in once, shows the week at local time, and runs an action through the audited command', async () => {
    const chat = new TestChat(new Conversation(studio, pino({ level: 'silent' })), TestChat.sender('mara'));
    const ref = await chat.book('master', 'Standard');
    const booking = await t.db.booking.findUniqueOrThrow({ where: { reference: ref } });
    expect(booking.status).toBe('requested');
    const local = DateTime.fromJSDate(booking.startsAt!).setZone(ZONE);
    const utc = DateTime.fromJSDate(booking.startsAt!).setZone('UTC');
    expect(local.toFormat('HH:mm')).not.toBe(utc.toFormat('HH:mm')); // the test means something

    const link = await signInLink();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A link preview (a plain GET, as chat apps make) does not use the link up.
    expect((await fetch(link)).status).toBe(200);
    const page = await context.newPage();
    await page.goto(link);
    // The sign-in button takes the focus by itself; Chromium applies autofocus at its next
    // rendering, which on a busy machine comes after the load event, so wait for it, not a clock.
    await expect
      .poll(() =>
        page.evaluate(() =>
          (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute(
            'type',
          ),
        ),
      )
      .toBe('submit');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${web.url}/studio`);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'mixdesk_studio', httpOnly: true, sameSite: 'Strict', path: '/studio' });

    // The session sits on its studio-time day, at its studio-time hours.
    const day = page.locator('.day', { has: page.locator('h3', { hasText: local.toFormat('ccc d LLL') }) });
    await expect.poll(() => day.textContent()).toContain(`${local.toFormat('HH:mm')}–`);
    expect(await day.textContent()).toContain(ref);
    expect(await page.textContent('h2')).toBe(`This week (${ZONE})`);
    expect(await page.locator('section', { hasText: ref }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-desktop.png'), fullPage: true });

    // To the booking and its Confirm, by keyboard.
    await page.getByRole('link', { name: ref }).first().click();
    await page.getByRole('button', { name: 'Confirm' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/studio/booking/${ref}`);
    await expect.poll(() => page.textContent('.said')).toContain(ref);
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status).toBe('awaiting-files');
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { reference: ref } })).toMatchObject({
      platform: 'web',
      userId: 'engineer:discord:900000000000000001',
      action: 'booking confirm',
      outcome: 'done',
    });
    // The history on the page says who did it.
    expect(await page.textContent('body')).toContain('web:engineer:discord:900000000000000001 /booking confirm · done');

    // A used sign-in link signs nobody else in.
    const other = await browser.newContext();
    const again = await other.newPage();
    const reused = await again.goto(link);
    expect(reused!.status()).toBe(403);
    expect(await again.textContent('body')).toContain('not valid any more');
    const bare = await again.goto(`${web.url}/studio`);
    expect(bare!.status()).toBe(403);
    await other.close();

    // With the cookie, but posted from another site: refused, nothing done.
    const stolen = await fetch(`${web.url}/studio/act`, {
      method: 'POST',
      body: new URLSearchParams({ reference: ref, do: 'decline' }),
      headers: { cookie: `mixdesk_studio=${cookie!.value}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(stolen.status).toBe(403);
    expect((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status).toBe('awaiting-files');

    // Only the actions the page offers, with arguments the commands accept; a refusal is a sentence.
    const post = (form: Record<string, string>) =>
      fetch(`${web.url}/studio/act`, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { cookie: `mixdesk_studio=${cookie!.value}`, origin: web.url, 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
    const unknown = await post({ reference: ref, do: 'delete' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('That is not an action the dashboard offers.');
    // Refused by the core (no version 7 is held): back to the booking, the refusal said and audited.
    const refusal = await post({ reference: ref, do: 'deliver', version: '7' });
    expect(refusal.status).toBe(303);
    expect(decodeURIComponent(/mixdesk_said=([^;]+)/.exec(refusal.headers.get('set-cookie') ?? '')![1]!)).toContain(ref);
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { reference: ref, action: 'version deliver' } })).toMatchObject({
      outcome: 'refused',
      platform: 'web',
      detail: 'version=7',
    });

    // Signing out ends the session.
    await page.goto(`${web.url}/studio`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect((await page.goto(`${web.url}/studio`))!.status()).toBe(403);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(await signInLink());
    await small.getByRole('button', { name: 'Sign in to the studio dashboard' }).click();
    await small.waitForURL(`${web.url}/studio`);
    await small.screenshot({ path: path.join(artifacts, 'dashboard-phone.png'), fullPage: true });
    // One column on a phone: the days stack.
    const days = small.locator('.day');
    const [first, second] = [await days.nth(0).boundingBox(), await days.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
    await phone.close();
  });

  it('a version held for review is listed, and the engineer sends it to the artist from the booking page', async () => {
    const mix = path.join(dir, 'Night Drive.wav');
    writeFileSync(mix, await encodeAudio(makeTrack(3), 'wav24'));
    const noor = new TestChat(new Conversation(studio, pino({ level: 'silent' })), TestChat.sender('noor'));
    const ref = await noor.book('master', 'Unattended');
    const context = await browser.newContext();
    let page = await context.newPage();
    await page.goto(await signInLink());
    await page.getByRole('button', { name: 'Sign in to the studio dashboard' }).click();
    await page.waitForURL(`${web.url}/studio`);
    await page.goto(`${web.url}/studio/booking/${ref}`);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`**/studio/booking/${ref}`);
    await noor.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: 'noor-mix' } });
    await queue.idle();
    expect((await t.db.delivery.findFirstOrThrow({ where: { booking: { reference: ref } } })).status).toBe('held');

    await page.goto(`${web.url}/studio`);
    const held = page.locator('h2', { hasText: 'Versions waiting for you' }).locator('xpath=following-sibling::table[1]');
    expect(await held.textContent()).toMatch(new RegExp(`${ref}\\s*v1\\s*awaiting your review`));
    await page.getByRole('link', { name: ref }).first().click();
    await page.getByRole('button', { name: 'Send v1 to the artist' }).click();
    await page.waitForURL(`**/studio/booking/${ref}`);
    expect((await t.db.delivery.findFirstOrThrow({ where: { booking: { reference: ref } } })).status).toBe('ready');
    await studio.outbox.dispatch();
    expect(sent.some((r) => r.text.includes(`Your master for ${ref} is ready — version 1.`))).toBe(true);
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { reference: ref, action: 'version deliver' } })).toMatchObject({
      outcome: 'done',
      detail: 'version=1',
    });

    // The artist comments at a moment; the alert's link opens the comment on the booking's page,
    // where the engineer answers it (the artist's chat hears it) and marks it resolved.
    const booking = await studio.bookings.withClient((await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).id);
    await studio.comments.add(booking, { version: 1, startMs: 1200, text: 'the <b>vocal</b> is too quiet' });
    await studio.comments.add(booking, { version: 1, startMs: 2000, text: 'a draft the studio never sees' });
    await studio.comments.remove(booking, 2);
    await studio.comments.add(booking, { version: 1, startMs: 2500, text: 'still thinking' });
    expect(await studio.comments.send(booking)).toBe(2);
    await studio.comments.add(booking, { version: 1, startMs: 2600, text: 'unsent draft' });
    // The alert's link, opened in a new tab of the signed-in browser.
    await page.close();
    page = await context.newPage();
    await page.goto(`${web.url}/studio/booking/${ref}#comment-1`);
    const comment = page.locator('#comment-1');
    expect(await comment.textContent()).toContain('#1 · v1 · 0:01 — the <b>vocal</b> is too quiet');
    expect(await page.textContent('body')).not.toContain('unsent draft');
    // The engineer hears the moment: the version as its page plays it, from the comment's time.
    const src = (await comment.locator('audio').getAttribute('src'))!;
    expect(src).toBe(`/studio/booking/${ref}/version/1/audio#t=1.2`);
    const heard = await context.request.get(`${web.url}${src.split('#')[0]}`, { headers: { range: 'bytes=0-99' } });
    expect(heard.status()).toBe(206);
    expect(heard.headers()['content-type']).toMatch(/^audio\//);
    expect((await fetch(`${web.url}${src.split('#')[0]}`)).status).toBe(403); // signed out: nothing
    expect((await context.request.get(`${web.url}/studio/booking/${ref}/version/9/audio`)).status()).toBe(404);
    await comment.getByLabel('Answer #1').fill('Up 1 dB from 0:01, in v2');
    await comment.getByRole('button', { name: 'Answer' }).click();
    await page.waitForURL(`**/studio/booking/${ref}#comment-1`);
    expect(await page.locator('#comment-1').textContent()).toContain('Studio: Up 1 dB from 0:01, in v2');
    await page.locator('#comment-1').getByRole('button', { name: 'Mark resolved' }).click();
    await page.waitForURL(`**/studio/booking/${ref}#comment-1`);
    expect(await page.locator('#comment-1').textContent()).toContain('(resolved)');
    await studio.outbox.dispatch();
    expect(sent.map((r) => r.text)).toContain(
      `💬 The studio answered your comment on ${ref} (v1 at 0:01: the <b>vocal</b> is too quiet): Up 1 dB from 0:01, in v2`,
    );
    expect(await t.db.engineerAction.findFirstOrThrow({ where: { reference: ref, action: 'comment answer' } })).toMatchObject({
      outcome: 'done',
      platform: 'web',
    });
    await context.close();
  });

  it("with several engineers an engineer's board shows their bookings; an owner's everyone's, named, or only theirs", async () => {
    const ANA = '900000000000000077';
    await studio.engineers.add('Ana', `discord:${ANA}`);
    const ana = await studio.engineers.byName('Ana');
    await studio.desk.addWeeklyHours('mon', '08:00', '22:00', ana.id);
    const client = (await studio.clients.identify({ platform: 'test', externalId: 'zed', displayName: 'Zed' })).client;
    const slot = async (engineerId: string) => (await studio.bookings.freeSlots('master', undefined, undefined, engineerId))[0]!.start;
    const make = async (engineerId: string, key: string) =>
      studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'standard',
        start: await slot(engineerId),
        timeZone: ZONE,
        idempotencyKey: key,
        origin: { platform: 'test', chatId: 'zed' },
        actor: 'client:zed',
        engineerId,
      });
    const hers = await make(ana.id, 'board-ana');
    const owner = (await studio.engineers.owners())[0]!;
    const theirs = await make(owner.id, 'board-owner');
    /** Signed in as the engineer `actor` the way a browser is (the form's post): their session cookie. */
    const signIn = async (actor: string) => {
      const signed = await fetch(await signInLink(actor), { method: 'POST', redirect: 'manual', headers: { origin: web.url } });
      expect(signed.status).toBe(303);
      return signed.headers.get('set-cookie')!.split(';')[0]!;
    };
    const board = async (actor: string, query = '') => (await fetch(`${web.url}/studio${query}`, { headers: { cookie: await signIn(actor) } })).text();
    const asAna = await board(`engineer:discord:${ANA}`);
    expect(asAna).toMatch(/Ana(&#39;|')s bookings/);
    expect(asAna).toContain(hers.reference);
    expect(asAna).not.toContain(theirs.reference);
    expect(asAna).not.toContain('?who=all');
    // Asking for everyone's changes nothing for her.
    expect(await board(`engineer:discord:${ANA}`, '?who=all')).not.toContain(theirs.reference);
    const asOwner = await board('engineer:console');
    expect(asOwner).toMatch(/Everyone(&#39;|')s bookings/);
    expect(asOwner).toContain(hers.reference);
    expect(asOwner).toContain(theirs.reference);
    expect(asOwner).toMatch(/· Ana/);
    const ownersOwn = await board('engineer:console', '?who=mine');
    expect(ownersOwn).toContain(theirs.reference);
    expect(ownersOwn).not.toContain(hers.reference);
  });

  it('the owner manages the engineers on the dashboard; another engineer may not; a booking is handed over from its page', async () => {
    const signIn = async (actor: string) => {
      const signed = await fetch(await signInLink(actor), { method: 'POST', redirect: 'manual', headers: { origin: web.url } });
      return signed.headers.get('set-cookie')!.split(';')[0]!;
    };
    const owner = await signIn('engineer:console');
    const post = (cookie: string, path: string, fields: Record<string, string>) =>
      fetch(`${web.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: web.url }, body: new URLSearchParams(fields) });
    /** What the dashboard said of an action (the short-lived cookie the next page shows). */
    const saidBy = (r: Response) => decodeURIComponent(decodeURIComponent(/mixdesk_said=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? ''));
    const page = async (cookie: string, path: string) => {
      const r = await fetch(`${web.url}${path}`, { headers: { cookie } });
      return { status: r.status, text: await r.text() };
    };
    expect((await page(owner, '/studio')).text).toContain('href="/studio/engineers"');
    let list = await page(owner, '/studio/engineers');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Ana');
    // Add Ben, who mixes only; Ana's alerts go to a Telegram group.
    const added = await post(owner, '/studio/engineers/act', { do: 'add', name: 'Ben', identity: 'telegram:4242', services: 'mix' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/studio/engineers');
    expect((await post(owner, '/studio/engineers/act', { do: 'chats', name: 'Ana', chats: 'telegram:-1005' })).status).toBe(303);
    const ben = await studio.engineers.byName('Ben');
    expect(ben).toMatchObject({ services: ['mix'], identities: ['telegram:4242'] });
    expect((await studio.engineers.byName('Ana')).chats).toEqual(['telegram:-1005']);
    list = await page(owner, '/studio/engineers');
    expect(list.text).toMatch(/<h2>\s*Ben/);
    expect(list.text).toContain('Takes mix · alerts to telegram:4242');
    expect(saidBy(added)).toMatch(/^Added Ben \(telegram:4242\): they take mix/);
    // A bad identity is refused in words; a form with no name is no action at all.
    const bad = await post(owner, '/studio/engineers/act', { do: 'add', name: 'Cy', identity: 'discord:<script>' });
    expect(saidBy(bad)).toBe('"discord:<script>" is not an identity: use discord:<user id>, telegram:<user id> or console.');
    expect(await t.db.engineer.count({ where: { name: 'Cy' } })).toBe(0);
    expect((await post(owner, '/studio/engineers/act', { do: 'remove' })).status).toBe(400);
    // Ana is an engineer but not an owner: the page and its forms are not hers.
    const ana = await signIn('engineer:discord:900000000000000077');
    expect(await page(ana, '/studio')).toMatchObject({ status: 200 });
    expect((await page(ana, '/studio')).text).not.toContain('href="/studio/engineers"');
    const refused = await page(ana, '/studio/engineers');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only the studio&#39;s owner can do that.');
    expect(saidBy(await post(ana, '/studio/engineers/act', { do: 'remove', name: 'Ben' }))).toBe("Only the studio's owner can do that.");
    expect((await studio.engineers.byName('Ben')).active).toBe(true);
    // Her booking's page names her and, for the owner only, offers to hand it over. Hers is at 08:00
    // on a Monday, before the studio's hours: refused in words, and it stays hers.
    const hers = await t.db.booking.findUniqueOrThrow({ where: { idempotencyKey: 'board-ana' } });
    expect(DateTime.fromJSDate(hers.startsAt!).setZone(ZONE).toFormat('ccc HH:mm')).toBe('Mon 08:00');
    const detail = await page(owner, `/studio/booking/${hers.reference}`);
    expect(detail.text).toContain('with Ana');
    expect(detail.text).toContain('name="engineer"');
    expect((await page(ana, `/studio/booking/${hers.reference}`)).text).not.toContain('name="engineer"');
    const refusedHandover = await post(owner, '/studio/act', { do: 'assign', reference: hers.reference, engineer: 'mixdesk studio' });
    expect(saidBy(refusedHandover)).toContain(`mixdesk studio is not free for ${hers.reference} at its time`);
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: hers.id } })).engineerId).toBe((await studio.engineers.byName('Ana')).id);
    // One at noon goes over: his calendar holds it now.
    const client = await t.db.client.findFirstOrThrow({ where: { displayName: 'Zed' } });
    const noon = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'standard',
      start: DateTime.fromJSDate(hers.startsAt!).setZone(ZONE).set({ hour: 12 }).toJSDate(),
      timeZone: ZONE,
      idempotencyKey: 'board-ana-noon',
      origin: { platform: 'test', chatId: 'zed' },
      actor: 'client:zed',
      engineerId: (await studio.engineers.byName('Ana')).id,
    });
    expect((await post(owner, '/studio/act', { do: 'assign', reference: noon.reference, engineer: 'mixdesk studio' })).status).toBe(303);
    const mine = (await studio.engineers.owners())[0]!;
    expect((await t.db.booking.findUniqueOrThrow({ where: { id: noon.id } })).engineerId).toBe(mine.id);
    expect((await t.db.slotHold.findMany({ where: { bookingId: noon.id } })).every((h) => h.engineerId === mine.id)).toBe(true);
    await post(owner, '/studio/engineers/act', { do: 'remove', name: 'Ben' });
    expect((await studio.engineers.byName('Ben')).active).toBe(false);
  });
});
