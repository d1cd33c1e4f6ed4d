// The engineer's desk command as `mixdesk desk …` runs it in a terminal, in the studio's language.
import { parseDeskCommand } from '../../core/engineer/commands/index.js';
import { userMessage } from '../../core/errors.js';
import type { Studio } from '../../core/studio.js';
import { inLanguage, studioLanguage } from '../../core/texts.js';

/** Runs `command`; the journey names bookings as the transcript does (MD-REF1), the engineer types the real reference. */
export async function runDesk(studio: Studio, command: string, refs: readonly string[]): Promise<{ typed: string; answer: string }> {
  const words = command.split(/\s+/).map((w) => {
    const n = /^MD-REF(\d+)$/.exec(w)?.[1];
    return n ? (refs[Number(n) - 1] ?? w) : w;
  });
  const answer = await inLanguage(studioLanguage(), async () => {
    try {
      const { action, args } = parseDeskCommand(words);
      return await action.run({ studio, actor: 'engineer:console', args });
    } catch (err) {
      // Refused as `mixdesk desk` refuses (desk-cli.ts): the message, no stack.
      const message = userMessage(err);
      if (message === undefined) throw err;
      return message;
    }
  });
  return { typed: words.join(' '), answer };
}

/** The terminal's answer set in under its command, so it reads as one block apart from the chat's lines. */
export const terminalAnswer = (answer: string): string =>
  answer
    .split('\n')
    .map((l) => `  ${l}`.trimEnd() || '  ')
    .join('\n');
