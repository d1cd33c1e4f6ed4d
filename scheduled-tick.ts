// The service's scheduled work (reminders every minute, retention nightly) through node-cron, with
// two things node-cron does not do for us: its warnings go to our log (it writes to the console,
// which the console chat owns), and a tick missed while the process was busy or asleep (a laptop
// lid closed, a stalled host) runs once when it wakes, instead of waiting for the next one.
import cron from 'node-cron';
import type { Logger } from 'pino';

export interface Tick {
  stop(): void;
}

export function scheduleTick(log: Logger, name: string, expression: string, run: () => Promise<void>, options: { timezone?: string } = {}): Tick {
  let running = false;
  let again = false;
  // One run at a time; a run asked for meanwhile (a missed tick) happens once after it.
  const guarded = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run();
    } catch (err) {
      log.error({ err, tick: name }, `scheduled ${name} failed`);
    } finally {
      running = false;
      if (again) {
        again = false;
        void guarded();
      }
    }
  };
  const task = cron.schedule(expression, guarded, {
    name,
    ...(options.timezone ? { timezone: options.timezone } : {}),
    logger: {
      info: (m) => log.info({ tick: name }, m),
      warn: (m) => log.warn({ tick: name }, m),
      error: (m, err) => log.error({ tick: name, err: err ?? m }, typeof m === 'string' ? m : m.message),
      debug: (m) => log.debug({ tick: name }, typeof m === 'string' ? m : m.message),
    },
    suppressMissedWarning: true,
  });
  let catchUp: NodeJS.Immediate | undefined;
  const missed: Date[] = [];
  task.on('execution:missed', (ctx) => {
    missed.push(ctx.date);
    // Several slots missed in one wake-up are reported, and made up for, once.
    catchUp ??= setImmediate(() => {
      catchUp = undefined;
      log.info(
        { tick: name, missed: missed.map((d) => d.toISOString()) },
        `${missed.length} ${name} tick(s) missed while the process was busy or asleep; running it once now`,
      );
      missed.length = 0;
      void guarded();
    });
  });
  return {
    stop: () => {
      if (catchUp) clearImmediate(catchUp);
      void task.stop();
    },
  };
}
