// A payment as an invoice in the chat (Telegram Payments): the same amount, in the same minor
// units, named for what it pays; the chat's own payment form then settles it like Stripe's page.
import type { Models } from '../../db/client.js';
import type { Invoice } from '../messages/reply.js';
import { t } from '../texts.js';

const titles: Record<string, (ref: string) => string> = {
  deposit: (ref) => t('invoice-title-deposit', { ref }),
  balance: (ref) => t('invoice-title-balance', { ref }),
  revision: (ref) => t('invoice-title-revision', { ref }),
};

const descriptions: Record<string, (ref: string) => string> = {
  deposit: (ref) => t('invoice-description-deposit', { ref }),
  balance: (ref) => t('invoice-description-balance', { ref }),
  revision: (ref) => t('invoice-description-revision', { ref }),
};

export function invoiceOf(p: Pick<Models.PaymentModel, 'id' | 'purpose' | 'amountCents' | 'currency'>, reference: string): Invoice {
  return {
    paymentId: p.id,
    // Telegram takes at most 32 characters of title and 255 of description.
    title: (titles[p.purpose]?.(reference) ?? reference).slice(0, 32),
    description: (descriptions[p.purpose]?.(reference) ?? reference).slice(0, 255),
    amountCents: p.amountCents,
    currency: p.currency,
  };
}
