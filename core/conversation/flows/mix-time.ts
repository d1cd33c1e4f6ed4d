// /quote: how long a mix will take and why, from the stems (core/booking/mix-time.ts); with
// mixing priced by the hour and stems that measure more than was booked, the question: book the
// hours, or leave it to the engineer. Also asked by itself when such stems arrive.
import { formatMoney } from '../../catalog.js';
import type { BookingWithService } from '../../booking/bookings.js';
import { hoursText } from '../../booking/mix-time.js';
import { UserError } from '../../errors.js';
import { t } from '../../texts.js';
import { ask, done, type Flow, type FlowContext, type StepOutcome } from '../flow.js';
import { isOpen } from '../../booking/status.js';
import { formatWhen } from '../format.js';
import { isReference } from '../../booking/reference.js';

/** The booking /quote is about: the one named, else the artist's newest open mixing booking. */
async function quoted(ctx: FlowContext, args: string): Promise<BookingWithService | null> {
  const ref = args.split(/\s+/).find(isReference);
  if (ref) return ctx.studio.bookings.ownedBy(ctx.client.id, ref);
  const mine = await ctx.studio.bookings.listForClient(ctx.client.id);
  return mine.filter((b) => b.service.code !== 'master' && isOpen(b.status)).at(0) ?? null;
}

async function estimate(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  if (b.service.code === 'master') return done({ text: t('estimate-not-mixing', { ref: b.reference }) });
  const v = await ctx.studio.mixTime.of(b);
  if (!v) return done({ text: t('estimate-none', { ref: b.reference }) });
  const text = ctx.studio.mixTime.artistText(b, v);
  const s = await ctx.studio.mixTime.shortfall(b, v);
  if (!s) return done({ text });
  const price = formatMoney(s.extraCents, b.currency);
  return ask(
    'more',
    { ref: b.reference },
    {
      text: t('mix-time-ask', {
        hours: hoursText(s.view.hours),
        ref: b.reference,
        booked: hoursText(b.bookedHours ?? 0),
        more: hoursText(s.more),
        price,
        total: formatMoney(s.totalCents, b.currency),
      }),
      buttons: [
        [
          { label: t('mix-time-more', { more: hoursText(s.more), price }), data: 'more' },
          { label: t('mix-time-engineer'), data: 'engineer' },
        ],
      ],
    },
    [{ text }],
  );
}

/** The Done button is also under each estimate the quote's files get (engine.ts, quoteFiles). */
const askForStems = (): StepOutcome => ask('stems', {}, { text: t('quote-send-stems'), buttons: [[{ label: t('quote-done-button'), data: 'done' }]] });

export const mixTimeFlow: Flow = {
  name: 'mixtime',
  async start(ctx, args) {
    const b = await quoted(ctx, args);
    if (b) return estimate(ctx, b);
    // No mixing booking yet: a quote from stems sent now, measured and not kept.
    await ctx.studio.mixTime.clearQuote(ctx.client.id);
    return askForStems();
  },
  steps: {
    /** Files sent at this step are measured by the engine (quoteFiles); words or the button end it. */
    async stems(ctx) {
      const q = await ctx.studio.mixTime.quote(ctx.client.id);
      return done({ text: q ? ctx.studio.mixTime.keptText(q) : t('quote-none') });
    },
    async more(ctx, input) {
      if (input.type !== 'button' || !['more', 'engineer'].includes(input.action)) throw new UserError(t('mix-time-pick'));
      const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
      if (input.action === 'engineer') {
        const s = await ctx.studio.mixTime.shortfall(b);
        if (s) await ctx.studio.mixTime.leaveToEngineer(b, s.view.hours);
        return done({ text: t('mix-time-left', { booked: hoursText(b.bookedHours ?? 0) }) });
      }
      try {
        const extended = await ctx.studio.mixTime.bookMore(b, `client:${ctx.client.id}`);
        const hours = hoursText(extended.bookedHours ?? 0);
        const total = formatMoney(extended.priceCents, extended.currency);
        if (!extended.endsAt) return done({ text: t('mix-time-booked', { ref: b.reference, hours, total }) });
        return done({ text: t('mix-time-booked-session', { ref: b.reference, hours, total, end: formatWhen(extended.endsAt, ctx.client.timeZone) }) });
      } catch (err) {
        // No room in the calendar: said, and the engineer was told (mix-time.ts); not asked again.
        if (err instanceof UserError) return done({ text: err.message });
        throw err;
      }
    },
  },
};
