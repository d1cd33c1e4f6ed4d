// Zip archives of stems: the good ones unpack into stems; the malicious ones are refused whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { makeZip, rawZip } from '../helpers/zip.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-zip-'));
// This file's own temporary folder (os.tmpdir() reads TMPDIR; each test file runs in its own
// worker): other files unpacking archives at the same time do not change the count below.
const givenTmp = process.env.TMPDIR;
const ownTmp = mkdtempSync(path.join(tmpdir(), 'mixdesk-zip-tmp-'));
process.env.TMPDIR = ownTmp;
afterAll(() => {
  // Given back before the folder goes, should the worker run another file after this one.
  if (givenTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = givenTmp;
  rmSync(dir, { recursive: true, force: true });
  rmSync(ownTmp, { recursive: true, force: true });
});
const unzipDirs = () => readdirSync(ownTmp).filter((n) => n.startsWith('mixdesk-unzip-'));

describe('zip archives of stems', () => {
  let t: TestDatabase;
  let studio: Studio;
  let chat: TestChat;
  let stem: Buffer;

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    studio = await testStudio(t.db, { UPLOAD_MAX_MB: '5' });
    chat = new TestChat(new Conversation(studio, pino({ level: 'silent' })), { ...TestChat.sender('ana', 'console'), chatId: 'console:ana' });
    await chat.send('/book mix');
    await chat.press('Unattended');
    await chat.press('Confirm');
    stem = Buffer.from(await encodeAudio(makeTrack(2), 'wav24'));
  });
  afterEach(() => t.drop());

  it('unpacks the stems, skips what is not a stem, and says why', async () => {
    const zip = path.join(dir, 'stems.zip');
    const before = unzipDirs().length;
    await makeZip(zip, [
      { name: 'Song/Drums.wav', data: stem },
      { name: 'Song/Lead Vox.wav', data: Buffer.from(await encodeAudio(makeTrack(2, 48000, { level: 0.2 }), 'wav24')) },
      { name: 'Song/notes.txt', data: Buffer.from('bpm 120') },
      { name: 'Song/fake.wav', data: Buffer.from('not audio at all, just text '.repeat(10)) },
      { name: 'Other/drums.WAV', data: stem, store: true },
      { name: 'Song/link.wav', data: Buffer.from('/etc/passwd'), link: true },
      { name: '__MACOSX/Song/._Drums.wav', data: Buffer.from('mac junk') },
      // A Mac's resource forks beside the files (a folder copied from a Mac's disk, zipped elsewhere).
      { name: 'Song/._Drums.wav', data: Buffer.from('\x00\x05\x16\x07 Mac OS X        ') },
      { name: '._Song', data: Buffer.from('\x00\x05\x16\x07 Mac OS X        ') },
    ]);
    await chat.send(`/upload ${zip}`);
    expect(chat.text).toMatch(/^From stems\.zip: 2 files received for MD-[2-9A-Z]{6}\./);
    expect(chat.text).toMatch(/• Drums\.wav \(drums\)/);
    expect(chat.text).toMatch(/• Lead Vox\.wav \(lead vocal\)/);
    expect(chat.text).toContain('• Song/notes.txt: not an audio file');
    expect(chat.text).toContain('• Other/drums.WAV: same name as another file in the archive');
    expect(chat.text).toContain('• Song/link.wav: a link, not a file');
    expect(chat.text).toContain('• fake.wav: not an audio file we can read (expected WAV, AIFF, FLAC or MP3)\n');
    expect(chat.text).not.toMatch(/MACOSX|\._/);
    const ups = await t.db.upload.findMany({ orderBy: { createdAt: 'asc' } });
    expect(ups.map((u) => [u.fileName, u.role, u.stemTag])).toEqual([
      ['Drums.wav', 'stem', 'drums'],
      ['Lead Vox.wav', 'stem', 'lead-vocal'],
    ]);
    expect(await studio.store.list('uploads/')).toHaveLength(2);
    expect(unzipDirs().length).toBe(before); // the temporary folder is gone
    // The same archive again: everything recognised, nothing stored twice.
    await chat.send(`/upload ${zip}`);
    expect(chat.text).toMatch(/^From stems\.zip: 0 files received for MD-[2-9A-Z]{6}, 2 I already had\./);
    expect(await t.db.upload.count()).toBe(2);
  });

  it('refuses an archive with ../ or absolute paths whole, writing nothing anywhere', async () => {
    for (const [name, bad] of [
      ['traversal.zip', '../../evil.wav'],
      ['absolute.zip', '/tmp/evil.wav'],
      ['backslash.zip', '..\\evil.wav'],
    ] as const) {
      const zip = path.join(dir, name);
      rawZip(zip, [
        { name: 'ok.wav', data: stem },
        { name: bad, data: stem },
      ]);
      await chat.send(`/upload ${zip}`);
      expect(chat.text).toMatch(new RegExp(`^${name.replace('.', '\\.')} contains a file with an unsafe path .*; nothing from it was stored\\.$`));
    }
    expect(await t.db.upload.count()).toBe(0);
    expect(await studio.store.list('')).toEqual([]);
    expect(() => readFileSync(path.join(dir, '..', 'evil.wav'))).toThrow();
  });

  it('refuses zip bombs before unpacking anything', async () => {
    const huge = path.join(dir, 'huge.zip');
    await makeZip(huge, [{ name: 'a.wav', data: Buffer.alloc(45 * 2 ** 20) }]);
    await chat.send(`/upload ${huge}`);
    expect(chat.text).toBe('huge.zip would unpack to 45 MB, more than the 40 MB accepted; nothing from it was stored.');
    const dense = path.join(dir, 'dense.zip');
    await makeZip(dense, [{ name: 'silence.wav', data: Buffer.alloc(20 * 2 ** 20) }]);
    await chat.send(`/upload ${dense}`);
    expect(chat.text).toMatch(/^dense\.zip looks like a zip bomb \(silence\.wav packs \d+:1\); nothing from it was stored\.$/);
    expect(await t.db.upload.count()).toBe(0);
  });

  it('a damaged archive gets a clear message', async () => {
    const broken = path.join(dir, 'broken.zip');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]));
    await chat.send(`/upload ${broken}`);
    expect(chat.text).toMatch(/^broken\.zip is not a zip archive I can read \(.+\); nothing from it was stored\.$/);
  });
});
