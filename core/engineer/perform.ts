// One way to run an engineer's action, whichever door it came through (a Discord slash command or
// button, the terminal's `mixdesk desk`, the dashboard's forms): parse, run, classify, audit. The
// adapters only render what it returns, so no door can forget the audit or word an outcome its own way.
import type { Studio } from '../studio.js';
import type { Logger } from '../logger.js';
import { userMessage } from '../errors.js';
import type { ActionRecord } from './audit.js';
import { parseDeskCommand } from './commands/index.js';

/** A parsed engineer command: the action, its checked arguments, its name ("booking confirm"). */
export type DeskInvocation = ReturnType<typeof parseDeskCommand>;

/** Who acts, and through which door. */
export interface DeskActor {
  /** The door, as the audit trail names it: discord, console, web. */
  platform: string;
  /** The account on that door (a Discord user id; "engineer" at the terminal; the dashboard's signed-in actor). */
  userId: string;
  /** The identity the booking history names ("engineer:discord:<id>"). */
  actor: string;
}

export interface PerformOptions {
  /** Replaces the arguments in the audit (a button says "button"). */
  detail?: string;
  /** Where a lost audit line is told. */
  log?: Logger;
}

/** What came of it: the engineer's answer, and whether the action ran or was refused (a refusal is a sentence for the engineer). */
export interface Performed {
  text: string;
  outcome: Exclude<ActionRecord['outcome'], 'failed'>;
}

/** `performDesk` as a port: what an adapter (Discord, the dashboard) is handed instead of the whole studio. */
export interface DeskPort {
  perform(what: readonly string[] | DeskInvocation, who: DeskActor, o?: PerformOptions): Promise<Performed>;
}

export const deskPort = (studio: Studio): DeskPort => ({ perform: (what, who, o) => performDesk(studio, what, who, o) });

/** The arguments as the audit keeps them: `name=value`, the booking apart. */
const detailOf = (args: DeskInvocation['args']) =>
  Object.entries(args)
    .filter(([k, v]) => k !== 'reference' && v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ') || null;

/**
 * Runs an engineer command — typed words, or one already parsed (a slash command's options) — as
 * `who`, and keeps it in the audit trail however it ends. A refusal (the booking's state, a bad
 * argument) comes back as `refused` with its sentence; words that name no command throw their
 * UserError before anything runs (nothing to audit); a fault is audited as failed and thrown.
 */
export async function performDesk(studio: Studio, what: readonly string[] | DeskInvocation, who: DeskActor, o: PerformOptions = {}): Promise<Performed> {
  const invocation = Array.isArray(what) ? parseDeskCommand(what as readonly string[]) : (what as DeskInvocation);
  let outcome: ActionRecord['outcome'] = 'failed';
  try {
    const text = await invocation.action.run({ studio, actor: who.actor, args: invocation.args });
    outcome = 'done';
    return { text, outcome };
  } catch (err) {
    const message = userMessage(err);
    if (message === undefined) throw err;
    outcome = 'refused';
    return { text: message, outcome };
  } finally {
    const reference = invocation.args.reference;
    await studio.audit
      .record({
        platform: who.platform,
        userId: who.userId,
        action: invocation.name,
        reference: reference === undefined ? null : String(reference),
        detail: o.detail ?? detailOf(invocation.args),
        outcome,
      })
      // The action itself stands; a lost audit line is the operator's to hear of.
      .catch((err: unknown) => o.log?.error({ err }, 'could not record an engineer action'));
  }
}
