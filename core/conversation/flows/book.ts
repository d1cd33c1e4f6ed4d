// /book: service → session kind → engineer (when several take the service) → day → time → confirm.
import { DateTime } from 'luxon';
import { SlotTakenError, UserError } from '../../errors.js';
import { findService, formatMoney, isSessionKind, kindLabel, priceFor, priceForHours, sessionKinds, type ServiceDef, type SessionKind } from '../../catalog.js';
import { sessionMinutes, type BookingWithService } from '../../booking/bookings.js';
import { ask, done, type Flow, type FlowContext, type FlowData, type StepOutcome } from '../flow.js';
import { describeBooking, formatWhen } from '../format.js';
import { answerDate, answerSlot, askDate, engineerOf } from './calendar.js';
import { intlLocale, t } from '../../texts.js';
import { standing } from '../../booking/standing.js';
import type { Invoice } from '../types.js';

export function dialogKey(ctx: FlowContext): string {
  return `dialog:${ctx.sender.platform}:${ctx.sender.chatId}:${ctx.sender.userId}:${ctx.promptToken}`;
}

function serviceOf(ctx: FlowContext, data: FlowData): ServiceDef {
  const def = findService(ctx.studio.catalog, String(data.service));
  if (!def) throw new UserError(t('book-no-such-service'));
  return def;
}

function askService(ctx: FlowContext): StepOutcome {
  const { catalog } = ctx.studio;
  return ask(
    'service',
    {},
    {
      text: [
        t('book-ask-service'),
        ...catalog.services.map((s) =>
          t('book-service-line', { service: s.name, price: formatMoney(priceFor(catalog, s, 'unattended'), catalog.currency), description: s.description }),
        ),
      ].join('\n'),
      buttons: catalog.services.map((s) => [
        { label: t('book-service-button', { service: s.name, price: formatMoney(s.priceCents, catalog.currency) }), data: `svc:${s.code}` },
      ]),
    },
  );
}

/** The booking's price: by the hours of the artist's quote (mixing by the hour), else the service's. */
function priceOf(ctx: FlowContext, def: ServiceDef, kind: SessionKind, data: FlowData): number {
  return def.hourly && typeof data.hours === 'number'
    ? priceForHours(ctx.studio.catalog, def.hourly, kind, data.hours)
    : priceFor(ctx.studio.catalog, def, kind);
}

async function askKind(ctx: FlowContext, base: FlowData): Promise<StepOutcome> {
  const def = serviceOf(ctx, base);
  const { catalog } = ctx.studio;
  // Mixing by the hour with a quote from the stems: booked for the hours they measured.
  const hours = await ctx.studio.mixTime.quotedHours(ctx.client.id, def);
  const data = hours === null ? base : { ...base, hours, minutes: sessionMinutes(def, hours) };
  return ask('kind', data, {
    text: [
      t('book-ask-kind', { service: def.name }),
      ...(hours === null ? [] : [t('book-quoted-hours', { hours: String(hours) })]),
      ...sessionKinds.map((k) =>
        t('book-kind-line', { kind: kindLabel(k).name, price: formatMoney(priceOf(ctx, def, k, data), catalog.currency), blurb: kindLabel(k).blurb }),
      ),
    ].join('\n'),
    buttons: sessionKinds.map((k) => [
      { label: t('book-kind-button', { kind: kindLabel(k).name, price: formatMoney(priceOf(ctx, def, k, data), catalog.currency) }), data: `kind:${k}` },
    ]),
  });
}

/**
 * With several engineers taking the service the artist picks one, or "any" (whoever is free, the
 * least busy first); with one there is nothing to ask.
 */
async function askEngineer(ctx: FlowContext, data: FlowData): Promise<StepOutcome> {
  const offering = await ctx.studio.engineers.offering(String(data.service));
  if (offering.length < 2) return afterEngineer(ctx, data);
  return ask('engineer', data, {
    text: t('book-ask-engineer'),
    buttons: [...offering.map((e) => [{ label: e.name, data: `eng:${e.id}` }]), [{ label: t('book-engineer-any'), data: 'eng:any' }]],
  });
}

const afterEngineer = (ctx: FlowContext, data: FlowData) => (data.kind === 'unattended' ? askConfirm(ctx, data) : askDate(ctx, data));

async function askConfirm(ctx: FlowContext, data: FlowData): Promise<StepOutcome> {
  const def = serviceOf(ctx, data);
  const kind = String(data.kind);
  if (!isSessionKind(kind)) throw new UserError(t('book-kind-again'));
  const { catalog } = ctx.studio;
  const lines = [t('book-check'), t('book-check-service', { service: def.name, kind: kindLabel(kind).name.toLowerCase() })];
  const engineer = await ctx.studio.engineers.byId(engineerOf(data));
  if (engineer) lines.push(t('book-check-engineer', { name: engineer.name }));
  if (kind === 'unattended') {
    const due = await ctx.studio.bookings.estimateUnattendedDue();
    lines.push(t('book-check-unattended', { date: DateTime.fromJSDate(due).setZone(ctx.client.timeZone).setLocale(intlLocale()).toFormat('ccc d LLL yyyy') }));
  } else {
    const start = new Date(Number(data.start));
    const minutes = typeof data.minutes === 'number' ? data.minutes : def.durationMinutes;
    lines.push(t('book-check-time', { when: formatWhen(start, ctx.client.timeZone, ctx.studio.timeZone), hours: Math.round(minutes / 6) / 10 }));
  }
  lines.push(
    t('book-check-price', {
      price: formatMoney(priceOf(ctx, def, kind, data), catalog.currency),
      revisions: def.includedRevisions,
      revisionPrice: formatMoney(def.revisionPriceCents, catalog.currency),
    }),
  );
  return ask('confirm', data, {
    text: lines.join('\n'),
    buttons: [
      [
        { label: t('book-confirm-button'), data: 'yes' },
        { label: t('book-stop-button'), data: 'no' },
      ],
    ],
  });
}

/**
 * The deposit's payment page for a booking that waits for it, and the same amount as an invoice
 * for chats that take one; should Stripe not answer, the booking stays held and /status retries.
 */
export async function depositAsk(ctx: Pick<FlowContext, 'studio'>, b: BookingWithService): Promise<{ text: string; invoice?: Invoice }> {
  try {
    const deposit = await ctx.studio.payments.depositFor(b);
    return { text: ctx.studio.payments.depositText(deposit), invoice: ctx.studio.payments.invoice(deposit, b.reference) };
  } catch (err) {
    if (err instanceof UserError) throw err;
    await ctx.studio.alerts.alert(`payment-page:${b.id}`, () => t('alert-payment-page-failed', { ref: b.reference, problem: (err as Error).message }), {
      booking: b.reference,
    });
    return { text: t('payment-deposit-unavailable', { ref: b.reference }) };
  }
}

/** A booking just made or moved, as the artist reads it: its lines, where it stands, and what comes next. */
export async function bookingSummary(
  ctx: Pick<FlowContext, 'studio' | 'client'>,
  b: BookingWithService,
  calendar: 'calendar-add' | 'calendar-update' = 'calendar-add',
): Promise<string> {
  const zone = ctx.client.timeZone;
  const situation = (await ctx.studio.standings.situations([b], zone)).get(b.id)!;
  const position = await ctx.studio.bookings.queuePosition(b);
  // A session with a time goes in the artist's calendar (a moved one updates the event they have).
  const url = b.startsAt ? ctx.studio.calendars.link(b.id) : undefined;
  const add = url ? `\n\n${t(calendar, { url })}` : '';
  // Once the studio has several engineers, the artist is told whose session it is.
  const engineer = (await ctx.studio.engineers.active()).length > 1 ? await ctx.studio.engineers.byId(b.engineerId) : null;
  const withWhom = engineer ? `\n${t('book-check-engineer', { name: engineer.name })}` : '';
  return `${describeBooking(b, zone, ctx.studio.timeZone, standing(situation).artist, position)}${withWhom}\n\n${nextSteps(b, zone, situation.filesIn)}${add}`;
}

/** What the artist does next; `filesIn` when the booking already has its files (they moved with it). */
export function nextSteps(b: BookingWithService, zone: string, filesIn = false): string {
  const files = b.service.code === 'master' ? t('next-files-master') : t('next-files-mix');
  const lines = [t('next-title')];
  if (b.status === 'requested') lines.push(t('next-engineer-confirms'));
  const capital = `${files[0]!.toUpperCase()}${files.slice(1)}`;
  // A mix for mastering is mastered the moment it is in (once confirmed); a mix is the engineer's work, in studio time.
  if (b.kind === 'unattended' && b.service.code === 'master')
    lines.push(t('next-unattended-master', { files: capital, confirmed: b.status === 'requested' ? 'no' : 'yes' }));
  else if (b.kind === 'unattended') lines.push(t('next-unattended', { files: capital }));
  else if (filesIn) lines.push(t('next-files-in', { when: formatWhen(b.startsAt!, zone) }));
  else lines.push(t('next-before', { when: formatWhen(b.startsAt!, zone), files }));
  if (b.kind === 'virtual') lines.push(t('next-virtual'));
  if (b.kind === 'standard') lines.push(t('next-standard'));
  lines.push(t('next-change'));
  return lines.join('\n');
}

export const bookFlow: Flow = {
  name: 'book',
  async start(ctx, args) {
    const wanted = args
      .trim()
      .toLowerCase()
      .replace(/\s*\+\s*/, '-');
    if (!wanted) return askService(ctx);
    const def = ctx.studio.catalog.services.find((s) => s.code === wanted || s.name.toLowerCase() === wanted);
    if (!def) throw new UserError(t('book-unknown-service', { wanted: args, codes: ctx.studio.catalog.services.map((s) => s.code).join(', ') }));
    return askKind(ctx, { service: def.code });
  },
  steps: {
    async service(ctx, input) {
      if (input.type !== 'button' || !input.action.startsWith('svc:')) throw new UserError(t('book-choose-service'));
      return askKind(ctx, { service: input.action.slice(4) });
    },
    async kind(ctx, input) {
      const kind = input.type === 'button' ? input.action.replace(/^kind:/, '') : '';
      if (!isSessionKind(kind)) throw new UserError(t('book-choose-kind'));
      return askEngineer(ctx, { ...ctx.data, kind });
    },
    async engineer(ctx, input) {
      const picked = input.type === 'button' && input.action.startsWith('eng:') ? input.action.slice(4) : '';
      const offering = await ctx.studio.engineers.offering(String(ctx.data.service));
      // A button from before an engineer left (or stopped taking the service) asks again.
      if (picked !== 'any' && !offering.some((e) => e.id === picked)) {
        if (picked) return askEngineer(ctx, ctx.data);
        throw new UserError(t('book-choose-engineer'));
      }
      return afterEngineer(ctx, { ...ctx.data, engineer: picked });
    },
    date: answerDate,
    async slot(ctx, input) {
      const picked = await answerSlot(ctx, input);
      if (!(picked instanceof Date)) return picked;
      return askConfirm(ctx, { ...ctx.data, start: picked.getTime() });
    },
    async confirm(ctx, input) {
      if (input.type !== 'button' || (input.action !== 'yes' && input.action !== 'no')) throw new UserError(t('book-confirm-or-stop'));
      if (input.action === 'no') return done({ text: t('book-stopped') });
      const kind = String(ctx.data.kind);
      try {
        const booking = await ctx.studio.bookings.create({
          clientId: ctx.client.id,
          serviceCode: String(ctx.data.service),
          kind: isSessionKind(kind) ? kind : 'standard',
          ...(kind === 'unattended' ? {} : { start: new Date(Number(ctx.data.start)) }),
          timeZone: ctx.client.timeZone,
          idempotencyKey: dialogKey(ctx),
          origin: { platform: ctx.sender.platform, chatId: ctx.sender.chatId },
          actor: `client:${ctx.client.id}`,
          ...(typeof ctx.data.hours === 'number' ? { hours: ctx.data.hours } : {}),
          ...(engineerOf(ctx.data) ? { engineerId: engineerOf(ctx.data) } : {}),
        });
        // The quote's hours went into this booking: the next one starts from its own stems.
        if (typeof ctx.data.hours === 'number') await ctx.studio.mixTime.clearQuote(ctx.client.id);
        const text = `${t('book-booked', { ref: booking.reference })}\n\n${await bookingSummary(ctx, booking)}`;
        if (booking.status !== 'awaiting-payment') return done({ text });
        const deposit = await depositAsk(ctx, booking);
        return done({ text: `${text}\n\n${deposit.text}`, visibility: 'private', ...(deposit.invoice ? { invoice: deposit.invoice } : {}) });
      } catch (err) {
        if (err instanceof SlotTakenError) return askDate(ctx, ctx.data, 0, err.message);
        throw err;
      }
    },
  },
};
