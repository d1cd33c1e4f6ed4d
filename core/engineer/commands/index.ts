// The engineer's commands, in the order the help lists them, and how typed words become an
// action and its checked arguments (the terminal's `mixdesk desk`; Discord checks its own options).
import { cleanText } from '../../clean-text.js';
import { UserError } from '../../errors.js';
import { t } from '../../texts.js';
import { availability } from './availability.js';
import { booking } from './booking.js';
import { calendar } from './calendar.js';
import { client } from './client.js';
import { comment } from './comment.js';
import { dashboard } from './dashboard.js';
import { engineer } from './engineer.js';
import { estimate } from './estimate.js';
import { master } from './master.js';
import { mixdown } from './mixdown.js';
import { queue } from './queue.js';
import { reply } from './reply.js';
import { revision } from './revision.js';
import { session } from './session.js';
import { stemroles } from './stemroles.js';
import { version } from './version.js';
import { hasActions, type ArgValue, type DeskAction, type DeskArg, type DeskCommand } from './types.js';

export type { DeskAction, DeskArg, DeskCommand, DeskRun } from './types.js';
export { hasActions } from './types.js';

export const deskCommands: readonly DeskCommand[] = [
  queue,
  availability,
  booking,
  session,
  reply,
  comment,
  version,
  master,
  mixdown,
  stemroles,
  estimate,
  revision,
  client,
  calendar,
  dashboard,
  engineer,
];

const usageOf = (args: readonly DeskArg[] = []) => args.map((a) => (a.required ? a.name.toUpperCase() : `[--${a.name} ${a.name.toUpperCase()}]`)).join(' ');

/** "booking confirm REFERENCE — Confirm a requested booking": every action, in the reader's language. */
export function deskHelpLines(): string[] {
  return deskCommands.flatMap((c) =>
    (hasActions(c) ? c.actions.map((a) => [`${c.name} ${a.name}`, a] as const) : [[c.name, c] as const]).map(
      ([name, a]) => `${[name, usageOf(a.args)].filter(Boolean).join(' ')} — ${a.description()}`,
    ),
  );
}

/** The terminal's `mixdesk desk` help: a title and every action. */
export const deskHelp = (): string => [t('desk-help-title'), ...deskHelpLines().map((l) => `  ${l}`)].join('\n');

function checked(arg: DeskArg, typed: string, where: string): ArgValue {
  const value = arg.type === 'string' ? typed : Number(typed);
  if (typeof value === 'number' && (!Number.isFinite(value) || (arg.type === 'integer' && !Number.isInteger(value))))
    throw new UserError(t('desk-arg-not-a-number', { command: where, arg: arg.name, typed }));
  if (typeof value === 'number' && ((arg.min !== undefined && value < arg.min) || (arg.max !== undefined && value > arg.max)))
    throw new UserError(t('desk-arg-out-of-range', { command: where, arg: arg.name, typed, min: arg.min ?? '…', max: arg.max ?? '…' }));
  const choices = arg.choices?.().map((c) => c.value);
  if (choices && !choices.includes(String(value)))
    throw new UserError(t('desk-arg-not-a-choice', { command: where, arg: arg.name, typed, choices: choices.join(', ') }));
  return value;
}

/**
 * The action and arguments typed words name: `booking confirm MD-7K2Q9A`, `master MD-7K2Q9A
 * --target -12` (required arguments in order, optional ones by name).
 */
export function parseDeskCommand(typed: readonly string[]): { action: DeskAction; args: Record<string, ArgValue | undefined>; name: string } {
  // Typed in a terminal, a chat or a web form: cleaned the same way wherever it came from.
  const words = typed.map(cleanText);
  const [first, ...rest] = words;
  const command = deskCommands.find((c) => c.name === first);
  if (!command) throw new UserError(t('desk-unknown-command', { typed: first ?? '', commands: deskCommands.map((c) => c.name).join(', ') }));
  let action: DeskAction;
  let name = command.name;
  let given = rest;
  if (hasActions(command)) {
    const found = command.actions.find((a) => a.name === rest[0]);
    if (!found)
      throw new UserError(t('desk-unknown-action', { command: command.name, typed: rest[0] ?? '', actions: command.actions.map((a) => a.name).join(', ') }));
    action = found;
    name = `${command.name} ${found.name}`;
    given = rest.slice(1);
  } else action = command;
  const specs = action.args ?? [];
  const args: Record<string, ArgValue | undefined> = {};
  const positional = specs.filter((a) => a.required);
  const extra: string[] = [];
  for (let i = 0; i < given.length; i++) {
    const word = given[i]!;
    const spec = word.startsWith('--') ? specs.find((a) => a.name === word.slice(2)) : undefined;
    if (word.startsWith('--') && !spec) throw new UserError(t('desk-arg-unknown', { command: name, typed: word, usage: usageOf(specs) }));
    if (spec) {
      const value = given[++i];
      if (value === undefined) throw new UserError(t('desk-arg-missing', { command: name, arg: spec.name, description: spec.description() }));
      args[spec.name] = checked(spec, value, name);
    } else extra.push(word);
  }
  // The last required argument takes the rest of the words: `booking reschedule MD-7K2Q9A 2026-12-03 14:00`.
  positional.forEach((spec, n) => {
    const words = n === positional.length - 1 ? extra.slice(n) : extra.slice(n, n + 1);
    if (words.length) args[spec.name] = checked(spec, words.join(' '), name);
  });
  if (extra.length > positional.length && positional.length === 0)
    throw new UserError(t('desk-arg-unknown', { command: name, typed: extra.join(' '), usage: usageOf(specs) }));
  const missing = positional.find((s) => args[s.name] === undefined);
  if (missing) throw new UserError(t('desk-arg-missing', { command: name, arg: missing.name, description: missing.description() }));
  return { action, args, name };
}
