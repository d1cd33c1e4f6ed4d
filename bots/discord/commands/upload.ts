// /upload: send a mix or stems as an attachment (up to what the interaction allows), or get the
// private upload link for larger files.
import { SlashCommandBuilder } from 'discord.js';
import { forward, forwardCommand, respond } from '../chat.js';
import { withAttachmentFile } from '../attachment-file.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';
import { bookingChoice } from '../../../core/conversation/format.js';

export const command: DiscordCommand = {
  define: () =>
    new SlashCommandBuilder()
      .setName('upload')
      .setDescription(t('discord-cmd-upload'))
      .addAttachmentOption((o) => o.setName('file').setDescription(t('discord-cmd-upload-file')).setRequired(false))
      .addStringOption((o) => o.setName('reference').setDescription(t('discord-cmd-upload-reference')).setRequired(false).setAutocomplete(true)),
  // The artist's own bookings that take files, as they type (nobody else's: the list is theirs alone).
  async autocomplete(i, deps) {
    const client = await deps.studio.clients.find({ platform: 'discord', externalId: i.user.id });
    const open = client ? await deps.studio.uploads.openForFiles(client.id) : [];
    const typed = i.options.getFocused().trim().toUpperCase();
    await i.respond(
      open
        .filter((b) => b.reference.includes(typed))
        .slice(0, 25)
        .map((b) => ({ name: bookingChoice(b, client!.timeZone), value: b.reference })),
    );
  },
  async execute(i, deps) {
    const file = i.options.getAttachment('file');
    const ref = i.options.getString('reference') ?? '';
    if (!file) return forwardCommand(i, deps, 'uploadlink', ref);
    const limit = i.attachmentSizeLimit || 25 * 2 ** 20;
    if (file.size > limit) {
      await respond(i, [{ text: t('discord-file-too-big-for-chat', { file: file.name, size: (file.size / 2 ** 20).toFixed(0) }) }], deps);
      return forward(i, { kind: 'command', command: 'uploadlink', args: ref }, deps);
    }
    const took = await withAttachmentFile(file, ref.trim() ? { bookingRef: ref.trim() } : {}, (incoming) => forward(i, { kind: 'file', file: incoming }, deps));
    if (took === null) await respond(i, [{ text: t('discord-fetch-failed', { file: file.name }) }], deps);
  },
};
