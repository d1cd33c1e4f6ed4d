// The adapter's half of the engineer check: it tells the core who asks and from where; the core
// (EngineerAuthority, from the studio's configuration) decides.
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { EngineerAuthority } from '../../core/engineer/authority.js';

export function isEngineer(i: ChatInputCommandInteraction | ButtonInteraction, authority: EngineerAuthority): Promise<boolean> {
  const roles = i.inGuild() ? i.member.roles : [];
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return authority.isDiscordEngineer({ userId: i.user.id, guildId: i.inGuild() ? i.guildId : null, roleIds });
}
