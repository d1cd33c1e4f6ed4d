// Every slash command, for the router and the deployment script. The artist's commands are made
// from the core's command registry (core/conversation/commands), except those with a module of
// their own here (/upload takes an attachment); the engineer's and /setup are Discord's alone.
import { chatCommands } from '../../../core/conversation/commands/index.js';
import { coreCommand } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { command as announce } from './announce.js';
import { command as availability } from './availability.js';
import { command as booking } from './booking.js';
import { command as client } from './client.js';
import { command as deliver } from './deliver.js';
import { command as master } from './master.js';
import { command as mixdown } from './mixdown.js';
import { command as queue } from './queue.js';
import { command as revision } from './revision.js';
import { command as session } from './session.js';
import { command as setup } from './setup.js';
import { command as stemroles } from './stemroles.js';
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

export const commands: DiscordCommand[] = [
  ...artistCommands,
  queue,
  availability,
  booking,
  session,
  master,
  deliver,
  revision,
  client,
  setup,
  announce,
  mixdown,
  stemroles,
];
