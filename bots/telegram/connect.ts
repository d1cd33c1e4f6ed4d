// Reaching Telegram at start-up: a bounded number of tries, each failure logged at warn with what
// happened and when the next try is, so an unreachable Telegram is visible at once and never
// holds up the rest of the service (which starts regardless). A refused token is not retried.
import { GrammyError } from 'grammy';
import type { Logger } from '../../core/logger.js';

export interface ConnectPolicy {
  /** Tries in all. */
  attempts: number;
  /** Wait before the second try; doubles each time, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Injected so tests never wait on the clock. */
  sleep?: (ms: number) => Promise<void>;
}

export const defaultConnectPolicy: ConnectPolicy = { attempts: 6, firstDelayMs: 5_000, maxDelayMs: 60_000 };

export class TelegramTokenRefused extends Error {
  override name = 'TelegramTokenRefused';
}

export class TelegramUnreachable extends Error {
  override name = 'TelegramUnreachable';
}

export async function connectWithRetries(call: () => Promise<void>, log: Logger, p: ConnectPolicy = defaultConnectPolicy): Promise<void> {
  const sleep = p.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new TelegramTokenRefused(`${err.error_code}: ${err.description}`);
      }
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      if (attempt >= p.attempts) throw new TelegramUnreachable(`cannot reach Telegram after ${attempt} tries: ${reason}`);
      const delayMs = Math.min(p.maxDelayMs, p.firstDelayMs * 2 ** (attempt - 1));
      log.warn({ attempt, of: p.attempts }, `cannot reach Telegram: ${reason}, retrying in ${Math.round(delayMs / 1000)} s`);
      await sleep(delayMs);
    }
  }
}
