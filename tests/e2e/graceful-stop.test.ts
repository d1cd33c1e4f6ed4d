// A deploy mid-master loses nothing (issue 34.3): the real `mixdesk start` on the embedded
// defaults gets SIGTERM while a master runs, stops in order (no new chat updates or jobs, the
// running master handed back once SHUTDOWN_GRACE_SECONDS passes) and exits 0; started again, it
// makes that version once and the artist gets one delivery.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { makeTrack } from '../helpers/music.js';
import { mixdeskArgs } from '../helpers/run-script.js';
import { freePort } from '../helpers/ports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'stop-test-metrics-token-0123';

interface Service {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  type: (line: string) => void;
}

function start(env: Record<string, string>, args: string[] = []): Service {
  const child = spawn(process.execPath, mixdeskArgs('start', ...args), {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err, type: (line) => void child.stdin!.write(`${line}\n`) };
}

it('SIGTERM mid-master exits 0 and hands the master back; the next start makes it once and the artist gets one delivery', async () => {
  // Six minutes of audio: the master runs for seconds, long enough to be caught running.
  const mix = path.join(dir, 'long mix.wav');
  writeFileSync(mix, await encodeAudio(makeTrack(360, 44100), 'wav16'));
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'stop.db')}`,
    DATA_DIR: path.join(dir, 'data'),
    CONSOLE_CHAT: 'on',
    CONSOLE_USER: 'mara',
    WEB_PORT: String(port),
    METRICS_TOKEN: TOKEN,
    SHUTDOWN_GRACE_SECONDS: '0',
    LOG_LEVEL: 'info',
  };
  const masterRunning = async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    return /^mixdesk_jobs_running_here\{kind="master"\} 1$/m.test(text);
  };

  const first = start(env);
  try {
    for (const line of ['/book master', '3', '1']) first.type(line);
    await vi.waitFor(() => expect(first.out()).toMatch(/Booked! Your reference is MD-/), { timeout: 60_000, interval: 100 });
    first.type(`/upload ${mix}`);
    await vi.waitFor(async () => expect(await masterRunning()).toBe(true), { timeout: 120_000, interval: 100 });
    first.child.kill('SIGTERM');
    const [code] = (await once(first.child, 'exit')) as [number | null];
    expect(code, first.err()).toBe(0);
  } finally {
    if (first.child.exitCode === null) first.child.kill('SIGKILL');
  }
  const ref = /Booked! Your reference is (MD-[2-9A-Z]{6})\./.exec(first.out())![1]!;
  expect(first.err()).toMatch(/stopping: letting the running jobs finish/);
  expect(first.err()).toMatch(/stopping: jobs still running after the grace are handed back/);
  expect(first.out()).not.toMatch(/is ready — version/);

  const second = start(env);
  try {
    await vi.waitFor(() => expect(second.out()).toMatch(new RegExp(`Your master for ${ref} is ready — version 1\\.`)), { timeout: 180_000, interval: 200 });
    second.type('/status');
    await vi.waitFor(() => expect(second.out()).toMatch(/Latest delivery: version 1/), { timeout: 60_000, interval: 100 });
    second.type('/quit');
    const [code] = (await once(second.child, 'exit')) as [number | null];
    expect(code, second.err()).toBe(0);
  } finally {
    if (second.child.exitCode === null) second.child.kill('SIGKILL');
  }
  const all = first.out() + second.out();
  expect(all.match(/Your master for MD-[2-9A-Z]{6} is ready/g)).toHaveLength(1);
  expect(all).not.toMatch(/version 2/);
}, 400_000);

it('a second SIGTERM while the first waits for a running master ends the process at once', async () => {
  const mix = path.join(dir, 'long mix 2.wav');
  writeFileSync(mix, await encodeAudio(makeTrack(360, 44100), 'wav16'));
  const port = await freePort();
  const service = start({
    DATABASE_URL: `file:${path.join(dir, 'twice.db')}`,
    DATA_DIR: path.join(dir, 'data-twice'),
    CONSOLE_CHAT: 'on',
    CONSOLE_USER: 'mara',
    WEB_PORT: String(port),
    METRICS_TOKEN: TOKEN,
    SHUTDOWN_GRACE_SECONDS: '600',
    LOG_LEVEL: 'info',
  });
  try {
    for (const line of ['/book master', '3', '1']) service.type(line);
    await vi.waitFor(() => expect(service.out()).toMatch(/Booked! Your reference is MD-/), { timeout: 60_000, interval: 100 });
    service.type(`/upload ${mix}`);
    await vi.waitFor(
      async () => {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
        expect(text).toMatch(/^mixdesk_jobs_running_here\{kind="master"\} 1$/m);
      },
      { timeout: 120_000, interval: 100 },
    );
    service.child.kill('SIGTERM');
    await vi.waitFor(() => expect(service.err()).toMatch(/stopping: letting the running jobs finish/), { timeout: 30_000, interval: 50 });
    service.child.kill('SIGTERM');
    const [code] = (await once(service.child, 'exit')) as [number | null];
    expect(code).toBe(130);
    expect(service.err()).toMatch(/a second stop signal: exiting at once/);
    expect(service.out()).not.toMatch(/is ready — version/);
  } finally {
    if (service.child.exitCode === null) service.child.kill('SIGKILL');
  }
}, 300_000);

it('mixdesk start --no-bots runs the web server and the jobs only: no chat is opened or reached, and it is ready', async () => {
  const port = await freePort();
  const service = start(
    {
      DATABASE_URL: `file:${path.join(dir, 'web-only.db')}`,
      DATA_DIR: path.join(dir, 'data-web-only'),
      WEB_PORT: String(port),
      // A bot token that would be tried (and fail: nothing listens there) if the bots ran.
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
    },
    ['--no-bots'],
  );
  try {
    const ready = await vi.waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status).toBe(200);
        return (await res.json()) as { parts: Record<string, string> };
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(Object.keys(ready.parts).filter((p) => p.startsWith('bot'))).toEqual([]);
    service.child.kill('SIGTERM');
    const [code] = (await once(service.child, 'exit')) as [number | null];
    expect(code, service.err()).toBe(0);
    expect(service.err()).toMatch(/started with --no-bots: the web server and the jobs only/);
    expect(service.err()).not.toMatch(/telegram/i);
    expect(service.out()).not.toMatch(/console chat/);
  } finally {
    if (service.child.exitCode === null) service.child.kill('SIGKILL');
  }
}, 120_000);
