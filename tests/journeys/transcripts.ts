// Golden transcripts (issue 29.7): each journey of journeys.ts run for real on a chat in each
// language, written to docs/journeys/ as people read them. The test fails when a transcript
// differs from the committed one, so every change of wording shows in review; `npm run journeys`
// writes them anew. One test file per chat (console, telegram, discord .test.ts), so they run side by side.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Language } from '../../core/texts.js';
import { Conversation } from '../../core/conversation/engine.js';
import { languages } from '../../core/texts.js';
import { encodeAudio } from '../../engine/index.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { StripeFake } from '../helpers/stripe-fake.js';
import { createTestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { makeStem, type StemPart } from '../helpers/stems.js';
import { makeZip } from '../helpers/zip.js';
import { testStudio } from '../helpers/studio.js';
import { ConsoleDriver } from './console-driver.js';
import { TELEGRAM_ENGINEER_CHAT, TelegramDriver } from './telegram-driver.js';
import { DISCORD_ENGINEER, DISCORD_STUDIO_GUILD, DiscordDriver } from './discord-driver.js';
import { englishToArtist, stableTranscript } from './driver.js';
import { journeys } from './journeys.js';
import { cachedMasters } from '../helpers/master-cache.js';

const log = pino({ level: 'silent' });
const docs = path.resolve(import.meta.dirname, '../../docs/journeys');
const update = process.env.UPDATE_JOURNEYS === '1';
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-journeys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const masters = cachedMasters(path.join(dir, 'masters'));
const files = {
  mix: path.join(dir, 'Night Drive.wav'),
  fixedMix: path.join(dir, 'Night Drive v2.wav'),
  stems: path.join(dir, 'Night Drive stems.zip'),
  longMix: path.join(dir, 'Night Drive (final).wav'),
};
writeFileSync(files.longMix, await encodeAudio(makeTrack(20, 48000, { level: 0.25 }), 'wav24'));
const stems: [StemPart, string][] = [
  ['drums', 'Drums'],
  ['vocal', 'Lead Vox'],
  ['bass', 'Bass DI'],
  ['keys', 'Piano'],
];
await makeZip(
  files.stems,
  await Promise.all(
    stems.map(async ([part, name], n) => ({
      name: `${name}.wav`,
      data: Buffer.from(await encodeAudio(makeStem({ part, seconds: 8, seed: n + 1, hissDb: -70, jitterMs: part === 'bass' ? 0 : 15 }), 'wav24')),
    })),
  ),
);
writeFileSync(files.mix, await encodeAudio(makeTrack(4, 48000, { level: 0.2 }), 'wav24'));
writeFileSync(files.fixedMix, await encodeAudio(makeTrack(5, 48000, { level: 0.25 }), 'wav24'));

const STUDIO_ADDRESS = 'https://studio.example';
/** Stripe's fake, started for the first journey that takes payments; each such journey starts with it empty. */
const stripe = new StripeFake();
let stripeStarted: Promise<StripeFake> | undefined;
const stripeReady = async (): Promise<StripeFake> => {
  const fake = await (stripeStarted ??= stripe.start());
  fake.reset();
  return fake;
};
afterAll(() => stripeStarted && stripe.stop());
const drivers = { console: ConsoleDriver, telegram: TelegramDriver, discord: DiscordDriver };
/** Where the engineer is on each chat: the console's engineer, a Telegram chat, or the studio's Discord engineer (alerts as DMs, desk commands in the studio's server). */
const engineerOn: Record<keyof typeof drivers, Record<string, string>> = {
  console: { ENGINEER_CHAT: 'console:engineer' },
  telegram: { ENGINEER_CHAT: `telegram:${TELEGRAM_ENGINEER_CHAT}` },
  discord: { DISCORD_ENGINEER_IDS: DISCORD_ENGINEER, DISCORD_STUDIO_GUILD_ID: DISCORD_STUDIO_GUILD },
};

/** Every journey on `platform`, in every language. */
export function transcriptsOn(platform: 'console' | 'telegram' | 'discord'): void {
  describe.each(journeys(files))('journey: $title', (journey) => {
    it.each(languages)(`on ${platform}, in %s`, async (language: Language) => {
      const t = await createTestDatabase('sqlite');
      const queue = new InProcessQueue();
      const studio = await testStudio(
        t.db,
        {
          STUDIO_HOURS: 'mon-sun 08:00-22:00',
          ...engineerOn[platform],
          ENGINEER_ALERTS: 'all',
          ...(journey.payments ? { ...(await stripeReady()).settings(), PUBLIC_BASE_URL: STUDIO_ADDRESS } : {}),
          ...journey.env,
        },
        undefined,
        undefined,
        { queue, pipeline: { attempts: 1, backoffMs: 10, runMaster: masters } },
      );
      const lang = process.env.LANG;
      let web: WebServer | undefined;
      try {
        await studio.jobs.work();
        const conversation = new Conversation(studio, log);
        const driver = new drivers[platform](studio, conversation, queue, language);
        web = await startWebServer({
          studio,
          log,
          host: '127.0.0.1',
          port: 0,
          stagingDir: path.join(dir, `staging-${platform}-${journey.slug}-${language}`),
          maxUploadBytes: 2 ** 27,
          maxFileMb: 128,
        });
        driver.outside = { webUrl: web.url, ...(journey.payments ? { stripe } : {}) };
        // Links name the studio's address, the same on every run (the page is reached at web.url).
        studio.links.servedAt(STUDIO_ADDRESS);
        await driver.open();
        await journey.run(driver);
        const printed = await driver.close();
        const transcript = `# ${journey.title} — ${platform}, ${language}\n\n\`\`\`text\n${stableTranscript(printed, driver.references(), [dir]).trim()}\n\`\`\`\n`;
        const file = path.join(docs, journey.slug, `${platform}.${language}.md`);
        if (update) {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, transcript);
        }
        // Issue 29.5: everything the studio tells a Spanish artist is in Spanish (the engineer's own words quoted excepted).
        if (language === 'es') expect(englishToArtist(transcript, /Del ingeniero \(/)).toEqual([]);
        expect(existsSync(file), `${file} is missing: \`npm run journeys\` writes it`).toBe(true);
        expect(transcript, `${file} differs: read the change, then \`npm run journeys\` writes it`).toBe(readFileSync(file, 'utf8'));
      } finally {
        if (lang === undefined) delete process.env.LANG;
        else process.env.LANG = lang;
        await web?.close();
        await queue.close();
        await t.drop();
      }
    });
  });
}
