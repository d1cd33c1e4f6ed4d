// /setup (server admins): this server's engineer role, announcement channel and language.
// Settings are per server; nothing from one server shows in another.
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { text } from '../chat.js';
import type { DiscordCommand } from '../types.js';

export const command: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('setup')
    .setDescription('Server admins: the engineer role, the announcement channel, the language')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setDMPermission(false)
    .addRoleOption((o) => o.setName('engineer_role').setDescription('Members with this role run the studio’s engineer commands here').setRequired(false))
    .addChannelOption((o) => o.setName('announce_channel').setDescription('Public announcements (open slots); nothing private goes there').addChannelTypes(ChannelType.GuildText).setRequired(false))
    .addStringOption((o) => o.setName('language').setDescription('Language of this server’s announcements').addChoices({ name: 'English', value: 'en' }).setRequired(false)),
  async execute(i, deps) {
    if (!i.inGuild()) return void (await text(i, '/setup is for servers; run it in the server you want to set up.'));
    // Discord hides the command from others, but permissions can be overridden per server: check again.
    if (!i.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return void (await text(i, 'Only this server’s admins (Manage Server) can change its studio settings.'));
    const role = i.options.getRole('engineer_role');
    const channel = i.options.getChannel('announce_channel');
    const language = i.options.getString('language');
    const data = { ...(role ? { engineerRoleId: role.id } : {}), ...(channel ? { announceChannelId: channel.id } : {}), ...(language ? { language } : {}) };
    const s = await deps.studio.db.guildSettings.upsert({ where: { guildId: i.guildId }, create: { guildId: i.guildId, ...data }, update: data });
    await text(i, [`Studio settings for this server:`, `• Engineer role: ${s.engineerRoleId ? `<@&${s.engineerRoleId}>` : 'not set (engineer commands are refused here)'}`, `• Announcements: ${s.announceChannelId ? `<#${s.announceChannelId}>` : 'none'}`, `• Language: ${s.language}`].join('\n'));
  },
};
