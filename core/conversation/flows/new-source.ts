// A corrected mix (or stems) sent after delivery: kept with the booking, and the artist is asked
// whether the next version should be made from it — a revision like any other, free or at the
// revision price, said before the answer. The earlier source stays; versions say which they came from.
import type { Flow } from '../flow.js';
import { askUseSource, useSource } from './revise.js';

export const newSourceFlow: Flow = {
  name: 'source',
  /** `REF file name`: the delivered booking and the file just stored for it. */
  async start(ctx, args) {
    const [ref = '', ...name] = args.trim().split(/\s+/);
    return askUseSource(ctx, await ctx.studio.bookings.ownedBy(ctx.client.id, ref), name.join(' '));
  },
  steps: { use: useSource },
};
