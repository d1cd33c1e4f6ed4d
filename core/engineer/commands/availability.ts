// /availability: weekly opening hours and closed dates — the studio's, or (--engineer) an
// engineer's own hours and days off.
import { t } from '../../texts.js';
import { optional, str, text, type DeskArg, type DeskCommand, type DeskRun } from './types.js';

const engineer: DeskArg = str('engineer', () => t('discord-cmd-availability-engineer'), false);

/** Whose hours: checked against who asks (an engineer changes only their own). */
const whose = (c: DeskRun) => c.studio.staff.hoursOwner(c.actor, optional(c, 'engineer'));

export const availability: DeskCommand = {
  name: 'availability',
  description: () => t('discord-cmd-availability'),
  actions: [
    {
      name: 'show',
      description: () => t('discord-cmd-availability-show'),
      args: [engineer],
      run: async (c) => c.studio.desk.availability(optional(c, 'engineer') === undefined ? null : await c.studio.engineers.byName(text(c, 'engineer'))),
    },
    {
      name: 'add',
      description: () => t('discord-cmd-availability-add'),
      args: [
        str('weekday', () => t('discord-cmd-availability-weekday')),
        str('from', () => t('discord-cmd-availability-from')),
        str('to', () => t('discord-cmd-availability-to')),
        engineer,
      ],
      run: async (c) => c.studio.desk.addWeeklyHours(text(c, 'weekday'), text(c, 'from'), text(c, 'to'), (await whose(c))?.id ?? null),
    },
    {
      name: 'block',
      description: () => t('discord-cmd-availability-block'),
      args: [str('date', () => t('discord-cmd-availability-date')), str('note', () => t('discord-cmd-availability-note'), false), engineer],
      run: async (c) => c.studio.desk.blockDate(text(c, 'date'), optional(c, 'note') ?? '', (await whose(c))?.id ?? null),
    },
    {
      name: 'reset',
      description: () => t('discord-cmd-availability-reset'),
      args: [engineer],
      run: async (c) => c.studio.desk.clearWeeklyHours((await whose(c))?.id ?? null),
    },
  ],
};
