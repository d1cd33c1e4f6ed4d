// What the slash commands are registered as, derived from the command modules: the artists'
// commands globally (in servers and in DMs with the bot), the engineer's hidden
// (default_member_permissions "0": only server admins and those the studio grants in the
// server's integration settings see them) and, when the studio has its own server, registered
// there only. Visibility is a courtesy; authority is checked by the core on every use.
import { ApplicationIntegrationType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordCommand } from './types.js';

export type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface Registration {
  /** Registered for the whole application: every server the bot is in, and DMs. */
  global: CommandBody[];
  /** Registered in one server only. */
  guilds: { guildId: string; commands: CommandBody[] }[];
}

function bodyOf(cmd: DiscordCommand, inStudioServer: boolean): CommandBody {
  // dm_permission is deprecated: `contexts` says where a command is offered.
  const { dm_permission: _deprecated, ...json } = cmd.data.toJSON() as CommandBody & { dm_permission?: boolean };
  const serverOnly = cmd.serverOnly || inStudioServer;
  return {
    ...json,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: serverOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
    ...(cmd.engineer ? { default_member_permissions: '0' } : {}),
  };
}

/**
 * `studioGuildId`: the studio's server, where the engineer's commands go (used there only).
 * `everythingIn`: a server to register every command in instead (instant; for trying it out).
 */
export function registrationFor(commands: DiscordCommand[], o: { studioGuildId?: string | undefined; everythingIn?: string | undefined }): Registration {
  if (o.everythingIn) return { global: [], guilds: [{ guildId: o.everythingIn, commands: commands.map((c) => bodyOf(c, false)) }] };
  const studio = o.studioGuildId;
  if (!studio) return { global: commands.map((c) => bodyOf(c, false)), guilds: [] };
  return {
    global: commands.filter((c) => !c.engineer).map((c) => bodyOf(c, false)),
    guilds: [{ guildId: studio, commands: commands.filter((c) => c.engineer).map((c) => bodyOf(c, true)) }],
  };
}
