// The engineer's slash commands, made from the core's registry (core/engineer/commands): each
// argument becomes an option of its type with its bounds and choices, actions become subcommands,
// and the answer is the action's text. Who may run them is the router's check (`engineer: true`).
import { SlashCommandBuilder, type ChatInputCommandInteraction, type SlashCommandSubcommandBuilder } from 'discord.js';
import { deskCommands, hasActions, type DeskAction, type DeskArg, type DeskCommand } from '../../core/engineer/commands/index.js';
import { text } from './chat.js';
import type { DiscordCommand } from './types.js';

type Options = SlashCommandBuilder | SlashCommandSubcommandBuilder;

function addOption(b: Options, a: DeskArg): void {
  const common = <O extends { setName(n: string): O; setDescription(d: string): O; setRequired(r: boolean): O }>(o: O) =>
    o
      .setName(a.name)
      .setDescription(a.description())
      .setRequired(a.required ?? false);
  const bounded = <O extends { setMinValue(n: number): O; setMaxValue(n: number): O }>(o: O) => {
    if (a.min !== undefined) o.setMinValue(a.min);
    if (a.max !== undefined) o.setMaxValue(a.max);
    return o;
  };
  if (a.type === 'string')
    b.addStringOption((o) => {
      const choices = a.choices?.();
      return choices ? common(o).addChoices(...choices) : common(o);
    });
  else if (a.type === 'integer') b.addIntegerOption((o) => bounded(common(o)));
  else b.addNumberOption((o) => bounded(common(o)));
}

function withArgs<B extends Options>(b: B, args: readonly DeskArg[] = []): B {
  // Discord wants required options first.
  for (const a of [...args.filter((x) => x.required), ...args.filter((x) => !x.required)]) addOption(b, a);
  return b;
}

const optionValue = (i: ChatInputCommandInteraction, a: DeskArg) =>
  (a.type === 'string' ? i.options.getString(a.name) : a.type === 'integer' ? i.options.getInteger(a.name) : i.options.getNumber(a.name)) ?? undefined;

const argsOf = (i: ChatInputCommandInteraction, action: DeskAction) => Object.fromEntries((action.args ?? []).map((a) => [a.name, optionValue(i, a)]));

export function deskSlashCommand(cmd: DeskCommand): DiscordCommand {
  return {
    engineer: true,
    desk: true,
    define: () => {
      const b = new SlashCommandBuilder().setName(cmd.name).setDescription(cmd.description());
      if (!hasActions(cmd)) return withArgs(b, cmd.args);
      for (const a of cmd.actions) b.addSubcommand((s) => withArgs(s.setName(a.name).setDescription(a.description()), a.args));
      return b;
    },
    async execute(i, deps) {
      const action = hasActions(cmd) ? cmd.actions.find((a) => a.name === i.options.getSubcommand()) : cmd;
      if (!action) throw new Error(`/${cmd.name} has no action ${i.options.getSubcommand(false) ?? ''}`);
      const name = action === cmd ? cmd.name : `${cmd.name} ${action.name}`;
      const done = await deps.desk.perform(
        { action, args: argsOf(i, action), name },
        { platform: 'discord', userId: i.user.id, actor: `engineer:discord:${i.user.id}` },
        { log: deps.log },
      );
      await text(i, done.text);
    },
  };
}

export const deskSlashCommands: DiscordCommand[] = deskCommands.map(deskSlashCommand);
