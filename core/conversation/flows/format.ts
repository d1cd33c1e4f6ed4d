// The /format dialog: the delivery format, chosen with a button (or typed).
import { deliveryFormats } from '../../../engine/formats.js';
import { t } from '../../texts.js';
import { formatInWords } from '../../files/format-words.js';
import { done, type Flow } from '../flow.js';

export const formatFlow: Flow = {
  name: 'format',
  start: async () => ({
    next: {
      step: 'pick',
      data: {},
      reply: {
        text: t('format-ask'),
        buttons: [deliveryFormats.map((f) => ({ label: formatInWords(f), data: `fmt:${f}` }))],
      },
    },
  }),
  steps: {
    async pick(ctx, input) {
      const f = input.type === 'button' ? input.action.replace(/^fmt:/, '') : input.text;
      const client = await ctx.studio.clients.setDeliveryFormat(ctx.client.id, f);
      return done({ text: t('format-set', { format: formatInWords(client.deliveryFormat) }) });
    },
  },
};
