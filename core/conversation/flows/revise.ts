// /revise: pick the delivered booking, say what to change (quick adjustment buttons or words),
// confirm the price when the free revisions are used; the new version arrives by itself.
import { formatMoney, serviceName } from '../../catalog.js';
import type { BookingWithService } from '../../booking/bookings.js';
import { UserError } from '../../errors.js';
import { PaymentNeeded, parseAdjustments, quickAdjustments, revisionStartedText, type AskedRevision, type RevisionStarted } from '../../versions/revisions.js';
import { ask, done, type Flow, type FlowContext, type StepInput, type StepOutcome } from '../flow.js';
import { t } from '../../texts.js';
import { payFirstReply } from '../../payments/revision-payments.js';
import { isFollowed, statusText } from '../../booking/status.js';
import { isReference } from '../../booking/reference.js';

async function adjustPrompt(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  const { freeLeft, price } = await ctx.studio.revisions.allowance(b);
  const quick = quickAdjustments.filter((q) => q.id !== 'reference');
  const buttons = [];
  for (let i = 0; i < quick.length; i += 2) buttons.push(quick.slice(i, i + 2).map((q) => ({ label: q.label(), data: `adj:${q.id}` })));
  if (await ctx.studio.revisions.hasReference(b.id)) buttons.push([{ label: t('revise-match-reference'), data: 'adj:reference' }]);
  const source = await ctx.studio.revisions.newSourceFor(b);
  if (source) buttons.unshift([{ label: t('revise-use-new-source', { file: source }), data: 'adj:source' }]);
  const allowance = freeLeft > 0 ? t('revise-free-left', { count: freeLeft }) : t('revise-paid-next', { price });
  const how = b.service.code === 'master' ? t('revise-how-master') : t('revise-how-mix');
  return ask(
    'adjust',
    { ref: b.reference },
    {
      text: `${t('revise-ask', { ref: b.reference, service: serviceName(b.service), allowance })}\n${how}`,
      ...(b.service.code === 'master' || source ? { buttons: b.service.code === 'master' ? buttons : buttons.slice(0, 1) } : {}),
    },
  );
}

/** What the artist is told once a revision is recorded: started (and what it changes), or with the engineer. */
export function revisionOutcome(b: BookingWithService, r: RevisionStarted, understood: string[], price: string): StepOutcome {
  return done({ text: revisionStartedText(b, r, understood, price)() });
}

/**
 * A revision the artist agreed to: started now, or — beyond the free ones with payments on — its
 * payment asked, and started when it arrives.
 */
async function startOrAskPayment(ctx: FlowContext, b: BookingWithService, asked: AskedRevision, acceptPaid: boolean): Promise<StepOutcome> {
  const r = await ctx.studio.paidRevisions.requestOrAsk(b, asked, acceptPaid, `client:${ctx.client.id}`);
  if ('pay' in r) return done(payFirstReply(b, r.pay));
  return revisionOutcome(b, r.started, asked.understood, formatMoney(b.service.revisionPriceCents, b.currency));
}

/** A quick change picked from the buttons, as if its words had been written (in any language). */
function picked(id: string): ReturnType<typeof parseAdjustments> | null {
  const q = quickAdjustments.find((x) => x.id === id);
  return q ? { adjustments: q.apply, understood: [q.label().toLowerCase()], forEngineer: false } : null;
}

async function submit(ctx: FlowContext, b: BookingWithService, text: string, acceptPaid: boolean, pick?: string): Promise<StepOutcome> {
  const { adjustments, understood, forEngineer } = (pick ? picked(pick) : null) ?? parseAdjustments(text);
  if (b.service.code === 'master' && !understood.length && !text.trim()) throw new UserError(t('revise-say-what'));
  try {
    return await startOrAskPayment(ctx, b, { notes: text, adjustments, forEngineer, understood }, acceptPaid);
  } catch (err) {
    if (!(err instanceof PaymentNeeded)) throw err;
    return ask(
      'paid',
      { ref: b.reference, text, ...(pick ? { pick } : {}) },
      {
        text: t(ctx.studio.paidRevisions.upFront ? 'revise-ask-paid-first' : 'revise-ask-paid', { reason: err.message }),
        buttons: [
          [
            { label: t('revise-paid-yes', { price: err.price }), data: 'yes' },
            { label: t('revise-paid-no'), data: 'no' },
          ],
        ],
      },
    );
  }
}

async function withBooking(ctx: FlowContext, b: BookingWithService, text: string): Promise<StepOutcome> {
  // Said before any question: asking what to change would only end in the same refusal.
  if (b.status !== 'delivered') throw new UserError(t('revise-not-delivered', { ref: b.reference, status: statusText(b.status) }));
  return text.trim() ? submit(ctx, b, text, false) : adjustPrompt(ctx, b);
}

/** Asks whether the next version is made from a file that came after delivery (its cost said first). */
export async function askUseSource(ctx: FlowContext, b: BookingWithService, file: string): Promise<StepOutcome> {
  const { used, freeLeft, price } = await ctx.studio.revisions.allowance(b);
  const cost =
    freeLeft > 0
      ? // Counted as every revision message counts: what is left once this one is made.
        t('revise-cost-free', { count: freeLeft - 1 })
      : ctx.studio.paidRevisions.upFront
        ? t('new-source-paid-first', { price })
        : t('new-source-paid', { price });
  const question = t(b.service.code === 'master' ? 'new-source-ask-mix' : 'new-source-ask-stems', { ref: b.reference, number: used + 1, cost });
  const free = freeLeft > 0;
  // A revision's "louder" would carry over to the new mix unseen: say so, and let the artist choose.
  const kept = await ctx.studio.revisions.keptSettings(b);
  if (kept)
    return ask(
      'use',
      { ref: b.reference, file, kept: kept.version },
      {
        text: `${question}\n${t('new-source-settings', { version: kept.version, settings: kept.words.join('; ') })}`,
        buttons: [
          [
            {
              label: free ? t('new-source-yes-keep', { version: kept.version }) : t('new-source-yes-keep-paid', { version: kept.version, price }),
              data: 'yes',
            },
          ],
          [{ label: free ? t('new-source-yes-defaults') : t('new-source-yes-defaults-paid', { price }), data: 'defaults' }],
          [{ label: t('new-source-no'), data: 'no' }],
        ],
      },
    );
  return ask(
    'use',
    { ref: b.reference, file },
    {
      text: question,
      buttons: [
        [
          { label: free ? t('new-source-yes') : t('new-source-yes-paid', { price }), data: 'yes' },
          { label: t('new-source-no'), data: 'no' },
        ],
      ],
    },
  );
}

/** The answer to askUseSource: a revision made from the new file (with the latest settings or the defaults), or the file just kept. */
export async function useSource(ctx: FlowContext, input: StepInput): Promise<StepOutcome> {
  const kept = typeof ctx.data.kept === 'number' ? ctx.data.kept : null;
  const answers = kept === null ? ['yes', 'no'] : ['yes', 'defaults', 'no'];
  if (input.type !== 'button' || !answers.includes(input.action))
    throw new UserError(kept === null ? t('answer-yes-or-no') : t('new-source-pick', { version: kept }));
  const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
  const file = String(ctx.data.file);
  if (input.action === 'no') return done({ text: t('new-source-kept', { file, ref: b.reference }) });
  const fromDefaults = input.action === 'defaults';
  const what =
    kept === null
      ? t('new-source-what', { file })
      : fromDefaults
        ? t('new-source-what-defaults', { file })
        : t('new-source-what-kept', { file, version: kept });
  // The price was in the question: "yes" accepts it.
  return startOrAskPayment(
    ctx,
    b,
    {
      notes: t('new-source-notes', { file }),
      adjustments: {},
      forEngineer: false,
      newSource: file,
      understood: [what],
      ...(fromDefaults ? { fromDefaults } : {}),
    },
    true,
  );
}

export const reviseFlow: Flow = {
  name: 'revise',
  async start(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    if (words[0] && isReference(words[0])) return withBooking(ctx, await ctx.studio.bookings.ownedBy(ctx.client.id, words[0]), words.slice(1).join(' '));
    const list = await ctx.studio.revisions.revisable(ctx.client.id);
    if (list.length === 0) {
      // One booking on its way (a version being made, files awaited): its own answer says when a
      // revision can be asked for, rather than "nothing of yours is delivered".
      const followed = (await ctx.studio.bookings.listForClient(ctx.client.id)).filter((b) => isFollowed(b.status));
      return followed.length === 1 ? withBooking(ctx, followed[0]!, args) : done({ text: t('revise-nothing') });
    }
    if (list.length === 1) return withBooking(ctx, list[0]!, args);
    return ask(
      'pick',
      { text: args },
      { text: t('revise-which'), buttons: list.map((b) => [{ label: `${b.reference} · ${serviceName(b.service)}`, data: `bk:${b.reference}` }]) },
    );
  },
  steps: {
    async pick(ctx, input: StepInput) {
      const ref = input.type === 'button' ? input.action.replace(/^bk:/, '') : input.text;
      return withBooking(ctx, await ctx.studio.bookings.ownedBy(ctx.client.id, ref), String(ctx.data.text ?? ''));
    },
    async adjust(ctx, input) {
      const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
      if (input.type === 'button' && input.action === 'adj:source') {
        const file = await ctx.studio.revisions.newSourceFor(b);
        if (!file) throw new UserError(t('revise-pick-or-write'));
        return askUseSource(ctx, b, file);
      }
      if (input.type === 'button') {
        const id = input.action.replace(/^adj:/, '');
        const q = quickAdjustments.find((x) => x.id === id);
        if (!q) throw new UserError(t('revise-pick-or-write'));
        return submit(ctx, b, q.label().toLowerCase(), false, id);
      }
      if (!input.text.trim()) throw new UserError(t('revise-pick-or-write'));
      return submit(ctx, b, input.text, false);
    },
    use: useSource,
    async paid(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError(t('answer-yes-or-no'));
      if (input.action === 'no') return done({ text: t('revise-declined') });
      const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
      return submit(ctx, b, String(ctx.data.text ?? ''), true, ctx.data.pick === undefined ? undefined : String(ctx.data.pick));
    },
  },
};
