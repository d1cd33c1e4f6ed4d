// /calendar link|renew: the studio's sessions as a private calendar feed (core/calendar/feeds.ts).
import { t } from '../../texts.js';
import type { DeskCommand } from './types.js';

export const calendar: DeskCommand = {
  name: 'calendar',
  description: () => t('discord-cmd-calendar'),
  actions: [
    {
      name: 'link',
      description: () => t('discord-cmd-calendar-link'),
      run: async (c) => t('desk-calendar-link', { url: await c.studio.feeds.link() }),
    },
    {
      name: 'renew',
      description: () => t('discord-cmd-calendar-renew'),
      run: async (c) => t('desk-calendar-renewed', { url: await c.studio.feeds.renew() }),
    },
  ],
};
