// /engineer: the owner's list of the studio's engineers — add one, the doors each is known on,
// what each takes, where each hears, who else owns the studio, remove and bring back.
import { t } from '../../texts.js';
import { optional, str, text, type DeskCommand, type DeskRun } from './types.js';

const name = str('name', () => t('discord-cmd-engineer-name'));
/** Where the command came from (its answer names commands as typed there). */
const door = (c: DeskRun) => (c.actor.startsWith('engineer:discord:') ? 'discord' : 'console');

export const engineer: DeskCommand = {
  name: 'engineer',
  description: () => t('discord-cmd-engineer'),
  actions: [
    { name: 'list', description: () => t('discord-cmd-engineer-list'), run: (c) => c.studio.staff.list(c.actor) },
    {
      name: 'add',
      description: () => t('discord-cmd-engineer-add'),
      args: [
        str('identity', () => t('discord-cmd-engineer-identity')),
        name,
        str('services', () => t('discord-cmd-engineer-services'), false),
        str('chats', () => t('discord-cmd-engineer-chats'), false),
      ],
      run: (c) => {
        const services = optional(c, 'services');
        const chats = optional(c, 'chats');
        return c.studio.staff.add(c.actor, text(c, 'name'), text(c, 'identity'), { ...(services ? { services } : {}), ...(chats ? { chats } : {}) }, door(c));
      },
    },
    {
      name: 'link',
      description: () => t('discord-cmd-engineer-link'),
      args: [str('identity', () => t('discord-cmd-engineer-identity')), name],
      run: (c) => c.studio.staff.link(c.actor, text(c, 'name'), text(c, 'identity')),
    },
    {
      name: 'unlink',
      description: () => t('discord-cmd-engineer-unlink'),
      args: [str('identity', () => t('discord-cmd-engineer-identity')), name],
      run: (c) => c.studio.staff.unlink(c.actor, text(c, 'name'), text(c, 'identity')),
    },
    {
      name: 'services',
      description: () => t('discord-cmd-engineer-set-services'),
      args: [str('services', () => t('discord-cmd-engineer-services')), name],
      run: (c) => c.studio.staff.setServices(c.actor, text(c, 'name'), text(c, 'services')),
    },
    {
      name: 'chats',
      description: () => t('discord-cmd-engineer-set-chats'),
      args: [str('chats', () => t('discord-cmd-engineer-chats')), name],
      run: (c) => c.studio.staff.setChats(c.actor, text(c, 'name'), text(c, 'chats')),
    },
    {
      name: 'owner',
      description: () => t('discord-cmd-engineer-owner'),
      args: [
        {
          ...str('yes', () => t('discord-cmd-engineer-yes')),
          choices: () => [
            { name: 'yes', value: 'yes' },
            { name: 'no', value: 'no' },
          ],
        },
        name,
      ],
      run: (c) => c.studio.staff.setOwner(c.actor, text(c, 'name'), text(c, 'yes') === 'yes'),
    },
    { name: 'remove', description: () => t('discord-cmd-engineer-remove'), args: [name], run: (c) => c.studio.staff.remove(c.actor, text(c, 'name'), door(c)) },
    { name: 'restore', description: () => t('discord-cmd-engineer-restore'), args: [name], run: (c) => c.studio.staff.restore(c.actor, text(c, 'name')) },
  ],
};
