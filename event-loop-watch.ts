// Watches how long the service's thread goes without answering (chats, uploads, /healthz all wait
// on it). Heavy work belongs on the engine's threads; should something still hold this thread up
// past the limit, the log says for how long, the delay's 99th percentile since the last warning
// (perf_hooks' event-loop monitor), and which jobs were running then.
//
// A stall is caught by a short timer that measures how late it fires, rather than by the monitor
// alone: the monitor's first sample after a reset only sets its starting point, so a stall that
// began right after a reset would go unseen.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from 'pino';

const TICK_MS = 50;

export interface EventLoopWatch {
  stop(): void;
}

export function watchEventLoop(o: { log: Logger; warnAfterMs?: number; running: () => unknown }): EventLoopWatch {
  const limit = o.warnAfterMs ?? 200;
  const delays = monitorEventLoopDelay({ resolution: 20 });
  delays.enable();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - last - TICK_MS;
    last = now;
    if (stall <= limit) return;
    o.log.warn(
      { stallMs: Math.round(stall), p99Ms: Math.round(delays.percentile(99) / 1e6), running: o.running() },
      `the service did not answer for ${Math.round(stall)} ms (limit ${limit} ms)`,
    );
    delays.reset();
  }, TICK_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      delays.disable();
    },
  };
}
