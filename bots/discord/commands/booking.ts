// /booking confirm|decline|reschedule (engineer).
import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

const ref = (o: SlashCommandStringOption) => o.setName('reference').setDescription(t('discord-cmd-booking-reference')).setRequired(true);

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('booking')
      .setDescription(t('discord-cmd-booking'))
      .addSubcommand((s) => s.setName('confirm').setDescription(t('discord-cmd-booking-confirm')).addStringOption(ref))
      .addSubcommand((s) =>
        s
          .setName('decline')
          .setDescription(t('discord-cmd-booking-decline'))
          .addStringOption(ref)
          .addStringOption((o) => o.setName('reason').setDescription(t('discord-cmd-booking-reason')).setRequired(false)),
      )
      .addSubcommand((s) =>
        s
          .setName('reschedule')
          .setDescription(t('discord-cmd-booking-reschedule'))
          .addStringOption(ref)
          .addStringOption((o) => o.setName('start').setDescription(t('discord-cmd-booking-start')).setRequired(true)),
      ),
  async execute(i, deps) {
    const desk = deps.studio.desk;
    const r = i.options.getString('reference', true);
    const actor = `engineer:discord:${i.user.id}`;
    const sub = i.options.getSubcommand();
    const out =
      sub === 'confirm'
        ? await desk.confirm(r, actor)
        : sub === 'decline'
          ? await desk.decline(r, i.options.getString('reason') ?? '', actor)
          : await desk.reschedule(r, i.options.getString('start', true), actor);
    await text(i, out);
  },
};
