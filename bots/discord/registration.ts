// What the slash commands are registered as, derived from the command modules: the artists'
// commands globally (in servers and in DMs with the bot), the engineer's hidden
// (default_member_permissions "0": only server admins and those the studio grants in the
// server's integration settings see them) and, when the studio has its own server, registered
// there only. Visibility is a courtesy; authority is checked by the core on every use.
import { ApplicationIntegrationType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { defaultLocale, inLanguage, languages, type Language } from '../../core/texts.js';
import type { DiscordCommand } from './types.js';

export type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface Registration {
  /** Registered for the whole application: every server the bot is in, and DMs. */
  global: CommandBody[];
  /** Registered in one server only. */
  guilds: { guildId: string; commands: CommandBody[] }[];
}

/** Discord's locales for each language the studio speaks (English is the definitions' own). */
const discordLocales: Record<Language, string[]> = { en: [], es: ['es-ES', 'es-419'] };

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Copies what reads differently in `other` (the same definition built in another language) into
 * `base` as Discord's localizations: descriptions, and the names of choices (commands' and options'
 * names stay as typed: they are what people type).
 */
function addLocalizations(base: unknown, other: unknown, locales: string[]): void {
  if (Array.isArray(base) && Array.isArray(other)) return base.forEach((b, n) => addLocalizations(b, other[n], locales));
  if (!isJson(base) || !isJson(other)) return;
  const localize = (field: 'description' | 'name') => {
    const mine = base[field];
    const theirs = other[field];
    if (typeof mine !== 'string' || typeof theirs !== 'string' || mine === theirs) return;
    const key = `${field}_localizations`;
    base[key] = { ...(isJson(base[key]) ? base[key] : {}), ...Object.fromEntries(locales.map((l) => [l, theirs])) };
  };
  localize('description');
  // A choice is { name, value }; an option has a `type` too.
  if ('value' in base && !('type' in base)) localize('name');
  for (const [key, value] of Object.entries(base)) if (typeof value === 'object') addLocalizations(value, other[key], locales);
}

/** The command's definition in the default language, with every other language as localizations. */
export function localizedDefinition(cmd: DiscordCommand): CommandBody {
  const base = inLanguage(defaultLocale, () => cmd.define().toJSON());
  for (const language of languages) {
    if (language === defaultLocale) continue;
    addLocalizations(
      base,
      inLanguage(language, () => cmd.define().toJSON()),
      discordLocales[language],
    );
  }
  return base;
}

function bodyOf(cmd: DiscordCommand, inStudioServer: boolean): CommandBody {
  // dm_permission is deprecated: `contexts` says where a command is offered.
  const { dm_permission: _deprecated, ...json } = localizedDefinition(cmd) as CommandBody & { dm_permission?: boolean };
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
