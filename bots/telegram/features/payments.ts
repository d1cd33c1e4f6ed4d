// Telegram Payments: the invoices the core asks for are paid in the chat's own form. Telegram asks
// first (pre_checkout_query, to be answered within 10 seconds) — only a payment still asked for, at
// the amount asked, is accepted — and then says it was paid (successful_payment), which settles it
// through the same core path as Stripe's webhook, once per charge however often the update comes.
import { Composer, type Context } from 'grammy';
import type { Logger } from '../../../core/logger.js';
import type { PaymentService } from '../../../core/payments/payments.js';
import { t } from '../../../core/texts.js';

export interface TelegramPayments {
  /** From @BotFather's Payments (the provider that charges the card). */
  providerToken: string;
  service: PaymentService;
}

export function payments(p: TelegramPayments, log: Logger): Composer<Context> {
  const c = new Composer();
  c.on('pre_checkout_query', async (ctx) => {
    const q = ctx.preCheckoutQuery;
    const answer = await p.service.payable(q.invoice_payload, q.total_amount, q.currency).catch((err: unknown) => {
      log.error({ err, payment: q.invoice_payload }, 'checking a Telegram payment failed');
      return { ok: false as const, reason: t('web-pay-unavailable') };
    });
    if (answer.ok) await ctx.answerPreCheckoutQuery(true);
    else await ctx.answerPreCheckoutQuery(false, { error_message: answer.reason });
  });
  c.on('message:successful_payment', async (ctx) => {
    const paid = ctx.message.successful_payment;
    const outcome = await p.service.receiveTelegram({
      paymentId: paid.invoice_payload,
      amountCents: paid.total_amount,
      currency: paid.currency,
      telegramChargeId: paid.telegram_payment_charge_id,
      providerChargeId: paid.provider_payment_charge_id,
    });
    log.info({ payment: paid.invoice_payload, outcome }, 'telegram payment received');
  });
  return c;
}
