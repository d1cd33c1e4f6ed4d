// What the master job, the mixdown job and the engineer's own deliveries share: the services they
// work with, and the one way a version is committed — its files, the booking's status, the
// revision it answers and the message to the artist, in one transaction that only the first
// finisher of a version gets to run (so a retried or duplicated job never delivers twice).
import { AudioFileError } from '../../engine/index.js';
import { audioProblemInWords } from '../files/audio-problems.js';
import type { Db, Models, Tx } from '../../db/client.js';
import type { VersionFile, Versions } from './versions.js';
import type { StoredFiles } from '../files/stored-files.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { safeFileName, type ObjectStore } from '../../storage/object-store.js';
import { createReadStream } from 'node:fs';
import { contentTypeOf } from '../../engine/formats.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import type { Clock } from '../clock.js';
import type { DownloadLinks } from '../files/download-links.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import { deskLine } from '../engineer/desk-line.js';
import type { BookingAlerts } from '../booking/booking-alerts.js';
import { UserError } from '../errors.js';
import { holdFor, type Hold, type ReviewPolicy } from './holds.js';
import { factsLine, parseFacts, versionMessage, type VersionFacts } from './version-messages.js';
import type { Balances } from '../payments/balance.js';
import type { ListeningLinks } from '../listening/links.js';
import { freeRevisionsLeft, RevisionRepository } from './revision-repository.js';

export { versionKinds, type VersionKind } from './versions.js';
export { renderLabel, replyFile, revisionsLine } from './version-messages.js';

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
  /** Which versions the engineer reviews before the artist gets them (DELIVERY_REVIEW). */
  review: ReviewPolicy;
  /** The balance asked before the full-quality files (PAYMENTS=stripe); absent, versions go out whole. */
  balances?: Balances;
  /** Each delivery message carries a new link to the booking's listening page. */
  listening?: ListeningLinks;
  /** Booking news for the engineer: files arriving for an attended session. */
  bookingAlerts?: Pick<BookingAlerts, 'filesForSession'>;
}

export type StoredFile = VersionFile;

export interface Commit {
  deliveryId: string;
  booking: BookingWithService;
  files: StoredFile[];
  actor: string;
  /** Columns of the delivery set as it becomes ready. */
  ready: Partial<Pick<Models.DeliveryModel, 'sourceUploadId' | 'reportKey' | 'reportText' | 'settings' | 'waveform'>>;
  /** What the artist's message says (stored, so a held version is announced the same way later). */
  facts: VersionFacts;
  /** The engine made it: it may be held for the session or for review (the engineer's own files never are). */
  engine: boolean;
  /** The revision this version answers; otherwise the booking's open one, if any. */
  revisionId?: string;
}

/**
 * Commits a prepared version: delivered to the artist, or held for the engineer (who is told).
 * Returns what happened; false when another finisher already did.
 */
export async function commitDelivery(d: PipelineDeps, c: Commit): Promise<{ hold: Hold | null } | false> {
  return d.db.$transaction(async (tx) => {
    const now = d.clock.now();
    const current = await d.bookings.currentIn(tx, c.booking.id);
    const hold = c.engine ? holdFor(current, d.review, now) : null;
    const facts = JSON.stringify(c.facts);
    if (!(await d.versions.commitIn(tx, c.deliveryId, c.files, { ...c.ready, facts }, now, hold))) return false;
    const { version } = await d.versions.byId(c.deliveryId, tx);
    if (hold) {
      await d.alerts.alert(
        `held:${c.deliveryId}`,
        (on) => {
          const reference = c.booking.reference;
          return t(hold === 'session' ? 'version-held-session-alert' : 'version-held-review-alert', {
            ref: reference,
            version,
            facts: factsLine(c.facts),
            on,
            list: deskLine(on, 'version list', { reference }),
            end: deskLine(on, 'session end', { reference }, { deliver: 'newest' }),
            deliver: deskLine(on, 'version deliver', { reference }, { version }),
            master: deskLine(on, 'master', { reference }),
          });
        },
        { booking: c.booking.reference, version, hold },
        tx,
      );
      return { hold };
    }
    await deliverIn(tx, d, { ...c, version });
    return { hold: null };
  });
}

/**
 * A version made ready reaches the artist: the booking walks to delivered from wherever the work
 * left it (through the work, never through a confirmation), the revision it answers is resolved
 * (and charged, when paid), the other held versions are set aside, and the message is recorded.
 */
async function deliverIn(
  tx: Tx,
  d: PipelineDeps,
  c: Pick<Commit, 'deliveryId' | 'booking' | 'files' | 'actor' | 'facts' | 'revisionId' | 'engine'> & { version: number },
): Promise<void> {
  const now = d.clock.now();
  const current = await d.bookings.currentIn(tx, c.booking.id);
  await d.bookings.advanceIn(tx, current, 'delivered', c.actor, { via: ['in-progress'] });
  const revisions = new RevisionRepository(d.db);
  const open = c.revisionId ? await revisions.byId(c.revisionId, tx) : await revisions.latestOpen(c.booking.id, tx);
  if (open && open.status !== 'resolved') {
    // An automatic version answers the quick changes; notes only a person can act on keep the
    // revision open for the engineer. A paid revision is charged by its first delivered version.
    const stillOpen = c.engine && open.forEngineer;
    await revisions.update(
      open.id,
      {
        status: stillOpen ? 'requested' : 'resolved',
        resolvedAt: stillOpen ? null : now,
        deliveryId: c.deliveryId,
        ...(open.paid && !open.chargedAt ? { chargedAt: now } : {}),
      },
      tx,
    );
  }
  await d.versions.setAsideIn(tx, c.booking.id, c.version);
  const left = await freeRevisionsLeft(tx, c.booking);
  // A balance still due: the report and the preview now, the full-quality files once it is paid.
  const balance = d.balances ? await d.balances.dueIn(tx, current) : null;
  if (balance) await d.versions.awaitBalanceIn(tx, c.deliveryId);
  const listenUrl = d.listening ? await d.listening.issueIn(tx, c.booking.id) : undefined;
  await d.outbox.toArtist(
    `delivery:${c.deliveryId}`,
    c.booking,
    () => versionMessage(d, c.booking, c.version, c.files, c.facts, left, { balance: balance ?? undefined, listenUrl }),
    tx,
  );
}

/**
 * The engineer sends a held version to the artist (the starting point after the session, or one
 * they reviewed). Refused when the version is not held (already delivered, set aside, failed).
 */
export async function releaseHeld(d: PipelineDeps, booking: BookingWithService, version: number, actor: string): Promise<void> {
  await d.db.$transaction(async (tx) => {
    const held = await d.versions.releaseIn(tx, booking.id, version, d.clock.now());
    if (!held) throw new UserError(t('version-not-held', { ref: booking.reference, version }));
    const facts = parseFacts(held.facts);
    if (!facts) throw new UserError(t('version-not-held', { ref: booking.reference, version }));
    // Only what the engine made is ever held.
    await deliverIn(tx, d, { deliveryId: held.id, booking, files: held.files, actor, facts, version, engine: true });
  });
}

/**
 * Stores a file of a version under its fixed key (deliveries/BOOKING/vN/KIND-NAME): a retried job
 * overwrites it instead of leaving a second copy.
 */
export async function storeVersionFile(
  d: Pick<PipelineDeps, 'store'>,
  bookingId: string,
  version: number,
  f: { kind: string; format: string; fileName: string; local: string },
): Promise<StoredFile> {
  const storageKey = `deliveries/${bookingId}/v${version}/${f.kind}-${safeFileName(f.fileName)}`;
  const info = await d.store.put(storageKey, createReadStream(f.local), { contentType: contentTypeOf(f.format) });
  return { kind: f.kind, format: f.format, fileName: f.fileName, storageKey, sizeBytes: BigInt(info.size), sha256: info.sha256 };
}

export { freeRevisionsLeft } from './revision-repository.js';

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
  const booking = await d.bookings.rows.find(f.bookingId);
  const delivery = await d.versions.find(f.bookingId, f.version);
  if (!booking || !delivery || delivery.status !== 'preparing') return;
  await d.versions.fail(delivery.id, f.error.message);
  const progress = f.progress;
  if (progress) await d.outbox.progressToArtist(`progress:${delivery.id}`, booking, () => ({ text: progress(booking.reference), visibility: 'private' }));
  // Audio problems are the artist's to know (a silent or unreadable file); anything else is ours.
  const error = f.error;
  const reason = () =>
    error instanceof AudioFileError ? ` (${error.fileName}: ${audioProblemInWords(error)})` : error.name === 'AudioFileError' ? ` (${error.message})` : '';
  await d.outbox.toArtist(`${f.job}-failed:${delivery.id}`, booking, () => ({ text: f.artist(booking.reference, reason()), visibility: 'private' }));
  await d.alerts.alert(`${f.job}-failed:${delivery.id}`, () => f.alert(booking.reference), { booking: booking.reference, version: f.version });
}
