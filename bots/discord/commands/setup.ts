// /setup (server admins): this server's announcement channel and language, and, in the studio's
// own server only, the engineer role. Settings are per server; nothing from one server shows in
// another, and no community server's admins can make anyone the studio's engineer.
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { languageOrStudio, languages, t, translate } from '../../../core/texts.js';

export const command: DiscordCommand = {
  serverOnly: true,
  define: () =>
    new SlashCommandBuilder()
      .setName('setup')
      .setDescription(t('discord-cmd-setup'))
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .addRoleOption((o) => o.setName('engineer_role').setDescription(t('discord-cmd-setup-engineer_role')).setRequired(false))
      .addChannelOption((o) =>
        o.setName('announce_channel').setDescription(t('discord-cmd-setup-announce_channel')).addChannelTypes(ChannelType.GuildText).setRequired(false),
      )
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription(t('discord-cmd-setup-language'))
          .addChoices(...languages.map((l) => ({ name: translate(l, 'language-name'), value: l })))
          .setRequired(false),
      ),
  async execute(i, deps) {
    if (!i.inGuild()) return void (await text(i, t('discord-setup-servers-only')));
    // Discord hides the command from others, but permissions can be overridden per server: check again.
    if (!i.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return void (await text(i, t('discord-setup-admins-only')));
    const studioServer = deps.studio.authority.isStudioGuild(i.guildId);
    const role = i.options.getRole('engineer_role');
    if (role && !studioServer) {
      deps.log.warn({ guildId: i.guildId, userId: i.user.id, roleId: role.id }, 'refused: /setup engineer_role outside the studio server');
      return void (await text(i, t('discord-setup-engineer-role-studio-only')));
    }
    const channel = i.options.getChannel('announce_channel');
    const language = i.options.getString('language');
    const data = { ...(role ? { engineerRoleId: role.id } : {}), ...(channel ? { announceChannelId: channel.id } : {}), ...(language ? { language } : {}) };
    const s = await deps.studio.guilds.save(i.guildId, data);
    await text(
      i,
      [
        t('discord-setup-title'),
        studioServer
          ? t('discord-setup-engineer-role', { role: s.engineerRoleId ? `<@&${s.engineerRoleId}>` : t('discord-setup-no-engineer-role') })
          : t('discord-setup-community-engineers'),
        t('discord-setup-announcements', { channel: s.announceChannelId ? `<#${s.announceChannelId}>` : t('discord-setup-no-announcements') }),
        t('discord-setup-language', { language: translate(languageOrStudio(s.language), 'language-name') }),
      ].join('\n'),
    );
  },
};
