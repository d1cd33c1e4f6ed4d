// Who is the studio's engineer. Authority comes only from the studio's own configuration: user
// ids it lists, the engineers its owner added (/engineer add), or a role in the studio's own Discord server (the role set there with /setup or
// in DISCORD_ENGINEER_ROLE_ID). The admins of a community server the bot was invited to run
// their server, not the studio: nothing they configure grants access to clients, bookings,
// files or the queue.
import type { GuildSettingsRepository } from '../guild-settings.js';
import type { Engineers } from './engineers.js';

export interface AuthoritySettings {
  /** Discord user ids that are engineers everywhere, DMs included. */
  discordEngineerIds: readonly string[];
  /** The studio's own Discord server, where an engineer role may grant the engineer's commands. */
  discordStudioGuildId?: string | undefined;
  /** The engineer role in the studio's server, fixed by configuration (else the one /setup chose there). */
  discordEngineerRoleId?: string | undefined;
}

export interface DiscordActor {
  userId: string;
  /** The server the command came from; null in DMs. */
  guildId: string | null;
  /** The member's roles in that server (as Discord sent them with the interaction). */
  roleIds: readonly string[];
}

export class EngineerAuthority {
  constructor(
    private readonly guilds: GuildSettingsRepository,
    private readonly engineers: Engineers,
    private readonly settings: AuthoritySettings,
  ) {}

  /** Only the studio's server may name an engineer role. */
  isStudioGuild(guildId: string | null): boolean {
    return !!guildId && guildId === this.settings.discordStudioGuildId;
  }

  async isDiscordEngineer(a: DiscordActor): Promise<boolean> {
    if (this.settings.discordEngineerIds.includes(a.userId)) return true;
    if (await this.engineers.ofActor(`engineer:discord:${a.userId}`)) return true;
    if (!this.isStudioGuild(a.guildId)) return false;
    const role = this.settings.discordEngineerRoleId ?? (await this.guilds.get(a.guildId!))?.engineerRoleId;
    return !!role && a.roleIds.includes(role);
  }
}
