// The journeys' check that a Spanish artist reads only Spanish (tests/journeys/transcripts.ts): it
// reads the bot's messages to the artist, on the console and in the chats, and nothing else.
import { expect, it } from 'vitest';
import { englishToArtist } from '../journeys/driver.js';

const engineerQuoted = /Del ingeniero \(/;

it('finds English the artist reads, in a chat and on the console; not the engineer’s side, the narration or quoted words', () => {
  const chat = [
    'Lucia uses /status',
    'bot: MD-REF1 — Máster',
    '  Status: delivered',
    'bot → engineer (only they see it): Sent to Lucia (MD-REF1).',
    '  the engineer’s chat is in the studio’s language',
    'bot: 📝 Del ingeniero (MD-REF1): Adding it now',
    '',
    '— Lucia opens the link in a browser and sends it through the page.',
    'bot (edits its message): Your master is ready.',
  ].join('\n');
  expect(englishToArtist(chat, engineerQuoted)).toEqual(['  Status: delivered', 'bot (edits its message): Your master is ready.']);

  const terminal = [
    '> /status',
    '',
    'MD-REF1 — Máster',
    '  Status: delivered',
    '',
    "[engineer's terminal] $ mixdesk desk queue",
    'No sessions in the next 14 days.',
    '',
    '[para el ingeniero] 🔔 New booking MD-REF1 from lucia',
    '',
    '> 1',
    '',
    'Your files are in.',
  ].join('\n');
  expect(englishToArtist(terminal, engineerQuoted)).toEqual(['  Status: delivered', 'Your files are in.']);
  expect(englishToArtist('> /status\n\nMD-REF1 — Máster, entregada', engineerQuoted)).toEqual([]);
});
