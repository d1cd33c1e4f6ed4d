// What the master job, the mixdown job and the engineer's own deliveries share: the services they
// work with, and the one way a version is committed — its files, the booking's status, the
// revision it answers and the message to the artist, in one transaction that only the first
// finisher of a version gets to run (so a retried or duplicated job never delivers twice).
import type { Db, Models, Tx } from '../../db/client.js';
import type { VersionFile, Versions } from './versions.js';
import type { StoredFiles } from '../files/stored-files.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import type { Clock } from '../clock.js';
import type { Reply, ReplyFile } from '../conversation/types.js';
import type { DownloadLinks } from '../files/download-links.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import { formatMoney } from '../catalog.js';

export { versionKinds, type VersionKind } from './versions.js';

export interface PipelineDeps {
  db: Db;
  versions: Versions;
  files: StoredFiles;
  store: ObjectStore;
  queue: JobQueue;
  outbox: Outbox;
  bookings: BookingService;
  downloads: DownloadLinks;
  alerts: EngineerAlerts;
  clock: Clock;
  log: Logger;
}

export type StoredFile = VersionFile;

export interface Commit {
  deliveryId: string;
  booking: BookingWithService;
  files: StoredFile[];
  actor: string;
  /** Columns of the delivery set as it becomes ready. */
  ready: Partial<Pick<Models.DeliveryModel, 'sourceUploadId' | 'reportKey' | 'reportText' | 'settings'>>;
  /** The revision this version answers; otherwise the booking's open one, if any. */
  revisionId?: string;
  /** The message, given the free revisions left. */
  reply(freeLeft: number): Reply;
}

/** Commits a prepared version; false when another finisher already did. */
export async function commitDelivery(d: PipelineDeps, c: Commit): Promise<boolean> {
  return d.db.$transaction(async (tx) => {
    if (!(await d.versions.commitIn(tx, c.deliveryId, c.files, c.ready, d.clock.now()))) return false;
    // The booking walks to delivered from wherever the work left it (through the work, never through a confirmation).
    const current = await d.bookings.currentIn(tx, c.booking.id);
    await d.bookings.advanceIn(tx, current, 'delivered', c.actor, { via: ['in-progress'] });
    const revision =
      c.revisionId ??
      (
        await tx.revision.findFirst({
          where: { bookingId: c.booking.id, status: { in: ['requested', 'in-progress'] }, deliveryId: null },
          orderBy: { number: 'desc' },
        })
      )?.id;
    if (revision) await tx.revision.update({ where: { id: revision }, data: { status: 'resolved', resolvedAt: d.clock.now(), deliveryId: c.deliveryId } });
    const left = await freeRevisionsLeft(tx, c.booking);
    await d.outbox.toArtist(`delivery:${c.deliveryId}`, c.booking, () => c.reply(left), tx);
    return true;
  });
}

const renderTexts: Record<string, () => string> = {
  master: () => t('render-master'),
  full: () => t('render-full'),
  instrumental: () => t('render-instrumental'),
  acappella: () => t('render-acappella'),
};

/** A render's name ("full mix", "a cappella") in the reader's language, read when the message is written. */
export const renderLabel = (kind: string): string => renderTexts[kind]?.() ?? kind;

/** A stored file as the artist gets it: streamed by the adapter, or by its signed link. */
export function replyFile(d: PipelineDeps, f: StoredFile): ReplyFile {
  const url = d.downloads.url(f.storageKey, f.fileName);
  return {
    name: f.fileName,
    storageKey: f.storageKey,
    sizeBytes: Number(f.sizeBytes),
    ...(url ? { url } : {}),
    kind: f.kind === 'report' || /\.(png|jpe?g)$/i.test(f.fileName) ? 'image' : 'audio',
  };
}

/** Free revisions the booking has left (each delivery message says so). */
export async function freeRevisionsLeft(db: Tx, booking: { id: string; includedRevisions: number }): Promise<number> {
  const used = await db.revision.count({ where: { bookingId: booking.id, paid: false } });
  return Math.max(0, booking.includedRevisions - used);
}

/** The last line of a delivery: free revisions left and how to ask, or what a further one costs. */
export function revisionsLine(left: number, booking: BookingWithService, howToAsk: string): string {
  return left > 0
    ? t('revisions-left', { count: left, how: howToAsk })
    : t('revisions-used', { price: formatMoney(booking.service.revisionPriceCents, booking.currency) });
}

export interface Failure {
  bookingId: string;
  version: number;
  /** Names the messages' keys (master-failed:…, mixdown-failed:…), so each is sent once. */
  job: 'master' | 'mixdown';
  error: Error;
  attempts: number;
  /** The artist's message; `reason` is " (the audio problem)" for audio problems, else empty. */
  artist(reference: string, reason: string): string;
  alert(reference: string): string;
  /** The final text of the version's progress message, if it has one. */
  progress?(reference: string): string;
}

/** A job's last try failed: the version is marked failed, the artist told plainly, the engineer alerted. */
export async function failVersion(d: PipelineDeps, f: Failure): Promise<void> {
  const booking = await d.db.booking.findUnique({ where: { id: f.bookingId } });
  const delivery = await d.versions.find(f.bookingId, f.version);
  if (!booking || !delivery || delivery.status === 'ready') return;
  await d.versions.fail(delivery.id, f.error.message);
  const progress = f.progress;
  if (progress) await d.outbox.progressToArtist(`progress:${delivery.id}`, booking, () => ({ text: progress(booking.reference), visibility: 'private' }));
  // Audio problems are the artist's to know (a silent or unreadable file); anything else is ours.
  const reason = f.error.name === 'AudioFileError' ? ` (${f.error.message})` : '';
  await d.outbox.toArtist(`${f.job}-failed:${delivery.id}`, booking, () => ({ text: f.artist(booking.reference, reason), visibility: 'private' }));
  await d.alerts.alert(`${f.job}-failed:${delivery.id}`, () => f.alert(booking.reference), { booking: booking.reference, version: f.version });
}
