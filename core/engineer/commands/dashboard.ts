// /dashboard: a sign-in link to the studio dashboard in the browser, for the engineer who asks
// (only engineers see this command; the link is good once, for 15 minutes).
import { t } from '../../texts.js';
import type { DeskCommand } from './types.js';

export const dashboard: DeskCommand = {
  name: 'dashboard',
  description: () => t('discord-cmd-dashboard'),
  async run(c) {
    const { url, minutes } = await c.studio.dashboardAccess.signInLink(c.actor);
    return t('desk-dashboard-link', { url, minutes });
  },
};
