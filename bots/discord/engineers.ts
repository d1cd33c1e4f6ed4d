// Who may run the engineer's commands: users named in DISCORD_ENGINEER_IDS everywhere, and in a
// server the members holding the engineer role its admins chose with /setup.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Db } from '../../db/client.js';

export async function isEngineer(i: ChatInputCommandInteraction, db: Db, engineerIds: readonly string[]): Promise<boolean> {
  if (engineerIds.includes(i.user.id)) return true;
  if (!i.inGuild()) return false;
  const settings = await db.guildSettings.findUnique({ where: { guildId: i.guildId } });
  if (!settings?.engineerRoleId) return false;
  const roles = i.member.roles;
  return Array.isArray(roles) ? roles.includes(settings.engineerRoleId) : roles.cache.has(settings.engineerRoleId);
}
