// The mixdown job: a booking's stored stems become the full mix, instrumental and a cappella
// (mastered with one set of settings when the service is mix + master), stored and delivered as
// the next version — with the same guarantees as the master job: a fixed version per job, fixed
// storage keys, and a finish that only the first finisher commits.
import { ownedName } from '../files/leftovers.js';
import { statusText } from '../booking/status.js';
import { serviceName } from '../catalog.js';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import {
  analyzeFileInThread,
  AudioFileError,
  isOutputFormat,
  masterFileInThread,
  type OutputFormat,
  type Preset,
  type StemRole,
  type Waveform,
} from '../../engine/index.js';
import { defaultFormat } from '../../engine/formats.js';
import { safeFileName } from '../../storage/object-store.js';
import { UserError } from '../errors.js';
import { commitDelivery, renderLabel, storeVersionFile, type PipelineDeps, type StoredFile } from './deliveries.js';
import { mixdownReport } from './version-messages.js';
import { runOnOwnThread } from '../../engine/thread-pool.js';
import { overallProgress } from './progress.js';
import { t } from '../texts.js';
import type { VersionJobs } from './version-jobs.js';
import { PREVIEW_JOB } from './preview-job.js';

export interface MixdownJob {
  bookingId: string;
  version: number;
  balance: 'auto' | 'flat';
}

export interface MixdownJobSettings {
  preset: Preset;
  workDir?: string;
  /** The longest mix mastered (MASTER_MAX_MINUTES), in seconds. */
  masterMaxSeconds?: number;
}

export class MixdownJobs {
  constructor(
    private readonly d: PipelineDeps,
    private readonly s: MixdownJobSettings,
    private readonly jobs: VersionJobs,
  ) {
    jobs.register<MixdownJob>({
      name: 'mixdown',
      kind: 'mixdown',
      run: (job) => this.run(job),
      failure: (job, error, info) => ({
        artist: (ref, reason) => t('mixdown-failed', { ref, version: job.version, reason }),
        alert: (ref) => t('mixdown-failed-alert', { version: job.version, ref, attempts: info.attempt, error: error.message }),
      }),
      resume: async (d) => {
        const { mixdown } = JSON.parse(d.settings) as { mixdown: { balance: 'auto' | 'flat' } };
        return { bookingId: d.bookingId, version: d.version, balance: mixdown.balance };
      },
    });
  }

  /** Queues the renders of a mixing booking as its next version; returns the version. */
  async enqueue(bookingId: string, balance: 'auto' | 'flat', actor: string): Promise<number> {
    const booking = await this.d.bookings.get(bookingId);
    if (!['mix', 'mix-master'].includes(booking.service.code))
      throw new UserError(t('mixdown-no-stems-service', { ref: booking.reference, service: serviceName(booking.service) }));
    const stems = await this.d.files.count(bookingId, 'stem');
    if (!stems) throw new UserError(t('mixdown-no-stems-yet', { ref: booking.reference }));
    // Into the work: from waiting for files, or again after a delivery (the engineer's new pass).
    if (!['confirmed', 'awaiting-files', 'in-progress', 'delivered', 'revision-requested'].includes(booking.status))
      throw new UserError(t('mixdown-confirm-first', { ref: booking.reference, status: statusText(booking.status) }));
    await this.d.bookings.advanceTo(bookingId, 'in-progress', actor, { via: ['revision-requested'], note: 'mixdown' });
    const { version } = await this.d.versions.prepareNext(bookingId, 'mixdown', { mixdown: { balance } });
    await this.jobs.enqueue<MixdownJob>('mixdown', { bookingId, version, balance });
    return version;
  }

  private async run(data: MixdownJob): Promise<void> {
    const delivery = await this.d.versions.find(data.bookingId, data.version);
    if (!delivery || delivery.status !== 'preparing') return;
    const booking = await this.d.bookings.withClient(data.bookingId);
    const stems = await this.d.files.stems(booking.id);
    if (!stems.length) throw new AudioFileError('stems', 'there are no stems stored for this booking', { code: 'no-stems' });
    const base = this.s.workDir ?? tmpdir();
    await mkdir(base, { recursive: true });
    const work = await mkdtemp(path.join(base, ownedName('mixdown-')));
    try {
      await this.d.versions.stage(delivery.id, 'fetch', overallProgress('mixdown', 'fetch', 0));
      const inputs = [];
      for (const [i, s] of stems.entries()) {
        const local = path.join(work, `${i}-${safeFileName(s.fileName)}`);
        await pipe(await this.d.store.get(s.storageKey), createWriteStream(local));
        inputs.push({ path: local, name: s.fileName, role: (s.stemTag ?? 'other') as StemRole });
      }
      const format: OutputFormat = isOutputFormat(booking.client.deliveryFormat) ? booking.client.deliveryFormat : defaultFormat;
      const out = path.join(work, 'out');
      await mkdir(out);
      await this.d.versions.stage(delivery.id, 'mix', overallProgress('mixdown', 'mix', 0));
      // Each engine step on a thread of its own: the chats and the web server keep answering.
      const report = await runOnOwnThread(
        'mixdown',
        { stems: inputs, outDir: out, options: { balance: data.balance, format, title: `${booking.reference} v${data.version}` } },
        booking.reference,
      );
      let renders = (['full', 'instrumental', 'acappella'] as const).flatMap((kind) => (report.outputs[kind] ? [{ kind, file: report.outputs[kind] }] : []));
      const mastered = booking.service.code === 'mix-master';
      // The full mix's loudness, so the listening room can compare versions at matched loudness.
      let lufs: number | undefined;
      // The full mix's outline, for the listening page's waveform.
      let waveform: Waveform | undefined;
      if (mastered) {
        await this.d.versions.stage(delivery.id, 'limit', overallProgress('mixdown', 'limit', 0));
        // The full mix is mastered and the instrumental and a cappella go through its very chain,
        // so they still add up to the master (as a studio's stems-consistent masters do).
        const masteredFile = (file: string) => file.replace(/(\.[^.]+)$/, ' (master)$1');
        const [full, ...parts] = renders;
        if (full?.kind !== 'full') throw new Error('the mixdown wrote no full mix to master');
        {
          const summary = await masterFileInThread({
            input: full.file,
            name: path.basename(full.file),
            outputs: [{ path: masteredFile(full.file), format }],
            reportPng: `${masteredFile(full.file)}.png`,
            ...(this.s.masterMaxSeconds ? { maxSeconds: this.s.masterMaxSeconds } : {}),
            options: { preset: this.s.preset },
            parts: parts.map((r) => ({ input: r.file, name: path.basename(r.file), outputs: [{ path: masteredFile(r.file), format }] })),
          });
          lufs = summary.after.loudness.integratedLufs;
          waveform = summary.waveform.after;
        }
        renders = renders.map((r) => ({ ...r, file: masteredFile(r.file) }));
      } else if (report.outputs.full) {
        const full = await analyzeFileInThread({ path: report.outputs.full, name: path.basename(report.outputs.full), limits: {}, waveform: true });
        lufs = full.loudness.integratedLufs;
        waveform = full.waveform;
      }
      await this.d.versions.stage(delivery.id, 'store', overallProgress('mixdown', 'store', 0));
      const stored: StoredFile[] = [];
      for (const r of renders) {
        const fileName = `${t(mastered ? 'mixdown-file-name-mastered' : 'mixdown-file-name', { ref: booking.reference, render: renderLabel(r.kind), version: data.version })}${path.extname(r.file)}`;
        stored.push(await storeVersionFile(this.d, booking.id, data.version, { kind: r.kind, format, fileName, local: r.file }));
      }
      const facts = {
        kind: 'mixdown' as const,
        mastered,
        renders: renders.map((r) => r.kind),
        stems: report.stems.length,
        seconds: report.durationSec,
        skipped: report.skipped.map((s) => ({ stem: s.name, reason: s.reason, why: s.why })),
        warnings: report.warnings,
        notes: report.notes,
        ...(lufs !== undefined && Number.isFinite(lufs) ? { lufs } : {}),
      };
      await commitDelivery(this.d, {
        deliveryId: delivery.id,
        booking,
        files: stored,
        actor: 'pipeline',
        engine: true,
        ready: { reportText: mixdownReport(facts), ...(waveform ? { waveform: JSON.stringify({ after: waveform }) } : {}) },
        facts,
      });
      // Sent before its balance is paid, the full mix gets an MP3 preview (the job decides).
      await this.jobs.enqueueFollowUp(PREVIEW_JOB, { bookingId: booking.id, version: data.version });
      this.d.log.info({ booking: booking.reference, version: data.version, stems: report.stems.length }, 'mixdown delivered');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
