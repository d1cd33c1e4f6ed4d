// Others' words in a Discord message are shown as typed: escaped once, wherever they stand, and
// nothing else in the message (the studio's own text, links) is touched.
import { expect, it } from 'vitest';
import { escapeQuoted } from '../../bots/discord/render.js';

it('escapes the quoted words only, once, longest first', () => {
  const text = '🔔 Revision 1 of MD-ABC234 (Mastering): "**make it pop**, _Ana_ says" — waiting for you. https://studio.test/x_y_z';
  expect(escapeQuoted(text, ['_Ana_', '**make it pop**, _Ana_ says'])).toBe(
    '🔔 Revision 1 of MD-ABC234 (Mastering): "\\*\\*make it pop\\*\\*, \\_Ana\\_ says" — waiting for you. https://studio.test/x_y_z',
  );
  // Characters special to a regular expression are matched as themselves.
  expect(escapeQuoted('Ana (MD-1): ~~a (b)~~ [c]', ['~~a (b)~~ [c]'])).toBe('Ana (MD-1): \\~\\~a (b)\\~\\~ [c]');
  expect(escapeQuoted('nothing to do', [])).toBe('nothing to do');
  expect(escapeQuoted('nothing to do', [''])).toBe('nothing to do');
});
