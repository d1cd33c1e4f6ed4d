// The studio's services, session kinds and prices, from configuration.
import { intlLocale, t } from './texts.js';

export const serviceCodes = ['mix', 'master', 'mix-master'] as const;
export type ServiceCode = (typeof serviceCodes)[number];

export const sessionKinds = ['standard', 'virtual', 'unattended'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export interface ServiceDef {
  code: ServiceCode;
  /** In the language of the moment (a getter: the catalog is built once, read by everyone). */
  readonly name: string;
  readonly description: string;
  priceCents: number;
  durationMinutes: number;
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
  return {
    currency: c.CURRENCY,
    unattendedDiscountPercent: c.UNATTENDED_DISCOUNT_PERCENT,
    services: [
      labelled({
        code: 'mix',
        priceCents: c.PRICE_MIX,
        durationMinutes: c.DURATION_MIX_MINUTES,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MIX,
      }),
      labelled({
        code: 'master',
        priceCents: c.PRICE_MASTER,
        durationMinutes: c.DURATION_MASTER_MINUTES,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MASTER,
      }),
      labelled({
        code: 'mix-master',
        priceCents: c.PRICE_MIX_MASTER,
        durationMinutes: c.DURATION_MIX_MASTER_MINUTES,
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
  if (kind !== 'unattended') return service.priceCents;
  return Math.round((service.priceCents * (100 - catalog.unattendedDiscountPercent)) / 100);
}

// Building an Intl.NumberFormat costs more than formatting with it; prices appear in every menu.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  const key = `${intlLocale()}:${currency}:${digits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, minimumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f.format(cents / 100);
}

export function isSessionKind(v: string): v is SessionKind {
  return (sessionKinds as readonly string[]).includes(v);
}
