// /mixdown: the full mix, instrumental and a cappella from a booking's stems, as its next version.
import { t } from '../../texts.js';
import { bookingArg, optional, text, type DeskCommand } from './types.js';

export const mixdown: DeskCommand = {
  name: 'mixdown',
  description: () => t('discord-cmd-mixdown'),
  args: [
    bookingArg,
    {
      name: 'balance',
      type: 'string',
      description: () => t('discord-cmd-mixdown-balance'),
      choices: () => [
        { name: t('desk-balance-auto'), value: 'auto' },
        { name: t('desk-balance-flat'), value: 'flat' },
      ],
    },
  ],
  run: (c) => c.studio.desk.mixdown(text(c, 'reference'), optional(c, 'balance') === 'flat' ? 'flat' : 'auto', c.actor),
};
