// /availability (engineer): weekly opening hours and closed dates.
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('availability')
    .setDescription('Engineer: opening hours and closed dates')
    .addSubcommand((s) => s.setName('show').setDescription('Show the weekly hours and dated changes'))
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Open the studio on a weekday, every week')
        .addStringOption((o) => o.setName('weekday').setDescription('mon … sun').setRequired(true))
        .addStringOption((o) => o.setName('from').setDescription('HH:MM').setRequired(true))
        .addStringOption((o) => o.setName('to').setDescription('HH:MM').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('block').setDescription('Close the studio on a date').addStringOption((o) => o.setName('date').setDescription('YYYY-MM-DD').setRequired(true)).addStringOption((o) => o.setName('note').setDescription('Why (for you)').setRequired(false)))
    .addSubcommand((s) => s.setName('reset').setDescription('Remove the weekly rules (the configured hours apply again)')),
  async execute(i, deps) {
    const desk = deps.studio.desk;
    const sub = i.options.getSubcommand();
    const out =
      sub === 'show'
        ? await desk.availability()
        : sub === 'add'
          ? await desk.addWeeklyHours(i.options.getString('weekday', true), i.options.getString('from', true), i.options.getString('to', true))
          : sub === 'block'
            ? await desk.blockDate(i.options.getString('date', true), i.options.getString('note') ?? '')
            : await desk.clearWeeklyHours();
    await text(i, out);
  },
};
