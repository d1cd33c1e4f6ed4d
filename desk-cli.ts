// `mixdesk desk …`: the engineer's commands from the studio's own terminal, made from the same
// registry as Discord's (core/engineer/commands). Whoever runs it on the studio's machine is the
// studio, so no other check applies; every action is kept in the audit trail as "console".
import { createApp } from './app.js';
import type { Config } from './config.js';
import { deskHelp } from './core/engineer/commands/index.js';
import { performDesk, type Performed } from './core/engineer/perform.js';
import { userMessage } from './core/errors.js';
import { createLogger } from './log.js';
import { InProcessQueue } from './queue/in-process.js';
import { deskDeliver, deskDeliverHelp } from './core/engineer/terminal-deliver.js';

export async function runDeskCommand(config: Config, words: string[], print: (s: string) => void, fail: (s: string) => void): Promise<number> {
  if (!words.length || words[0] === 'help') {
    print(`${deskHelp()}\n  ${deskDeliverHelp()}`);
    return 0;
  }
  const app = await createApp(config, createLogger(config.LOG_LEVEL ?? 'warn'));
  try {
    // With the in-process queue a job (a master, a mixdown) lives in this process: it is done here,
    // before the command returns. With Redis the workers take it.
    const queue = app.studio.queue;
    if (queue instanceof InProcessQueue) await app.studio.jobs.work();
    let done: Performed;
    try {
      const who = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };
      done =
        words[0] === 'deliver'
          ? await deskDeliver(app.studio, words.slice(1), who, { log: app.log })
          : await performDesk(app.studio, words, who, { log: app.log });
    } catch (err) {
      // Words that name no command, or an argument that does not fit it: said, nothing ran.
      const message = userMessage(err);
      if (message === undefined) throw err;
      fail(message);
      return 1;
    }
    if (done.outcome === 'refused') {
      fail(done.text);
      return 1;
    }
    print(done.text);
    if (queue instanceof InProcessQueue) await queue.idle();
    // What the artist is told waits in the outbox: the running service (or a worker) sends it.
    return 0;
  } finally {
    await app.close();
  }
}
