// Files through the conversation layer into the store and the database, on local disk and S3.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { LocalObjectStore } from '../../storage/local-store.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { S3ObjectStore } from '../../storage/s3-store.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { testStudio } from '../helpers/studio.js';

const log = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-up-'));
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3('uploads-test');
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function wav(name: string, seconds = 4, rate = 48000, o: Parameters<typeof makeTrack>[2] = {}): Promise<string> {
  const f = path.join(dir, name);
  writeFileSync(f, await encodeAudio(makeTrack(seconds, rate, o), 'wav24'));
  return f;
}

const stores: [string, () => ObjectStore][] = [
  ['local disk', () => new LocalObjectStore(mkdtempSync(path.join(dir, 'objects-')))],
  [
    'S3',
    () =>
      new S3ObjectStore({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        prefix: `${Math.random().toString(36).slice(2)}/`,
      }),
  ],
];

describe.each(stores)('uploads in chat, stored on %s', (_name, makeStore) => {
  let t: TestDatabase;
  let studio: Studio;
  let chat: TestChat;

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    studio = await testStudio(t.db, { UPLOAD_MAX_MB: '5' }, undefined, makeStore());
    chat = new TestChat(new Conversation(studio, log), { ...TestChat.sender('ana', 'console'), chatId: 'console:ana' });
  });
  afterEach(() => t.drop());

  async function bookMastering(c = chat): Promise<string> {
    await c.send('/book master');
    await c.press('Standard');
    await c.press(0);
    await c.press(0);
    await c.press('Confirm');
    return /MD-[2-9A-Z]{6}/.exec(c.text)![0];
  }

  it('a mix for a mastering booking is analysed, stored and recorded; the same file again is recognised', async () => {
    const ref = await bookMastering();
    const file = await wav('mix.wav', 4, 48000, { dc: 0.02 });
    await chat.send(`/upload ${file}`);
    expect(chat.text).toMatch(new RegExp(`^Received mix\\.wav for ${ref} \\(Mastering\\) as your mix\\.`));
    expect(chat.text).toMatch(/WAV, 48 kHz, 24-bit, stereo, 0:04/);
    expect(chat.text).toMatch(/It has a DC offset/);
    const up = await t.db.upload.findFirstOrThrow();
    expect(up).toMatchObject({ role: 'mix', format: 'wav', sampleRate: 48000, bitDepth: 24, channels: 2, fileName: 'mix.wav' });
    const head = await studio.store.head(up.storageKey);
    expect(head?.sha256).toBe(up.sha256);
    expect(head?.size).toBe(Number(up.sizeBytes));
    await chat.send(`/upload ${file} ${ref}`);
    expect(chat.text).toMatch(/^I already have mix\.wav for MD-/);
    expect(await t.db.upload.count()).toBe(1);
    expect(await studio.store.list('uploads/')).toHaveLength(1);
  });

  it('refuses bad files clearly and keeps nothing of them', async () => {
    await bookMastering();
    const fake = path.join(dir, 'notes.wav');
    writeFileSync(fake, 'these are my lyrics\n'.repeat(50));
    await chat.send(`/upload ${fake}`);
    expect(chat.text).toBe(
      'notes.wav: not an audio file we can read (expected WAV, AIFF, FLAC or MP3). Nothing was stored; please send WAV, AIFF, FLAC or MP3.',
    );
    // In Spanish, the whole answer is Spanish (the problem was the engine's English).
    await chat.send('/language es');
    const cut = path.join(dir, 'cortado.wav');
    writeFileSync(cut, readFileSync(await wav('whole.wav')).subarray(0, 40_000));
    await chat.send(`/upload ${cut}`);
    expect(chat.text).toBe(
      'cortado.wav: el archivo está cortado: le falta parte del audio (quizá la exportación o la transferencia no terminó). No se ha guardado nada; envía WAV, AIFF, FLAC o MP3.',
    );
    // (It once said "el archivo no se puede leer (not an audio file we can read (expected …))".)
    await chat.send(`/upload ${fake}`);
    expect(chat.text).toBe(
      'notes.wav: no es un archivo de audio que podamos leer (WAV, AIFF, FLAC o MP3). No se ha guardado nada; envía WAV, AIFF, FLAC o MP3.',
    );
    await chat.send('/language en');
    await chat.send(`/upload ${path.join(dir, 'missing.wav')}`);
    expect(chat.text).toBe('missing.wav: I cannot find that file.');
    const big = await wav('long.wav', 20); // 20 s of 24-bit stereo: 5.8 MB, over the 5 MB cap
    await chat.send(`/upload ${big}`);
    expect(chat.text).toBe('long.wav is 5.5 MB; the largest file the studio takes is 5.0 MB.');
    expect(await t.db.upload.count()).toBe(0);
    expect(await studio.store.list('')).toEqual([]);
  });

  it('asks which booking when several take files, keeping the file meanwhile; other artists’ bookings stay invisible', async () => {
    const first = await bookMastering();
    const second = await bookMastering();
    const file = await wav('a.wav');
    await chat.send(`/upload ${file}`);
    // Asked in the chat's own way (numbers in the console), not told console syntax.
    expect(chat.text).toBe('a.wav: you have 2 bookings taking files. Which one is it for?');
    expect(chat.buttons.map((b) => b.label)).toEqual([
      `${first} · Mastering · Tue 1 Dec, 10:00`,
      `${second} · Mastering · Tue 1 Dec, 12:00`,
      'None of them (forget the file)',
    ]);
    // A second file before the answer takes the first one's place: one file held at a time.
    await chat.send(`/upload ${await wav('a2.wav', 5)}`);
    expect(chat.replies.map((r) => r.text)).toEqual([
      'a.wav was still waiting for its booking; it is forgotten, and this file is asked about instead (send it again afterwards if you need both).',
      'a2.wav: you have 2 bookings taking files. Which one is it for?',
    ]);
    expect(await studio.store.list('held/')).toHaveLength(1);
    await chat.send('None');
    await chat.send(`/upload ${file}`);
    await chat.send('7');
    expect(chat.replies[0]!.text).toBe('There are 3 choices here: type a number from 1 to 3, or /cancel to stop.');
    await chat.send('2');
    expect(chat.text).toMatch(new RegExp(`^Received a\\.wav for ${second} \\(Mastering\\) as your mix\\.`));
    expect(await studio.store.list('held/')).toEqual([]);

    // Named with the file: the console's /upload PATH REF, a chat's caption.
    await chat.send(`/upload ${await wav('b.wav')} ${first}`);
    expect(chat.text).toMatch(new RegExp(`^Received b\\.wav for ${first}`));
    await chat.event({
      kind: 'file',
      file: { name: 'c.wav', sizeBytes: 1, ref: await wav('c.wav', 5), id: 'f-c', caption: `new take for ${first.toLowerCase()}` },
    });
    expect(chat.text).toMatch(new RegExp(`^Received c\\.wav for ${first}`));

    // /upload REF: the next files go there, and it says so.
    await chat.send(`/upload ${second}`);
    expect(chat.text).toMatch(new RegExp(`^Files you send in the next 60 minutes go to ${second} \\(Mastering\\)\\. Send them now\\.`));
    await chat.event({ kind: 'file', file: { name: 'd.wav', sizeBytes: 1, ref: await wav('d.wav', 6), id: 'f-d' } });
    expect(chat.text).toMatch(new RegExp(`^Received d\\.wav for ${second}`));

    // Forgotten on request: nothing stored, nothing held.
    const ben = new TestChat(chat.conversation, { ...TestChat.sender('ben', 'console'), chatId: 'console:ben' });
    await ben.send(`/book master`);
    await ben.press('Unattended');
    await ben.press('Confirm');
    await ben.send('/book master');
    await ben.press('Unattended');
    await ben.press('Confirm');
    await ben.send(`/upload ${await wav('e.wav', 7)}`);
    expect(ben.text).toBe('e.wav: you have 2 bookings taking files. Which one is it for?');
    // Ben's list has only his own bookings, and naming Ana's gets nowhere.
    expect(ben.buttons.map((b) => b.label).join(' ')).not.toContain(first);
    await ben.send(first);
    expect(ben.replies[0]!.text).toBe(`You have no booking ${first}. /mybookings lists yours.`);
    await ben.press('None of them');
    expect(ben.text).toBe('e.wav is forgotten; nothing was stored.');
    expect(await studio.store.list('held/')).toEqual([]);
    expect(await t.db.upload.count({ where: { fileName: 'e.wav' } })).toBe(0);
    await ben.send(`/upload ${file} ${first}`);
    expect(ben.text).toBe(`You have no booking ${first}. /mybookings lists yours.`);
    await ben.send(`/upload ${first}`);
    expect(ben.text).toBe(`You have no booking ${first}. /mybookings lists yours.`);
  });

  it('a mix that is mostly silence is pointed out with its numbers, and long silence at the end too', async () => {
    await bookMastering();
    const f = path.join(dir, 'blip.wav');
    // At 16 kHz, 16-bit: under this suite's 5 MB limit.
    const track = makeTrack(1, 16000);
    const pad = (ch: Float32Array) => {
      const out = new Float32Array(56 * 16000);
      out.set(ch);
      return out;
    };
    writeFileSync(f, await encodeAudio({ ...track, channels: track.channels.map(pad) }, 'wav16'));
    await chat.send(`/upload ${f}`);
    expect(chat.text).toMatch(/^Received blip\.wav/);
    // It was mastered without a word before.
    expect(chat.text).toMatch(/• Only 1\.\d s of its 56\.0 s has sound, the rest is silence: is it the right file, or was the bounce cut short\?/);

    const tail = path.join(dir, 'tail.wav');
    const long = makeTrack(20, 16000);
    writeFileSync(
      tail,
      await encodeAudio({ ...long, channels: long.channels.map((ch) => Float32Array.from({ length: 30 * 16000 }, (_, i) => ch[i] ?? 0)) }, 'wav16'),
    );
    await chat.send(`/upload ${tail}`);
    expect(chat.text).toMatch(/• It ends with 10\.\d s of silence/);
  });

  it('a file that is not audio is refused at once, not held while the artist picks a booking', async () => {
    await bookMastering();
    await bookMastering();
    const text = path.join(dir, 'notes.wav');
    writeFileSync(text, 'just words\n'.repeat(50));
    await chat.send(`/upload ${text}`);
    expect(chat.text).toMatch(/^notes\.wav: not an audio file we can read/);
    expect(chat.buttons).toEqual([]);
    expect(await studio.store.list('held/')).toEqual([]);
  });

  it('stems are tagged and mismatched sample rates or lengths are reported, not refused', async () => {
    await chat.send('/book mix');
    await chat.press('Unattended');
    await chat.press('Confirm');
    await chat.send(`/upload ${await wav('Drums.wav', 4, 48000)}`);
    expect(chat.text).toMatch(/^Received Drums\.wav for MD-[2-9A-Z]{6} \(Mixing\) as a stem \(drums; \/stems to change\)\./);
    await chat.send(`/upload ${await wav('Lead Vox.wav', 6, 44100, { level: 0.2 })}`);
    expect(chat.text).toMatch(/as a stem \(lead vocal; \/stems to change\)/);
    expect(chat.text).toMatch(/sample rate \(44100 Hz\) differs from your other stems \(48000 Hz\)/);
    expect(chat.text).toMatch(/length \(6\.0 s\) differs from your other stems \(4\.0 s\)/);
    const stems = await t.db.upload.findMany({ orderBy: { createdAt: 'asc' } });
    expect(stems.map((s) => [s.role, s.stemTag])).toEqual([
      ['stem', 'drums'],
      ['stem', 'lead-vocal'],
    ]);
  });

  it('a file message delivered twice by the platform is stored once', async () => {
    await bookMastering();
    const file = await wav('from-telegram.wav');
    const event = { kind: 'file' as const, file: { name: 'from-telegram.wav', sizeBytes: 1, ref: file, id: 'tg-file-123' } };
    await chat.event(event);
    expect(chat.text).toMatch(/^Received from-telegram\.wav/);
    await chat.event(event);
    expect(chat.text).toMatch(/^I already have from-telegram\.wav/);
    expect(await t.db.upload.count()).toBe(1);
  });
});
