// /session start|end (engineer): a virtual session's start sends the artist the SonoBus keycode
// privately (and shows it to the engineer, ephemerally).
import { SlashCommandBuilder } from 'discord.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('session')
      .setDescription(t('discord-cmd-session'))
      .addSubcommand((s) => s.setName('start').setDescription(t('discord-cmd-session-start')).addStringOption(bookingOption))
      .addSubcommand((s) => s.setName('end').setDescription(t('discord-cmd-session-end')).addStringOption(bookingOption)),
  async execute(i, deps) {
    const r = i.options.getString('reference', true);
    const actor = `engineer:discord:${i.user.id}`;
    if (i.options.getSubcommand() === 'end') return void (await text(i, await deps.studio.desk.endSession(r, actor)));
    const started = await deps.studio.desk.startSession(r, actor);
    const k = started.keycode;
    await text(i, k ? `${started.text}\n${t('discord-session-your-side', { group: k.group, password: k.password, link: k.link })}` : started.text);
  },
};
