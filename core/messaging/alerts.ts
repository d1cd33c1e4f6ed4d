// Alerts for the engineer (a job that failed for good, revision notes): always logged, and sent
// through the outbox to the engineer's chat when one is configured (ENGINEER_CHAT). They are
// written in the studio's language, whoever's action raised them.
import type { Logger } from '../logger.js';
import type { Outbox } from './outbox.js';
import { inLanguage, studioLanguage, t } from '../texts.js';

export class EngineerAlerts {
  constructor(
    private readonly outbox: Outbox,
    private readonly log: Logger,
    /** "platform:chat": discord:<engineer user id> (a DM), telegram:<chat id>, console:engineer. */
    private readonly chat?: string,
  ) {}

  /** `key` makes the alert single: the same key is sent once. */
  async alert(key: string, write: () => string, details: Record<string, unknown> = {}): Promise<void> {
    const text = inLanguage(studioLanguage(), write);
    this.log.info({ alert: key, ...details }, text);
    if (!this.chat) return;
    const sep = this.chat.indexOf(':');
    const reply = { text: inLanguage(studioLanguage(), () => t('alert', { text })), visibility: 'private' as const };
    await this.outbox.record(`alert:${key}`, this.chat.slice(0, sep), this.chat.slice(sep + 1), reply);
  }
}
