// Balances and paid revisions through Stripe (PAYMENTS=stripe), on the real pipeline, web server
// and the official SDK against a local fake: a version ready while part of the price is due goes
// out with its report and preview, and its full-quality files follow the payment; a revision beyond
// the free ones starts once paid, and gives its payment back when it ends without a new version.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { deskCommands, type DeskAction } from '../../core/engineer/commands/index.js';
import { encodeAudio } from '../../engine/io/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { completedEvent, signed, StripeFake, WEBHOOK_SECRET as SECRET } from '../helpers/stripe-fake.js';
import { testStudio } from '../helpers/studio.js';
import { cachedMasters } from '../helpers/master-cache.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-balance-'));
const mix = path.join(dir, 'Night Drive.wav');
writeFileSync(mix, await encodeAudio(makeTrack(4, 48000, { level: 0.3 }), 'wav24'));
/** Payments are about who pays and when: each master is made once for both databases. */
const masters = cachedMasters(path.join(dir, 'masters'));
let fake: StripeFake;
beforeAll(async () => {
  fake = await new StripeFake().start();
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(testProviders())('balances and paid revisions on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let web: WebServer;
  let chat: TestChat;
  const sent: Reply[] = [];

  async function setUp(env: Record<string, string> = {}): Promise<void> {
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { ...fake.settings(), ENGINEER_CHAT: 'console:engineer', ...env }, undefined, undefined, {
      queue,
      pipeline: { attempts: 2, backoffMs: 10, runMaster: masters },
    });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    studio.outbox.register('console', { send: async (_c, r) => void sent.push(r) });
    await studio.jobs.work();
    web = await startWebServer({
      studio,
      log,
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, `staging-${provider}`),
      maxUploadBytes: 2 ** 26,
      maxFileMb: 64,
    });
    chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
  }

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    fake.reset();
    sent.length = 0;
  });
  afterEach(async () => {
    await web?.close();
    await queue?.close();
    await t.drop();
  });

  const webhook = (body: string) =>
    fetch(`${web.url}/stripe/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'stripe-signature': signed(body, SECRET) } });
  async function pay(sessionIndex: number, eventId: string): Promise<unknown> {
    const res = await webhook(completedEvent(eventId, fake.sessions[sessionIndex]!));
    expect(res.status).toBe(200);
    return res.json();
  }
  /** Opens a pay link from the chat (links name the address the web server serves at). */
  const open = (link: string) => fetch(link, { redirect: 'manual' });
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Everything sent since the last call, once the jobs are done. */
  async function messages(): Promise<Reply[]> {
    await queue.idle();
    await studio.outbox.dispatch();
    await queue.idle();
    await studio.outbox.dispatch();
    return sent.splice(0).filter((r) => !/^(⏳|✅|⚠️)/.test(r.text));
  }
  const desk = (command: string, action: string, args: Record<string, string>) =>
    (deskCommands.find((c) => c.name === command) as { actions: readonly DeskAction[] }).actions
      .find((a) => a.name === action)!
      .run({ studio, actor: 'engineer:test', args });

  /** An unattended master booked, its deposit paid, its mix sent; returns the reference. */
  async function bookPaySendMix(): Promise<string> {
    const ref = await chat.book('master', 'Unattended');
    await pay(0, 'evt_deposit');
    await chat.event({ kind: 'file', file: { name: 'Night Drive.wav', sizeBytes: 0, ref: mix, id: 'mix-1' } });
    return ref;
  }

  it('a version ready while the balance is due: report and preview at once, the full-quality files once it is paid; the engineer hears of the payment', async () => {
    await setUp({ ENGINEER_ALERTS: 'all' });
    const ref = await bookPaySendMix();
    const got = await messages();
    const version = got.find((r) => r.text.includes(`Your master for ${ref} is ready — version 1.`))!;
    // £42 for unattended mastering, £12.60 paid: £29.40 to go.
    expect(version.text).toMatch(
      new RegExp(
        `The full-quality files follow as soon as the balance of £29\\.40 is paid: ${escaped(web.url)}/pay/\\w+\\.[\\w-]{43}\n\n2 free revisions left`,
      ),
    );
    expect(version.files!.map((f) => f.name)).toEqual(['Night Drive - master v1 report.png']);
    const link = version.links![0]!.url;
    expect(version.links).toEqual([
      { label: 'Pay £29.40', url: link },
      { label: 'Listen and compare', url: expect.stringContaining('/listen/') },
    ]);
    expect(version.invoice).toMatchObject({ title: `Balance ${ref}`, amountCents: 2940, currency: 'GBP' });
    // The preview to listen to follows in its own message; the master stays with the studio.
    const preview = got.find((r) => r.text.startsWith('🎧'))!;
    expect(preview.files!.map((f) => f.name)).toEqual(['Night Drive - master v1 (preview).mp3']);
    expect(got.flatMap((r) => r.files ?? []).some((f) => f.name === 'Night Drive - master v1.wav')).toBe(false);
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Night Drive - master v1 (preview).mp3: ');
    expect(chat.text).not.toContain('Night Drive - master v1.wav');
    expect(chat.text).toContain(`Full-quality files once the balance of £29.40 is paid: ${link}`);
    // The listening page lets them hear and compare, but offers only the preview to download.
    const room = await (await fetch(version.links![1]!.url)).text();
    expect(room).toContain('Night Drive - master v1 (preview).mp3');
    expect(room).not.toContain('Night Drive - master v1.wav');
    const masterFile = await t.db.deliveryFile.findFirstOrThrow({ where: { kind: 'master' } });
    expect((await fetch(`${version.links![1]!.url}/file/${masterFile.id}`)).status).toBe(404);

    // Stripe unreachable: the link says so in a sentence and stays good.
    fake.failWith = 500;
    const down = await open(link);
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('The payment page could not be opened just now. Please try again in a minute.');
    fake.failWith = null;
    // The link opens a Stripe page for the balance, the same one while it is open.
    const first = await open(link);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('https://checkout.stripe.test/c/pay/cs_test_2');
    const balance = await t.db.payment.findFirstOrThrow({ where: { purpose: 'balance' } });
    expect(Object.fromEntries(fake.sessions[1]!.form)).toMatchObject({ client_reference_id: balance.id, 'line_items[0][price_data][unit_amount]': '2940' });
    expect((await open(link)).headers.get('location')).toBe('https://checkout.stripe.test/c/pay/cs_test_2');
    expect(fake.sessions).toHaveLength(2);
    // A link altered by hand opens nothing.
    expect((await open(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(404);
    expect((await open(`${web.url}/pay/${balance.id}`)).status).toBe(404);

    expect(await pay(1, 'evt_balance')).toEqual({ received: true, outcome: 'handled' });
    expect(await pay(1, 'evt_balance')).toEqual({ received: true, outcome: 'duplicate' });
    const afterPaid = await messages();
    const released = afterPaid.filter((r) => r.text.includes('full-quality files of'));
    expect(released).toHaveLength(1);
    expect(released[0]!.text).toBe(`Balance of £29.40 for ${ref} received. Thank you!\nHere are the full-quality files of ${ref} v1.`);
    expect(released[0]!.files!.map((f) => f.name)).toEqual(['Night Drive - master v1.wav']);
    // The engineer is told of money received (issue 29.2), once however often Stripe says it.
    const told = afterPaid.filter((r) => r.text.includes('paid the balance'));
    expect(told.map((r) => r.text)).toEqual([`🔔 mara paid the balance of £29.40 for ${ref}; the full-quality files went to them.`]);
    expect(await t.db.delivery.findFirstOrThrow()).toMatchObject({ awaitsBalance: false });
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Night Drive - master v1.wav: ');
    expect(chat.text).toContain('Balance of £29.40 paid on');
    expect(chat.text).not.toContain('Still to pay');
    expect(await (await open(link)).text()).toContain('This payment is made. Thank you!');

    // Paid in full: the next version goes out whole.
    await chat.send(`/revise ${ref} louder`);
    const v2 = (await messages()).find((r) => r.text.includes('version 2'))!;
    expect(v2.text).not.toContain('balance');
    expect(v2.files!.map((f) => f.name)).toContain('Night Drive - master v2.wav');
  });

  it('a balance whose amount changed closes its old page, so only the new amount can be paid', async () => {
    await setUp();
    const ref = await bookPaySendMix();
    const link = (await messages()).find((r) => r.text.includes('version 1'))!.links![0]!.url;
    expect((await open(link)).headers.get('location')).toBe('https://checkout.stripe.test/c/pay/cs_test_2');
    // The price grows (the engineer booked more time), and the next version asks for the new balance.
    await t.db.booking.update({ where: { reference: ref }, data: { priceCents: 5200 } });
    await chat.send(`/revise ${ref} louder`);
    const v2 = (await messages()).find((r) => r.text.includes('version 2'))!;
    expect(v2.text).toContain('the balance of £39.40 is paid');
    expect(v2.links![0]!.url).toBe(link); // the same link
    expect((await open(link)).headers.get('location')).toBe('https://checkout.stripe.test/c/pay/cs_test_3');
    expect(fake.expired).toEqual(['cs_test_2']);
    expect(fake.sessions[2]!.form.get('line_items[0][price_data][unit_amount]')).toBe('3940');
    // Paid on the new page: both versions' files follow.
    await pay(2, 'evt_new_amount');
    const released = (await messages()).filter((r) => r.text.includes('full-quality files of'));
    expect(released.map((r) => r.files!.map((f) => f.name))).toEqual([['Night Drive - master v1.wav'], ['Night Drive - master v2.wav']]);
  });

  it('the engineer can waive the balance: the full-quality files go out, audited', async () => {
    await setUp();
    const ref = await bookPaySendMix();
    await messages();
    expect(await desk('booking', 'waive', { reference: ref })).toBe(`${ref}: balance waived; the full-quality files went to the artist.`);
    const released = (await messages()).find((r) => r.text.includes('full-quality files of'))!;
    expect(released.text).toBe(`The studio waived the balance of ${ref}.\nHere are the full-quality files of ${ref} v1.`);
    expect(released.files!.map((f) => f.name)).toEqual(['Night Drive - master v1.wav']);
    expect(await desk('booking', 'waive', { reference: ref })).toBe(`${ref} has no payment waiting.`);
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Balance of £29.40 waived by the studio.');
  });

  it('a paid revision starts once paid; asked again differently it replaces the unpaid one; closed without a version it is refunded', async () => {
    await setUp({ FREE_REVISIONS: '0', DEPOSIT_PERCENT: '100', ENGINEER_ALERTS: 'all' });
    const ref = await bookPaySendMix();
    const v1 = (await messages()).find((r) => r.text.includes('version 1'))!;
    expect(v1.files!.map((f) => f.name)).toContain('Night Drive - master v1.wav'); // paid in full: nothing held back

    await chat.send(`/revise ${ref} louder`);
    expect(chat.text).toContain('You pay it first, and it starts as soon as it is paid.');
    await chat.press('Yes, revise for £15');
    expect(chat.text).toMatch(new RegExp(`^Revision 1 of ${ref} starts as soon as its £15 is paid: ${escaped(web.url)}/pay/`));
    const louder = chat.replies.at(-1)!;
    expect(louder.invoice).toMatchObject({ title: `Revision ${ref}`, amountCents: 1500 });
    expect(await t.db.revision.count()).toBe(0);
    expect(await open(louder.links![0]!.url)).toMatchObject({ status: 303 });
    // The artist changes their mind before paying: the first payment is called off, its page closed.
    await chat.send(`/revise ${ref} brighter`);
    await chat.press('Yes, revise for £15');
    const brighter = chat.replies.at(-1)!;
    expect(fake.expired).toEqual(['cs_test_2']);
    expect((await open(louder.links![0]!.url)).status).toBe(410);
    expect(await open(brighter.links![0]!.url)).toMatchObject({ status: 303 });

    await pay(2, 'evt_revision_1');
    await pay(2, 'evt_revision_1');
    const got = await messages();
    expect(got.map((r) => r.text)).toContainEqual(
      `Payment of £15 for ${ref} received.\nRevision 1 of ${ref} started (£15, paid): brighter. Making version 2 now; it arrives here when ready (/status shows how far it is).`,
    );
    expect(got.filter((r) => r.text.includes('version 2')).length).toBeGreaterThan(0);
    expect(await t.db.revision.findMany()).toEqual([
      expect.objectContaining({ number: 1, paid: true, priceCents: 1500, status: 'resolved', chargedAt: expect.any(Date) }),
    ]);
    expect(await t.db.delivery.count({ where: { status: 'ready' } })).toBe(2);

    // Notes only the engineer can act on, paid; the engineer closes it without a new version.
    await chat.send(`/revise ${ref} make it sound like Daft Punk`);
    await chat.press('Yes, revise for £15');
    await open(chat.replies.at(-1)!.links![0]!.url);
    await pay(3, 'evt_revision_2');
    expect((await messages()).map((r) => r.text)).toContainEqual(
      `Payment of £15 for ${ref} received.\nRevision 2 of ${ref} noted (£15, paid). Your notes need the engineer, who has them now and will send the new version here.`,
    );
    await studio.desk.resolveRevision(ref, 'Talked it through on the phone', 'engineer:test');
    expect(fake.refunds.map((r) => [r.paymentIntent, r.amount])).toEqual([['pi_cs_test_4', 1500]]);
    const refunded = (await messages()).map((r) => r.text);
    expect(refunded).toContain('£15 refunded: it reaches your card in 5–10 days.');
    // The engineer hears of money given back outside a cancellation too (issue 29.2).
    expect(refunded.filter((x) => x.includes('Refunded £15'))).toEqual([expect.stringMatching(new RegExp(`^🔔 Refunded £15 for ${ref} \\(.+\\)\\.$`))]);
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Revision payment of £15 paid on');
    expect(chat.text).toContain('Revision payment of £15 refunded.');
  });

  it('a revision paid when it can no longer be made is given back, and the artist hears why', async () => {
    await setUp({ FREE_REVISIONS: '0', DEPOSIT_PERCENT: '100' });
    const ref = await bookPaySendMix();
    await messages();
    await chat.send(`/revise ${ref} louder`);
    await chat.press('Yes, revise for £15');
    await open(chat.replies.at(-1)!.links![0]!.url);
    // Meanwhile the booking was closed (completed): no revision can start on it any more.
    await t.db.booking.update({ where: { reference: ref }, data: { status: 'completed' } });
    await pay(1, 'evt_late_revision');
    const texts = (await messages()).map((r) => r.text);
    expect(texts.find((m) => m.startsWith(`The paid revision of ${ref} could not start:`))).toMatch(/£15 refunded: it reaches your card in 5–10 days\.$/);
    expect(fake.refunds.map((r) => r.amount)).toEqual([1500]);
    expect(await t.db.revision.count()).toBe(0);
  });
});
