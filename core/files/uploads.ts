// Taking files from artists: a stereo mix for mastering, stems for mixing, a reference track.
// Every file is checked as audio before anything is kept, stored before the database points at
// it, recognised when it arrives twice (same platform file, or same content for the same
// booking), and described back to the artist with what the studio will want to know.
import { audioProblemInWords } from './audio-problems.js';
import type { Tx } from '../../db/client.js';
import type { DiskSpace } from './disk-space.js';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isZip, unpackArchive } from './archives.js';
import { isUniqueViolation } from '../../db/client.js';
import { analyzeFileInThread, AudioFileError, SHORTEST_SECONDS, type Analysis, type FileAnalysis } from '../../engine/index.js';
import type { StemCharacter } from '../../engine/analysis/stem-character.js';
import { containers } from '../../engine/formats.js';
import type { Container } from '../../engine/io/container.js';
import { guessStemRole, isStemRole, stemRoles } from '../../engine/mixdown.js';
import { safeFileName, type ObjectStore } from '../../storage/object-store.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import type { Client } from '../clients.js';
import { ChooseBooking, FileRefused, UserError } from '../errors.js';
import type { StoredFiles, Upload, UploadRole } from './stored-files.js';
import { t } from '../texts.js';
import { cleanName } from '../clean-text.js';
import { acceptsFiles, isOpen, statusText } from '../booking/status.js';
import { HeldFiles } from './held-files.js';
import { systemClock, type Clock } from '../clock.js';
import { probeAudioFile } from '../../engine/io/probe.js';
import { sha256OfFile } from '../../storage/hashing.js';

export { uploadRoles, type Upload, type UploadRole } from './stored-files.js';

export interface IncomingUpload {
  client: Client;
  /** The booking's reference; may be left out when the artist has one booking taking files. */
  bookingRef?: string;
  fileName: string;
  /** A local file: the console's path, a downloaded chat attachment, a finished resumable upload. */
  path: string;
  /** Platform file id or upload-session id: the same one again stores nothing new. */
  sourceKey?: string;
  role?: UploadRole;
}

export interface UploadOutcome {
  upload: Upload;
  booking: BookingWithService;
  /** True when this exact file (or this very message) had arrived before. */
  duplicate: boolean;
  analysis: Analysis | null;
  warnings: string[];
}

/** A commercial track the artist wants the result to resemble: "reference.wav", "ref - Song.flac". */
const REFERENCE = /(^|[^a-z])(ref|reference)([^a-z]|$)/i;

export function formatSize(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** A stem measured for a quote (what the mixing estimate reads), its audio not kept. */
export interface MeasuredStem {
  fileName: string;
  stemTag: string;
  durationSec: number;
  character: StemCharacter | null;
}

/** Whether the file begins as a zip archive does (an unreadable one is left to the caller's checks). */
async function startsAsZip(file: string): Promise<boolean> {
  const head = new Uint8Array(4);
  try {
    const fh = await open(file, 'r');
    await fh.read(head, 0, 4, 0).finally(() => fh.close());
  } catch {
    // Not readable: the upload's own checks give the artist the right message.
  }
  return isZip(head);
}

export interface ArchiveOutcome {
  archive: string;
  received: UploadOutcome[];
  skipped: { name: string; reason: string }[];
}

/**
 * The new source a delivered booking just received (a corrected mix for mastering, stems for
 * mixing), or null: the next version may be made from it, which the artist is asked about.
 */
export function newSourceOf(outcome: UploadOutcome | ArchiveOutcome): UploadOutcome | null {
  const fresh = ('archive' in outcome ? outcome.received : [outcome]).filter((o) => !o.duplicate && o.booking.status === 'delivered');
  return fresh.filter((o) => o.upload.role === (o.booking.service.code === 'master' ? 'mix' : 'stem')).at(-1) ?? null;
}

/** What UploadService works with (createStudio wires them). */
export interface UploadServiceDeps {
  /** The records of the files (their reads are everyone's: a booking's mix, reference, stems). */
  files: StoredFiles;
  store: ObjectStore;
  bookings: BookingService;
  maxBytes: number;
  maxSeconds?: number;
  quotaBytes?: number;
  maxArchiveBytes?: number;
  /** The studio's disk: bytes are accepted only while it has room. */
  disk?: Pick<DiskSpace, 'assertRoom'>;
  clock?: Clock;
}

/** What became of one file: taken (its bytes), already held, or refused (why, as a stable code). */
export type UploadListener = (o: { outcome: 'accepted'; bytes: number } | { outcome: 'duplicate' } | { outcome: 'refused'; code: string }) => void;

export class UploadService {
  readonly files: StoredFiles;

  /** The settings with their defaults filled in. */
  private readonly d: Required<Omit<UploadServiceDeps, 'disk'>> & Pick<UploadServiceDeps, 'disk'>;

  constructor(d: UploadServiceDeps) {
    this.files = d.files;
    this.d = { maxSeconds: 60 * 60, quotaBytes: Infinity, clock: systemClock, ...d, maxArchiveBytes: d.maxArchiveBytes ?? d.maxBytes * 8 };
    this.held = new HeldFiles(d.store);
  }

  /** Files waiting for the artist to say which booking they are for. */
  readonly held: HeldFiles;

  /** Bytes of the booking's stored files (purged ones no longer count). */
  storedBytes(bookingId: string, tx?: Tx): Promise<number> {
    return this.files.storedBytes(bookingId, tx);
  }

  /**
   * Refuses a file that would take the booking past its allowance: what it stores, what is on its
   * way (`stagedBytes`: unfinished resumable uploads), and this file.
   */
  async assertWithinQuota(booking: Pick<BookingWithService, 'id' | 'reference'>, file: string, bytes: number, stagedBytes = 0, tx?: Tx): Promise<void> {
    const used = (await this.storedBytes(booking.id, tx)) + stagedBytes;
    if (used + bytes <= this.d.quotaBytes) return;
    throw new FileRefused(
      t('upload-over-quota', { file, size: formatSize(bytes), ref: booking.reference, quota: formatSize(this.d.quotaBytes), used: formatSize(used) }),
      t('skip-over-quota', { ref: booking.reference, quota: formatSize(this.d.quotaBytes) }),
      'over-quota',
    );
  }

  /** Refuses `bytes` more when the studio's disk has no room for them (outside any transaction: the engineer is told). */
  async assertRoom(file: string, bytes: number): Promise<void> {
    await this.d.disk?.assertRoom(file, bytes);
  }

  /** A single audio file, or a zip archive of them (stems), whichever `path` holds. */
  async acceptAny(i: IncomingUpload): Promise<UploadOutcome | ArchiveOutcome> {
    if (!(await startsAsZip(i.path))) return this.accept(i);
    const booking = await this.targetBooking(i.client, i.bookingRef);
    const { taken, skipped } = await this.eachInArchive(i.path, i.fileName, (f) =>
      this.accept({
        client: i.client,
        bookingRef: booking.reference,
        fileName: f.name,
        path: f.path,
        role: i.role ?? (booking.service.code === 'master' ? 'mix' : 'stem'),
        ...(i.sourceKey ? { sourceKey: `${i.sourceKey}#${f.name}` } : {}),
      }),
    );
    return { archive: i.fileName, received: taken, skipped };
  }

  /**
   * Unpacks an archive within the limits and takes each file in turn; a file refused (UserError)
   * is skipped with its reason, anything else stops it all. The unpacked files are gone after.
   */
  private async eachInArchive<T>(
    file: string,
    fileName: string,
    take: (f: { name: string; path: string }) => Promise<T>,
  ): Promise<{ taken: T[]; skipped: { name: string; reason: string }[] }> {
    const unpacked = await unpackArchive(file, fileName, this.archiveLimits());
    try {
      const out = { taken: [] as T[], skipped: unpacked.skipped };
      for (const f of unpacked.files) {
        try {
          out.taken.push(await take(f));
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          out.skipped.push({ name: f.name, reason: err instanceof FileRefused ? err.reason : err.message });
        }
      }
      return out;
    } finally {
      await unpacked.cleanup();
    }
  }

  /**
   * The booking a file is for: the named one; else the one the artist chose for their next files
   * (/upload REF, for a while); else the only one taking files. Several and no choice: ChooseBooking.
   */
  async targetBooking(client: Client, ref?: string): Promise<BookingWithService> {
    if (ref) return this.takingBooking(client, ref);
    const chosen = client.filesForUntil && client.filesForUntil > this.d.clock.now() ? client.filesForBookingId : null;
    if (chosen) {
      const b = await this.d.bookings.get(chosen).catch(() => null);
      if (b && b.clientId === client.id && acceptsFiles(b.status)) return b;
    }
    const open = await this.openForFiles(client.id);
    if (open.length === 0) throw new UserError(t('no-booking-for-files'));
    if (open.length > 1) throw new ChooseBooking(open);
    return open[0]!;
  }

  /** The bookings a file could be for: those still in the works first (new files for a delivered one would be a revision). */
  async openForFiles(clientId: string): Promise<BookingWithService[]> {
    const taking = await this.d.bookings.takingFiles(clientId);
    return taking.some((b) => isOpen(b.status)) ? taking.filter((b) => isOpen(b.status)) : taking;
  }

  /** The named booking of the artist's, if it takes files. */
  async takingBooking(client: Pick<Client, 'id'>, ref: string): Promise<BookingWithService> {
    const b = await this.d.bookings.ownedBy(client.id, ref);
    if (!acceptsFiles(b.status)) throw new UserError(t('booking-takes-no-files', { ref: b.reference, status: statusText(b.status) }));
    return b;
  }

  /**
   * A file sent while several bookings take files: checked as far as it can be without knowing the
   * booking (a file, not too big, audio or a zip, room on the disk) and held until the artist says.
   */
  async holdForChoice(client: Client, file: string, fileName: string): Promise<string> {
    const name = cleanName(fileName) || 'file';
    const size = await this.checkedSize(file, name);
    if (!(await startsAsZip(file))) {
      try {
        await probeAudioFile(file, name);
      } catch (err) {
        if (err instanceof AudioFileError)
          throw new FileRefused(t('upload-not-audio', { file: name, problem: audioProblemInWords(err) }), err.problem, err.said?.code ?? 'not-audio');
        throw err;
      }
    }
    await this.assertRoom(name, size);
    return this.held.hold(client.id, file, name);
  }

  /** Told of every file taken (new or already held) and every file refused, by a stable code (the operator's metrics). */
  onOutcome(listener: UploadListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly listeners = new Set<UploadListener>();

  /** One audio file: checked, stored and recorded for its booking (or found already held). */
  async accept(i: IncomingUpload): Promise<UploadOutcome> {
    try {
      const outcome = await this.acceptOne(i);
      for (const l of this.listeners) l(outcome.duplicate ? { outcome: 'duplicate' } : { outcome: 'accepted', bytes: Number(outcome.upload.sizeBytes) });
      return outcome;
    } catch (err) {
      // A question (which booking?) is no refusal.
      if (err instanceof FileRefused) for (const l of this.listeners) l({ outcome: 'refused', code: err.code });
      throw err;
    }
  }

  private async acceptOne(i: IncomingUpload): Promise<UploadOutcome> {
    // The name as shown and stored: one line, no control characters (web uploads name their files too).
    const name = cleanName(i.fileName) || 'file';
    if (i.sourceKey) {
      const seen = await this.files.bySource(i.sourceKey);
      if (seen) return { upload: seen, booking: seen.booking, duplicate: true, analysis: null, warnings: [] };
    }
    const booking = await this.targetBooking(i.client, i.bookingRef);
    const size = await this.checkedSize(i.path, name);
    const sha256 = await sha256OfFile(i.path);
    const same = await this.files.sameBytes(booking.id, sha256);
    if (same) return { upload: same, booking, duplicate: true, analysis: null, warnings: [] };
    await this.assertWithinQuota(booking, name, size);
    await this.assertRoom(name, size);

    const role: UploadRole = i.role ?? (REFERENCE.test(name.replace(/\.[^.]+$/, '')) ? 'reference' : booking.service.code === 'master' ? 'mix' : 'stem');
    // A stem is also measured for the mixing estimate, in the same reading.
    const analysis = await this.analysed(i.path, name, role === 'stem');
    if (role === 'mix' || role === 'reference') {
      // Loudness is measured in 400 ms blocks: a shorter file is not silent, it is too short.
      const ms = Math.round(analysis.format.durationSec * 1000);
      if (analysis.format.durationSec < SHORTEST_SECONDS)
        throw new FileRefused(t('upload-too-short', { file: name, ms }), t('skip-too-short', { ms }), 'too-short');
      if (!Number.isFinite(analysis.loudness.integratedLufs)) throw new FileRefused(t('upload-silent', { file: name }), t('skip-silent'), 'silent');
    }
    const warnings = await this.warnings(analysis, role, booking);

    const key = `uploads/${booking.id}/${randomUUID()}-${safeFileName(name)}`;
    const stored = await this.d.store.put(key, createReadStream(i.path), { contentType: mimeOf(analysis.format.container) });
    if (stored.sha256 !== sha256) {
      await this.d.store.delete(key);
      throw new Error(`${name} changed while it was being stored`);
    }
    try {
      const upload = await this.files.create({
        bookingId: booking.id,
        clientId: i.client.id,
        role,
        stemTag: role === 'stem' ? guessStemRole(name) : null,
        fileName: name.slice(0, 255),
        sizeBytes: BigInt(size),
        mimeType: mimeOf(analysis.format.container),
        format: analysis.format.container,
        sampleRate: analysis.format.sampleRate,
        bitDepth: analysis.format.bitDepth,
        channels: analysis.format.channels,
        durationSec: analysis.format.durationSec,
        character: analysis.character ? JSON.stringify(analysis.character) : null,
        sha256,
        storageKey: key,
        sourceKey: i.sourceKey ?? null,
      });
      return { upload, booking, duplicate: false, analysis, warnings };
    } catch (err) {
      // The same message raced itself: keep the first copy, drop ours.
      await this.d.store.delete(key);
      if (isUniqueViolation(err) && i.sourceKey) {
        const first = await this.files.bySource(i.sourceKey);
        if (first) return { upload: first, booking, duplicate: true, analysis: null, warnings: [] };
      }
      throw err;
    }
  }

  /** The file's size, refused clearly when it is no file or over the limit. */
  private async checkedSize(file: string, name: string): Promise<number> {
    let size: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new UserError(t('upload-is-folder', { file: name }));
      size = s.size;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(t('upload-not-found', { file: name }));
    }
    if (size > this.d.maxBytes) {
      const sizes = { size: formatSize(size), max: formatSize(this.d.maxBytes) };
      throw new FileRefused(t('upload-too-big', { file: name, ...sizes }), t('skip-too-big', sizes), 'too-big');
    }
    return size;
  }

  /** The file's analysis (and, for stems, what the mixing estimate reads), or a clear refusal naming the problem. */
  private async analysed(file: string, name: string, character: boolean): Promise<FileAnalysis> {
    try {
      // On a thread of its own: a long file's decoding and measuring would hold every chat up.
      return await analyzeFileInThread({ path: file, name, limits: { maxSeconds: this.d.maxSeconds }, character });
    } catch (err) {
      if (err instanceof AudioFileError)
        throw new FileRefused(t('upload-not-audio', { file: name, problem: audioProblemInWords(err) }), err.problem, err.said?.code ?? 'not-audio');
      throw err;
    }
  }

  /**
   * Stems measured for a quote before any booking (/quote): a file or a zip of them, checked and
   * measured as uploads are, and nothing kept. A single bad file is refused; an archive's are skipped with the reason.
   */
  async measureStems(file: string, fileName: string): Promise<{ measured: MeasuredStem[]; skipped: { name: string; reason: string }[] }> {
    if (!(await startsAsZip(file))) return { measured: [await this.measureStem(file, fileName)], skipped: [] };
    const { taken, skipped } = await this.eachInArchive(file, fileName, (f) => this.measureStem(f.path, f.name));
    return { measured: taken, skipped };
  }

  private async measureStem(file: string, fileName: string): Promise<MeasuredStem> {
    const name = cleanName(fileName) || 'file';
    await this.checkedSize(file, name);
    const a = await this.analysed(file, name, true);
    return { fileName: name.slice(0, 255), stemTag: guessStemRole(name), durationSec: a.format.durationSec, character: a.character ?? null };
  }

  private archiveLimits() {
    return {
      maxTotalBytes: this.d.maxArchiveBytes,
      maxFileBytes: this.d.maxBytes,
      maxEntries: 500,
      // Deflate tops out near 1032:1, which only long runs of zeros reach.
      maxRatio: 1000,
    };
  }

  /** What an engineer would flag about this file, in words an artist understands. */
  private async warnings(a: Analysis, role: UploadRole, booking: BookingWithService): Promise<string[]> {
    const w: string[] = [];
    if (a.clipping.runs > 0) w.push(t('warn-clips', { count: a.clipping.runs, at: a.clipping.firstAtSec?.toFixed(1) ?? '?' }));
    if (a.format.container === 'mp3') w.push(t('warn-mp3'));
    if (a.format.sampleRate < 44100) w.push(t('warn-low-rate', { rate: String(a.format.sampleRate) }));
    if (a.dcOffset.maxDbfs > -50) w.push(t('warn-dc'));
    if (role === 'mix' && a.format.channels === 1) w.push(t('warn-mono-mix'));
    if (role === 'mix' && a.peaks.truePeakDbtp > -0.5 && a.loudness.rangeLu < 3) w.push(t('warn-limited'));
    if (role === 'mix' && a.phase.correlation < 0) w.push(t('warn-out-of-phase', { correlation: String(a.phase.correlation) }));
    if (a.silence.leadingSec > 2) w.push(t('warn-leading-silence', { seconds: a.silence.leadingSec.toFixed(1) }));
    if (role !== 'stem') {
      // A stem may end early (its part does); a mix with little sound in it is likely the wrong file or a bad bounce.
      const sound = Math.max(0, a.format.durationSec - a.silence.leadingSec - a.silence.trailingSec);
      if (a.format.durationSec > 10 && sound < a.format.durationSec / 4)
        w.push(t('warn-mostly-silent', { sound: sound.toFixed(1), total: a.format.durationSec.toFixed(1) }));
      else if (a.silence.trailingSec > 5) w.push(t('warn-trailing-silence', { seconds: a.silence.trailingSec.toFixed(1) }));
    }
    if (role === 'stem') {
      // Stems of one song should share a sample rate and length: report, do not reject.
      const others = await this.files.stemFormats(booking.id);
      const rates = new Set(others.map((o) => o.sampleRate).filter((r) => r !== a.format.sampleRate));
      if (rates.size) w.push(t('warn-stem-rate', { rate: String(a.format.sampleRate), others: [...rates].join(', ') }));
      const longest = Math.max(0, ...others.map((o) => o.durationSec ?? 0));
      if (others.length && Math.abs(longest - a.format.durationSec) > 0.5) {
        w.push(t('warn-stem-length', { seconds: a.format.durationSec.toFixed(1), longest: longest.toFixed(1) }));
      }
    }
    return w;
  }

  /** A booking's stems in the order they arrived (the numbers /stems shows). */
  stems(bookingId: string): Promise<Upload[]> {
    return this.files.stems(bookingId);
  }

  async setStemRole(bookingId: string, n: number, role: string): Promise<Upload> {
    if (!isStemRole(role)) throw new UserError(t('stem-role-unknown', { role, roles: stemRoles.join(', ') }));
    const stems = await this.stems(bookingId);
    const stem = Number.isInteger(n) ? stems[n - 1] : undefined;
    if (!stem) throw new UserError(stems.length ? t('stem-number-range', { count: stems.length }) : t('stems-none-yet'));
    return this.files.setStemTag(stem.id, role);
  }

  listForBooking(bookingId: string): Promise<Upload[]> {
    return this.files.all(bookingId);
  }
}

function mimeOf(container: string | null): string {
  return container && Object.hasOwn(containers, container) ? containers[container as Container].mime : 'application/octet-stream';
}
