// /start: the welcome, with what the studio does and the commands.
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const start: ChatCommand = {
  name: 'start',
  async run({ studio, client, created, helpLines }) {
    const hello = created ? t('welcome-new', { studio: studio.name, name: client.displayName }) : t('welcome-back', { name: client.displayName });
    return [{ text: [hello, t('welcome-what-we-do'), t('welcome-time-zone', { zone: client.timeZone }), '', ...helpLines()].join('\n') }];
  },
};
