// /estimate: the numbers behind a mix's estimate, stem by stem; with hours, the engineer's own
// (0: back to what the stems measure). The artist is told what the engineer set.
import { t } from '../../texts.js';
import { bookingArg, num, text, type DeskCommand } from './types.js';

export const estimate: DeskCommand = {
  name: 'estimate',
  description: () => t('discord-cmd-estimate'),
  args: [bookingArg, { name: 'hours', type: 'number', min: 0, max: 100, description: () => t('discord-cmd-estimate-hours') }],
  async run(c) {
    const b = await c.studio.desk.booking(text(c, 'reference'));
    const hours = num(c, 'hours');
    if (hours !== undefined) await c.studio.mixTime.setHours(b, hours === 0 ? null : hours, c.actor);
    const current = await c.studio.bookings.get(b.id);
    const view = await c.studio.mixTime.of(current);
    if (!view) return b.service.code === 'master' ? t('estimate-not-mixing', { ref: b.reference }) : t('mixdown-no-stems-yet', { ref: b.reference });
    const now = hours === undefined ? [] : [t(hours === 0 ? 'desk-estimate-reset' : 'desk-estimate-set-now', { ref: b.reference, hours: String(hours) }), ''];
    return [...now, c.studio.mixTime.engineerText({ ...current, client: b.client }, view)].join('\n');
  },
};
