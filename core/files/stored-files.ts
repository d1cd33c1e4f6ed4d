// The files artists sent (table Upload): every read and write of them goes through here — the
// upload desk that stores them, the jobs that read a booking's mix, reference or stems, the
// engineer's desk, rescheduling (the files move with the booking) and retention.
import type { Db, Models, Tx } from '../../db/client.js';
import { zipSegment, type PersonalDataPart } from '../privacy/parts.js';

export type Upload = Models.UploadModel;
export const uploadRoles = ['mix', 'stem', 'reference'] as const;
export type UploadRole = (typeof uploadRoles)[number];
export type NewUpload = Omit<Upload, 'id' | 'createdAt' | 'purgedAt'>;

/** A rescheduled booking's files go with it to its new booking, in the caller's transaction. */
export async function moveFilesIn(tx: Tx, fromBookingId: string, toBookingId: string): Promise<void> {
  await tx.upload.updateMany({ where: { bookingId: fromBookingId }, data: { bookingId: toBookingId } });
}

/** The files a booking's work is made from (what its standing calls "your files are in"). */
export const workFileRoles: readonly UploadRole[] = ['mix', 'stem'];
export const isWorkFile = (u: Pick<Upload, 'role' | 'purgedAt'>): boolean => workFileRoles.includes(u.role as UploadRole) && !u.purgedAt;

export class StoredFiles {
  constructor(private readonly db: Db) {}

  /** Every file stored now (not purged): how many, and their bytes. */
  async totals(): Promise<{ files: number; bytes: number }> {
    const r = await this.db.upload.aggregate({ where: { purgedAt: null }, _count: { _all: true }, _sum: { sizeBytes: true } });
    return { files: r._count._all, bytes: Number(r._sum.sizeBytes ?? 0) };
  }

  /** Of these uploads, the booking's that are still stored. */
  storedAmong(bookingId: string, ids: readonly string[]): Promise<Upload[]> {
    return this.db.upload.findMany({ where: { id: { in: [...ids] }, bookingId, purgedAt: null } });
  }

  /** The booking's mix with this id, while it is stored; null for anything else. */
  storedMix(bookingId: string, id: string): Promise<Upload | null> {
    return this.db.upload.findFirst({ where: { id, bookingId, purgedAt: null, role: 'mix' } });
  }

  /** How long each of these uploads plays, in seconds (null where unknown). */
  async durations(ids: readonly string[]): Promise<Map<string, number | null>> {
    const rows = await this.db.upload.findMany({ where: { id: { in: [...ids] } }, select: { id: true, durationSec: true } });
    return new Map(rows.map((u) => [u.id, u.durationSec]));
  }

  /** The booking's newest file of a role that is still stored (its latest mix, its reference), or null. */
  latest(bookingId: string, role: UploadRole): Promise<Upload | null> {
    return this.db.upload.findFirst({ where: { bookingId, role, purgedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** How many files of a role the booking has stored. */
  /** Of these bookings, those whose work files (a mix or stems) are in: what their status is told with. */
  async workFilesIn(bookingIds: readonly string[]): Promise<Set<string>> {
    if (!bookingIds.length) return new Set();
    const rows = await this.db.upload.findMany({
      where: { bookingId: { in: [...bookingIds] }, role: { in: [...workFileRoles] }, purgedAt: null },
      select: { bookingId: true },
      distinct: ['bookingId'],
    });
    return new Set(rows.map((r) => r.bookingId));
  }

  count(bookingId: string, role: UploadRole): Promise<number> {
    return this.db.upload.count({ where: { bookingId, role, purgedAt: null } });
  }

  /** A booking's stems in the order they arrived (the numbers /stems shows). */
  stems(bookingId: string): Promise<Upload[]> {
    return this.db.upload.findMany({ where: { bookingId, role: 'stem', purgedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Every file the booking received, stored or purged, oldest first. */
  all(bookingId: string): Promise<Upload[]> {
    return this.db.upload.findMany({ where: { bookingId }, orderBy: { createdAt: 'asc' } });
  }

  /** Bytes of the booking's stored files (purged ones no longer count). */
  async storedBytes(bookingId: string, tx: Tx = this.db): Promise<number> {
    const r = await tx.upload.aggregate({ where: { bookingId, purgedAt: null }, _sum: { sizeBytes: true } });
    return Number(r._sum.sizeBytes ?? 0);
  }

  /** The file a platform message (or upload session) already delivered, with its booking. */
  bySource(sourceKey: string) {
    return this.db.upload.findUnique({ where: { sourceKey }, include: { booking: { include: { service: true } } } });
  }

  /** The booking's file with these bytes, if it has one. */
  sameBytes(bookingId: string, sha256: string): Promise<Upload | null> {
    return this.db.upload.findFirst({ where: { bookingId, sha256 } });
  }

  /** Sample rate and length of the booking's stems (stems of one song should share them). */
  stemFormats(bookingId: string) {
    return this.db.upload.findMany({ where: { bookingId, role: 'stem' }, select: { fileName: true, sampleRate: true, durationSec: true } });
  }

  /** Records a stored file; a second record of the same source fails as a unique violation. */
  create(data: NewUpload): Promise<Upload> {
    return this.db.upload.create({ data });
  }

  setStemTag(id: string, stemTag: string): Promise<Upload> {
    return this.db.upload.update({ where: { id }, data: { stemTag } });
  }

  /** The stored files of these bookings (retention's candidates). */
  storedOf(bookingIds: string[]): Promise<Upload[]> {
    return this.db.upload.findMany({ where: { bookingId: { in: bookingIds }, purgedAt: null } });
  }

  /** The file's bytes are gone from storage; its record (name, checksum, analysis) stays. */
  async markPurged(id: string, at: Date): Promise<void> {
    await this.db.upload.update({ where: { id }, data: { purgedAt: at } });
  }
}

/** The files the artist sent: in the export as they were stored; erased, their records keep size and checksum only. */
export const uploadPersonalData: PersonalDataPart = {
  name: 'uploads',
  async exportOf(db, s) {
    const rows = await db.upload.findMany({
      where: { clientId: s.clientId },
      include: { booking: { select: { reference: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const files = rows
      .filter((u) => !u.purgedAt)
      .map((u, n) => ({ key: u.storageKey, path: `uploads/${u.booking.reference}/${n + 1}-${zipSegment(u.fileName)}` }));
    return { rows, files };
  },
  async eraseIn(tx, s) {
    const kept = await tx.upload.findMany({ where: { clientId: s.clientId, purgedAt: null }, select: { storageKey: true } });
    await tx.upload.updateMany({ where: { clientId: s.clientId, purgedAt: null }, data: { purgedAt: s.now } });
    await tx.upload.updateMany({ where: { clientId: s.clientId }, data: { fileName: 'erased', character: null, sourceKey: null, mimeType: null } });
    return kept.map((u) => u.storageKey);
  },
};
