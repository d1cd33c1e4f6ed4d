// /book: service → session kind → day → time → confirm.
import { DateTime } from 'luxon';
import { SlotTakenError, UserError } from '../../errors.js';
import { findService, formatMoney, isSessionKind, kindLabels, priceFor, sessionKinds, type ServiceDef } from '../../catalog.js';
import type { BookingWithService } from '../../booking/bookings.js';
import { ask, done, type Flow, type FlowContext, type FlowData, type StepOutcome } from '../flow.js';
import { describeBooking, formatWhen } from '../format.js';
import { answerDate, answerSlot, askDate } from './calendar.js';

export function dialogKey(ctx: FlowContext): string {
  return `dialog:${ctx.sender.platform}:${ctx.sender.chatId}:${ctx.sender.userId}:${ctx.promptToken}`;
}

function serviceOf(ctx: FlowContext, data: FlowData): ServiceDef {
  const def = findService(ctx.studio.catalog, String(data.service));
  if (!def) throw new UserError('That service is no longer offered. Please start again with /book.');
  return def;
}

function askService(ctx: FlowContext): StepOutcome {
  const { catalog } = ctx.studio;
  return ask('service', {}, {
    text: ['What can we do for you?', ...catalog.services.map((s) => `• ${s.name} — from ${formatMoney(priceFor(catalog, s, 'unattended'), catalog.currency)}: ${s.description}`)].join('\n'),
    buttons: catalog.services.map((s) => [{ label: `${s.name} — ${formatMoney(s.priceCents, catalog.currency)}`, data: `svc:${s.code}` }]),
  });
}

function askKind(ctx: FlowContext, data: FlowData): StepOutcome {
  const def = serviceOf(ctx, data);
  const { catalog } = ctx.studio;
  return ask('kind', data, {
    text: [
      `${def.name}. How would you like the session?`,
      ...sessionKinds.map((k) => `• ${kindLabels[k].name} — ${formatMoney(priceFor(catalog, def, k), catalog.currency)}: ${kindLabels[k].blurb}`),
    ].join('\n'),
    buttons: sessionKinds.map((k) => [{ label: `${kindLabels[k].name} — ${formatMoney(priceFor(catalog, def, k), catalog.currency)}`, data: `kind:${k}` }]),
  });
}

async function askConfirm(ctx: FlowContext, data: FlowData): Promise<StepOutcome> {
  const def = serviceOf(ctx, data);
  const kind = String(data.kind);
  if (!isSessionKind(kind)) throw new UserError('Please choose the session kind again with /book.');
  const { catalog } = ctx.studio;
  const lines = [`Please check your booking:`, `• ${def.name}, ${kindLabels[kind].name.toLowerCase()} session`];
  if (kind === 'unattended') {
    const due = await ctx.studio.bookings.estimateUnattendedDue();
    lines.push(`• No fixed time: we work on it in studio downtime, delivered by ${DateTime.fromJSDate(due).setZone(ctx.client.timeZone).toFormat('ccc d LLL yyyy')}`);
  } else {
    const start = new Date(Number(data.start));
    lines.push(`• ${formatWhen(start, ctx.client.timeZone, ctx.studio.timeZone)}, ${Math.round(def.durationMinutes / 6) / 10} h`);
  }
  lines.push(`• Price: ${formatMoney(priceFor(catalog, def, kind), catalog.currency)}, including ${def.includedRevisions} free revisions (then ${formatMoney(def.revisionPriceCents, catalog.currency)} each)`);
  return ask('confirm', data, {
    text: lines.join('\n'),
    buttons: [[{ label: '✅ Confirm booking', data: 'yes' }, { label: '✖ Stop', data: 'no' }]],
  });
}

export function nextSteps(b: BookingWithService, zone: string): string {
  const files =
    b.service.code === 'master'
      ? 'send your stereo mix (WAV, AIFF or FLAC; 24-bit if you have it; no limiter on the master bus)'
      : 'send your stems (one file per instrument and vocal, all from bar 1, same sample rate)';
  const lines = ['What happens next:'];
  if (b.status === 'requested') lines.push('• The engineer confirms your booking; you hear from me as soon as they do.');
  if (b.kind === 'unattended') lines.push(`• ${files[0]!.toUpperCase()}${files.slice(1)}; we start in the next free studio time.`);
  else lines.push(`• Before ${formatWhen(b.startsAt!, zone)}, ${files}.`);
  if (b.kind === 'virtual') lines.push('• 24 hours and 1 hour before the session you get a SonoBus keycode and join link to listen in.');
  if (b.kind === 'standard') lines.push('• Come to the studio a few minutes before the start.');
  lines.push('• /mybookings shows your bookings; /reschedule or /cancel change this one.');
  return lines.join('\n');
}

export const bookFlow: Flow = {
  name: 'book',
  async start(ctx, args) {
    const wanted = args.trim().toLowerCase().replace(/\s*\+\s*/, '-');
    if (!wanted) return askService(ctx);
    const def = ctx.studio.catalog.services.find((s) => s.code === wanted || s.name.toLowerCase() === wanted);
    if (!def) throw new UserError(`"${args}" is not one of our services. Choose: ${ctx.studio.catalog.services.map((s) => s.code).join(', ')} — or just /book.`);
    return askKind(ctx, { service: def.code });
  },
  steps: {
    async service(ctx, input) {
      if (input.type !== 'button' || !input.action.startsWith('svc:')) throw new UserError('Please choose one of the services.');
      return askKind(ctx, { service: input.action.slice(4) });
    },
    async kind(ctx, input) {
      const kind = input.type === 'button' ? input.action.replace(/^kind:/, '') : '';
      if (!isSessionKind(kind)) throw new UserError('Please choose standard, virtual or unattended.');
      const data = { ...ctx.data, kind };
      return kind === 'unattended' ? askConfirm(ctx, data) : askDate(ctx, data);
    },
    date: answerDate,
    async slot(ctx, input) {
      const picked = await answerSlot(ctx, input);
      if (!(picked instanceof Date)) return picked;
      return askConfirm(ctx, { ...ctx.data, start: picked.getTime() });
    },
    async confirm(ctx, input) {
      if (input.type !== 'button' || (input.action !== 'yes' && input.action !== 'no')) throw new UserError('Please confirm or stop.');
      if (input.action === 'no') return done({ text: 'Stopped. Nothing was booked. /book starts again.' });
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
        });
        const position = await ctx.studio.bookings.queuePosition(booking);
        return done({
          text: `Booked! Your reference is ${booking.reference}.\n\n${describeBooking(booking, ctx.client.timeZone, ctx.studio.timeZone, position)}\n\n${nextSteps(booking, ctx.client.timeZone)}`,
        });
      } catch (err) {
        if (err instanceof SlotTakenError) return askDate(ctx, ctx.data, 0, err.message);
        throw err;
      }
    },
  },
};
