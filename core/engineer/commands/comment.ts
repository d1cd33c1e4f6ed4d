// /comment: the artist's comments at moments of their versions — listed with their moments,
// answered (the artist reads the answer on the listening page and in their chat), resolved.
import { t } from '../../texts.js';
import type { DeskAction, DeskArg } from './types.js';
import { bookingArg, num, str, text, type DeskCommand, type DeskRun } from './types.js';
import { commentLine } from '../../listening/comments.js';

const numberArg: DeskArg = { name: 'number', type: 'integer', required: true, min: 1, description: () => t('discord-option-comment-number') };

const whose = async (c: DeskRun) => c.studio.desk.booking(text(c, 'reference'));

/** Marks a comment resolved, or open again. */
const marking = (name: 'resolve' | 'reopen', resolved: boolean): DeskAction => ({
  name,
  description: () => t(resolved ? 'discord-cmd-comment-resolve' : 'discord-cmd-comment-reopen'),
  args: [bookingArg, numberArg],
  run: async (c) => {
    const b = await whose(c);
    const number = num(c, 'number')!;
    await c.studio.comments.resolve(b, number, resolved);
    return t(resolved ? 'desk-comment-resolved' : 'desk-comment-reopened', { number, ref: b.reference });
  },
});

export const comment: DeskCommand = {
  name: 'comment',
  description: () => t('discord-cmd-comment'),
  actions: [
    {
      name: 'list',
      description: () => t('discord-cmd-comment-list'),
      args: [bookingArg],
      run: async (c) => {
        const b = await whose(c);
        const comments = await c.studio.comments.forEngineer(b.id);
        if (!comments.length) return t('desk-comments-none', { ref: b.reference });
        return [
          t('desk-comments-title', { ref: b.reference, client: b.client.displayName }),
          ...comments.flatMap((m) => [
            `• ${t('desk-comment-entry', { number: m.number, line: commentLine(m), state: t(m.status === 'resolved' ? 'comment-state-resolved' : 'comment-state-open') })}${m.inRevision ? ` · ${t('comment-in-revision')}` : ''}`,
            ...(m.answer ? [`  ${t('desk-comment-answer-line', { answer: m.answer })}`] : []),
          ]),
        ].join('\n');
      },
    },
    {
      name: 'answer',
      description: () => t('discord-cmd-comment-answer'),
      args: [bookingArg, numberArg, str('text', () => t('discord-option-comment-text'))],
      run: async (c) => {
        const b = await whose(c);
        const number = num(c, 'number')!;
        await c.studio.comments.answer(b, number, text(c, 'text'), c.actor);
        return t('desk-comment-answered', { number, ref: b.reference, client: b.client.displayName });
      },
    },
    marking('resolve', true),
    marking('reopen', false),
  ],
};
