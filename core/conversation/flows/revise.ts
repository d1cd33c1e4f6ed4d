// /revise: pick the delivered booking, say what to change (quick adjustment buttons or words),
// confirm the price when the free revisions are used; the new version arrives by itself.
import type { BookingWithService } from '../../booking/bookings.js';
import { UserError } from '../../errors.js';
import { PaymentNeeded, parseAdjustments, quickAdjustments } from '../../revisions.js';
import { ask, done, type Flow, type FlowContext, type StepInput, type StepOutcome } from '../flow.js';

const REF = /^MD-[2-9A-Z]{6}$/i;

async function adjustPrompt(ctx: FlowContext, b: BookingWithService): Promise<StepOutcome> {
  const { freeLeft, price } = await ctx.studio.revisions.allowance(b);
  const quick = quickAdjustments.filter((q) => q.id !== 'reference');
  const buttons = [];
  for (let i = 0; i < quick.length; i += 2) buttons.push(quick.slice(i, i + 2).map((q) => ({ label: q.label, data: `adj:${q.id}` })));
  if (await ctx.studio.revisions.hasReference(b.id)) buttons.push([{ label: 'Match my reference', data: 'adj:reference' }]);
  const allowance = freeLeft > 0 ? `You have ${freeLeft} free revision${freeLeft === 1 ? '' : 's'} left.` : `Your free revisions are used; another costs ${price}.`;
  const how = b.service.code === 'master' ? 'Pick a quick change, or write what you would like different (e.g. "louder and a bit warmer", "target -12 LUFS").' : 'Write your notes for the engineer (what to change, with times in the song where it helps).';
  return ask('adjust', { ref: b.reference }, { text: `Revision of ${b.reference} (${b.service.name}). ${allowance}\n${how}`, ...(b.service.code === 'master' ? { buttons } : {}) });
}

async function submit(ctx: FlowContext, b: BookingWithService, text: string, acceptPaid: boolean): Promise<StepOutcome> {
  const { adjustments, understood } = parseAdjustments(text);
  if (b.service.code === 'master' && !understood.length && !text.trim()) throw new UserError('Tell me what to change, e.g. "louder" or "warmer".');
  try {
    const r = await ctx.studio.revisions.request(b, { notes: text, adjustments, acceptPaid, actor: `client:${ctx.client.id}` });
    const cost = r.paid ? 'paid' : `free; ${r.freeLeft} free left`;
    if (r.version === null) {
      return done({ text: `Revision ${r.number} of ${b.reference} noted (${cost}). Your notes are with the engineer, who will send the new version here.` });
    }
    const what = understood.length ? understood.join(', ') : 'your notes';
    const notesOnly = !understood.length ? ' I could not turn your words into a quick change, so this version repeats the last settings; the engineer has your notes too.' : '';
    return done({ text: `Revision ${r.number} of ${b.reference} started (${cost}): ${what}. Making version ${r.version} now; it arrives here when ready (/status shows how far it is).${notesOnly}` });
  } catch (err) {
    if (!(err instanceof PaymentNeeded)) throw err;
    return ask('paid', { ref: b.reference, text }, {
      text: `${err.message} Shall I go ahead? The studio will add it to your invoice.`,
      buttons: [[{ label: `Yes, revise for ${err.price}`, data: 'yes' }, { label: 'No', data: 'no' }]],
    });
  }
}

async function withBooking(ctx: FlowContext, b: BookingWithService, text: string): Promise<StepOutcome> {
  return text.trim() ? submit(ctx, b, text, false) : adjustPrompt(ctx, b);
}

export const reviseFlow: Flow = {
  name: 'revise',
  async start(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    if (words[0] && REF.test(words[0])) return withBooking(ctx, await ctx.studio.bookings.ownedBy(ctx.client.id, words[0]), words.slice(1).join(' '));
    const list = await ctx.studio.revisions.revisable(ctx.client.id);
    if (list.length === 0) return done({ text: 'Nothing of yours is delivered and waiting for feedback right now. /status shows where your bookings stand.' });
    if (list.length === 1) return withBooking(ctx, list[0]!, args);
    return ask('pick', { text: args }, { text: 'Which booking should be revised?', buttons: list.map((b) => [{ label: `${b.reference} · ${b.service.name}`, data: `bk:${b.reference}` }]) });
  },
  steps: {
    async pick(ctx, input: StepInput) {
      const ref = input.type === 'button' ? input.action.replace(/^bk:/, '') : input.text;
      return withBooking(ctx, await ctx.studio.bookings.ownedBy(ctx.client.id, ref), String(ctx.data.text ?? ''));
    },
    async adjust(ctx, input) {
      const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
      const text = input.type === 'button' ? (quickAdjustments.find((q) => `adj:${q.id}` === input.action)?.label.toLowerCase() ?? '') : input.text;
      if (!text.trim()) throw new UserError('Please pick a change or write your notes.');
      return submit(ctx, b, text, false);
    },
    async paid(ctx, input) {
      if (input.type !== 'button' || !['yes', 'no'].includes(input.action)) throw new UserError('Please answer yes or no.');
      if (input.action === 'no') return done({ text: 'No revision was made; nothing was charged.' });
      const b = await ctx.studio.bookings.ownedBy(ctx.client.id, String(ctx.data.ref));
      return submit(ctx, b, String(ctx.data.text ?? ''), true);
    },
  },
};
