// /stemroles (engineer): a booking's stems and their roles; change one for the artist.
import { SlashCommandBuilder } from 'discord.js';
import { stemRoles } from '../../../engine/mixdown.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('stemroles')
      .setDescription(t('discord-cmd-stemroles'))
      .addStringOption(bookingOption)
      .addIntegerOption((o) => o.setName('number').setDescription(t('discord-cmd-stemroles-number')).setMinValue(1).setRequired(false))
      .addStringOption((o) =>
        o
          .setName('role')
          .setDescription(t('discord-cmd-stemroles-role'))
          .addChoices(...stemRoles.map((r) => ({ name: r, value: r })))
          .setRequired(false),
      ),
  async execute(i, deps) {
    const n = i.options.getInteger('number') ?? undefined;
    const role = i.options.getString('role') ?? undefined;
    if ((n === undefined) !== (role === undefined)) return void (await text(i, t('discord-stemroles-both')));
    await text(i, await deps.studio.desk.stems(i.options.getString('reference', true), n, role));
  },
};
