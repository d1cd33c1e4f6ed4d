// /revision resolve (engineer): close an open revision without new files (with a note).
import { SlashCommandBuilder } from 'discord.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('revision')
      .setDescription(t('discord-cmd-revision'))
      .addSubcommand((s) =>
        s
          .setName('resolve')
          .setDescription(t('discord-cmd-revision-resolve'))
          .addStringOption(bookingOption)
          .addStringOption((o) => o.setName('note').setDescription(t('discord-cmd-revision-note')).setRequired(false)),
      ),
  execute: async (i, deps) =>
    void (await text(
      i,
      await deps.studio.desk.resolveRevision(i.options.getString('reference', true), i.options.getString('note') ?? '', `engineer:discord:${i.user.id}`),
    )),
};
