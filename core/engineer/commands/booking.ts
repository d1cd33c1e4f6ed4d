// /booking confirm|decline|waive|reschedule|assign: the engineer's answer to a booking; the artist is told.
import { t } from '../../texts.js';
import { optional, str, text, type DeskArg, type DeskCommand } from './types.js';

const reference: DeskArg = str('reference', () => t('discord-cmd-booking-reference'));

export const booking: DeskCommand = {
  name: 'booking',
  description: () => t('discord-cmd-booking'),
  actions: [
    {
      name: 'confirm',
      description: () => t('discord-cmd-booking-confirm'),
      args: [reference],
      run: (c) => c.studio.desk.confirm(text(c, 'reference'), c.actor),
    },
    {
      name: 'decline',
      description: () => t('discord-cmd-booking-decline'),
      args: [reference, str('reason', () => t('discord-cmd-booking-reason'), false)],
      async run(c) {
        const said = await c.studio.desk.decline(text(c, 'reference'), optional(c, 'reason') ?? '', c.actor);
        // Declined by the studio: a paid deposit goes back in full, whatever the notice.
        const b = await c.studio.desk.booking(text(c, 'reference'));
        const money = await c.studio.payments.afterCancel(b, true);
        const artist = money?.artist;
        if (artist) await c.studio.outbox.toArtist(`declined-refund:${b.id}`, b, () => ({ text: artist(), visibility: 'private' }));
        return money?.refunded ? `${said}\n${t('desk-declined-refund')}` : said;
      },
    },
    {
      name: 'waive',
      description: () => t('discord-cmd-booking-waive'),
      args: [reference],
      async run(c) {
        const b = await c.studio.desk.booking(text(c, 'reference'));
        const waived = await c.studio.payments.waive(b, c.actor);
        if (waived === 'balance') return t('desk-waived-balance', { ref: b.reference });
        if (waived === 'revision') return t('desk-waived-revision', { ref: b.reference });
        return t(waived ? 'desk-waived' : 'desk-nothing-to-waive', { ref: b.reference });
      },
    },
    {
      name: 'reschedule',
      description: () => t('discord-cmd-booking-reschedule'),
      args: [reference, str('start', () => t('discord-cmd-booking-start'))],
      run: (c) => c.studio.desk.reschedule(text(c, 'reference'), text(c, 'start'), c.actor),
    },
    {
      name: 'assign',
      description: () => t('discord-cmd-booking-assign'),
      args: [reference, str('engineer', () => t('discord-cmd-booking-engineer'))],
      run: (c) => c.studio.staff.assign(c.actor, text(c, 'reference'), text(c, 'engineer')),
    },
  ],
};
