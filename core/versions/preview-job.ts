// The MP3 preview of a master, made after the master is delivered: the artist has the release
// files as soon as they exist (LAME takes longer than the whole master, ~15 ms per second of audio),
// and the preview to listen on the go follows in its own message. A version still held for the
// engineer gets its preview quietly: it goes out with the version when it is released. A version
// sent before its balance is paid (mixes and the engineer's files too) gets one whatever its format:
// it is what the artist listens to until the full-quality files follow.
import { ownedName } from '../files/leftovers.js';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import { runOnOwnThread } from '../../engine/thread-pool.js';
import { safeFileName } from '../../storage/object-store.js';
import { t } from '../texts.js';
import { replyFile, storeVersionFile, type PipelineDeps } from './deliveries.js';
import type { VersionJob, VersionJobs } from './version-jobs.js';
import { releaseOf, releaseTags } from './release.js';

export const PREVIEW_JOB = 'preview';

/** The preview's file name, next to the master's ("Night Drive - master v1 (preview).mp3"). */
export const previewName = (masterName: string): string => `${masterName.replace(/\.[^.]+$/, '')} (preview).mp3`;

/** The file a version's preview is made from, or none when it needs no preview. */
function previewSource(v: { awaitsBalance: boolean; files: { kind: string; format: string; fileName: string; storageKey: string }[] }) {
  const master = v.files.find((f) => f.kind === 'master');
  if (master && master.format !== 'mp3') return master;
  if (!v.awaitsBalance) return undefined;
  return master ?? v.files.find((f) => f.kind === 'full') ?? v.files.find((f) => f.kind !== 'report' && f.kind !== 'preview');
}

export class PreviewJobs {
  constructor(
    private readonly d: PipelineDeps,
    jobs: VersionJobs,
    private readonly workDir?: string,
  ) {
    jobs.registerFollowUp<VersionJob>({
      name: PREVIEW_JOB,
      run: (job) => this.run(job),
      failed: async (job, error) => {
        const booking = await this.d.bookings.rows.find(job.bookingId);
        await this.d.alerts.alert(`preview-failed:${job.bookingId}:v${job.version}`, () =>
          t('preview-failed-alert', { ref: booking?.reference ?? job.bookingId, version: job.version, error: error.message }),
        );
      },
      // Masters made, in a format other than MP3, and versions waiting for their balance, with no preview yet (a stopped process's).
      unfinished: () => this.d.versions.withoutPreview(),
    });
  }

  private async run(job: VersionJob): Promise<void> {
    const version = await this.d.versions.withFiles(job.bookingId, job.version);
    if (!version || !['ready', 'held'].includes(version.status)) return;
    const master = previewSource(version);
    if (!master) return;
    let preview = version.files.find((f) => f.kind === 'preview');
    if (!preview) {
      const base = this.workDir ?? tmpdir();
      await mkdir(base, { recursive: true });
      const work = await mkdtemp(path.join(base, ownedName('preview-')));
      try {
        const local = path.join(work, `master-${safeFileName(master.fileName)}`);
        await pipe(await this.d.store.get(master.storageKey), createWriteStream(local));
        const mp3 = path.join(work, 'preview.mp3');
        const booking = await this.d.bookings.rows.current(version.bookingId);
        // Decoding a whole song and encoding it with LAME takes seconds (a 29-minute file: half a
        // minute): on a thread of its own, so the chats and the web server keep answering.
        const tags = releaseTags(releaseOf(booking.release));
        await runOnOwnThread('preview', { input: local, output: mp3, name: master.fileName, ...(tags ? { tags } : {}) }, master.fileName);
        const file = await storeVersionFile(this.d, version.bookingId, version.version, {
          kind: 'preview',
          format: 'mp3',
          fileName: previewName(master.fileName),
          local: mp3,
        });
        preview = await this.d.versions.addFile(version.id, file);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }
    // Delivered already (or released meanwhile): the preview follows in its own message. Held: it
    // goes out with the version.
    const now = await this.d.versions.byId(version.id);
    if (now.status !== 'ready') return;
    const booking = await this.d.bookings.get(version.bookingId);
    const file = preview;
    await this.d.outbox.toArtist(`preview:${version.id}`, booking, () => ({
      text: t('preview-ready', { ref: booking.reference, version: version.version }),
      files: [replyFile(this.d, file)],
      visibility: 'private',
    }));
  }
}
