// /stems [REF] lists a booking's stems and their roles; /stems N ROLE [REF] changes one.
import { stemRoles } from '../../../engine/mixdown.js';
import { t } from '../../texts.js';
import { roleLabel, stemLines } from '../uploads.js';
import type { ChatCommand } from './types.js';
import { isReference } from '../../booking/reference.js';

export const stems: ChatCommand = {
  name: 'stems',
  usage: () => t('usage-stems'),
  help: () => t('help-stems'),
  menu: () => t('telegram-menu-stems'),
  discord: { description: () => t('discord-cmd-stems'), option: { name: 'change', description: () => t('discord-cmd-stems-change') } },
  async run({ args, studio, client }) {
    const words = args.split(/\s+/).filter(Boolean);
    const ref = words.find(isReference);
    const rest = words.filter((w) => w !== ref);
    const booking = await studio.uploads.targetBooking(client, ref);
    if (rest.length) {
      const [n, role] = rest;
      const changed = await studio.uploads.setStemRole(booking.id, Number(n), role ?? '');
      return [{ text: t('stem-role-set', { file: changed.fileName, role: roleLabel(changed.stemTag) }) }];
    }
    const list = await studio.uploads.stems(booking.id);
    if (!list.length) return [{ text: t('stems-none', { ref: booking.reference }) }];
    return [{ text: [t('stems-title', { ref: booking.reference }), ...stemLines(list), '', t('stems-how', { roles: stemRoles.join(', ') })].join('\n') }];
  },
};
