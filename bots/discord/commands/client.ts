// /client lookup (engineer).
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('client')
    .setDescription('Engineer: clients')
    .addSubcommand((s) => s.setName('lookup').setDescription('Find a client by name, username or booking reference').addStringOption((o) => o.setName('query').setDescription('Name, username or MD-…').setRequired(true))),
  execute: async (i, deps) => void (await text(i, await deps.studio.desk.lookupClient(i.options.getString('query', true)))),
};
