// /queue: upcoming sessions and the unattended work waiting — everyone's, or one engineer's.
import { t } from '../../texts.js';
import { num, optional, str, type DeskCommand } from './types.js';

export const queue: DeskCommand = {
  name: 'queue',
  description: () => t('discord-cmd-queue'),
  args: [
    { name: 'days', type: 'integer', min: 1, max: 90, description: () => t('discord-cmd-queue-days') },
    str('engineer', () => t('discord-cmd-queue-engineer'), false),
  ],
  async run(c) {
    const scope = await c.studio.staff.queueScope(c.actor, optional(c, 'engineer'));
    const note = scope
      ? t('desk-queue-of', { name: scope.name, command: c.actor.startsWith('engineer:discord:') ? '/queue engineer:all' : 'mixdesk desk queue --engineer all' })
      : undefined;
    return c.studio.desk.queue(num(c, 'days') ?? 14, scope, note);
  },
};
