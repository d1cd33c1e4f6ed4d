// /session start|end (engineer): a virtual session's start sends the artist the SonoBus keycode
// privately (and shows it to the engineer, ephemerally).
import { SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  engineer: true,
  data: new SlashCommandBuilder()
    .setName('session')
    .setDescription('Engineer: start or end a session')
    .addSubcommand((s) => s.setName('start').setDescription('Start (virtual: sends the artist the SonoBus keycode)').addStringOption((o) => o.setName('reference').setDescription('The booking').setRequired(true)))
    .addSubcommand((s) => s.setName('end').setDescription('End the session').addStringOption((o) => o.setName('reference').setDescription('The booking').setRequired(true))),
  async execute(i, deps) {
    const r = i.options.getString('reference', true);
    const actor = `engineer:discord:${i.user.id}`;
    if (i.options.getSubcommand() === 'end') return void (await text(i, await deps.studio.desk.endSession(r, actor)));
    const started = await deps.studio.desk.startSession(r, actor);
    await text(i, started.keycode ? `${started.text}\nYour side: SonoBus group ${started.keycode.group}, password ${started.keycode.password}\n${started.keycode.link}` : started.text);
  },
};
