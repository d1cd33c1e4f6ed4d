// The studio's disk (DATA_DIR: staged uploads, work folders, the local object store, SQLite): room
// is checked before bytes are accepted, so a full disk refuses an upload with a sentence instead of
// a raw ENOSPC halfway through, and /healthz says "not ready" while it is short (the engineer is
// told once an hour while it lasts).
import { statfs } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import { t } from '../texts.js';
import { FileRefused } from '../errors.js';

/** Refused for the studio's disk, not the file: said so (HTTP 507 on the upload page). */
export class DiskFull extends FileRefused {}

/** Free bytes where `dir` lives (for the unprivileged: what a process may still write). */
export type FreeSpace = (dir: string) => Promise<number>;

export const freeSpaceOf: FreeSpace = async (dir) => {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
};

export class DiskSpace {
  constructor(
    private readonly dir: string,
    /** Kept free for the database and the jobs: below this, nothing more is accepted. */
    private readonly reserveBytes: number,
    private readonly alerts: EngineerAlerts,
    private readonly clock: Clock,
    private readonly free: FreeSpace = freeSpaceOf,
  ) {}

  /** Null while there is room; otherwise what is wrong, in a sentence for the operator (and the engineer is told). */
  async shortage(): Promise<string | null> {
    const free = await this.free(this.dir).catch(() => Number.POSITIVE_INFINITY);
    if (free >= this.reserveBytes) return null;
    await this.tell(free);
    return `disk nearly full: ${mb(free)} free under ${this.dir}, below the ${mb(this.reserveBytes)} kept free (DISK_RESERVE_MB)`;
  }

  /** Refuses `bytes` more when they would eat into the reserve: a sentence for the artist, and the engineer told. */
  async assertRoom(file: string, bytes: number): Promise<void> {
    const free = await this.free(this.dir).catch(() => Number.POSITIVE_INFINITY);
    if (free - bytes >= this.reserveBytes) return;
    await this.tell(free);
    throw new DiskFull(t('upload-disk-full', { file }), t('skip-disk-full'), 'disk-full');
  }

  private async tell(free: number): Promise<void> {
    const hour = this.clock.now().toISOString().slice(0, 13);
    await this.alerts.alert(`disk-full:${hour}`, () => t('alert-disk-full', { free: mb(free), dir: this.dir }), { freeBytes: free }).catch(() => undefined);
  }
}

const mb = (bytes: number) => `${Math.max(0, Math.round(bytes / 2 ** 20))} MB`;
