// /client lookup (engineer).
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('client')
      .setDescription(t('discord-cmd-client'))
      .addSubcommand((s) =>
        s
          .setName('lookup')
          .setDescription(t('discord-cmd-client-lookup'))
          .addStringOption((o) => o.setName('query').setDescription(t('discord-cmd-client-query')).setRequired(true)),
      ),
  execute: async (i, deps) => void (await text(i, await deps.studio.desk.lookupClient(i.options.getString('query', true)))),
};
