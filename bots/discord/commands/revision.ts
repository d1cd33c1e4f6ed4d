// /revision resolve (engineer): close an open revision without new files (with a note).
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('revision')
    .setDescription('Engineer: revisions')
    .addSubcommand((s) =>
      s
        .setName('resolve')
        .setDescription('Mark the open revision resolved (deliver new files with /deliver instead when there are any)')
        .addStringOption((o) => o.setName('reference').setDescription('The booking').setRequired(true))
        .addStringOption((o) => o.setName('note').setDescription('Told to the artist').setRequired(false)),
    ),
  execute: async (i, deps) => void (await text(i, await deps.studio.desk.resolveRevision(i.options.getString('reference', true), i.options.getString('note') ?? '', `engineer:discord:${i.user.id}`))),
};
