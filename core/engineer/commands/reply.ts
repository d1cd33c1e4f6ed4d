// /reply: the engineer answers an artist's live note; it reaches the artist's own chat.
import { t } from '../../texts.js';
import { bookingArg, str, text, type DeskCommand } from './types.js';

export const reply: DeskCommand = {
  name: 'reply',
  description: () => t('discord-cmd-reply'),
  args: [bookingArg, str('text', () => t('discord-cmd-reply-text'))],
  async run(c) {
    await c.studio.staff.assertTheirs(c.actor, text(c, 'reference'));
    return c.studio.desk.reply(text(c, 'reference'), text(c, 'text'), c.actor);
  },
};
