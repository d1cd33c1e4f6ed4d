// /session start|end: a session begins (a virtual one sends the artist the SonoBus keycode) or
// ends, optionally delivering the version prepared in it.
import { t } from '../../texts.js';
import { bookingArg, optional, text, type DeskCommand } from './types.js';

export const session: DeskCommand = {
  name: 'session',
  description: () => t('discord-cmd-session'),
  actions: [
    {
      name: 'start',
      description: () => t('discord-cmd-session-start'),
      args: [bookingArg],
      async run(c) {
        await c.studio.staff.assertTheirs(c.actor, text(c, 'reference'));
        const started = await c.studio.desk.startSession(text(c, 'reference'), c.actor);
        const k = started.keycode;
        // The engineer joins the same group: their side of the keycode, in their own answer only.
        return k ? `${started.text}\n${t('desk-session-your-side', { group: k.group, password: k.password, link: k.link })}` : started.text;
      },
    },
    {
      name: 'end',
      description: () => t('discord-cmd-session-end'),
      args: [
        bookingArg,
        {
          name: 'deliver',
          type: 'string',
          description: () => t('discord-cmd-session-end-deliver'),
          choices: () => [
            { name: t('desk-choice-deliver-newest'), value: 'newest' },
            { name: t('desk-choice-deliver-later'), value: 'later' },
          ],
        },
      ],
      run: (c) => c.studio.desk.endSession(text(c, 'reference'), c.actor, optional(c, 'deliver') === 'newest'),
    },
    { name: 'notes', description: () => t('discord-cmd-session-notes'), args: [bookingArg], run: (c) => c.studio.desk.sessionNotes(text(c, 'reference')) },
  ],
};
