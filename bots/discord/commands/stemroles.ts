// /stemroles (engineer): a booking's stems and their roles; change one for the artist.
import { SlashCommandBuilder } from 'discord.js';
import { stemRoles } from '../../../engine/mixdown.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('stemroles')
    .setDescription('Engineer: a booking’s stems and their roles; change one')
    .addStringOption((o) => o.setName('reference').setDescription('The booking').setRequired(true))
    .addIntegerOption((o) => o.setName('number').setDescription('The stem’s number (as listed)').setMinValue(1).setRequired(false))
    .addStringOption((o) => o.setName('role').setDescription('Its role').addChoices(...stemRoles.map((r) => ({ name: r, value: r }))).setRequired(false)),
  async execute(i, deps) {
    const n = i.options.getInteger('number') ?? undefined;
    const role = i.options.getString('role') ?? undefined;
    if ((n === undefined) !== (role === undefined)) return void (await text(i, 'Give both a stem number and a role to change one, or neither to list them.'));
    await text(i, await deps.studio.desk.stems(i.options.getString('reference', true), n, role));
  },
};
