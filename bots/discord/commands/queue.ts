// /queue (engineer): upcoming sessions and the unattended work waiting.
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('queue')
      .setDescription(t('discord-cmd-queue'))
      .addIntegerOption((o) => o.setName('days').setDescription(t('discord-cmd-queue-days')).setMinValue(1).setMaxValue(90).setRequired(false)),
  execute: async (i, deps) => void (await text(i, await deps.studio.desk.queue(i.options.getInteger('days') ?? 14))),
};
