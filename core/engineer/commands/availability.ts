// /availability: the studio's weekly opening hours and closed dates.
import { t } from '../../texts.js';
import { optional, str, text, type DeskCommand } from './types.js';

export const availability: DeskCommand = {
  name: 'availability',
  description: () => t('discord-cmd-availability'),
  actions: [
    { name: 'show', description: () => t('discord-cmd-availability-show'), run: (c) => c.studio.desk.availability() },
    {
      name: 'add',
      description: () => t('discord-cmd-availability-add'),
      args: [
        str('weekday', () => t('discord-cmd-availability-weekday')),
        str('from', () => t('discord-cmd-availability-from')),
        str('to', () => t('discord-cmd-availability-to')),
      ],
      run: (c) => c.studio.desk.addWeeklyHours(text(c, 'weekday'), text(c, 'from'), text(c, 'to')),
    },
    {
      name: 'block',
      description: () => t('discord-cmd-availability-block'),
      args: [str('date', () => t('discord-cmd-availability-date')), str('note', () => t('discord-cmd-availability-note'), false)],
      run: (c) => c.studio.desk.blockDate(text(c, 'date'), optional(c, 'note') ?? ''),
    },
    { name: 'reset', description: () => t('discord-cmd-availability-reset'), run: (c) => c.studio.desk.clearWeeklyHours() },
  ],
};
