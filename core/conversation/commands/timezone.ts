// /timezone: shows or sets the time zone the artist sees times in.
import { DateTime } from 'luxon';
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const timezone: ChatCommand = {
  name: 'timezone',
  usage: () => t('usage-timezone'),
  help: () => t('help-timezone'),
  menu: () => t('telegram-menu-timezone'),
  discord: { description: () => t('discord-cmd-timezone'), option: { name: 'zone', description: () => t('discord-cmd-timezone-zone') } },
  async run({ args, studio, client }) {
    if (!args) return [{ text: t('timezone-show', { zone: client.timeZone }) }];
    const updated = await studio.clients.setTimeZone(client.id, args);
    const now = DateTime.fromJSDate(studio.clock.now()).setZone(updated.timeZone).toFormat('HH:mm');
    return [{ text: t('timezone-set', { zone: updated.timeZone, time: now }) }];
  },
};
