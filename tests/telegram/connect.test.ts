// Reaching Telegram at start-up: bounded tries, each failure logged with when the next one is;
// a refused token is said at once. No clock: the waits are recorded, not slept.
import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { connectWithRetries, TelegramTokenRefused, TelegramUnreachable } from '../../bots/telegram/connect.js';

function recorder() {
  const warnings: string[] = [];
  const waits: number[] = [];
  const log = { info: () => undefined, error: () => undefined, debug: () => undefined, warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') };
  return { warnings, waits, log, sleep: async (ms: number) => void waits.push(ms) };
}

describe('connecting to Telegram', () => {
  it('retries a bounded number of times, saying why and when, then gives up', async () => {
    const r = recorder();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('Network request for getMe failed! (connect ECONNREFUSED 127.0.0.1:9)');
    };
    await expect(connectWithRetries(failing, r.log, { attempts: 4, firstDelayMs: 5000, maxDelayMs: 12_000, sleep: r.sleep })).rejects.toBeInstanceOf(
      TelegramUnreachable,
    );
    expect(calls).toBe(4);
    expect(r.waits).toEqual([5000, 10_000, 12_000]);
    expect(r.warnings[0]).toBe('cannot reach Telegram: Network request for getMe failed! (connect ECONNREFUSED 127.0.0.1:9), retrying in 5 s');
    expect(r.warnings).toHaveLength(3);
  });

  it('succeeds once Telegram answers', async () => {
    const r = recorder();
    let calls = 0;
    await connectWithRetries(
      async () => {
        if (++calls < 3) throw new Error('timeout');
      },
      r.log,
      { attempts: 5, firstDelayMs: 1, maxDelayMs: 1, sleep: r.sleep },
    );
    expect(calls).toBe(3);
  });

  it('a refused token is not retried', async () => {
    const r = recorder();
    let calls = 0;
    const refused = async () => {
      calls++;
      throw new GrammyError('Call to getMe failed!', { ok: false, error_code: 401, description: 'Unauthorized' }, 'getMe', {});
    };
    await expect(connectWithRetries(refused, r.log, { attempts: 5, firstDelayMs: 1, maxDelayMs: 1, sleep: r.sleep })).rejects.toBeInstanceOf(
      TelegramTokenRefused,
    );
    expect(calls).toBe(1);
  });
});
