// Money is kept as an integer in the currency's minor unit (pence, cents; yen have none, dinars
// three), the unit Stripe charges in too. How many digits that is comes from Intl's currency data.
const digitsByCurrency = new Map<string, number>();

/** Digits of the currency's minor unit: GBP 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  let d = digitsByCurrency.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, d);
  }
  return d;
}

/** An amount in major units (a setting: "59.99") in the currency's minor unit (5999). */
export const toMinorUnits = (major: number, currency: string): number => Math.round(major * 10 ** minorDigits(currency));
