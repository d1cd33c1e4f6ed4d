// A file arrived while several of the artist's bookings take files: it is held, and the artist
// picks the booking (a button each, or the reference typed); "none" forgets it. Once chosen, the
// file is taken as if it had been sent for that booking — described, and on to the work it starts.
import { UserError } from '../../errors.js';
import { t } from '../../texts.js';
import { done, type Flow, type FlowContext } from '../flow.js';
import { bookingChoice } from '../format.js';
import { referenceIn } from '../../booking/reference.js';

/** The start's argument: what the flow needs of the held file, one per line. */
export const fileForArgs = (key: string, name: string, sourceKey: string) => [key, name, sourceKey].join('\n');

export const fileForFlow: Flow = {
  name: 'filefor',
  async start(ctx, args) {
    const [key = '', name = '', sourceKey = ''] = args.split('\n');
    const open = await ctx.studio.uploads.openForFiles(ctx.client.id);
    return {
      next: {
        step: 'pick',
        data: { key, name, sourceKey, count: open.length },
        reply: {
          text: t('file-for-which', { file: name, count: open.length }),
          buttons: [
            ...open.map((b) => [{ label: bookingChoice(b, ctx.client.timeZone), data: `b:${b.reference}` }]),
            [{ label: t('file-for-none'), data: 'none' }],
          ],
        },
      },
    };
  },
  steps: {
    async pick(ctx, input) {
      const { key, name } = held(ctx);
      const action = input.type === 'button' ? input.action : input.text;
      if (action === 'none') {
        await ctx.studio.uploads.held.drop(key);
        return done({ text: t('file-for-forgotten', { file: name }) });
      }
      const ref = referenceIn(action);
      if (!ref) throw new UserError(t('file-for-pick', { count: Number(ctx.data.count ?? 0) }));
      // The booking is checked before the file is fetched: a wrong reference asks again, the file stays held.
      await ctx.studio.uploads.takingBooking(ctx.client, ref);
      const { sourceKey } = held(ctx);
      const received = await ctx.studio.uploads.held.take(key, name, (file) =>
        ctx.studio.uploads.acceptAny({ client: ctx.client, fileName: name, path: file, bookingRef: ref, ...(sourceKey ? { sourceKey } : {}) }),
      );
      if (!received) return done({ text: t('file-for-gone', { file: name }) });
      return { done: [], received };
    },
  },
};

function held(ctx: FlowContext): { key: string; name: string; sourceKey: string } {
  const { key, name, sourceKey } = ctx.data;
  if (typeof key !== 'string' || !ctx.studio.uploads.held.owns(ctx.client.id, key)) throw new Error('the held file of this dialog is not the artist’s');
  return { key, name: String(name ?? 'file'), sourceKey: String(sourceKey ?? '') };
}
