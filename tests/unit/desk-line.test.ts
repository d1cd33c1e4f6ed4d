// The engineer's commands named in alerts read as typed where the alert is read, and parse as the
// command registry says (the terminal's form is checked by the terminal's own parser).
import { describe, expect, it } from 'vitest';
import { parseDeskCommand } from '../../core/engineer/commands/index.js';
import { deskLine } from '../../core/engineer/desk-line.js';

const lines: [string, Record<string, string | number>, Record<string, string | number>][] = [
  ['session end', { reference: 'MD-7K2Q9A' }, { deliver: 'newest' }],
  ['version list', { reference: 'MD-7K2Q9A' }, {}],
  ['version deliver', { reference: 'MD-7K2Q9A' }, { version: 2 }],
  ['master', { reference: 'MD-7K2Q9A' }, {}],
  ['estimate', { reference: 'MD-7K2Q9A' }, {}],
];

describe('desk commands named in alerts', () => {
  it.each(lines)('%s: Discord syntax on Discord, terminal syntax elsewhere, and both what the command takes', (name, required, options) => {
    const discord = deskLine('discord', name, required, options);
    expect(discord).toMatch(new RegExp(`^/${name} reference:MD-7K2Q9A`));
    for (const platform of ['console', 'telegram']) {
      const line = deskLine(platform, name, required, options);
      expect(line).toMatch(new RegExp(`^mixdesk desk ${name} MD-7K2Q9A`));
      const parsed = parseDeskCommand(line.replace(/^mixdesk desk /, '').split(' '));
      expect(parsed.name).toBe(name);
      expect(parsed.args).toEqual({ ...required, ...options });
    }
  });

  it('the session-end line in each form', () => {
    expect(deskLine('discord', 'session end', { reference: 'MD-7K2Q9A' }, { deliver: 'newest' })).toBe('/session end reference:MD-7K2Q9A deliver:newest');
    expect(deskLine('console', 'session end', { reference: 'MD-7K2Q9A' }, { deliver: 'newest' })).toBe('mixdesk desk session end MD-7K2Q9A --deliver newest');
  });
});
