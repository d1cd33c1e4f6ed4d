// Amounts are integers in the currency's minor unit everywhere — settings, bookings, Stripe — and
// written by one formatter.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { formatMoney } from '../../core/catalog.js';
import { minorDigits, toMinorUnits } from '../../core/money.js';

describe('money', () => {
  it("knows each currency's minor unit", () => {
    expect([minorDigits('GBP'), minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 2, 0, 3]);
    expect([toMinorUnits(59.99, 'GBP'), toMinorUnits(6000, 'JPY'), toMinorUnits(10.5, 'BHD')]).toEqual([5999, 6000, 10500]);
  });

  it('reads prices in major units and keeps them in minor units, for any currency', () => {
    expect(loadConfig({ PRICE_MASTER: '59.99' })).toMatchObject({ CURRENCY: 'GBP', PRICE_MASTER: 5999, PRICE_MIX: 25_000 });
    expect(loadConfig({ CURRENCY: 'JPY', PRICE_MASTER: '6000', PRICE_MIX_PER_HOUR: '5000' })).toMatchObject({ PRICE_MASTER: 6000, PRICE_MIX_PER_HOUR: 5000 });
    expect(loadConfig({ CURRENCY: 'BHD', PRICE_MASTER: '10.5' }).PRICE_MASTER).toBe(10_500);
  });

  it('writes whole amounts without decimals and the rest with the currency’s digits', () => {
    expect(formatMoney(1500, 'GBP')).toBe('£15');
    expect(formatMoney(1260, 'GBP')).toBe('£12.60');
    expect(formatMoney(6000, 'JPY')).toBe('JP¥6,000'); // as a British reader sees yen (before: JP¥60)
    expect(formatMoney(10_500, 'BHD')).toMatch(/^BHD\s10\.500$/);
    expect(formatMoney(10_000, 'BHD')).toMatch(/^BHD\s10$/);
  });
});
