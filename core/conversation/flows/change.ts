// /cancel and /reschedule: pick one of your bookings (or name it), then confirm.
import type { BookingWithService } from '../../booking/bookings.js';
import { SlotTakenError, UserError } from '../../errors.js';
import { ask, done, type Flow, type FlowContext, type FlowData, type StepInput, type StepOutcome } from '../flow.js';
import { describeBooking, formatWhen } from '../format.js';
import { dialogKey, nextSteps } from './book.js';
import { answerDate, answerSlot, askDate } from './calendar.js';

type Purpose = 'cancel' | 'reschedule';

async function candidates(ctx: FlowContext, purpose: Purpose): Promise<BookingWithService[]> {
  const open = await ctx.studio.bookings.changeable(ctx.client.id);
  return purpose === 'reschedule' ? open.filter((b) => b.startsAt) : open;
}

function label(b: BookingWithService, ctx: FlowContext): string {
  const when = b.startsAt ? formatWhen(b.startsAt, ctx.client.timeZone).replace(/ \(.*\)$/, '') : 'unattended';
  return `${b.reference} · ${b.service.name} · ${when}`;
}

/** Starts either flow: a named booking goes straight on; otherwise the client picks one. */
async function pick(ctx: FlowContext, args: string, purpose: Purpose, then: (b: BookingWithService) => Promise<StepOutcome>): Promise<StepOutcome> {
  if (args.trim()) return then(await ctx.studio.bookings.ownedBy(ctx.client.id, args.trim().split(/\s+/)[0] ?? ''));
  const list = await candidates(ctx, purpose);
  if (list.length === 0) {
    return done({ text: purpose === 'cancel' ? 'You have no bookings that can still be cancelled. /mybookings lists them all.' : 'You have no scheduled sessions that can still be moved. /mybookings lists your bookings.' });
  }
  if (list.length === 1) return then(list[0]!);
  return ask('pick', {}, {
    text: `Which booking do you want to ${purpose}?`,
    buttons: list.map((b) => [{ label: label(b, ctx), data: `bk:${b.reference}` }]),
  });
}

async function picked(ctx: FlowContext, input: StepInput): Promise<BookingWithService> {
  const ref = input.type === 'button' ? input.action.replace(/^bk:/, '') : input.text;
  return ctx.studio.bookings.ownedBy(ctx.client.id, ref);
}

async function askCancel(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  return ask('confirm', { ref: b.reference }, {
    text: `Cancel this booking?\n\n${describeBooking(b, ctx.client.timeZone, ctx.studio.timeZone)}`,
    buttons: [[{ label: 'Yes, cancel it', data: 'yes' }, { label: 'No, keep it', data: 'no' }]],
  });
}

export const cancelFlow: Flow = {
  name: 'cancel',
  start: (ctx, args) => pick(ctx, args, 'cancel', (b) => askCancel(ctx, b)),
  steps: {
    pick: async (ctx, input) => askCancel(ctx, await picked(ctx, input)),
    async confirm(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError('Please answer yes or no.');
      const ref = String(ctx.data.ref);
      if (input.action === 'no') return done({ text: `Kept ${ref}; nothing changed.` });
      const b = await ctx.studio.bookings.cancel(ctx.client.id, ref, `client:${ctx.client.id}`);
      return done({ text: `Cancelled ${b.reference}. ${b.startsAt ? 'Its time is free again for others.' : 'It has left the unattended queue.'}` });
    },
  },
};

async function askNewDate(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  const data: FlowData = { ref: b.reference, service: b.service.code };
  return askDate({ ...ctx, data }, data, 0, `Moving ${b.reference} (${b.service.name}, now ${formatWhen(b.startsAt!, ctx.client.timeZone)}).`);
}

export const rescheduleFlow: Flow = {
  name: 'reschedule',
  start: (ctx, args) =>
    pick(ctx, args, 'reschedule', async (b) => {
      if (!b.startsAt) throw new UserError(`${b.reference} is unattended work with no fixed time, so there is nothing to move.`);
      if (!['requested', 'confirmed', 'awaiting-files'].includes(b.status)) {
        throw new UserError(`${b.reference} is ${b.status}, so it can no longer be moved.`);
      }
      return askNewDate(ctx, b);
    }),
  steps: {
    pick: async (ctx, input) => {
      const b = await picked(ctx, input);
      if (!b.startsAt) throw new UserError(`${b.reference} has no fixed time to move.`);
      return askNewDate(ctx, b);
    },
    date: answerDate,
    async slot(ctx, input) {
      const start = await answerSlot(ctx, input);
      if (!(start instanceof Date)) return start;
      return ask('confirm', { ...ctx.data, start: start.getTime() }, {
        text: `Move ${String(ctx.data.ref)} to ${formatWhen(start, ctx.client.timeZone, ctx.studio.timeZone)}?`,
        buttons: [[{ label: '✅ Move it', data: 'yes' }, { label: '✖ Keep the old time', data: 'no' }]],
      });
    },
    async confirm(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError('Please answer yes or no.');
      if (input.action === 'no') return done({ text: `Kept ${String(ctx.data.ref)} at its old time.` });
      try {
        const moved = await ctx.studio.bookings.reschedule(ctx.client.id, String(ctx.data.ref), new Date(Number(ctx.data.start)), dialogKey(ctx), `client:${ctx.client.id}`);
        return done({
          text: `Moved. ${String(ctx.data.ref)} is replaced by ${moved.reference}:\n\n${describeBooking(moved, ctx.client.timeZone, ctx.studio.timeZone)}\n\n${nextSteps(moved, ctx.client.timeZone)}`,
        });
      } catch (err) {
        if (err instanceof SlotTakenError) return askDate(ctx, ctx.data, 0, err.message);
        throw err;
      }
    },
  },
};
