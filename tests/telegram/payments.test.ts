// Telegram Payments (TELEGRAM_PAYMENT_PROVIDER_TOKEN with PAYMENTS=stripe): grammY long polling
// the Bot API fake over HTTP, the real core on SQLite. A deposit asked in the chat is also an
// invoice there; Telegram's pre-checkout is accepted only for a payment still asked, at its amount;
// the payment message settles it through the same path as Stripe's webhook, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../bots/telegram/bot.js';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { StripeFake } from '../helpers/stripe-fake.js';
import { testStudio } from '../helpers/studio.js';
import { TelegramFake, type BotCall } from '../helpers/telegram-fake.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-tg-pay-'));
let stripe: StripeFake;
beforeAll(async () => {
  stripe = await new StripeFake().start();
});
afterAll(async () => {
  await stripe.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Telegram Payments against the Bot API fake', () => {
  let fake: TelegramFake;
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let telegram: TelegramBot;
  let handled: Map<number, number>;
  let waiters: { id: number; done: () => void }[];
  const onHandled = (id: number) => {
    handled.set(id, (handled.get(id) ?? 0) + 1);
    waiters = waiters.filter((w) => (handled.has(w.id) ? (w.done(), false) : true));
  };
  /** Resolves once the bot has handled update `id` (and everything it wrote is in the outbox). */
  const handledUpdate = (id: number) => (handled.has(id) ? Promise.resolve() : new Promise<void>((done) => waiters.push({ id, done })));

  beforeEach(async () => {
    handled = new Map();
    waiters = [];
    stripe.reset();
    fake = await new TelegramFake().start();
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = await testStudio(t.db, { ...stripe.settings(), TELEGRAM_PAYMENT_PROVIDER_TOKEN: 'provider_test_token' }, undefined, undefined, { queue });
    telegram = await createTelegramBot({
      token: fake.token,
      apiRoot: fake.url,
      conversation: new Conversation(studio, log),
      outbox: studio.outbox,
      store: studio.store,
      log,
      onHandled,
      payments: { providerToken: 'provider_test_token', service: studio.payments },
    });
    await telegram.startPolling();
  });
  afterEach(async () => {
    await telegram.stop();
    await queue.close();
    await fake.stop();
    await t.drop();
  });

  const ana = () => fake.user(501, 'Ana');
  const said = (chat: number, re: RegExp, since = 0) =>
    fake.waitFor((c) => String(c.params.chat_id) === String(chat) && re.test(String(c.params.text ?? '')), { since });

  /** An unattended master booked through the chat; returns its reference and the invoice sent. */
  async function book(who: ReturnType<typeof ana>): Promise<{ ref: string; invoice: BotCall }> {
    const since = fake.calls.length;
    fake.sendText(who, '/book master');
    fake.press(who, await said(who.id, /session/, since), 'Unattended');
    fake.press(who, await said(who.id, /Please check your booking/, since), 'Confirm');
    const booked = await said(who.id, /Booked! Your reference is/, since);
    const invoice = await fake.waitFor((c) => c.method === 'sendInvoice' && String(c.params.chat_id) === String(who.id), { since });
    return { ref: /MD-[2-9A-Z]{6}/.exec(String(booked.params.text))![0], invoice };
  }
  const invoiceOf = (c: BotCall) => {
    const prices = c.params.prices as { amount: number }[];
    return { payload: String(c.params.payload), amount: prices.reduce((s, p) => s + p.amount, 0), currency: String(c.params.currency) };
  };
  const answers = () => fake.calls.filter((c) => c.method === 'answerPreCheckoutQuery').map((c) => ({ ok: c.params.ok, error: c.params.error_message }));
  const status = async (ref: string) => (await t.db.booking.findUniqueOrThrow({ where: { reference: ref } })).status;

  it('the deposit is an invoice in the chat; pre-checked, paid, it settles the booking once however often Telegram says so', async () => {
    const a = ana();
    const { ref, invoice } = await book(a);
    const payment = await t.db.payment.findFirstOrThrow();
    // The same amount as the Stripe page, in pence, with the studio's provider token.
    expect(invoice.params).toMatchObject({
      title: `Deposit ${ref}`,
      payload: payment.id,
      currency: 'GBP',
      provider_token: 'provider_test_token',
      prices: [{ label: `Deposit ${ref}`, amount: 1260 }],
    });
    await handledUpdate(fake.preCheckout(a, invoiceOf(invoice)));
    // An invoice altered to a smaller amount is refused, saying the amount due.
    await handledUpdate(fake.preCheckout(a, { ...invoiceOf(invoice), amount: 100 }));
    expect(answers()).toEqual([
      { ok: true, error: undefined },
      { ok: false, error: 'The amount changed since this invoice: it is £12.60 now. Please pay the newest one in the chat.' },
    ]);

    const paid = fake.successfulPayment(a, invoiceOf(invoice), 'one');
    await handledUpdate(paid);
    expect(await status(ref)).toBe('awaiting-files');
    expect(await t.db.payment.findFirstOrThrow()).toMatchObject({
      status: 'paid',
      provider: 'telegram',
      telegramChargeId: 'tg_one',
      providerChargeId: 'ch_one',
    });
    // Telegram delivers the update again: nothing happens twice.
    fake.redeliver(paid);
    await fake.drained();
    await handledUpdate(fake.sendText(a, '/status'));
    await studio.outbox.dispatch();
    const thanks = fake.textsTo(a.id).filter((m) => m.startsWith('Deposit of £12.60 received'));
    expect(thanks).toEqual([`Deposit of £12.60 received: ${ref} is booked. Thank you!`]);
    expect(await t.db.bookingEvent.count({ where: { booking: { reference: ref }, toStatus: 'requested' } })).toBe(1);
    // Paid now: a second pre-checkout of the same invoice is refused.
    await handledUpdate(fake.preCheckout(a, invoiceOf(invoice)));
    expect(answers().at(-1)).toEqual({ ok: false, error: 'This payment is no longer due, and nothing was charged. /status shows what is.' });
  });

  it('a payment message for another amount or currency settles nothing: the engineer is told the numbers', async () => {
    const a = ana();
    const { ref, invoice } = await book(a);
    await handledUpdate(fake.successfulPayment(a, { ...invoiceOf(invoice), amount: 100 }, 'small'));
    await handledUpdate(fake.successfulPayment(a, { ...invoiceOf(invoice), currency: 'USD' }, 'dollars'));
    expect(await status(ref)).toBe('awaiting-payment');
    expect(await t.db.payment.findFirstOrThrow()).toMatchObject({ status: 'open', telegramChargeId: null });
    expect((await t.db.stripeEvent.findMany({ orderBy: { id: 'asc' } })).map((e) => [e.id, e.outcome])).toEqual([
      ['telegram:tg_dollars', 'refused'],
      ['telegram:tg_small', 'refused'],
    ]);
  });

  it('a pre-checkout for a cancelled booking is refused, and nothing is charged', async () => {
    const a = ana();
    const { ref, invoice } = await book(a);
    const since = fake.calls.length;
    fake.sendText(a, `/cancel ${ref}`);
    fake.press(a, await said(a.id, /Nothing has been charged/, since), 'Yes');
    await said(a.id, /cancelled/i, since);
    expect(await status(ref)).toBe('cancelled');
    await handledUpdate(fake.preCheckout(a, invoiceOf(invoice)));
    expect(answers()).toEqual([{ ok: false, error: 'This payment is no longer due, and nothing was charged. /status shows what is.' }]);
  });
});
