// /client lookup: a client by name, username or booking reference, with their bookings and history.
// /client export and /client forget: an artist's data on request (core/privacy/personal-data.ts).
import { t } from '../../texts.js';
import { str, text, type DeskCommand } from './types.js';

const who = str('client', () => t('discord-cmd-client-who'));

export const client: DeskCommand = {
  name: 'client',
  description: () => t('discord-cmd-client'),
  actions: [
    {
      name: 'lookup',
      description: () => t('discord-cmd-client-lookup'),
      args: [str('query', () => t('discord-cmd-client-query'))],
      run: (c) => c.studio.desk.lookupClient(text(c, 'query')),
    },
    {
      name: 'export',
      description: () => t('discord-cmd-client-export'),
      args: [who],
      async run(c) {
        const r = await c.studio.privacy.export(await c.studio.privacy.whoIs(text(c, 'client')));
        // A private link (from any chat), and where it lies on this machine when the files are local (the terminal).
        const where = [c.studio.downloads.url(r.key, `mixdesk-data-${r.clientId}.zip`), c.studio.store.localPath?.(r.key)].filter(Boolean).join(' — ') || r.key;
        const size = (r.bytes / 2 ** 20).toFixed(1);
        return [
          t('desk-client-exported', { name: r.name, bookings: r.sections.bookings ?? 0, files: r.files, size, sent: r.sent ? 'yes' : 'no' }),
          t('desk-client-exported-where', { where }),
          ...(r.missing.length ? [t('desk-client-exported-missing', { count: r.missing.length })] : []),
        ].join('\n');
      },
    },
    {
      name: 'forget',
      description: () => t('discord-cmd-client-forget'),
      args: [who],
      async run(c) {
        const r = await c.studio.privacy.forget(await c.studio.privacy.whoIs(text(c, 'client')));
        return t('desk-client-forgotten', { name: r.name, files: r.files, bookings: r.kept.bookings });
      },
    },
  ],
};
