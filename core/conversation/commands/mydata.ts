// /mydata and /forgetme: the artist asks for a copy of their data, or its erasure. Asked only in a
// private chat (the answer carries their data); the engineer acts on it (client export, client forget).
import { isOpen } from '../../booking/status.js';
import { t } from '../../texts.js';
import type { ChatCommand, CommandRun } from './types.js';

const privately = (c: CommandRun) => (c.incoming.isPrivateChat ? null : [{ text: t('privacy-private-chat-only') }]);

export const mydata: ChatCommand = {
  name: 'mydata',
  help: () => t('help-mydata'),
  menu: () => t('telegram-menu-mydata'),
  discord: { description: () => t('discord-cmd-mydata') },
  async run(c) {
    const refused = privately(c);
    if (refused) return refused;
    await c.studio.privacy.request(c.client.id, 'export', { platform: c.incoming.platform, chatId: c.incoming.chatId });
    return [{ text: t('mydata-asked') }];
  },
};

export const forgetme: ChatCommand = {
  name: 'forgetme',
  help: () => t('help-forgetme'),
  menu: () => t('telegram-menu-forgetme'),
  discord: { description: () => t('discord-cmd-forgetme') },
  async run(c) {
    const refused = privately(c);
    if (refused) return refused;
    await c.studio.privacy.request(c.client.id, 'forget', { platform: c.incoming.platform, chatId: c.incoming.chatId });
    const open = (await c.studio.bookings.listForClient(c.client.id)).filter((b) => isOpen(b.status));
    return [{ text: open.length ? t('forgetme-asked-open', { refs: open.map((b) => b.reference).join(', ') }) : t('forgetme-asked') }];
  },
};
