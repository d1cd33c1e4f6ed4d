// Alerts for the engineers (a job that failed for good, revision notes, versions waiting for them):
// always logged, and sent through the outbox. One about a booking (its details name the booking)
// goes to that booking's engineer's chats; the rest (a full disk, a data request) to the owner's —
// the studio's ENGINEER_CHAT and a Discord DM to each of DISCORD_ENGINEER_IDS, or the console's
// engineer when nothing is configured — so no note is ever seen by nobody. They are written in the
// studio's language, whoever's action raised them.
import type { Tx } from '../../db/client.js';
import type { Logger } from '../logger.js';
import type { Outbox } from './outbox.js';
import { inLanguage, studioLanguage, t } from '../texts.js';
import type { Button } from '../messages/reply.js';

/** Where the engineer's alerts go: "platform:chat" each, without repeats; console:engineer when none is set. */
export function engineerChats(engineerChat: string | undefined, discordEngineerIds: readonly string[]): string[] {
  const chats = [...(engineerChat ? [engineerChat] : []), ...discordEngineerIds.map((id) => `discord:${id}`)];
  return chats.length ? [...new Set(chats)] : ['console:engineer'];
}

/**
 * Where an alert goes, "platform:chat" each (discord:<engineer user id> is a DM, telegram:<chat id>,
 * console:engineer): the chats of the engineer of the booking `reference` names, or (none) the owner's.
 */
export type AlertRecipients = (reference: string | undefined, tx?: Tx) => Promise<readonly string[]>;

export class EngineerAlerts {
  private readonly recipients: AlertRecipients;

  constructor(
    private readonly outbox: Outbox,
    private readonly log: Logger,
    /** Fixed chats (every alert to them), or who hears of what. */
    recipients: readonly string[] | AlertRecipients,
  ) {
    this.recipients = typeof recipients === 'function' ? recipients : () => Promise.resolve(recipients);
  }

  /**
   * `key` makes the alert single: the same key is sent once to each chat. Inside `tx` it exists only
   * if the transaction commits. `write` gets the platform of the chat it writes for, so a command it
   * names is written as typed there (see deskLine).
   */
  async alert(
    key: string,
    write: (platform: string) => string,
    details: Record<string, unknown> = {},
    tx?: Tx,
    quoted?: readonly string[],
    /** Buttons under the alert where the platform runs them (Discord's engineer buttons). */
    buttons?: (platform: string) => Button[][] | undefined,
  ): Promise<void> {
    this.log.info(
      { alert: key, ...details },
      inLanguage(studioLanguage(), () => write('console')),
    );
    const reference = typeof details.booking === 'string' ? details.booking : undefined;
    for (const [i, chat] of (await this.recipients(reference, tx)).entries()) {
      const sep = chat.indexOf(':');
      const platform = chat.slice(0, sep);
      const text = inLanguage(studioLanguage(), () => write(platform));
      const rows = buttons && inLanguage(studioLanguage(), () => buttons(platform));
      const reply = {
        text: inLanguage(studioLanguage(), () => t('alert', { text })),
        visibility: 'private' as const,
        ...(quoted?.length ? { quoted: [...quoted] } : {}),
        ...(rows ? { buttons: rows } : {}),
      };
      // The first chat keeps the plain key, so an alert recorded before a second chat was added is not sent again.
      await this.outbox.record(i === 0 ? `alert:${key}` : `alert:${key}:${chat}`, platform, chat.slice(sep + 1), reply, tx);
    }
  }
}
