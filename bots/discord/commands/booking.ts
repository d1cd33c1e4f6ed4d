// /booking confirm|decline|reschedule (engineer).
import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

const ref = (o: SlashCommandStringOption) => o.setName('reference').setDescription('The booking, e.g. MD-7K2Q9A').setRequired(true);

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('booking')
    .setDescription('Engineer: confirm, decline or move a booking')
    .addSubcommand((s) => s.setName('confirm').setDescription('Confirm a requested booking').addStringOption(ref))
    .addSubcommand((s) => s.setName('decline').setDescription('Decline a booking').addStringOption(ref).addStringOption((o) => o.setName('reason').setDescription('Told to the artist').setRequired(false)))
    .addSubcommand((s) => s.setName('reschedule').setDescription('Move a session').addStringOption(ref).addStringOption((o) => o.setName('start').setDescription('YYYY-MM-DD HH:MM, studio time').setRequired(true))),
  async execute(i, deps) {
    const desk = deps.studio.desk;
    const r = i.options.getString('reference', true);
    const actor = `engineer:discord:${i.user.id}`;
    const sub = i.options.getSubcommand();
    const out = sub === 'confirm' ? await desk.confirm(r, actor) : sub === 'decline' ? await desk.decline(r, i.options.getString('reason') ?? '', actor) : await desk.reschedule(r, i.options.getString('start', true), actor);
    await text(i, out);
  },
};
