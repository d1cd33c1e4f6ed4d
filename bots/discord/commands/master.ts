// /master (engineer): run or re-run the engine on a booking's mix with chosen settings.
import { SlashCommandBuilder } from 'discord.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';
import { isPreset, presetChoice, presetIds } from '../../../engine/presets.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('master')
      .setDescription(t('discord-cmd-master'))
      .addStringOption(bookingOption)
      .addStringOption((o) =>
        o
          .setName('preset')
          .setDescription(t('discord-cmd-master-preset'))
          .addChoices(...presetIds.map((p) => ({ name: presetChoice(p), value: p })))
          .setRequired(false),
      )
      .addNumberOption((o) => o.setName('target').setDescription(t('discord-cmd-master-target')).setMinValue(-30).setMaxValue(-5).setRequired(false))
      .addNumberOption((o) => o.setName('ceiling').setDescription(t('discord-cmd-master-ceiling')).setMinValue(-10).setMaxValue(0).setRequired(false))
      .addNumberOption((o) => o.setName('intensity').setDescription(t('discord-cmd-master-intensity')).setMinValue(0).setMaxValue(1).setRequired(false)),
  async execute(i, deps) {
    const chosen = i.options.getString('preset');
    const preset = chosen !== null && isPreset(chosen) ? chosen : undefined;
    const n = (k: string) => i.options.getNumber(k) ?? undefined;
    const settings = Object.fromEntries(
      Object.entries({ targetLufs: n('target'), ceilingDbtp: n('ceiling'), intensity: n('intensity') }).filter(([, v]) => v !== undefined),
    );
    await text(i, await deps.studio.desk.master(i.options.getString('reference', true), settings, preset));
  },
};
