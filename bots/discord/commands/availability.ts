// /availability (engineer): weekly opening hours and closed dates.
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('availability')
      .setDescription(t('discord-cmd-availability'))
      .addSubcommand((s) => s.setName('show').setDescription(t('discord-cmd-availability-show')))
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription(t('discord-cmd-availability-add'))
          .addStringOption((o) => o.setName('weekday').setDescription(t('discord-cmd-availability-weekday')).setRequired(true))
          .addStringOption((o) => o.setName('from').setDescription(t('discord-cmd-availability-from')).setRequired(true))
          .addStringOption((o) => o.setName('to').setDescription(t('discord-cmd-availability-to')).setRequired(true)),
      )
      .addSubcommand((s) =>
        s
          .setName('block')
          .setDescription(t('discord-cmd-availability-block'))
          .addStringOption((o) => o.setName('date').setDescription(t('discord-cmd-availability-date')).setRequired(true))
          .addStringOption((o) => o.setName('note').setDescription(t('discord-cmd-availability-note')).setRequired(false)),
      )
      .addSubcommand((s) => s.setName('reset').setDescription(t('discord-cmd-availability-reset'))),
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
