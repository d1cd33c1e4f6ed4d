// The versions of a booking (table Delivery): their numbers, their progress while preparing, the
// one commit that makes one ready, and their failure. Every read and write of a version goes
// through here, so numbering and the "only the first finisher commits" rule live in one place.
import type { Db, Models, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import type { Hold } from './holds.js';
import { openStatuses } from '../booking/status.js';
import { zipSegment, type PersonalDataPart } from '../privacy/parts.js';
/** How a version is made (Delivery.kind): the engine masters the mix, renders the stems, or the engineer sends files. */
export const versionKinds = ['master', 'mixdown', 'engineer'] as const;
export type VersionKind = (typeof versionKinds)[number];

export type Version = Models.DeliveryModel;
export type VersionFile = Omit<Models.DeliveryFileModel, 'id' | 'deliveryId'>;

/** Two requests numbering a version at the same moment: the loser takes the next number, a few times at most. */
const NUMBERING_TRIES = 10;

/** A version not delivered yet: being made, or made and held for the engineer. */
export const undeliveredStatuses: readonly string[] = ['preparing', 'held'];

export class Versions {
  constructor(private readonly db: Db) {}

  /** The row of a known version, made once: a repeated job or request finds the same one. */
  prepare(bookingId: string, version: number, kind: VersionKind, settings: object, stage: string | null = 'queued'): Promise<Version> {
    return this.db.delivery.upsert({
      where: { bookingId_version: { bookingId, version } },
      create: { bookingId, version, kind, status: 'preparing', stage, settings: JSON.stringify(settings) },
      update: {},
    });
  }

  /**
   * A new version numbered after the booking's last. The number is taken by creating its row, so
   * two at once (a double click, a revision and the engineer's re-master) get two numbers.
   */
  async prepareNext(bookingId: string, kind: VersionKind, settings: object, stage: string | null = 'queued'): Promise<Version> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.delivery.create({
          data: { bookingId, version: await this.next(bookingId), kind, status: 'preparing', stage, settings: JSON.stringify(settings) },
        });
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= NUMBERING_TRIES) throw err;
      }
    }
  }

  /** The number the booking's next version gets. */
  async next(bookingId: string): Promise<number> {
    return ((await this.db.delivery.aggregate({ where: { bookingId }, _max: { version: true } }))._max.version ?? 0) + 1;
  }

  find(bookingId: string, version: number): Promise<Version | null> {
    return this.db.delivery.findUnique({ where: { bookingId_version: { bookingId, version } } });
  }

  /** The booking's newest version still being made (for /status), or null. */
  latestPreparing(bookingId: string): Promise<Version | null> {
    return this.db.delivery.findFirst({ where: { bookingId, status: 'preparing' }, orderBy: { version: 'desc' } });
  }

  /** Of these bookings, the versions not delivered yet (being made or held), newest first: what their standing is told with. */
  undelivered(bookingIds: readonly string[]): Promise<Pick<Version, 'bookingId' | 'version' | 'status' | 'hold'>[]> {
    if (!bookingIds.length) return Promise.resolve([]);
    return this.db.delivery.findMany({
      where: { bookingId: { in: [...bookingIds] }, status: { in: [...undeliveredStatuses] } },
      select: { bookingId: true, version: true, status: true, hold: true },
      orderBy: { version: 'desc' },
    });
  }

  /** Every version being made, oldest first per booking (what a restart resumes). */
  allPreparing(): Promise<Version[]> {
    return this.db.delivery.findMany({ where: { status: 'preparing' }, orderBy: [{ bookingId: 'asc' }, { version: 'asc' }] });
  }

  /** The booking's latest delivered version and its files, or null. */
  latestReady(bookingId: string) {
    return this.db.delivery.findFirst({ where: { bookingId, status: 'ready' }, orderBy: { version: 'desc' }, include: { files: true } });
  }

  /** Where a version being made has got to (nothing once it is finished or failed). */
  async stage(id: string, stage: string, progress?: number): Promise<void> {
    await this.db.delivery.updateMany({
      where: { id, status: 'preparing' },
      data: { stage, ...(progress === undefined ? {} : { progress: Math.max(0, Math.min(1, progress)) }) },
    });
  }

  /** A version that will not be finished (its booking was cancelled, its job failed for good, it was interrupted). */
  /** A sweep found it preparing with its job ended (see VersionJobs.resumeUnfinished). */
  async seenStale(id: string, at: Date): Promise<void> {
    await this.db.delivery.updateMany({ where: { id, status: 'preparing', staleSeenAt: null }, data: { staleSeenAt: at } });
  }

  async notStale(id: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id }, data: { staleSeenAt: null } });
  }

  /** Counts one more resume of a stuck version; false when another instance counted it first. */
  async claimResume(id: string, resumes: number): Promise<boolean> {
    const { count } = await this.db.delivery.updateMany({ where: { id, status: 'preparing', resumes }, data: { resumes: resumes + 1, staleSeenAt: null } });
    return count === 1;
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.db.delivery.updateMany({ where: { id, status: 'preparing' }, data: { status: 'failed', error: reason.slice(0, 500), stage: null } });
  }

  /**
   * Makes a version ready (delivered) or held (for the engineer) with its files, inside the
   * caller's transaction; false when another finisher already did (a retried or duplicated job
   * never delivers twice).
   */
  async commitIn(
    tx: Tx,
    id: string,
    files: VersionFile[],
    ready: Partial<Pick<Version, 'sourceUploadId' | 'reportKey' | 'reportText' | 'settings' | 'facts' | 'waveform'>>,
    at: Date,
    hold: Hold | null = null,
  ) {
    const { count } = await tx.delivery.updateMany({
      where: { id, status: 'preparing' },
      data: { ...ready, status: hold ? 'held' : 'ready', hold, stage: null, progress: 1, error: null, sentAt: hold ? null : at },
    });
    if (count !== 1) return false;
    await tx.deliveryFile.deleteMany({ where: { deliveryId: id } });
    for (const f of files) await tx.deliveryFile.create({ data: { ...f, deliveryId: id } });
    return true;
  }

  /** A file made for a version after it was (its MP3 preview): added once, whoever adds it twice. */
  async addFile(id: string, file: VersionFile): Promise<Models.DeliveryFileModel> {
    return this.db.$transaction(async (tx) => {
      const existing = await tx.deliveryFile.findFirst({ where: { deliveryId: id, kind: file.kind } });
      return existing ?? tx.deliveryFile.create({ data: { ...file, deliveryId: id } });
    });
  }

  /** A held version becomes delivered (once: a second release finds it no longer held); its row and files, or null. */
  async releaseIn(tx: Tx, bookingId: string, version: number, at: Date) {
    const { count } = await tx.delivery.updateMany({ where: { bookingId, version, status: 'held' }, data: { status: 'ready', hold: null, sentAt: at } });
    if (count !== 1) return null;
    return tx.delivery.findUniqueOrThrow({ where: { bookingId_version: { bookingId, version } }, include: { files: true } });
  }

  /** The other held versions of a booking will not be sent once one is delivered: it answers instead. */
  async setAsideIn(tx: Tx, bookingId: string, delivered: number): Promise<void> {
    await tx.delivery.updateMany({ where: { bookingId, status: 'held', version: { not: delivered } }, data: { status: 'set-aside', hold: null } });
  }

  /** The booking's versions held for the engineer, newest first, with their files. */
  held(bookingId: string) {
    return this.db.delivery.findMany({ where: { bookingId, status: 'held' }, orderBy: { version: 'desc' }, include: { files: true } });
  }

  /** Every held version of the studio (the engineer's review list), oldest first. */
  allHeld(hold?: Hold) {
    return this.db.delivery.findMany({
      // A cancelled or moved booking's held versions wait for nobody.
      where: { status: 'held', ...(hold ? { hold } : {}), booking: { status: { in: [...openStatuses, 'delivered'] } } },
      orderBy: { createdAt: 'asc' },
      include: { booking: { include: { client: true, service: true } } },
    });
  }

  /** Every version of a booking, oldest first, with its files (the engineer's /version list). */
  all(bookingId: string) {
    return this.db.delivery.findMany({ where: { bookingId }, orderBy: { version: 'asc' }, include: { files: true } });
  }

  /** The versions sent to the artist, oldest first, with their files (the listening page's). */
  readyWithFiles(bookingId: string, tx: Tx = this.db) {
    return tx.delivery.findMany({ where: { bookingId, status: 'ready' }, include: { files: true }, orderBy: { version: 'asc' } });
  }

  /** A booking's versions without their files, oldest first. */
  list(bookingId: string) {
    return this.db.delivery.findMany({ where: { bookingId }, orderBy: { version: 'asc' } });
  }

  /** A sent version by its number, or null. */
  ready(bookingId: string, version: number) {
    return this.db.delivery.findFirst({ where: { bookingId, version, status: 'ready' } });
  }

  /** A version by its id, as it is now (in the caller's transaction when given). */
  byId(id: string, tx: Tx = this.db): Promise<Version> {
    return tx.delivery.findUniqueOrThrow({ where: { id } });
  }

  /** A version with its files, by booking and number. */
  withFiles(bookingId: string, version: number) {
    return this.db.delivery.findUnique({ where: { bookingId_version: { bookingId, version } }, include: { files: true } });
  }

  /** Every version held for the engineer, oldest first, with its booking (the dashboard's list). */
  heldEverywhere(take: number, engineerId?: string) {
    return this.db.delivery.findMany({
      where: { status: 'held', ...(engineerId ? { booking: { engineerId } } : {}) },
      include: { booking: true },
      orderBy: { createdAt: 'asc' },
      take,
    });
  }

  /** How many sent versions were made from this upload. */
  madeFrom(bookingId: string, uploadId: string): Promise<number> {
    return this.db.delivery.count({ where: { bookingId, status: 'ready', sourceUploadId: uploadId } });
  }

  /** A version's file with its version (to check whose it is before it is served). */
  file(fileId: string) {
    return this.db.deliveryFile.findUnique({ where: { id: fileId }, include: { delivery: true } });
  }

  /** The version's full-quality files wait for the balance (its report and preview go now). */
  async awaitBalanceIn(tx: Tx, id: string): Promise<void> {
    await tx.delivery.update({ where: { id }, data: { awaitsBalance: true } });
  }

  /** The balance is paid: the sent versions whose files waited for it, oldest first, with their files; none waits any longer. */
  async releaseBalanceWaitIn(tx: Tx, bookingId: string) {
    const waiting = await tx.delivery.findMany({
      where: { bookingId, awaitsBalance: true, status: 'ready' },
      include: { files: true },
      orderBy: { version: 'asc' },
    });
    await tx.delivery.updateMany({ where: { bookingId, awaitsBalance: true }, data: { awaitsBalance: false } });
    return waiting;
  }

  /** Masters made (in a format other than MP3) and versions waiting for their balance that have no preview yet (a stopped process's). */
  async withoutPreview(): Promise<{ bookingId: string; version: number }[]> {
    return this.db.delivery.findMany({
      where: {
        status: { in: ['ready', 'held'] },
        files: { none: { kind: 'preview' } },
        OR: [
          { kind: 'master', files: { some: { kind: 'master', format: { not: 'mp3' } } } },
          { status: 'ready', awaitsBalance: true },
        ],
      },
      select: { bookingId: true, version: true },
    });
  }

  /** The studio's recent automatic masters that were sent: when each began and was sent, and the upload it was made from. */
  recentMasters(take: number) {
    return this.db.delivery.findMany({
      where: { kind: 'master', status: 'ready', sourceUploadId: { not: null }, sentAt: { not: null } },
      orderBy: { createdAt: 'desc' },
      take,
      select: { createdAt: true, sentAt: true, sourceUploadId: true },
    });
  }
}

/** The versions made for the artist: their files and reports in the export; erased, the numbered records stay without files or words. */
export const versionPersonalData: PersonalDataPart = {
  name: 'versions',
  async exportOf(db, s) {
    const rows = await db.delivery.findMany({
      where: { bookingId: { in: s.bookingIds } },
      include: { files: true, booking: { select: { reference: true } } },
      orderBy: [{ bookingId: 'asc' }, { version: 'asc' }],
    });
    const files = rows.flatMap((d) => {
      const dir = `versions/${d.booking.reference}/v${d.version}`;
      return [
        ...d.files.map((f) => ({ key: f.storageKey, path: `${dir}/${zipSegment(f.fileName)}` })),
        ...(d.reportKey ? [{ key: d.reportKey, path: `${dir}/report.png` }] : []),
      ];
    });
    return { rows, files };
  },
  async eraseIn(tx, s) {
    const rows = await tx.delivery.findMany({
      where: { bookingId: { in: s.bookingIds } },
      select: { reportKey: true, files: { select: { storageKey: true } } },
    });
    await tx.deliveryFile.deleteMany({ where: { delivery: { bookingId: { in: s.bookingIds } } } });
    await tx.delivery.updateMany({
      where: { bookingId: { in: s.bookingIds } },
      data: { reportKey: null, reportText: null, facts: null, settings: '{}', error: null },
    });
    return rows.flatMap((d) => [...d.files.map((f) => f.storageKey), ...(d.reportKey ? [d.reportKey] : [])]);
  },
};
