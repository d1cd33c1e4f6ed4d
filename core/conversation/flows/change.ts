// /cancel and /reschedule: pick one of your bookings (or name it), then confirm.
import { serviceName } from '../../catalog.js';
import type { BookingWithService } from '../../booking/bookings.js';
import { SlotTakenError, UserError } from '../../errors.js';
import { ask, done, type Flow, type FlowContext, type FlowData, type StepInput, type StepOutcome } from '../flow.js';
import { describeBooking, formatWhen } from '../format.js';
import { bookingSummary, dialogKey } from './book.js';
import { answerDate, answerSlot, askDate } from './calendar.js';
import { t } from '../../texts.js';
import { assertTransition, isChangeable, statusText } from '../../booking/status.js';

type Purpose = 'cancel' | 'reschedule';

async function candidates(ctx: FlowContext, purpose: Purpose): Promise<BookingWithService[]> {
  const open = await ctx.studio.bookings.changeable(ctx.client.id, purpose === 'cancel' ? 'cancel' : 'move');
  return purpose === 'reschedule' ? open.filter((b) => b.startsAt) : open;
}

function label(b: BookingWithService, ctx: FlowContext): string {
  const when = b.startsAt ? formatWhen(b.startsAt, ctx.client.timeZone).replace(/ \(.*\)$/, '') : t('change-unattended');
  return `${b.reference} · ${serviceName(b.service)} · ${when}`;
}

/** Starts either flow: a named booking goes straight on; otherwise the client picks one. */
async function pick(ctx: FlowContext, args: string, purpose: Purpose, then: (b: BookingWithService) => Promise<StepOutcome>): Promise<StepOutcome> {
  if (args.trim()) return then(await ctx.studio.bookings.ownedBy(ctx.client.id, args.trim().split(/\s+/)[0] ?? ''));
  const list = await candidates(ctx, purpose);
  if (list.length === 0) {
    return done({ text: purpose === 'cancel' ? t('change-none-to-cancel') : t('change-none-to-move') });
  }
  if (list.length === 1) return then(list[0]!);
  return ask(
    'pick',
    {},
    {
      text: purpose === 'cancel' ? t('change-which-to-cancel') : t('change-which-to-move'),
      buttons: list.map((b) => [{ label: label(b, ctx), data: `bk:${b.reference}` }]),
    },
  );
}

async function picked(ctx: FlowContext, input: StepInput): Promise<BookingWithService> {
  const ref = input.type === 'button' ? input.action.replace(/^bk:/, '') : input.text;
  return ctx.studio.bookings.ownedBy(ctx.client.id, ref);
}

async function askCancel(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  // Refused before the question, not after the answer.
  assertTransition(b.reference, b.status, 'cancelled');
  // What happens to the deposit is said before the answer, and the answer holds to it.
  const terms = await ctx.studio.payments.cancellationTerms(b);
  return ask(
    'confirm',
    { ref: b.reference, refund: terms?.refund ?? false },
    {
      text: [
        t('cancel-ask', {
          booking: describeBooking(b, ctx.client.timeZone, ctx.studio.timeZone, (await ctx.studio.standings.one(b, ctx.client.timeZone)).artist),
        }),
        ...(terms ? [terms.text] : []),
      ].join('\n\n'),
      buttons: [
        [
          { label: t('cancel-yes'), data: 'yes' },
          { label: t('cancel-no'), data: 'no' },
        ],
      ],
    },
  );
}

export const cancelFlow: Flow = {
  name: 'cancel',
  start: (ctx, args) => pick(ctx, args, 'cancel', (b) => askCancel(ctx, b)),
  steps: {
    pick: async (ctx, input) => askCancel(ctx, await picked(ctx, input)),
    async confirm(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError(t('answer-yes-or-no'));
      const ref = String(ctx.data.ref);
      if (input.action === 'no') return done({ text: t('cancel-kept', { ref }) });
      const b = await ctx.studio.bookings.cancel(ctx.client.id, ref, `client:${ctx.client.id}`);
      const money = await ctx.studio.payments.afterCancel(b, ctx.data.refund === true);
      await ctx.studio.bookingAlerts.cancelled(await ctx.studio.bookings.withClient(b.id), money?.engineer ?? null);
      const calendar = b.startsAt ? ctx.studio.calendars.link(b.id) : undefined;
      const text = b.startsAt ? t('cancel-done-slot', { ref: b.reference }) : t('cancel-done-queue', { ref: b.reference });
      const lines = [text, ...(money?.artist ? [money.artist()] : []), ...(calendar ? [t('calendar-remove', { url: calendar })] : [])];
      return done({ text: lines.join('\n') });
    },
  },
};

async function askNewDate(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  // The session moves within its engineer's time (whoever's takes its service, when they no longer do).
  const movers = await ctx.studio.bookings.movesWith(b);
  const data: FlowData = {
    ref: b.reference,
    service: b.service.code,
    minutes: (b.endsAt!.getTime() - b.startsAt!.getTime()) / 60_000,
    ...(movers.length === 1 ? { engineer: movers[0]! } : {}),
  };
  return askDate(
    { ...ctx, data },
    data,
    0,
    t('move-intro', { ref: b.reference, service: serviceName(b.service), when: formatWhen(b.startsAt!, ctx.client.timeZone) }),
  );
}

export const rescheduleFlow: Flow = {
  name: 'reschedule',
  start: (ctx, args) =>
    pick(ctx, args, 'reschedule', async (b) => {
      if (!b.startsAt) throw new UserError(t('move-unattended', { ref: b.reference }));
      if (!isChangeable(b.status)) {
        throw new UserError(t('move-too-late', { ref: b.reference, status: statusText(b.status) }));
      }
      return askNewDate(ctx, b);
    }),
  steps: {
    pick: async (ctx, input) => {
      const b = await picked(ctx, input);
      if (!b.startsAt) throw new UserError(t('move-no-time', { ref: b.reference }));
      return askNewDate(ctx, b);
    },
    date: answerDate,
    async slot(ctx, input) {
      const start = await answerSlot(ctx, input);
      if (!(start instanceof Date)) return start;
      return ask(
        'confirm',
        { ...ctx.data, start: start.getTime() },
        {
          text: t('move-ask', { ref: String(ctx.data.ref), when: formatWhen(start, ctx.client.timeZone, ctx.studio.timeZone) }),
          buttons: [
            [
              { label: t('move-yes'), data: 'yes' },
              { label: t('move-no'), data: 'no' },
            ],
          ],
        },
      );
    },
    async confirm(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError(t('answer-yes-or-no'));
      if (input.action === 'no') return done({ text: t('move-kept', { ref: String(ctx.data.ref) }) });
      try {
        const moved = await ctx.studio.bookings.reschedule(
          ctx.client.id,
          String(ctx.data.ref),
          new Date(Number(ctx.data.start)),
          dialogKey(ctx),
          `client:${ctx.client.id}`,
        );
        return done({
          text: `${t('move-done', { ref: String(ctx.data.ref), newRef: moved.reference })}\n\n${await bookingSummary(ctx, moved, 'calendar-update')}`,
        });
      } catch (err) {
        if (err instanceof SlotTakenError) return askDate(ctx, ctx.data, 0, err.message);
        throw err;
      }
    },
  },
};
