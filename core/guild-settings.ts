// Per Discord server settings (/setup): the announcement channel, the language, and — in the
// studio's own server only, which authority.ts checks — the engineer role. The bots read and
// write them through here, never through the database.
import type { Db, Models } from '../db/client.js';

export type GuildSettings = Models.GuildSettingsModel;
export type GuildSettingsChange = Partial<Pick<GuildSettings, 'engineerRoleId' | 'announceChannelId' | 'language'>>;

export class GuildSettingsRepository {
  constructor(private readonly db: Db) {}

  get(guildId: string): Promise<GuildSettings | null> {
    return this.db.guildSettings.findUnique({ where: { guildId } });
  }

  /** Sets what `change` names and keeps the rest; the server's settings as they are now. */
  save(guildId: string, change: GuildSettingsChange): Promise<GuildSettings> {
    return this.db.guildSettings.upsert({ where: { guildId }, create: { guildId, ...change }, update: change });
  }
}
