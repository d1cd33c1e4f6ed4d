// One registry of the artist's commands (core/conversation/commands): /help, Telegram's menu and
// command handlers, and Discord's slash commands are all made from it, so no list can miss one.
// One registry of the engineer's (core/engineer/commands): Discord's engineer slash commands and
// the terminal's `mixdesk desk` are made from it.
import { describe, expect, it } from 'vitest';
import { commands as discordCommands } from '../../bots/discord/commands/index.js';
import { menu } from '../../bots/telegram/features/commands.js';
import { chatCommands, helpLines, nearestCommand } from '../../core/conversation/commands/index.js';
import { deskCommands, deskHelpLines, hasActions, parseDeskCommand, type DeskArg } from '../../core/engineer/commands/index.js';
import { userMessage } from '../../core/errors.js';
import { inLanguage } from '../../core/texts.js';

describe('the command registry', () => {
  it('names each command once, with a lowercase name Telegram and Discord accept', () => {
    const names = chatCommands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
  });

  it('/help lists every command that has a help text, with its arguments', () => {
    const lines = helpLines();
    const listed = chatCommands.filter((c) => c.help);
    expect(lines).toHaveLength(listed.length);
    listed.forEach((c, i) => expect(lines[i]).toBe(`/${c.name}${c.usage ? ` ${c.usage()}` : ''} — ${c.help!()}`));
    expect(lines.join('\n')).toContain('/revise [REF] [CHANGES] — ');
  });

  it("/help names each command's arguments in the artist's language", () => {
    const es = inLanguage('es', helpLines).join('\n');
    expect(es).toContain('/revise [REF] [CAMBIOS] — ');
    expect(es).toContain('/release [REF] ARTISTA - TÍTULO [ISRC] [AÑO] — ');
    expect(es).toContain('/timezone [ZONA] — ');
    expect(es).toContain('/format [FORMATO] — ');
    expect(es).toContain('/stems [N PAPEL] — ');
    expect(es).not.toMatch(/\b(CHANGES|ARTIST|TITLE|YEAR|ZONE|FORMAT|ROLE)\b/);
  });

  it('an unknown command is matched to the one meant: a typo, another word for it, a Spanish word', () => {
    const cases: [string, string | undefined][] = [
      ['bookings', 'mybookings'],
      ['hlep', 'help'],
      ['staus', 'status'],
      ['uplaod', 'upload'],
      ['timezon', 'timezone'],
      ['ayuda', 'help'],
      ['reservar', 'book'],
      ['Cancelar', 'cancel'],
      ['olvídame', 'forgetme'],
      ['idioma', 'language'],
      ['xyz', undefined],
      ['b', undefined],
      ['pay', undefined],
      ['mix', undefined],
    ];
    for (const [typed, meant] of cases) expect(nearestCommand(typed), typed).toBe(meant);
    // What it suggests is always a listed command.
    const listed = new Set(chatCommands.filter((c) => c.help).map((c) => c.name));
    for (const [typed] of cases) if (nearestCommand(typed)) expect(listed.has(nearestCommand(typed)!)).toBe(true);
  });

  it("Telegram's menu is the commands with a menu entry, in the registry's order", () => {
    expect(menu()).toEqual(chatCommands.filter((c) => c.menu).map((c) => ({ command: c.name, description: c.menu!() })));
    for (const entry of menu()) expect(entry.description.length).toBeLessThanOrEqual(256);
  });

  it("Discord's artist commands are the registry's, with their option, and the engineer's stay their own", () => {
    const byName = new Map(discordCommands.map((c) => [c.define().name, c]));
    for (const c of chatCommands) {
      const d = byName.get(c.name);
      if (!c.discord) {
        expect(d, `/${c.name} is not a slash command`).toBeUndefined();
        continue;
      }
      expect(d, `/${c.name} is a slash command`).toBeDefined();
      expect(d!.engineer ?? false).toBe(false);
      if (c.discord === 'own') continue;
      const body = d!.define().toJSON();
      expect(body.description).toBe(c.discord.description());
      expect((body.options ?? []).map((o) => [o.name, o.description, o.required ?? false])).toEqual(
        c.discord.option ? [[c.discord.option.name, c.discord.option.description(), false]] : [],
      );
    }
    const engineer = discordCommands.filter((c) => c.engineer).map((c) => c.define().name);
    expect(engineer).toContain('master');
    expect(engineer.some((n) => chatCommands.some((c) => c.name === n))).toBe(false);
  });
});

describe("the engineer's command registry", () => {
  const optionOf = (a: DeskArg) => ({
    name: a.name,
    description: a.description(),
    type: { string: 3, integer: 4, number: 10 }[a.type],
    required: a.required ?? false,
    ...(a.min !== undefined ? { min_value: a.min } : {}),
    ...(a.max !== undefined ? { max_value: a.max } : {}),
    ...(a.choices ? { choices: a.choices() } : {}),
  });
  const required = (args: readonly DeskArg[] = []) => [...args.filter((a) => a.required), ...args.filter((a) => !a.required)];

  it("Discord's engineer commands are the registry's: names, descriptions, subcommands, and each option's type, bounds and choices", () => {
    const byName = new Map(discordCommands.map((c) => [c.define().name, c]));
    for (const c of deskCommands) {
      const d = byName.get(c.name);
      expect(d?.engineer, `/${c.name} is an engineer's slash command`).toBe(true);
      const body = d!.define().toJSON() as { description: string; options?: Record<string, unknown>[] };
      expect(body.description).toBe(c.description());
      const pick = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).filter(([k]) => ['name', 'description', 'type', 'required', 'min_value', 'max_value', 'choices'].includes(k)));
      if (hasActions(c))
        expect(
          body.options!.map((o) => ({ name: o.name, description: o.description, options: ((o.options as Record<string, unknown>[]) ?? []).map(pick) })),
        ).toEqual(c.actions.map((a) => ({ name: a.name, description: a.description(), options: required(a.args).map(optionOf) })));
      else expect((body.options ?? []).map(pick)).toEqual(required(c.args).map(optionOf));
    }
    // Besides the registry's, Discord keeps only what needs Discord itself: attachments, a channel post, server admins.
    const own = discordCommands.filter((d) => !chatCommands.some((c) => c.name === d.define().name) && !deskCommands.some((c) => c.name === d.define().name));
    expect(own.map((d) => d.define().name).sort()).toEqual(['announce', 'deliver', 'setup']);
  });

  it('the terminal help lists every action with its arguments', () => {
    const lines = deskHelpLines();
    expect(lines).toHaveLength(deskCommands.reduce((n, c) => n + (hasActions(c) ? c.actions.length : 1), 0));
    expect(lines).toContain('booking reschedule REFERENCE START — Move a session');
    expect(lines).toContain('queue [--days DAYS] [--engineer ENGINEER] — Engineer: upcoming sessions and unattended work');
  });

  it('typed words become an action with checked arguments, and mistakes are clear refusals', () => {
    expect(parseDeskCommand(['booking', 'reschedule', 'MD-7K2Q9A', '2026-12-03', '14:00'])).toMatchObject({
      name: 'booking reschedule',
      args: { reference: 'MD-7K2Q9A', start: '2026-12-03 14:00' },
    });
    expect(parseDeskCommand(['master', 'MD-7K2Q9A', '--target', '-12', '--preset', 'loud']).args).toEqual({
      reference: 'MD-7K2Q9A',
      target: -12,
      preset: 'loud',
    });
    expect(parseDeskCommand(['queue']).args).toEqual({});
    expect(parseDeskCommand(['queue', '--days', '3']).args).toEqual({ days: 3 });
    const refusal = (words: string[]) => {
      try {
        parseDeskCommand(words);
      } catch (err) {
        return userMessage(err);
      }
      return 'accepted';
    };
    expect(refusal(['bookings'])).toBe(`"bookings" is not one of the engineer's commands: ${deskCommands.map((c) => c.name).join(', ')}.`);
    expect(refusal(['booking', 'confirmm', 'MD-7K2Q9A'])).toBe('/booking takes one of: confirm, decline, waive, reschedule, assign (not "confirmm").');
    expect(refusal(['booking', 'confirm'])).toBe('/booking confirm needs reference: The booking, e.g. MD-7K2Q9A.');
    expect(refusal(['queue', '--days', 'soon'])).toBe('/queue: days must be a number, not "soon".');
    expect(refusal(['queue', '--days', '2.5'])).toBe('/queue: days must be a number, not "2.5".');
    expect(refusal(['queue', '--days', '365'])).toBe('/queue: days must be from 1 to 90, not 365.');
    expect(refusal(['mixdown', 'MD-7K2Q9A', '--balance', 'loud'])).toBe('/mixdown: balance must be one of auto, flat, not "loud".');
    expect(refusal(['queue', '--verbose'])).toBe('/queue does not take "--verbose". Usage: [--days DAYS] [--engineer ENGINEER]');
    expect(refusal(['queue', 'now'])).toBe('/queue does not take "now". Usage: [--days DAYS] [--engineer ENGINEER]');
    expect(refusal(['master', 'MD-7K2Q9A', '--target'])).toBe('/master needs target: Target LUFS (-30 … -5).');
  });
});
