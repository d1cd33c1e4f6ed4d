// The studio's services, session kinds and prices, from configuration.
import { intlLocale, t } from './texts.js';
import { minorDigits } from './money.js';

export const serviceCodes = ['mix', 'master', 'mix-master'] as const;
export type ServiceCode = (typeof serviceCodes)[number];

export const sessionKinds = ['standard', 'virtual', 'unattended'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export interface ServiceDef {
  code: ServiceCode;
  /** In the language of the moment (a getter: the catalog is built once, read by everyone). */
  readonly name: string;
  readonly description: string;
  /** The booked price (hourly services: for the default hours). */
  priceCents: number;
  durationMinutes: number;
  /**
   * Mixing by the hour (PRICE_MIX_PER_HOUR): the rate, the hours a booking starts with (the
   * estimate from the stems may ask for more) and the fixed part (mix+master's mastering).
   */
  hourly: { rateCents: number; hours: number; fixedCents: number } | null;
  includedRevisions: number;
  revisionPriceCents: number;
}

export interface Catalog {
  currency: string;
  services: ServiceDef[];
  unattendedDiscountPercent: number;
}

export interface CatalogSettings {
  CURRENCY: string;
  PRICE_MIX: number;
  PRICE_MASTER: number;
  PRICE_MIX_MASTER: number;
  PRICE_REVISION_MIX: number;
  PRICE_REVISION_MASTER: number;
  PRICE_MIX_PER_HOUR?: number | undefined;
  DURATION_MIX_MINUTES: number;
  DURATION_MASTER_MINUTES: number;
  DURATION_MIX_MASTER_MINUTES: number;
  FREE_REVISIONS: number;
  UNATTENDED_DISCOUNT_PERCENT: number;
}

const serviceTexts = {
  mix: () => ({ name: t('service-mix'), description: t('service-mix-description') }),
  master: () => ({ name: t('service-master'), description: t('service-master-description') }),
  'mix-master': () => ({ name: t('service-mix-master'), description: t('service-mix-master-description') }),
} satisfies Record<ServiceCode, () => { name: string; description: string }>;

/** The service with its name and description as getters, read in the reader's language (a spread would fix them). */
function labelled(service: Omit<ServiceDef, 'name' | 'description'>): ServiceDef {
  return Object.defineProperties(service, {
    name: { get: () => serviceTexts[service.code]().name, enumerable: true },
    description: { get: () => serviceTexts[service.code]().description, enumerable: true },
  }) as ServiceDef;
}

export function isServiceCode(v: string): v is ServiceCode {
  return (serviceCodes as readonly string[]).includes(v);
}

/** A stored service's name in the reader's language (the database keeps the studio's, for reports). */
export function serviceName(service: { code: string; name: string }): string {
  return isServiceCode(service.code) ? serviceTexts[service.code]().name : service.name;
}

export function catalogFromConfig(c: CatalogSettings): Catalog {
  const rate = c.PRICE_MIX_PER_HOUR;
  const mixHours = c.DURATION_MIX_MINUTES / 60;
  const hourly = (fixedCents: number) => (rate === undefined ? null : { rateCents: rate, hours: mixHours, fixedCents });
  const mixPrice = (fixed: number, fixedCents: number) => (rate === undefined ? fixed : Math.round(rate * mixHours) + fixedCents);
  return {
    currency: c.CURRENCY,
    unattendedDiscountPercent: c.UNATTENDED_DISCOUNT_PERCENT,
    services: [
      labelled({
        code: 'mix',
        priceCents: mixPrice(c.PRICE_MIX, 0),
        durationMinutes: c.DURATION_MIX_MINUTES,
        hourly: hourly(0),
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MIX,
      }),
      labelled({
        code: 'master',
        priceCents: c.PRICE_MASTER,
        durationMinutes: c.DURATION_MASTER_MINUTES,
        hourly: null,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MASTER,
      }),
      labelled({
        code: 'mix-master',
        priceCents: mixPrice(c.PRICE_MIX_MASTER, c.PRICE_MASTER),
        durationMinutes: c.DURATION_MIX_MASTER_MINUTES,
        hourly: hourly(c.PRICE_MASTER),
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MIX,
      }),
    ],
  };
}

const kindTexts = {
  standard: () => ({ name: t('kind-standard'), blurb: t('kind-standard-blurb') }),
  virtual: () => ({ name: t('kind-virtual'), blurb: t('kind-virtual-blurb') }),
  unattended: () => ({ name: t('kind-unattended'), blurb: t('kind-unattended-blurb') }),
} satisfies Record<SessionKind, () => { name: string; blurb: string }>;

/** A session kind's name and blurb in the reader's language. */
export function kindLabel(kind: SessionKind): { name: string; blurb: string } {
  return kindTexts[kind]();
}

export function findService(catalog: Catalog, code: string): ServiceDef | undefined {
  return catalog.services.find((s) => s.code === code);
}

export function priceFor(catalog: Catalog, service: ServiceDef, kind: SessionKind): number {
  return discounted(catalog, service.priceCents, kind);
}

const discounted = (catalog: Catalog, cents: number, kind: SessionKind) =>
  kind === 'unattended' ? Math.round((cents * (100 - catalog.unattendedDiscountPercent)) / 100) : cents;

/** An hourly service's price for these hours (unattended at its discount). */
export function priceForHours(catalog: Catalog, hourly: NonNullable<ServiceDef['hourly']>, kind: SessionKind, hours: number): number {
  return discounted(catalog, Math.round(hourly.rateCents * hours) + hourly.fixedCents, kind);
}

// Building an Intl.NumberFormat costs more than formatting with it; prices appear in every menu.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * The one way amounts are written: in the reader's locale, whole amounts without decimals ("£15"),
 * others with the currency's minor digits ("£12.60", "¥6,000", "BHD 10.500"). `cents`: minor units.
 */
export function formatMoney(cents: number, currency: string): string {
  const unit = 10 ** minorDigits(currency);
  const digits = cents % unit === 0 ? 0 : minorDigits(currency);
  const key = `${intlLocale()}:${currency}:${digits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, minimumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f.format(cents / unit);
}

export function isSessionKind(v: string): v is SessionKind {
  return (sessionKinds as readonly string[]).includes(v);
}
