// What a slash command module exports (the discord.js guide's shape), and what it gets to work with.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  REST,
  SlashCommandBuilder,
  SlashCommandOptionsOnlyBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Logger } from '../../core/logger.js';
import type { Studio } from '../../core/studio.js';
import type { DeskPort } from '../../core/engineer/perform.js';

/** The parts of the studio the Discord bot uses. */
export type DiscordStudio = Pick<
  Studio,
  'name' | 'authority' | 'guilds' | 'desk' | 'store' | 'outbox' | 'notes' | 'uploads' | 'pipeline' | 'clients' | 'audit'
>;

export interface DiscordDeps {
  studio: DiscordStudio;
  /** The engineer's commands, run and audited (core/engineer/perform.ts). */
  desk: DeskPort;
  conversation: Conversation;
  log: Logger;
  rest: REST;
}

export type CommandBuilder = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;

export interface DiscordCommand {
  /** Builds the definition in the language of the moment (registration builds it once per language). */
  define(): CommandBuilder;
  /** Only the studio's engineers may run it (checked by the router before execute; registered hidden). */
  engineer?: boolean;
  /** A command of the core's engineer registry: it runs through `performDesk`, which audits it (the router audits the others). */
  desk?: boolean;
  /** Only makes sense in a server (never offered in DMs). */
  serverOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void>;
  /** Suggestions while an option marked for autocomplete is typed. */
  autocomplete?(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void>;
}
