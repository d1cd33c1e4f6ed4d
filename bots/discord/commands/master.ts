// /master (engineer): run or re-run the engine on a booking's mix with chosen settings.
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('master')
    .setDescription('Engineer: master a booking’s mix (a new version goes to the artist)')
    .addStringOption((o) => o.setName('reference').setDescription('The booking').setRequired(true))
    .addStringOption((o) => o.setName('preset').setDescription('Loudness preset').addChoices({ name: 'streaming (-14 LUFS)', value: 'streaming' }, { name: 'loud (-9 LUFS)', value: 'loud' }, { name: 'apple (-16 LUFS)', value: 'apple' }, { name: 'cd (-10 LUFS)', value: 'cd' }).setRequired(false))
    .addNumberOption((o) => o.setName('target').setDescription('Target LUFS (-30 … -5)').setMinValue(-30).setMaxValue(-5).setRequired(false))
    .addNumberOption((o) => o.setName('ceiling').setDescription('True-peak ceiling dBTP (-10 … 0)').setMinValue(-10).setMaxValue(0).setRequired(false))
    .addNumberOption((o) => o.setName('intensity').setDescription('EQ and compression strength 0 … 1').setMinValue(0).setMaxValue(1).setRequired(false)),
  async execute(i, deps) {
    const preset = (i.options.getString('preset') ?? undefined) as 'streaming' | 'loud' | 'apple' | 'cd' | undefined;
    const n = (k: string) => i.options.getNumber(k) ?? undefined;
    const settings = Object.fromEntries(Object.entries({ targetLufs: n('target'), ceilingDbtp: n('ceiling'), intensity: n('intensity') }).filter(([, v]) => v !== undefined));
    await text(i, await deps.studio.desk.master(i.options.getString('reference', true), settings, preset));
  },
};
