// /uploadlink: a private, expiring web link for files too large for the chat (resumable).
import { DateTime } from 'luxon';
import { intlLocale, t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const uploadlink: ChatCommand = {
  name: 'uploadlink',
  usage: () => '[REF]',
  help: () => t('help-uploadlink'),
  menu: () => t('telegram-menu-uploadlink'),
  discord: { description: () => t('discord-cmd-uploadlink'), option: { name: 'reference', description: () => t('discord-cmd-uploadlink-reference') } },
  async run({ args, studio, client }) {
    const booking = await studio.uploads.targetBooking(client, args.split(/\s+/)[0] || undefined);
    const { url, link } = await studio.links.issue(client, booking.reference, booking.service.code === 'master' ? 'mix' : 'stem');
    const until = DateTime.fromJSDate(link.expiresAt).setZone(client.timeZone).setLocale(intlLocale()).toFormat('ccc d LLL, HH:mm');
    return [{ text: t('upload-link', { ref: booking.reference, until, url }), links: [{ label: t('upload-link-button'), url }], visibility: 'private' }];
  },
};
