// /stemroles: a booking's stems and their roles; change one for the artist.
import { t } from '../../texts.js';
import { UserError } from '../../errors.js';
import { stemRoles } from '../../../engine/mixdown.js';
import { bookingArg, num, optional, text, type DeskCommand } from './types.js';

export const stemroles: DeskCommand = {
  name: 'stemroles',
  description: () => t('discord-cmd-stemroles'),
  args: [
    bookingArg,
    { name: 'number', type: 'integer', min: 1, description: () => t('discord-cmd-stemroles-number') },
    { name: 'role', type: 'string', description: () => t('discord-cmd-stemroles-role'), choices: () => stemRoles.map((r) => ({ name: r, value: r })) },
  ],
  run(c) {
    const n = num(c, 'number');
    const role = optional(c, 'role');
    if ((n === undefined) !== (role === undefined)) throw new UserError(t('discord-stemroles-both'));
    return c.studio.desk.stems(text(c, 'reference'), n, role);
  },
};
