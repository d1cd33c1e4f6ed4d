// One registry of the artist's commands (core/conversation/commands): /help, Telegram's menu and
// command handlers, and Discord's slash commands are all made from it, so no list can miss one.
import { describe, expect, it } from 'vitest';
import { commands as discordCommands } from '../../bots/discord/commands/index.js';
import { menu } from '../../bots/telegram/features/commands.js';
import { chatCommands, helpLines } from '../../core/conversation/commands/index.js';

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
    listed.forEach((c, i) => expect(lines[i]).toBe(`/${c.name}${c.usage ? ` ${c.usage}` : ''} — ${c.help!()}`));
    expect(lines.join('\n')).toContain('/revise [REF] [CHANGES] — ');
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
