// Unfinished resumable uploads that nobody resumes are removed from staging by the retention job.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startWebServer } from '../../web/server.js';
import { createTestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-staging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('staging clean-up', () => {
  it('removes an abandoned upload after the expiry, and its URL stops working', async () => {
    const t = await createTestDatabase('sqlite');
    const studio = await testStudio(t.db, { UPLOAD_STAGING_EXPIRY_HOURS: '1' });
    const staging = path.join(dir, 'staging');
    const web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: staging,
      maxUploadBytes: 2 ** 20,
      maxFileMb: 1,
    });
    try {
      const client = (await studio.clients.identify({ platform: 'test', externalId: 's1', displayName: 'S' })).client;
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'Europe/London',
        idempotencyKey: 's-1',
        origin: { platform: 'test', chatId: 'c' },
        actor: 't',
      });
      const { token } = await studio.links.issue(client, b.reference, 'mix');
      const headers = { 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token };
      const created = await fetch(`${web.url}/files/`, {
        method: 'POST',
        headers: { ...headers, 'Upload-Length': '1000', 'Upload-Metadata': `filename ${Buffer.from('half.wav').toString('base64')}` },
      });
      const location = new URL(created.headers.get('location')!, web.url);
      await fetch(location, {
        method: 'PATCH',
        headers: { ...headers, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        body: Buffer.alloc(400),
      });
      expect(readdirSync(staging).length).toBeGreaterThan(0);
      expect(await t.db.stagedUpload.count()).toBe(1);
      expect(await web.cleanUpStaging()).toBe(0); // not expired yet
      // The clock (only Date: sockets and timers keep real time) moves past the hour's expiry.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 59 * 60_000);
      expect(await web.cleanUpStaging()).toBe(0);
      vi.setSystemTime(Date.now() + 2 * 60_000);
      studio.clock.advance(61 * 60_000);
      expect(await web.cleanUpStaging()).toBe(1);
      // Its reservation against the booking's quota went with it.
      expect(await t.db.stagedUpload.count()).toBe(0);
      expect(readdirSync(staging).filter((n) => !n.endsWith('.json'))).toEqual([]);
      const head = await fetch(location, { method: 'HEAD', headers });
      expect([404, 410]).toContain(head.status);
    } finally {
      await web.close();
      await t.drop();
    }
  });
});
