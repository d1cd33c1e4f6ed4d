// npm run discord:deploy-commands: registers the slash commands with Discord. The artists'
// commands globally (servers and DMs), the engineer's hidden and, with DISCORD_STUDIO_GUILD_ID,
// in the studio's own server only (bots/discord/registration.ts). DISCORD_GUILD_ID registers
// everything in that one server instead (instant; for trying the bot out). `-- --print` prints
// the exact bodies it would send, without calling Discord. Run it after changing a command.
import { REST, Routes } from 'discord.js';
import { commands } from '../bots/discord/commands/index.js';
import { registrationFor } from '../bots/discord/registration.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';

loadDotEnv();
const c = loadConfig();
const registration = registrationFor(commands, { studioGuildId: c.DISCORD_STUDIO_GUILD_ID, everythingIn: c.DISCORD_GUILD_ID });
if (process.argv.includes('--print')) {
  console.log(JSON.stringify(registration, null, 2));
  process.exit(0);
}
const missing = [!c.DISCORD_BOT_TOKEN && 'DISCORD_BOT_TOKEN', !c.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'].filter(Boolean) as string[];
if (missing.length) {
  console.error(new ConfigError(missing.map((m) => `${m}: required to register the slash commands`)).message);
  process.exit(2);
}
const app = c.DISCORD_APPLICATION_ID!;
const rest = new REST(c.DISCORD_API_ROOT ? { api: c.DISCORD_API_ROOT } : {}).setToken(c.DISCORD_BOT_TOKEN!);
const names = (bodies: { name: string }[]) => bodies.map((b) => `/${b.name}`).join(' ');
try {
  // An empty global list is sent too: it removes commands an earlier registration left there.
  const saved = (await rest.put(Routes.applicationCommands(app), { body: registration.global })) as unknown[];
  console.log(`registered ${saved.length} commands globally (may take up to an hour to show)${saved.length ? `: ${names(registration.global)}` : ''}`);
  for (const g of registration.guilds) {
    const inGuild = (await rest.put(Routes.applicationGuildCommands(app, g.guildId), { body: g.commands })) as unknown[];
    console.log(`registered ${inGuild.length} commands in server ${g.guildId}: ${names(g.commands)}`);
  }
} catch (err) {
  console.error(`Discord refused the commands: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
