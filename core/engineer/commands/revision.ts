// /revision resolve: close the open revision without new files (a note for the artist).
import { t } from '../../texts.js';
import { bookingArg, optional, str, text, type DeskCommand } from './types.js';

export const revision: DeskCommand = {
  name: 'revision',
  description: () => t('discord-cmd-revision'),
  actions: [
    {
      name: 'resolve',
      description: () => t('discord-cmd-revision-resolve'),
      args: [bookingArg, str('note', () => t('discord-cmd-revision-note'), false)],
      run: (c) => c.studio.desk.resolveRevision(text(c, 'reference'), optional(c, 'note') ?? '', c.actor),
    },
  ],
};
