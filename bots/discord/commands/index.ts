// Every slash command, for the router and the deployment script. The artist's commands are made
// from the core's command registry (core/conversation/commands) and the engineer's from the
// engineer's registry (core/engineer/commands), except those with a module of their own here:
// /upload and /deliver take attachments, /announce posts in a channel, /setup is server admins'.
import { chatCommands } from '../../../core/conversation/commands/index.js';
import { coreCommand } from '../chat.js';
import { deskSlashCommands } from '../desk-commands.js';
import type { DiscordCommand } from '../types.js';
import { command as announce } from './announce.js';
import { command as deliver } from './deliver.js';
import { command as setup } from './setup.js';
import { command as upload } from './upload.js';

/** Artist commands Discord implements itself, by name. */
const own: Record<string, DiscordCommand> = { upload };

const artistCommands: DiscordCommand[] = chatCommands.flatMap((cmd) => {
  if (cmd.discord === 'own') {
    const mine = own[cmd.name];
    if (!mine) throw new Error(`/${cmd.name} says Discord has its own module, and there is none`);
    return [mine];
  }
  if (!cmd.discord) return [];
  const { description, option } = cmd.discord;
  return [coreCommand(cmd.name, description, option && { name: option.name, description: option.description })];
});

export const commands: DiscordCommand[] = [...artistCommands, ...deskSlashCommands, deliver, setup, announce];
