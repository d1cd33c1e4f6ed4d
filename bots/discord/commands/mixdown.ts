// /mixdown (engineer): render the full mix, instrumental and a cappella from a booking's stems
// (mastered too for mix + master); the artist gets them as the next version.
import { SlashCommandBuilder } from 'discord.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('mixdown')
      .setDescription(t('discord-cmd-mixdown'))
      .addStringOption(bookingOption)
      .addStringOption((o) =>
        o
          .setName('balance')
          .setDescription(t('discord-cmd-mixdown-balance'))
          .addChoices({ name: 'auto (by role loudness)', value: 'auto' }, { name: 'flat (as sent)', value: 'flat' })
          .setRequired(false),
      ),
  execute: async (i, deps) =>
    void (await text(
      i,
      await deps.studio.desk.mixdown(
        i.options.getString('reference', true),
        (i.options.getString('balance') ?? 'auto') as 'auto' | 'flat',
        `engineer:discord:${i.user.id}`,
      ),
    )),
};
