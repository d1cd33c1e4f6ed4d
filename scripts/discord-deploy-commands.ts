// npm run discord:deploy-commands: registers the slash commands with Discord, in one server
// (DISCORD_GUILD_ID: instant, for testing) or globally. Run it after changing a command.
import { REST, Routes } from 'discord.js';
import { commands } from '../bots/discord/commands/index.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';

loadDotEnv();
const c = loadConfig();
const missing = [!c.DISCORD_BOT_TOKEN && 'DISCORD_BOT_TOKEN', !c.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'].filter(Boolean) as string[];
if (missing.length) {
  console.error(new ConfigError(missing.map((m) => `${m}: required to register the slash commands`)).message);
  process.exit(2);
}
const rest = new REST(c.DISCORD_API_ROOT ? { api: c.DISCORD_API_ROOT } : {}).setToken(c.DISCORD_BOT_TOKEN!);
const body = commands.map((cmd) => cmd.data.toJSON());
const route = c.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(c.DISCORD_APPLICATION_ID!, c.DISCORD_GUILD_ID) : Routes.applicationCommands(c.DISCORD_APPLICATION_ID!);
try {
  const saved = (await rest.put(route, { body })) as unknown[];
  console.log(`registered ${saved.length} commands ${c.DISCORD_GUILD_ID ? `in server ${c.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to show)'}: ${commands.map((x) => `/${x.data.name}`).join(' ')}`);
} catch (err) {
  console.error(`Discord refused the commands: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
