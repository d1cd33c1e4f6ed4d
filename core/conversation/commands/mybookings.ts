// /mybookings: the artist's open bookings in full, and the last few finished ones.
import { serviceName } from '../../catalog.js';
import { isFollowed, statusText } from '../../booking/status.js';
import { t } from '../../texts.js';
import { describeBooking } from '../format.js';
import type { ChatCommand } from './types.js';

export const mybookings: ChatCommand = {
  name: 'mybookings',
  help: () => t('help-mybookings'),
  menu: () => t('telegram-menu-mybookings'),
  discord: { description: () => t('discord-cmd-mybookings') },
  async run({ studio, client }) {
    const all = await studio.bookings.listForClient(client.id);
    if (all.length === 0) return [{ text: t('mybookings-none') }];
    const open = all.filter((b) => isFollowed(b.status));
    const past = all.filter((b) => !open.includes(b)).slice(0, 5);
    const standings = await studio.standings.of(open, client.timeZone);
    const describe = async (b: (typeof all)[number]) =>
      describeBooking(b, client.timeZone, studio.timeZone, standings.get(b.id)!.artist, await studio.bookings.queuePosition(b));
    const parts: string[] = [];
    if (open.length) parts.push(`${t('mybookings-title')}\n\n${(await Promise.all(open.map(describe))).join('\n\n')}`);
    if (past.length)
      parts.push(
        [
          t('mybookings-earlier'),
          ...past.map((b) => t('mybookings-past', { ref: b.reference, service: serviceName(b.service), status: statusText(b.status) })),
        ].join('\n'),
      );
    return [{ text: parts.join('\n\n') }];
  },
};
