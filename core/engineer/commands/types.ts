// What an engineer's command is. Each is one module in this folder; Discord's engineer slash
// commands (bots/discord/desk-commands.ts) and the terminal's `mixdesk desk` (cli.ts) are made
// from these modules, so adding one is a module here, its line in index.ts, and its texts.
import type { Studio } from '../../studio.js';
import { t } from '../../texts.js';

export type ArgValue = string | number;

/** One argument: typed, described, and bounded where it has bounds (the platforms check them too). */
export interface DeskArg {
  name: string;
  type: 'string' | 'integer' | 'number';
  description: () => string;
  required?: boolean;
  min?: number;
  max?: number;
  /** The only values it takes, each with its label in the reader's language. */
  choices?: () => { name: string; value: string }[];
}

export interface DeskRun {
  studio: Studio;
  /** Who acts, as the audit trail and the booking history name them ("engineer:discord:<id>"). */
  actor: string;
  /** The arguments given, checked against their specs (absent optional ones are undefined). */
  args: Record<string, ArgValue | undefined>;
}

/** Something the engineer can do: a command of its own, or one action of a command (/booking confirm). */
export interface DeskAction {
  name: string;
  description: () => string;
  args?: readonly DeskArg[];
  /** The answer for the engineer (what the artist is told goes through the outbox). */
  run(c: DeskRun): Promise<string>;
}

/** A command with one action, or with several (Discord's subcommands). */
export type DeskCommand = DeskAction | { name: string; description: () => string; actions: readonly DeskAction[] };

export const hasActions = (c: DeskCommand): c is Extract<DeskCommand, { actions: readonly DeskAction[] }> => 'actions' in c;

/** The booking an action is about (the same first argument everywhere). */
export const bookingArg: DeskArg = { name: 'reference', type: 'string', required: true, description: () => t('discord-option-booking') };

/** A required text argument. */
export const str = (name: string, description: () => string, required = true): DeskArg => ({ name, type: 'string', required, description });

/** An argument as given (the checks made it the declared type). */
export const text = (c: DeskRun, name: string): string => String(c.args[name] ?? '');
export const optional = (c: DeskRun, name: string): string | undefined => (c.args[name] === undefined ? undefined : String(c.args[name]));
export const num = (c: DeskRun, name: string): number | undefined => (typeof c.args[name] === 'number' ? c.args[name] : undefined);
