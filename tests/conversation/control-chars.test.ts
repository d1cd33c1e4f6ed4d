// NUL and other control characters in names and typed text are taken out before they reach the
// database: PostgreSQL refused them (a 500 that no retry could fix), and they garble chats.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanName, cleanText } from '../../core/clean-text.js';
import { Conversation } from '../../core/conversation/engine.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-ctl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('cleanName makes one clean line; cleanText keeps line breaks', () => {
  expect(cleanName('A\u0000na\u0007 \n Li\u009b')).toBe('Ana Li');
  expect(cleanText('louder\u0000 please\nand\u001b[31m warmer')).toBe('louder please\nand[31m warmer');
  // Bidirectional overrides and isolates would show the rest of a line reversed on the dashboard and in alerts.
  expect(cleanName('Ana \u202Egnp.exe\u202C')).toBe('Ana gnp.exe');
  expect(cleanText('\u2067intro\u2069 \u200Fquiet\u200E\u061C')).toBe('intro quiet');
  // Letters of right-to-left scripts stay.
  expect(cleanName('שלום مرحبا')).toBe('שלום مرحبا');
});

describe.each(testProviders())('control characters on %s', (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it('a display name, a file name and typed text with NUL are stored without it', async () => {
    const studio = await testStudio(t.db);
    const chat = new TestChat(new Conversation(studio, pino({ level: 'silent' })), { ...TestChat.sender('nul'), displayName: 'Ana\u0000\u0007 \u202EMix' });
    await chat.send('/book master');
    expect(chat.text).toMatch(/How would you like the session/);
    await chat.press('Unattended');
    await chat.press('Confirm');
    expect(chat.text).toMatch(/Booked!/);
    const client = await t.db.client.findFirstOrThrow({ where: { identities: { some: { externalId: 'nul' } } } });
    expect(client.displayName).toBe('Ana Mix');
    const file = path.join(dir, 'mix.wav');
    writeFileSync(file, await encodeAudio(makeTrack(3, 48000), 'wav24'));
    await chat.event({ kind: 'file', file: { name: 'My\u0000 Song\u202E\n.wav', ref: file, sizeBytes: 1, id: 'f-nul' } });
    expect(chat.text).toContain('Received My Song .wav');
    expect((await t.db.upload.findFirstOrThrow({ where: { clientId: client.id } })).fileName).toBe('My Song .wav');
    await chat.send('/timezone Europe/Ber\u0000lin');
    expect(chat.text).toContain('Europe/Berlin');
  });
});
