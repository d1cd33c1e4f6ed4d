// The Telegram bot inside the real service: `mixdesk start` with a token polls the Bot API (here the
// fake); in webhook mode the web server takes Telegram's calls and refuses any without the secret.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../bots/telegram/bot.js';
import { Conversation } from '../../core/conversation/engine.js';
import { projectRoot } from '../../db/schemas.js';
import { startWebServer } from '../../web/server.js';
import { createTestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import { TelegramFake } from '../helpers/telegram-fake.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-tg-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Telegram in the service', () => {
  it('mixdesk start with a bot token answers in Telegram instead of opening the console', async () => {
    const fake = await new TelegramFake().start();
    const child = spawn(process.execPath, mixdeskArgs('start'), {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dir,
        DATABASE_URL: `file:${path.join(dir, 'svc.db')}`,
        WEB_PORT: '0',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const ana = fake.user(901, 'Ana');
      fake.sendText(ana, '/start');
      const welcome = await fake.waitFor((c) => /Welcome to/.test(String(c.params.text)), { timeoutMs: 30_000 });
      expect(String(welcome.params.chat_id)).toBe('901');
      expect(out).not.toContain('console chat as');
      expect(fake.calls.some((c) => c.method === 'setMyCommands')).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('close', r));
      await fake.stop();
    }
  }, 60_000);

  it('a token Telegram refuses stops start-up with a clear message', async () => {
    const fake = await new TelegramFake().start();
    const child = spawn(process.execPath, mixdeskArgs('start'), {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dir,
        DATABASE_URL: `file:${path.join(dir, 'bad.db')}`,
        WEB_PORT: '0',
        TELEGRAM_BOT_TOKEN: '123456:wrong-token-wrong-token-wrong',
        TELEGRAM_API_ROOT: fake.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.on('close', r));
    await fake.stop();
    expect(code).toBe(1);
    expect(err).toContain('mixdesk cannot start.');
    expect(err).toContain('TELEGRAM_BOT_TOKEN: the platform refused to connect with it');
    expect(err).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('webhook mode: updates with the secret token are handled, others refused', async () => {
    const fake = await new TelegramFake().start();
    const t = await createTestDatabase('sqlite');
    const studio = await testStudio(t.db);
    const log = pino({ level: 'silent' });
    const telegram = await createTelegramBot({
      token: fake.token,
      apiRoot: fake.url,
      conversation: new Conversation(studio, log),
      outbox: studio.outbox,
      store: studio.store,
      log,
    });
    const web = await startWebServer({
      studio,
      log,
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, 'staging'),
      maxUploadBytes: 2 ** 20,
      maxFileMb: 1,
      telegramWebhook: telegram.webhook('s3cret-token-0123456789'),
    });
    try {
      const update = (id: number) => ({
        update_id: id,
        message: {
          message_id: id,
          date: 0,
          from: fake.user(902, 'Ben'),
          chat: { id: 902, type: 'private' },
          text: '/help',
          entities: [{ type: 'bot_command', offset: 0, length: 5 }],
        },
      });
      const post = (body: unknown, secret?: string) =>
        fetch(`${web.url}/telegram/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
          body: JSON.stringify(body),
        });
      expect((await post(update(1))).status).toBe(401);
      expect((await post(update(2), 'wrong-secret-wrong-secret')).status).toBe(401);
      expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
      expect((await post(update(3), 's3cret-token-0123456789')).status).toBe(200);
      await fake.waitFor((c) => String(c.params.chat_id) === '902' && /What I can do:/.test(String(c.params.text)));
      // An update is a few kilobytes: 2.5 MB sent chunked (no length declared), with the right secret, is refused by its size.
      const piece = new Uint8Array(64 * 1024).fill(0x20);
      const huge = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(piece);
          controller.close();
        },
      });
      const big = await fetch(`${web.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's3cret-token-0123456789' },
        body: huge,
        duplex: 'half',
      } as RequestInit);
      expect(big.status).toBe(413);
      expect(await big.text()).toContain('at most 1,024 KB');
    } finally {
      await web.close();
      await fake.stop();
      await t.drop();
    }
  }, 90_000);
});
