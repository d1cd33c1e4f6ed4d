// The Telegram error boundary never throws itself, whatever the failed update lacked.
import type { BotError, Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { errorBoundary } from '../../bots/telegram/bot.js';

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: () => undefined,
      debug: () => undefined,
      error: (_o: object, m?: string) => void lines.push(`error ${m}`),
      warn: (_o: object, m?: string) => void lines.push(`warn ${m}`),
    },
  };
}

const failed = (ctx: Partial<Context>) => ({ error: new Error('boom'), ctx: { update: { update_id: 7 }, ...ctx } }) as unknown as BotError<Context>;
const noChat = () => {
  throw new Error('Missing information for API call to sendMessage');
};

describe('the Telegram error boundary', () => {
  it('answers the callback query of a button that has no message (inline mode), and logs', async () => {
    const r = recorder();
    const answered: unknown[] = [];
    await errorBoundary(
      failed({
        callbackQuery: { id: 'q' } as Context['callbackQuery'],
        answerCallbackQuery: (async (o: unknown) => answered.push(o) > 0) as unknown as Context['answerCallbackQuery'],
        reply: noChat as Context['reply'],
      }),
      r.log,
    );
    expect(answered).toEqual([{ text: expect.stringMatching(/something went wrong on our side/) }]);
    expect(r.lines).toEqual(['error telegram update failed']);
  });

  it('does not throw when even telling the artist fails; says so in the log', async () => {
    const r = recorder();
    await expect(
      errorBoundary(
        failed({
          chat: { id: 1, type: 'private' } as Context['chat'],
          reply: (async () => {
            throw new Error('403 blocked');
          }) as Context['reply'],
        }),
        r.log,
      ),
    ).resolves.toBeUndefined();
    await expect(errorBoundary(failed({ reply: noChat as Context['reply'] }), r.log)).resolves.toBeUndefined();
    expect(r.lines).toEqual(['error telegram update failed', 'warn could not tell the artist that their update failed', 'error telegram update failed']);
  });
});
