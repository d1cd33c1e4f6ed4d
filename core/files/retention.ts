// Retention: the raw files of finished bookings are removed from storage after a configurable
// number of days. The Upload rows stay (name, checksum, analysis fields) with purgedAt set, so
// the history is intact and a re-run finds nothing more to do.
import type { Db } from '../../db/client.js';
import { finishedStatuses } from '../booking/status.js';
import type { Logger } from '../logger.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { StoredFiles } from './stored-files.js';
import { BookingRepository } from '../booking/booking-repository.js';
import { forgetProcessedBefore } from '../conversation/state.js';

/** A booking is finished when completed or cancelled (a rescheduled one hands its files on). */
const FINISHED = [...finishedStatuses];

export interface RetentionResult {
  purged: number;
  freedBytes: number;
}

export async function purgeExpiredUploads(db: Db, store: ObjectStore, now: Date, keepDays: number, log?: Logger): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  const finished = await new BookingRepository(db).finishedBefore(FINISHED, cutoff);
  const files = new StoredFiles(db);
  const uploads = await files.storedOf(finished);
  let freedBytes = 0;
  for (const u of uploads) {
    // Delete first, then record: a crash in between only means the next run deletes again.
    await store.delete(u.storageKey);
    await files.markPurged(u.id, now);
    freedBytes += Number(u.sizeBytes);
  }
  if (uploads.length) log?.info({ purged: uploads.length, freedBytes, keepDays }, 'retention: raw uploads of finished bookings removed');
  return { purged: uploads.length, freedBytes };
}

/**
 * Forgets processed chat-event ids after `keepDays`: platforms redeliver within minutes or hours,
 * so the table only has to remember recent ones.
 */
export async function pruneProcessedEvents(db: Db, now: Date, keepDays = 30): Promise<number> {
  return forgetProcessedBefore(db, new Date(now.getTime() - keepDays * 86_400_000));
}
