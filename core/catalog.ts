// The studio's services, session kinds and prices, from configuration.

export const serviceCodes = ['mix', 'master', 'mix-master'] as const;
export type ServiceCode = (typeof serviceCodes)[number];

export const sessionKinds = ['standard', 'virtual', 'unattended'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export interface ServiceDef {
  code: ServiceCode;
  name: string;
  description: string;
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

export function catalogFromConfig(c: CatalogSettings): Catalog {
  return {
    currency: c.CURRENCY,
    unattendedDiscountPercent: c.UNATTENDED_DISCOUNT_PERCENT,
    services: [
      {
        code: 'mix',
        name: 'Mixing',
        description: 'Upload your stems; get back the vocal mix, the instrumental and the a cappella.',
        priceCents: c.PRICE_MIX,
        durationMinutes: c.DURATION_MIX_MINUTES,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MIX,
      },
      {
        code: 'master',
        name: 'Mastering',
        description: 'Upload your stereo mix; get back release-ready masters.',
        priceCents: c.PRICE_MASTER,
        durationMinutes: c.DURATION_MASTER_MINUTES,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MASTER,
      },
      {
        code: 'mix-master',
        name: 'Mixing + mastering',
        description: 'Stems in, mastered vocal mix, instrumental and a cappella out.',
        priceCents: c.PRICE_MIX_MASTER,
        durationMinutes: c.DURATION_MIX_MASTER_MINUTES,
        includedRevisions: c.FREE_REVISIONS,
        revisionPriceCents: c.PRICE_REVISION_MIX,
      },
    ],
  };
}

export const kindLabels: Record<SessionKind, { name: string; blurb: string }> = {
  standard: { name: 'Standard', blurb: 'attend the session in person at the studio' },
  virtual: { name: 'Virtual', blurb: 'listen in remotely over SonoBus; you get a keycode before the session' },
  unattended: { name: 'Unattended', blurb: 'the budget option: we work on it in studio downtime, no fixed time, delivered by a due date' },
};

export function findService(catalog: Catalog, code: string): ServiceDef | undefined {
  return catalog.services.find((s) => s.code === code);
}

export function priceFor(catalog: Catalog, service: ServiceDef, kind: SessionKind): number {
  if (kind !== 'unattended') return service.priceCents;
  return Math.round((service.priceCents * (100 - catalog.unattendedDiscountPercent)) / 100);
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(
    cents / 100,
  );
}

export function isSessionKind(v: string): v is SessionKind {
  return (sessionKinds as readonly string[]).includes(v);
}
