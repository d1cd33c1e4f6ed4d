// The real `mixdesk start` process, driven through stdin as a newcomer would type.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { runScript } from '../helpers/run-script.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mixdesk(lines: string[], env: Record<string, string> = {}) {
  const settings = {
    DATABASE_URL: `file:${path.join(dir, 'console.db')}`,
    CONSOLE_USER: 'newcomer',
    // Open every day, so the test does not depend on which weekday it runs.
    STUDIO_HOURS: 'mon-sun 08:00-22:00',
    BOOKING_MIN_NOTICE_HOURS: '1',
    WEB_PORT: '0',
  };
  return runScript(['cli.ts', 'start'], { ...settings, ...env }, lines.map((l) => `${l}\n`).join(''));
}

describe('start-up that never hangs silently', () => {
  it('with its web port taken and Telegram unreachable, it says so in one line each and the console chat still works', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r())); // nothing listens there now: connections are refused
    try {
      const r = await mixdesk(['/help', '/quit'], {
        WEB_PORT: String((taken.address() as { port: number }).port),
        CONSOLE_CHAT: 'on',
        TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}`,
        DATABASE_URL: `file:${path.join(dir, 'startup.db')}`,
      });
      const all = `${r.out}\n${r.err}`;
      expect(r.code, all).toBe(0);
      expect(all).toMatch(/What I can do:/);
      expect(all).toMatch(
        /web server not started: 127\.0\.0\.1:\d+ is already in use by another program \(set WEB_PORT\); upload and download links are unavailable/,
      );
      expect(all).toMatch(/cannot reach Telegram: .*, retrying in 5 s/);
      expect(all).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    } finally {
      taken.close();
    }
  }, 60_000);
});

describe('console chat (mixdesk start)', () => {
  it('a newcomer books a session end to end, even across a restart in the middle', async () => {
    const first = await mixdesk(['/help', '/book', '2', '2', '1']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('console chat as "newcomer"');
    expect(first.out).toMatch(/\/book — book mixing or mastering/);
    expect(first.out).toMatch(/1\) Mixing — £250\n {2}2\) Mastering — £60\n {2}3\) Mixing \+ mastering — £290/);
    expect(first.out).toMatch(/Free start times on/);

    // A new process: the dialog continues where it stopped.
    const second = await mixdesk(['1', '1', '/mybookings', '/status', '/quit', '/help']);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/We were in the middle of something:\nFree start times on/);
    expect(second.out).toMatch(/Please check your booking:\n• Mastering, virtual session/);
    const ref = /Booked! Your reference is (MD-[2-9A-Z]{6})\./.exec(second.out)?.[1];
    expect(ref, second.out).toBeDefined();
    expect(second.out).toMatch(/SonoBus keycode/);
    expect(second.out.split(ref!).length).toBeGreaterThan(3); // in the confirmation, /mybookings and /status
    // /quit ends the chat: the /help after it is never answered.
    expect(second.out.trimEnd().endsWith('Bye.')).toBe(true);
    expect(second.out.match(/What I can do:/g)).toBeNull();
  });

  it('a booked artist sends a mix with /upload and the studio keeps it', async () => {
    const { writeFileSync } = await import('node:fs');
    const { encodeAudio } = await import('../../engine/io/index.js');
    const { makeTrack } = await import('../helpers/music.js');
    const mix = path.join(dir, 'my mix.wav');
    writeFileSync(mix, await encodeAudio(makeTrack(3), 'wav24'));
    const r = await mixdesk(['/book master', '3', '1', `/upload ${mix}`, `/upload ${mix}`], { CONSOLE_USER: 'uploader', DATA_DIR: dir });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Received my mix\.wav for MD-[2-9A-Z]{6} \(Mastering\) as your mix\./);
    expect(r.out).toMatch(/I already have my mix\.wav/);
  });

  it('bad input gets clear messages', async () => {
    const r = await mixdesk(['/teleport', 'bonjour', '/book', '9', '/cancel', '/cancel MD-ZZZZZZ']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("I don't know /teleport. /help lists what I can do.");
    expect(r.out).toContain("I didn't catch that.");
    expect(r.out).toContain('There are 3 choices here: type a number from 1 to 3, or /cancel to stop.');
    expect(r.out).toContain('Stopped /book; nothing was changed.');
    expect(r.out).toContain('You have no booking MD-ZZZZZZ.');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('with LOG_FILE the log goes to the file, and the chat on stdout has none of it', async () => {
    const logFile = path.join(dir, 'logs', 'mixdesk.log');
    const r = await mixdesk(['/help', '/quit'], { LOG_FILE: logFile, LOG_LEVEL: 'info', DATABASE_URL: `file:${path.join(dir, 'logfile.db')}` });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/What I can do:/);
    expect(r.err).toBe(`mixdesk: the log goes to ${logFile} while the console chat runs.\n`);
    expect(`${r.out}${r.err}`).not.toMatch(/mixdesk ready|"level"/);
    expect(readFileSync(logFile, 'utf8')).toMatch(/"msg":"mixdesk ready"/);
  });

  it('malformed configuration stops start-up with a message naming the variable, no stack trace', async () => {
    const r = await mixdesk([], { STUDIO_TIMEZONE: 'Europe/Atlantis', BOOKING_BUFFER_MINUTES: 'lots' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('mixdesk cannot start.');
    expect(r.err).toContain('STUDIO_TIMEZONE="Europe/Atlantis": expected an IANA time zone');
    expect(r.err).toContain('BOOKING_BUFFER_MINUTES="lots": expected a whole number from 0 to 240');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('refuses settings this build cannot serve instead of pretending', async () => {
    const r = await mixdesk([], { SERVICE_RUNS_JOBS: 'false' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('SERVICE_RUNS_JOBS=false with QUEUE_DRIVER=inprocess: nothing would ever master or remind');
  });

  it('S3 storage needs its bucket', async () => {
    const r = await mixdesk([], { STORAGE_DRIVER: 's3' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('S3_BUCKET=(unset): required when STORAGE_DRIVER=s3');
  });
});

describe('the whole loop in the console on embedded defaults', () => {
  it('book mastering, /upload mix.wav, receive the master and report, /revise louder, receive version 2', async () => {
    const { writeFileSync, existsSync } = await import('node:fs');
    const { encodeAudio } = await import('../../engine/io/index.js');
    const { makeTrack } = await import('../helpers/music.js');
    const mix = path.join(dir, 'mix.wav');
    writeFileSync(mix, await encodeAudio(makeTrack(10), 'wav24'));
    const child = spawn(process.execPath, mixdeskArgs('start'), {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: `file:${path.join(dir, 'loop.db')}`,
        DATA_DIR: path.join(dir, 'loop'),
        CONSOLE_USER: 'looper',
        STUDIO_HOURS: 'mon-sun 08:00-22:00',
        BOOKING_MIN_NOTICE_HOURS: '1',
        WEB_PORT: '0',
        ENGINEER_CHAT: 'console:engineer',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const until = async (re: RegExp) => {
      for (let i = 0; i < 600 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out, err).toMatch(re);
    };
    try {
      child.stdin.write('/book master\n3\n1\n');
      await until(/Booked! Your reference is (MD-[2-9A-Z]{6})/);
      child.stdin.write(`/upload ${mix}\n`);
      // The time it should take, said as a first estimate (nothing mastered here yet), not "a few minutes".
      await until(/Mastering mix\.wav now; it should take about \d+ seconds \(a first estimate: nothing has been mastered here yet\)\./);
      await until(/is ready — version 1\./);
      await until(/Listen and compare: \S+\/listen\/[\w-]{22}\.[\w-]{43}/);
      // The progress message moves on in the terminal too: its later steps are printed as they come.
      await until(/✅ Master version 1 of MD-[2-9A-Z]{6} is ready\./);
      // The MP3 preview follows the master in its own message.
      await until(/🎧 An MP3 preview of version 1 of MD-[2-9A-Z]{6}, to listen on the go\.\n {2}file: \S+preview\S+\.mp3/);
      const paths = (v: number) => [...out.matchAll(new RegExp(`(?:picture|file): (\\S+/v${v}/\\S+)`, 'g'))].map((m) => m[1]!);
      expect(paths(1).map((p) => path.basename(p))).toEqual([
        'report-mix_-_master_v1_report.png',
        'master-mix_-_master_v1.wav',
        'preview-mix_-_master_v1_preview_.mp3',
      ]);
      expect(paths(1).every((p) => existsSync(p))).toBe(true);
      child.stdin.write('/revise louder\n');
      await until(/Revision 1 of MD-[2-9A-Z]{6} started \(free; 1 free revision left after it\): louder\. Making version 2 now/);
      await until(/✅ Master version 2 of MD-[2-9A-Z]{6} is ready\./);
      await until(/\[to the engineer\] 🔔 Revision 1 \(free\)/);
      await until(/is ready — version 2\.\n.*target -13 LUFS/);
      expect(paths(2).every((p) => existsSync(p))).toBe(true);
      child.stdin.write('/status\n');
      await until(/Revisions: 1 asked for, 1 free left/);
      child.stdin.end('/quit\n');
      expect(await new Promise((r) => child.on('close', r))).toBe(0);
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      child.kill();
    }
  }, 90_000);
});

describe('upload links from the console', () => {
  it('/uploadlink gives a private link that the running web server serves', async () => {
    const child = spawn(process.execPath, mixdeskArgs('start'), {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: `file:${path.join(dir, 'links.db')}`,
        DATA_DIR: dir,
        CONSOLE_USER: 'linker',
        STUDIO_HOURS: 'mon-sun 08:00-22:00',
        WEB_PORT: '0',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('/book master\n3\n1\n/uploadlink\n');
    const url = await new Promise<string>((resolve, reject) => {
      // A bound on waiting, not a timing: a start on a machine with both cores busy took over 20 s.
      const timer = setTimeout(() => reject(new Error(`no link in:\n${out}`)), 80_000);
      const check = setInterval(() => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/u\/[\w.-]+)/.exec(out);
        if (m) {
          clearInterval(check);
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }, 100);
    });
    expect(out).toMatch(/Your private upload link for MD-[2-9A-Z]{6}, valid until/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/files for MD-[2-9A-Z]{6}/);
    child.stdin.end('/quit\n');
    await new Promise((r) => child.on('close', r));
  });
});

describe('messages from the outbox', () => {
  it('a message recorded for this console (by any instance) is printed while the chat is open', async () => {
    const dbUrl = `file:${path.join(dir, 'outbox.db')}`;
    const child = spawn(process.execPath, mixdeskArgs('start'), {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbUrl, DATA_DIR: dir, CONSOLE_USER: 'notified', WEB_PORT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = (re: RegExp, ms = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const end = Date.now() + ms;
        const tick = setInterval(() => {
          if (re.test(out)) {
            clearInterval(tick);
            resolve();
          } else if (Date.now() > end) {
            clearInterval(tick);
            reject(new Error(`not seen ${re} in:\n${out}`));
          }
        }, 50);
      });
    await waitFor(/console chat as "notified"/);
    const { openDatabase } = await import('../../db/client.js');
    const { Outbox } = await import('../../core/messaging/outbox.js');
    const { systemClock } = await import('../../core/clock.js');
    const db = await openDatabase(dbUrl);
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const outbox = new Outbox(db, systemClock, silent);
    await outbox.record('delivery:test-1', 'console', 'console:notified', {
      text: 'Your master of mix.wav is ready (version 1).',
    });
    await waitFor(/Your master of mix\.wav is ready \(version 1\)\./);
    // A progress message's next steps reach the terminal too (a terminal cannot edit a line: it prints the new one).
    await outbox.progress('progress:test-2', 'console', 'console:notified', { text: '⏳ Master version 2 of MD-TEST22: analysing…' });
    await waitFor(/Master version 2 of MD-TEST22: analysing…/);
    await outbox.progress('progress:test-2', 'console', 'console:notified', { text: '⏳ Master version 2 of MD-TEST22: limiting…' });
    await waitFor(/Master version 2 of MD-TEST22: limiting…/);
    await db.$disconnect();
    child.stdin.end('/quit\n');
    await new Promise((r) => child.on('close', r));
    expect(out.match(/Your master of mix\.wav is ready/g)).toHaveLength(1);
  });
});
