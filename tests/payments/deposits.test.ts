// Deposits through Stripe (PAYMENTS=stripe), against a local fake of its API reached by the
// official SDK, with webhooks signed as Stripe signs them: a booking waits for its deposit; paid,
// it goes on as before, once however often the event arrives; a forged call changes nothing;
// unpaid in time, its slot is released; a payment page that cannot be made leaves it held.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { completedEvent, signed, StripeFake, WEBHOOK_SECRET as SECRET } from '../helpers/stripe-fake.js';
import { testStudio } from '../helpers/studio.js';
import type { ManualClock } from '../../core/clock.js';
import { deskCommands, type DeskAction } from '../../core/engineer/commands/index.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-pay-'));
const mix = path.join(dir, 'mix.wav');
writeFileSync(mix, await encodeAudio(makeTrack(3), 'wav24'));
let fake: StripeFake;
beforeAll(async () => {
  fake = await new StripeFake().start();
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(testProviders())('deposits on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let web: WebServer;
  let chat: TestChat;
  const sent: Reply[] = [];

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    fake.reset();
    sent.length = 0;
    studio = await testStudio(t.db, { ...fake.settings(), ENGINEER_CHAT: 'console:engineer' });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    studio.outbox.register('console', { send: async (_c, r) => void sent.push(r) });
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
  });
  afterEach(async () => {
    await web.close();
    await t.drop();
  });

  const bookMaster = (kind: 'Unattended' | 'Standard') => chat.book('master', kind);
  const status = async (ref: string) => (await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status;
  const webhook = (body: string, signature?: string) =>
    fetch(`${web.url}/stripe/webhook`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    });
  async function messages(): Promise<string[]> {
    await studio.outbox.dispatch();
    return sent.map((r) => r.text);
  }

  it('a booking waits for its deposit; paid, it goes on as before — once, however often the event arrives', async () => {
    const ref = await bookMaster('Unattended');
    // £60 at the unattended discount is £42; 30 % of it is £12.60, in pence everywhere.
    expect(chat.text).toContain(`To hold it, pay the deposit of £12.60 (30 % of the price) within 30 minutes: https://checkout.stripe.test/c/pay/cs_test_1`);
    expect(chat.replies.at(-1)!.visibility).toBe('private');
    expect(await status(ref)).toBe('awaiting-payment');
    const [session] = fake.sessions;
    const payment = await t.db.payment.findFirstOrThrow();
    expect(payment).toMatchObject({ purpose: 'deposit', amountCents: 1260, currency: 'GBP', status: 'open', checkoutId: 'cs_test_1' });
    expect(Object.fromEntries(session!.form)).toMatchObject({
      mode: 'payment',
      client_reference_id: payment.id,
      'metadata[booking]': ref,
      'line_items[0][price_data][unit_amount]': '1260',
      'line_items[0][price_data][currency]': 'gbp',
      success_url: `https://studio.test/paid?booking=${ref}`,
    });
    expect(session!.idempotencyKey).toMatch(new RegExp(`^checkout:${payment.id}:1260:\\d+$`));
    // Not yet paid: no files taken, and /status shows the same page (no second checkout).
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'early' } });
    expect(await t.db.upload.count()).toBe(0);
    studio.clock.advance(20 * 60_000);
    await chat.send('/status');
    expect(chat.text).toContain('waiting for its deposit');
    // The time its hold has left, not the hold's whole length.
    expect(chat.text).toContain('within 10 minutes: https://checkout.stripe.test/c/pay/cs_test_1');
    expect(fake.sessions).toHaveLength(1);

    const body = completedEvent('evt_paid_1', session!);
    const first = await webhook(body, signed(body, SECRET));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: 'handled' });
    expect(await status(ref)).toBe('awaiting-files'); // BOOKING_AUTO_CONFIRM, as without payments
    expect(await t.db.payment.findFirstOrThrow()).toMatchObject({ status: 'paid', paymentIntentId: 'pi_cs_test_1' });
    const events = await t.db.bookingEvent.count();
    // Stripe delivers again (it retries until it hears 200): nothing happens twice.
    const again = await webhook(body, signed(body, SECRET));
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await t.db.bookingEvent.count()).toBe(events);
    expect((await messages()).filter((m) => m.startsWith('Deposit of £12.60 received'))).toEqual([`Deposit of £12.60 received: ${ref} is booked. Thank you!`]);
    // What was paid, with Stripe's receipt, and what remains, for the artist and the engineer.
    await chat.send(`/status ${ref}`);
    expect(chat.text).toContain('Deposit of £12.60 paid on 1 Dec 2026 (receipt: https://pay.stripe.test/receipts/pi_cs_test_1).');
    expect(chat.text).toContain('Still to pay: £29.40.');
    const lookup = await (deskCommands.find((c) => c.name === 'client') as { actions: readonly DeskAction[] }).actions[0]!.run({
      studio,
      actor: 'engineer:test',
      args: { query: ref },
    });
    expect(lookup).toContain('Deposit of £12.60 paid on 1 Dec 2026 (receipt: https://pay.stripe.test/receipts/pi_cs_test_1).');
    // The dashboard's booking page reads the same ledger.
    expect((await studio.board.booking(ref))!.money).toEqual([
      'Deposit of £12.60 paid on 1 Dec 2026 (receipt: https://pay.stripe.test/receipts/pi_cs_test_1).',
      'Still to pay: £29.40.',
    ]);
    // Now the mix is taken and mastered as before.
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'paid' } });
    expect(await t.db.upload.count()).toBe(1);
  });

  it('a forged or unsigned webhook is refused with 400 and changes nothing', async () => {
    const ref = await bookMaster('Unattended');
    const body = completedEvent('evt_forged', fake.sessions[0]!);
    expect((await webhook(body, signed(body, 'whsec_someone_else'))).status).toBe(400);
    expect((await webhook(body)).status).toBe(400);
    // Signed, then altered on the way: the signature no longer matches.
    const tampered = await webhook(body.replace('"paid"', '"paid" '), signed(body, SECRET));
    expect(tampered.status).toBe(400);
    expect(await status(ref)).toBe('awaiting-payment');
    expect(await t.db.stripeEvent.count()).toBe(0);
    expect((await t.db.payment.findFirstOrThrow()).status).toBe('open');
  });

  it('unpaid when the hold runs out: the slot is released and the artist told; a payment after that goes to the engineer', async () => {
    const ref = await bookMaster('Standard');
    expect(await t.db.slotHold.count()).toBeGreaterThan(0);
    studio.clock.advance(29 * 60_000);
    expect(await studio.payments.releaseUnpaid()).toBe(0);
    studio.clock.advance(2 * 60_000);
    expect(await studio.payments.releaseUnpaid()).toBe(1);
    expect(await studio.payments.releaseUnpaid()).toBe(0); // once
    expect(await status(ref)).toBe('cancelled');
    expect(await t.db.slotHold.count()).toBe(0);
    expect(fake.expired).toEqual(['cs_test_1']); // its payment page is closed too
    expect(await messages()).toContain(`The deposit for ${ref} was not paid in time, so its time has been released. Book again with /book whenever you like.`);
    // The time is free again for someone else.
    const noor = new TestChat(chat.conversation, TestChat.sender('noor'));
    await noor.send('/book master');
    await noor.press('Standard');
    await noor.press('Thu 3 Dec');
    expect(noor.buttons.map((b) => b.label)).toContain('10:00');
    // Mara pays after all: the booking stays released; the engineer settles it.
    const body = completedEvent('evt_late', fake.sessions[0]!);
    expect(await (await webhook(body, signed(body, SECRET))).json()).toEqual({ received: true, outcome: 'handled' });
    expect(await status(ref)).toBe('cancelled');
    expect((await messages()).some((m) => m.includes(`${ref} (mara) paid its deposit of £18 after its time was released`))).toBe(true);
    // Paid, on a booking that owes nothing more: no "still to pay" for the engineer to chase.
    const lookup = await (deskCommands.find((c) => c.name === 'client') as { actions: readonly DeskAction[] }).actions[0]!.run({
      studio,
      actor: 'engineer:test',
      args: { query: ref },
    });
    expect(lookup).toContain('Deposit of £18 paid on');
    expect(lookup).not.toContain('Still to pay');
  });

  async function payDeposit(n = 1): Promise<void> {
    const body = completedEvent(`evt_paid_${n}`, fake.sessions[n - 1]!);
    expect((await webhook(body, signed(body, SECRET))).status).toBe(200);
  }

  it('cancelled early enough, the deposit is refunded through Stripe — said before the artist confirms', async () => {
    const ref = await bookMaster('Standard'); // Thu 3 Dec 10:00, 50 hours ahead
    await payDeposit();
    await chat.send(`/cancel ${ref}`);
    expect(chat.text).toContain('Your deposit of £18 will be refunded to your card.');
    // The answer holds to what was said, even if the boundary passes meanwhile.
    studio.clock.advance(3 * 3_600_000);
    await chat.press('Yes');
    expect(chat.text).toContain('£18 refunded: it reaches your card in 5–10 days.');
    expect(fake.refunds).toEqual([
      { id: 're_test_1', paymentIntent: 'pi_cs_test_1', amount: 1800, idempotencyKey: `refund:${(await t.db.payment.findFirstOrThrow()).id}` },
    ]);
    expect(await t.db.payment.findFirstOrThrow()).toMatchObject({ status: 'refunded', refundId: 're_test_1' });
    expect(await status(ref)).toBe('cancelled');
  });

  it('the engineer hears what became of a cancelled booking’s deposit in their own words: a Spanish artist’s refund told in English, in pounds', async () => {
    const ref = await bookMaster('Standard');
    await payDeposit();
    // The same studio with booking news on (the tests' default is off).
    const told: string[] = [];
    const withNews = await testStudio(t.db, { ...fake.settings(), ENGINEER_CHAT: 'console:engineer', ENGINEER_ALERTS: 'all' });
    withNews.outbox.register('console', { send: async (_c, r) => void told.push(r.text) });
    withNews.outbox.register('test', { send: async () => undefined });
    const lucia = new TestChat(new Conversation(withNews, log), TestChat.sender('mara'));
    await lucia.send('/language es');
    await lucia.send(`/cancel ${ref}`);
    await lucia.press('Sí');
    expect(lucia.text).toMatch(/Reembolsados 18\sGBP/);
    await withNews.outbox.dispatch();
    // Before: "… (Mastering, Thu 3 Dec, 10:00, £60). 18 GBP refunded: it reaches your card in 5–10 days." —
    // the artist's sentence, in the artist's currency format, inside the engineer's alert.
    expect(told).toEqual([`🔔 mara cancelled ${ref} (Mastering, Thu 3 Dec, 10:00, £60). Its deposit of £18 was refunded.`]);
  });

  it('a paid booking moved to another day keeps its deposit: the moved booking shows it, and refunds it when cancelled early', async () => {
    const ref = await bookMaster('Standard');
    await payDeposit();
    await chat.send(`/reschedule ${ref}`);
    await chat.press('Fri 4 Dec');
    await chat.press('16:00');
    await chat.press('Move it');
    const moved = await t.db.booking.findFirstOrThrow({ where: { rescheduledFrom: { reference: ref } } });
    expect(await t.db.payment.findFirstOrThrow()).toMatchObject({ bookingId: moved.id, status: 'paid' });
    await chat.send(`/status ${moved.reference}`);
    expect(chat.text).toContain('Deposit of £18 paid on');
    expect(chat.text).toContain('Still to pay: £42.');
    await chat.send(`/cancel ${moved.reference}`);
    expect(chat.text).toContain('Your deposit of £18 will be refunded to your card.');
    await chat.press('Yes');
    expect(fake.refunds.map((r) => r.amount)).toEqual([1800]);
  });

  it('cancelled late, the deposit is kept (and the artist was told so); an unpaid one costs nothing', async () => {
    const ref = await bookMaster('Standard');
    await payDeposit();
    studio.clock.advance(3 * 3_600_000); // 47 hours before the session
    await chat.send(`/cancel ${ref}`);
    expect(chat.text).toContain('Your deposit of £18 is kept: the session is less than 48 hours away (cancellations made earlier are refunded).');
    await chat.press('Yes');
    expect(fake.refunds).toEqual([]);
    expect((await t.db.payment.findFirstOrThrow()).status).toBe('paid');

    const unpaid = await bookMaster('Unattended');
    await chat.send(`/cancel ${unpaid}`);
    expect(chat.text).toContain('Nothing has been charged: the deposit was not paid, and its payment page closes.');
    await chat.press('Yes');
    expect(await t.db.payment.findFirstOrThrow({ where: { booking: { reference: unpaid } } })).toMatchObject({ status: 'cancelled' });
    expect(fake.expired).toEqual(['cs_test_2']);
    expect(fake.refunds).toEqual([]);
  });

  it('the engineer can waive a deposit: the booking goes on as if paid and the artist is told', async () => {
    const ref = await bookMaster('Unattended');
    const waive = (deskCommands.find((c) => c.name === 'booking') as { actions: readonly DeskAction[] }).actions.find((a) => a.name === 'waive')!;
    expect(await waive.run({ studio, actor: 'engineer:test', args: { reference: ref } })).toBe(
      `${ref}: deposit waived; the booking goes on and the artist has been told.`,
    );
    expect(await status(ref)).toBe('awaiting-files');
    expect((await t.db.payment.findFirstOrThrow()).status).toBe('waived');
    expect(await messages()).toContain(`The studio waived the deposit for ${ref}: it is booked.`);
    // Twice: nothing more to waive.
    expect(await waive.run({ studio, actor: 'engineer:test', args: { reference: ref } })).toBe(`${ref} has no payment waiting.`);
    const history = await t.db.bookingEvent.findMany({ where: { booking: { reference: ref } }, orderBy: { at: 'asc' } });
    expect(history.map((e) => [e.toStatus, e.actor])).toContainEqual(['requested', 'engineer:test']);
  });

  it('the engineer cannot confirm past an unpaid deposit; declining a paid booking gives the deposit back in full', async () => {
    const ref = await bookMaster('Standard');
    const actions = (deskCommands.find((c) => c.name === 'booking') as { actions: readonly DeskAction[] }).actions;
    const run = (name: string, args: Record<string, string>) => actions.find((a) => a.name === name)!.run({ studio, actor: 'engineer:test', args });
    await expect(run('confirm', { reference: ref })).rejects.toThrow();
    expect(await status(ref)).toBe('awaiting-payment');
    await payDeposit();
    studio.clock.advance(40 * 3_600_000); // inside the 48 hours: the artist cancelling would keep it; the studio declining does not
    expect(await run('decline', { reference: ref, reason: 'the studio is closed that day' })).toContain('Its deposit went back to the artist.');
    expect(fake.refunds.map((r) => [r.paymentIntent, r.amount])).toEqual([['pi_cs_test_1', 1800]]);
    expect(await messages()).toContain('£18 refunded: it reaches your card in 5–10 days.');
  });

  describe('a payment settles only what was asked', () => {
    const engineerSaid = async (re: RegExp) => (await messages()).filter((m) => re.test(m));
    const depositOf = (ref: string) => t.db.payment.findFirstOrThrow({ where: { booking: { reference: ref }, purpose: 'deposit' } });

    it('another amount or currency on our page is recorded, answered 200, not acted on, and the engineer told the numbers', async () => {
      const ref = await bookMaster('Unattended');
      for (const [id, o] of [
        ['evt_small', { amount: 100 }],
        ['evt_usd', { currency: 'usd' }],
      ] as const) {
        const body = completedEvent(id, fake.sessions[0]!, o);
        const res = await webhook(body, signed(body, SECRET));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ received: true, outcome: 'refused' });
      }
      expect(await status(ref)).toBe('awaiting-payment');
      expect((await depositOf(ref)).status).toBe('open');
      const refused = await t.db.stripeEvent.findMany({ orderBy: { id: 'asc' } });
      expect(refused.map((e) => [e.id, e.outcome])).toEqual([
        ['evt_small', 'refused'],
        ['evt_usd', 'refused'],
      ]);
      expect(refused[0]!.detail).toBe('not the amount asked: £1 received (Stripe cs_test_1), £12.60 asked');
      expect(await engineerSaid(/was not accepted/)).toEqual([
        `🔔 A payment for ${ref} (mara) was not accepted: £1 arrived through Stripe cs_test_1, and £12.60 was asked. Nothing was settled: refund it or settle it with the artist.`,
        `🔔 A payment for ${ref} (mara) was not accepted: US$12.60 arrived through Stripe cs_test_1, and £12.60 was asked. Nothing was settled: refund it or settle it with the artist.`,
      ]);
      expect(await engineerSaid(/received/)).toEqual([]);
    });

    it('a page mixdesk never made settles nothing, even naming our payment; an unpaid or shapeless event is ignored', async () => {
      const ref = await bookMaster('Unattended');
      const payment = await depositOf(ref);
      // Another Payment Link on the same Stripe account, with our payment's id (it is in the artist's own links).
      const stranger = {
        id: 'cs_live_someone_else',
        form: new URLSearchParams({
          client_reference_id: payment.id,
          'line_items[0][price_data][unit_amount]': '1260',
          'line_items[0][price_data][currency]': 'gbp',
        }),
      };
      const body = completedEvent('evt_stranger', stranger);
      expect(await (await webhook(body, signed(body, SECRET))).json()).toEqual({ received: true, outcome: 'refused' });
      expect((await depositOf(ref)).status).toBe('open');
      expect(await engineerSaid(/for nothing the studio asked/)).toEqual([
        '🔔 A payment of £12.60 arrived through Stripe cs_live_someone_else for nothing the studio asked (not a page mixdesk made). Nothing was settled: check it at the provider and refund it if it is not yours.',
      ]);
      const unpaid = completedEvent('evt_unpaid', fake.sessions[0]!, { paymentStatus: 'unpaid' });
      expect(await (await webhook(unpaid, signed(unpaid, SECRET))).json()).toEqual({ received: true, outcome: 'ignored' });
      // Signed, but with no object at all: nothing to act on, and no 500.
      const shapeless = JSON.stringify({ id: 'evt_null', object: 'event', type: 'checkout.session.completed', data: { object: null } });
      const res = await webhook(shapeless, signed(shapeless, SECRET));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true, outcome: 'ignored' });
      expect(await status(ref)).toBe('awaiting-payment');
    });

    it('many events for one page at once settle it once: one message, the charge that settled it kept', async () => {
      const ref = await bookMaster('Unattended');
      const bodies = ['a', 'b', 'c', 'd'].map((n, i) =>
        completedEvent(`evt_race_${n}`, fake.sessions[0]!, {
          paymentIntent: `pi_race_${n}`,
          type: i % 2 ? 'checkout.session.async_payment_succeeded' : 'checkout.session.completed',
        }),
      );
      const answers = await Promise.all(bodies.map(async (b) => ((await (await webhook(b, signed(b, SECRET))).json()) as { outcome: string }).outcome));
      expect(answers.filter((o) => o === 'handled')).toHaveLength(1);
      expect(answers.filter((o) => o === 'duplicate')).toHaveLength(3);
      const winner = ['a', 'b', 'c', 'd'][answers.indexOf('handled')];
      expect(await depositOf(ref)).toMatchObject({ status: 'paid', paymentIntentId: `pi_race_${winner}`, settledBy: 'cs_test_1' });
      expect(await t.db.payment.count()).toBe(1);
      expect((await messages()).filter((m) => m.startsWith('Deposit of £12.60 received'))).toHaveLength(1);
      expect(fake.refunds).toEqual([]);
      expect(await t.db.bookingEvent.count({ where: { booking: { reference: ref }, toStatus: 'awaiting-files' } })).toBe(1);
    });

    it('paid in the chat, the Stripe page closes; paid there too anyway, the second payment is refunded and the artist told', async () => {
      const ref = await bookMaster('Unattended');
      const payment = await depositOf(ref);
      const tg = { paymentId: payment.id, amountCents: 1260, currency: 'GBP', telegramChargeId: 'tg_1', providerChargeId: 'ch_1' };
      expect(await studio.payments.receiveTelegram(tg)).toBe('handled');
      expect(fake.expired).toEqual(['cs_test_1']);
      // Stripe had the page open in a tab: paid before it closed.
      const body = completedEvent('evt_second', fake.sessions[0]!);
      expect(await (await webhook(body, signed(body, SECRET))).json()).toEqual({ received: true, outcome: 'handled' });
      expect(fake.refunds).toMatchObject([{ paymentIntent: 'pi_cs_test_1', amount: 1260 }]);
      expect(await messages()).toContain(`You paid the deposit of ${ref} twice: the second payment of £12.60 is refunded and reaches your card in 5–10 days.`);
      // Stripe sends it again: refunded once.
      expect(await (await webhook(body, signed(body, SECRET))).json()).toEqual({ received: true, outcome: 'duplicate' });
      expect(fake.refunds).toHaveLength(1);
      expect(await depositOf(ref)).toMatchObject({ status: 'paid', provider: 'telegram', settledBy: 'telegram:tg_1' });
      await chat.send(`/status ${ref}`);
      expect(chat.text).toContain('Deposit of £12.60 paid a second time, and refunded.');
      expect(chat.text).toContain('Still to pay: £29.40.');
    });

    it('paid on the page, then through a Telegram invoice: the engineer is asked to refund it at the provider, the artist told', async () => {
      const ref = await bookMaster('Unattended');
      await payDeposit();
      const payment = await depositOf(ref);
      const tg = { paymentId: payment.id, amountCents: 1260, currency: 'GBP', telegramChargeId: 'tg_2', providerChargeId: 'ch_2' };
      expect(await studio.payments.receiveTelegram(tg)).toBe('handled');
      expect(await studio.payments.receiveTelegram(tg)).toBe('duplicate');
      const said = await messages();
      expect(said).toContain(`You paid the deposit of ${ref} twice: the studio has been told and refunds the second payment of £12.60.`);
      expect(said.some((m) => m.includes(`The refund of £12.60 for ${ref} (paid a second time) could not be made`) && m.includes('ch_2'))).toBe(true);
      expect(fake.refunds).toEqual([]);
      await chat.send(`/status ${ref}`);
      expect(chat.text).toContain('Deposit of £12.60 paid a second time: the studio refunds it.');
      // A Telegram payment for another amount settles nothing.
      const other = await bookMaster('Unattended');
      const otherPayment = await depositOf(other);
      expect(await studio.payments.receiveTelegram({ ...tg, paymentId: otherPayment.id, amountCents: 100, telegramChargeId: 'tg_3' })).toBe('refused');
      expect((await depositOf(other)).status).toBe('open');
    });
  });

  it('Stripe refusing the payment page leaves the booking held, tells the engineer, and /status tries again', async () => {
    fake.failWith = 400;
    const ref = await bookMaster('Unattended');
    expect(chat.text).toContain(`The payment page could not be opened just now: ${ref} is held for you`);
    expect(await status(ref)).toBe('awaiting-payment');
    expect((await messages()).some((m) => m.includes(`The deposit page for ${ref} could not be made`))).toBe(true);
    fake.failWith = null;
    await chat.send('/status');
    expect(chat.text).toContain('https://checkout.stripe.test/c/pay/cs_test_1');
    expect(await t.db.payment.count()).toBe(1);
  });
});
