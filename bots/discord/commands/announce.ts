// /announce (engineer): posts the open session times to this server's announcement channel.
// Public by design, so it carries nothing about anyone: services and free times only.
import { Routes, SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { inLanguage, languageOrStudio, t } from '../../../core/texts.js';

export const command: DiscordCommand = {
  serverOnly: true,
  engineer: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('announce')
      .setDescription(t('discord-cmd-announce'))
      .addIntegerOption((o) => o.setName('days').setDescription(t('discord-cmd-announce-days')).setMinValue(1).setMaxValue(42).setRequired(false)),
  async execute(i, deps) {
    if (!i.inGuild()) return void (await text(i, t('discord-announce-servers-only')));
    const settings = await deps.studio.guilds.get(i.guildId);
    if (!settings?.announceChannelId) return void (await text(i, t('discord-announce-no-channel')));
    // In the server's language (/setup), not the engineer's who asked.
    const message = await inLanguage(languageOrStudio(settings.language), () =>
      deps.studio.desk.openSlotsAnnouncement(deps.studio.name, i.options.getInteger('days') ?? 7),
    );
    await deps.rest.post(Routes.channelMessages(settings.announceChannelId), { body: { content: message.slice(0, 2000), allowed_mentions: { parse: [] } } });
    await text(i, t('discord-announced', { channel: `<#${settings.announceChannelId}>` }));
  },
};
