// `mixdesk desk …`: the engineer's commands from the studio's own terminal, made from the same
// registry as Discord's (core/engineer/commands). Whoever runs it on the studio's machine is the
// studio, so no other check applies; every action is kept in the audit trail as "console".
import { createApp } from './app.js';
import type { Config } from './config.js';
import { deskHelp, parseDeskCommand } from './core/engineer/commands/index.js';
import { userMessage } from './core/errors.js';
import { createLogger } from './log.js';
import { InProcessQueue } from './queue/in-process.js';

export async function runDeskCommand(config: Config, words: string[], print: (s: string) => void, fail: (s: string) => void): Promise<number> {
  if (!words.length || words[0] === 'help') {
    print(deskHelp());
    return 0;
  }
  const app = await createApp(config, createLogger(config.LOG_LEVEL ?? 'warn'));
  let outcome: 'done' | 'refused' | 'failed' = 'failed';
  let invocation: ReturnType<typeof parseDeskCommand> | undefined;
  try {
    invocation = parseDeskCommand(words);
    // With the in-process queue a job (a master, a mixdown) lives in this process: it is done here,
    // before the command returns. With Redis the workers take it.
    const queue = app.studio.queue;
    if (queue instanceof InProcessQueue) await app.studio.jobs.work();
    print(await invocation.action.run({ studio: app.studio, actor: 'engineer:console', args: invocation.args }));
    if (queue instanceof InProcessQueue) await queue.idle();
    // What the artist is told waits in the outbox: the running service (or a worker) sends it.
    outcome = 'done';
    return 0;
  } catch (err) {
    const message = userMessage(err);
    if (message === undefined) throw err;
    outcome = 'refused';
    fail(message);
    return 1;
  } finally {
    if (invocation) {
      const reference = invocation.args.reference;
      const detail = Object.entries(invocation.args)
        .filter(([k, v]) => k !== 'reference' && v !== undefined)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      await app.studio.audit
        .record({
          platform: 'console',
          userId: 'engineer',
          action: invocation.name,
          reference: reference === undefined ? null : String(reference),
          detail: detail || null,
          outcome,
        })
        .catch(() => undefined);
    }
    await app.close();
  }
}
