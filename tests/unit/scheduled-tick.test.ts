// The service's minute tick: a tick missed while the process was busy or asleep runs once when it
// wakes and is logged; node-cron's own warnings go to our log, never to the console the chat owns.
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleTick } from '../../scheduled-tick.js';

function capturedLog() {
  const lines: { msg: string; tick?: string; missed?: string[] }[] = [];
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]);
        done();
      },
    }),
  );
  return { log, lines };
}

describe('scheduled ticks', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00.500Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs every minute, and once (not once per slot) after the process slept through several', async () => {
    const { log, lines } = capturedLog();
    const console = vi.spyOn(globalThis.console, 'warn');
    const runs: string[] = [];
    const tick = scheduleTick(log, 'reminders', '* * * * *', async () => void runs.push(new Date().toISOString()));
    try {
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toEqual(['2026-12-01T10:01:00.000Z']);
      // The lid is closed for five and a half minutes: the clock moves on, the waiting timer fires late.
      vi.setSystemTime(new Date('2026-12-01T10:06:30.000Z'));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toHaveLength(2);
      const said = lines.find((l) => /missed/.test(l.msg));
      expect(said).toMatchObject({
        tick: 'reminders',
        msg: expect.stringMatching(/tick\(s\) missed while the process was busy or asleep; running it once now/),
      });
      expect(said!.missed!.length).toBeGreaterThanOrEqual(5);
      // And the minute goes on as before.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toHaveLength(3);
      expect(console).not.toHaveBeenCalled();
    } finally {
      tick.stop();
      console.mockRestore();
    }
  });

  it('a run that fails is logged, and the next tick runs again', async () => {
    const { log, lines } = capturedLog();
    let calls = 0;
    const tick = scheduleTick(log, 'retention', '* * * * *', async () => {
      calls++;
      if (calls === 1) throw new Error('database unreachable');
    });
    try {
      await vi.advanceTimersByTimeAsync(60_000);
      expect(lines.find((l) => l.msg === 'scheduled retention failed')).toBeDefined();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(2);
    } finally {
      tick.stop();
    }
  });
});
