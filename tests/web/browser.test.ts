// The upload page in a real browser (Debian's Chromium driven by Playwright): choose a file,
// watch the progress, see it accepted. The screenshot is kept in test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, warnIfNoChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Studio } from '../../core/studio.js';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

warnIfNoChromium('the browser test');

describe.runIf(hasChromium)('upload page in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-browser-'));
  let t: TestDatabase;
  let studio: Studio;
  let web: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    studio = await testStudio(t.db);
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, 'staging'),
      maxUploadBytes: 100 * 2 ** 20,
      maxFileMb: 100,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('choose a file, see progress, see it accepted', async () => {
    const client = (await studio.clients.identify({ platform: 'test', externalId: 'b1', displayName: 'Bea' })).client;
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'browser-1',
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    const { url } = await studio.links.issue(client, b.reference, 'mix');
    const file = path.join(dir, 'Final Mix.wav');
    writeFileSync(file, await encodeAudio(makeTrack(30, 48000), 'wav24')); // ~8.6 MB: two chunks, visible progress

    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const progress: number[] = [];
    await page.exposeFunction('reportProgress', (v: number) => progress.push(v));
    await page.goto(url);
    expect(await page.locator('h1').textContent()).toContain(`files for ${b.reference}`);
    // Sample the progress bar while the file goes up (the page's own code, read from outside).
    await page.evaluate(`setInterval(() => { const p = document.querySelector('progress'); if (p) window.reportProgress(p.value); }, 20)`);
    await page.setInputFiles('#pick', file);
    await page.locator('.state.ok').waitFor({ timeout: 30_000 });
    expect(await page.locator('.state').textContent()).toBe('accepted ✓');
    expect(await page.locator('pre').textContent()).toMatch(/^Received Final Mix\.wav for MD-[2-9A-Z]{6} \(Mastering\) as your mix\./);
    expect(Math.max(...progress)).toBe(100);
    const artifacts = path.join(projectRoot, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'upload-page.png'), fullPage: true });
    expect(await t.db.upload.count({ where: { bookingId: b.id } })).toBe(1);

    // A forged link shows the refusal page.
    const forged = await page.goto(url.replace(/.{4}$/, 'AAAA'));
    expect(forged?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('This upload link is not valid.');
  }, 60_000);
});
