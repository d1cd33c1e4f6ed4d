// /version list|deliver: a booking's versions (how each was made, from which source, where it
// stands) and sending a held one — a session's starting point, or one awaiting review — to the artist.
import { t } from '../../texts.js';
import { bookingArg, num, text, type DeskCommand } from './types.js';

export const version: DeskCommand = {
  name: 'version',
  description: () => t('discord-cmd-version'),
  actions: [
    { name: 'list', description: () => t('discord-cmd-version-list'), args: [bookingArg], run: (c) => c.studio.desk.versionList(text(c, 'reference')) },
    {
      name: 'deliver',
      description: () => t('discord-cmd-version-deliver'),
      args: [bookingArg, { name: 'version', type: 'integer', min: 1, max: 999, description: () => t('discord-cmd-version-number') }],
      run: (c) => c.studio.desk.deliverHeld(text(c, 'reference'), num(c, 'version'), c.actor),
    },
  ],
};
