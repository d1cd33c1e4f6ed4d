// /queue: upcoming sessions and the unattended work waiting.
import { t } from '../../texts.js';
import { num, type DeskCommand } from './types.js';

export const queue: DeskCommand = {
  name: 'queue',
  description: () => t('discord-cmd-queue'),
  args: [{ name: 'days', type: 'integer', min: 1, max: 90, description: () => t('discord-cmd-queue-days') }],
  run: (c) => c.studio.desk.queue(num(c, 'days') ?? 14),
};
