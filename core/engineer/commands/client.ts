// /client lookup: a client by name, username or booking reference, with their bookings and history.
import { t } from '../../texts.js';
import { str, text, type DeskCommand } from './types.js';

export const client: DeskCommand = {
  name: 'client',
  description: () => t('discord-cmd-client'),
  actions: [
    {
      name: 'lookup',
      description: () => t('discord-cmd-client-lookup'),
      args: [str('query', () => t('discord-cmd-client-query'))],
      run: (c) => c.studio.desk.lookupClient(text(c, 'query')),
    },
  ],
};
