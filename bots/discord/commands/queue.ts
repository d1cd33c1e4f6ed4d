// /queue (engineer): upcoming sessions and the unattended work waiting.
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('queue')
    .setDescription('Engineer: upcoming sessions and unattended work')
    .addIntegerOption((o) => o.setName('days').setDescription('How far ahead (default 14)').setMinValue(1).setMaxValue(90).setRequired(false)),
  execute: async (i, deps) => void (await text(i, await deps.studio.desk.queue(i.options.getInteger('days') ?? 14))),
};
