// The engineers' actions, kept: who (platform account), what (the command), which booking, when,
// and how it ended. Written by the adapters around every engineer command (one place, so no
// command can forget), read back with the booking for the engineer.
import type { Db, Models } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { cleanName } from '../clean-text.js';

export type EngineerAction = Models.EngineerActionModel;

export interface ActionRecord {
  platform: string;
  userId: string;
  action: string;
  reference?: string | null;
  detail?: string | null;
  outcome: 'done' | 'refused' | 'failed';
}

export class EngineerAudit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(a: ActionRecord): Promise<void> {
    await this.db.engineerAction.create({
      data: {
        platform: a.platform,
        userId: a.userId,
        action: a.action.slice(0, 100),
        reference: a.reference ? a.reference.trim().toUpperCase().slice(0, 20) : null,
        detail: a.detail ? cleanName(a.detail).slice(0, 500) : null,
        outcome: a.outcome,
        at: this.clock.now(),
      },
    });
  }

  /** The latest actions on these bookings, newest first. */
  forBookings(references: string[], take = 20): Promise<EngineerAction[]> {
    if (!references.length) return Promise.resolve([]);
    return this.db.engineerAction.findMany({ where: { reference: { in: references } }, orderBy: { at: 'desc' }, take });
  }
}
