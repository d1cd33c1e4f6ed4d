// /calendar link|renew: the studio's sessions, or one engineer's, as a private calendar feed
// (core/calendar/feeds.ts).
import { t } from '../../texts.js';
import { optional, str, type DeskCommand, type DeskRun } from './types.js';

const engineer = str('engineer', () => t('discord-cmd-calendar-engineer'), false);

/** The answer for a feed's link: the studio's, or an engineer's. */
async function said(c: DeskRun, renew: boolean): Promise<string> {
  const { owner, name } = await c.studio.staff.feedOwner(c.actor, optional(c, 'engineer'));
  const url = renew ? await c.studio.feeds.renew(owner) : await c.studio.feeds.link(owner);
  if (name) return t(renew ? 'desk-calendar-renewed-of' : 'desk-calendar-link-of', { url, name });
  return t(renew ? 'desk-calendar-renewed' : 'desk-calendar-link', { url });
}

export const calendar: DeskCommand = {
  name: 'calendar',
  description: () => t('discord-cmd-calendar'),
  actions: [
    { name: 'link', description: () => t('discord-cmd-calendar-link'), args: [engineer], run: (c) => said(c, false) },
    { name: 'renew', description: () => t('discord-cmd-calendar-renew'), args: [engineer], run: (c) => said(c, true) },
  ],
};
