// Finished resumable uploads, taken like files sent in chat: validated, stored, what they start
// started, and said in the artist's chat; refused ones said there too. Also what a restarted
// service does with uploads the last process received whole but never took.
import type { Logger } from 'pino';
import { languageFor } from '../core/clients.js';
import { describeAny } from '../core/conversation/uploads.js';
import { UserError, userMessage } from '../core/errors.js';
import { LinkRefused } from '../core/files/upload-links.js';
import { newSourceOf, type UploadRole } from '../core/files/uploads.js';
import type { ArtistChat } from '../core/messaging/outbox.js';
import type { Studio } from '../core/studio.js';
import { inLanguage, t } from '../core/texts.js';
import type { Staging } from './staging.js';

export type Staged = { id: string; metadata?: Record<string, string | null> | undefined };
export type LinkBooking = Awaited<ReturnType<Studio['links']['opened']>>['booking'];
export type UploadStudio = Pick<Studio, 'links' | 'staged' | 'uploads' | 'mixTime' | 'pipeline' | 'outbox' | 'bookings'>;

const fileNameOf = (upload: Staged) => upload.metadata?.filename ?? 'upload';
/** A take that failed on our side (busy, or a fault): the staged copy stays, and a resume or a restart takes it. */
export const keepsStaged = (status: number) => status >= 500;

export class FinishedUploads {
  constructor(private readonly o: { studio: UploadStudio; log: Logger; staging: Staging }) {}

  /** A refused upload, said in the artist's chat (no page may be waiting to show it). */
  private tellRefused(upload: Staged, booking: ArtistChat, problem: string) {
    return this.o.studio.outbox.toArtist(`web-upload:${upload.id}`, booking, () => ({
      text: t('web-upload-refused-chat', { file: fileNameOf(upload), problem }),
      visibility: 'private',
    }));
  }

  /**
   * A finished upload taken like a file sent in chat — validated, stored, what it starts started —
   * and said in the artist's chat too (the page may be closed, or the service restarted before it
   * answered). A refusal is said there when no page waits for it (`tellRefusal`).
   */
  async take(upload: Staged, link: { purpose: string }, booking: LinkBooking, tellRefusal: boolean): Promise<{ status: number; message: string }> {
    let answer: { status: number; message: string };
    try {
      const outcome = await this.o.staging.withFile(upload.id, (staged) =>
        this.o.studio.uploads.acceptAny({
          client: booking.client,
          bookingRef: booking.reference,
          fileName: fileNameOf(upload),
          path: staged,
          sourceKey: `tus:${upload.id}`,
          role: link.purpose as UploadRole,
        }),
      );
      // A file for a delivered booking: the question whether to use it is asked in the chat (/revise).
      const source = newSourceOf(outcome) ? [t('new-source-web', { ref: booking.reference })] : [];
      // Stems for a mix: the estimate; a question about more hours is asked in the chat (/quote).
      const estimate = await this.o.studio.mixTime.afterFiles(outcome);
      const hours = estimate.ask ? [t('estimate-ask-in-chat', { ref: booking.reference })] : estimate.reply ? [estimate.reply.text] : [];
      const message = [...describeAny(outcome, booking.client.timeZone), ...(await this.o.studio.pipeline.afterUpload(outcome))]
        .map((r) => r.text)
        .concat(source, hours)
        .join('\n');
      answer = { status: 200, message };
    } catch (err) {
      const message = userMessage(err);
      if (message === undefined) {
        this.o.log.error({ err, upload: upload.id }, 'finishing a resumable upload failed');
        return { status: 500, message: t('web-not-stored') };
      }
      answer = { status: err instanceof UserError ? 422 : 503, message };
      if (keepsStaged(answer.status) || !tellRefusal) return answer;
      await this.tellRefused(upload, booking, message);
      return answer;
    }
    await this.o.studio.outbox.toArtist(`web-upload:${upload.id}`, booking, () => ({ text: answer.message, visibility: 'private' }));
    return answer;
  }

  /** Removes a taken (or refused) upload's staged bytes and its reservation. */
  forget(id: string): Promise<void> {
    return this.o.staging.datastore
      .remove(id)
      .catch(() => undefined)
      .then(() => this.o.studio.staged.release(id));
  }

  /**
   * An upload whose last byte arrived but which was never taken (the process stopped while taking
   * it): taken now under the link it came through, or — the link withdrawn or the booking closed
   * meanwhile — refused in the artist's chat. Its staged copy goes either way.
   */
  private async finishStaged(upload: Staged, linkId: string, bookingId: string): Promise<void> {
    let opened: Awaited<ReturnType<Studio['links']['opened']>>;
    try {
      opened = await this.o.studio.links.opened(linkId);
    } catch (err) {
      if (!(err instanceof LinkRefused)) throw err;
      const booking = await this.o.studio.bookings.withClient(bookingId);
      await inLanguage(languageFor(booking.client), () => this.tellRefused(upload, booking, err.message));
      return this.forget(upload.id);
    }
    const { link, booking } = opened;
    const answer = await inLanguage(languageFor(booking.client), () => this.take(upload, link, booking, true));
    if (!keepsStaged(answer.status)) await this.forget(upload.id);
  }

  /** At start: every finished upload the last process did not take is taken (or refused) now. Returns how many. */
  async recover(): Promise<number> {
    let taken = 0;
    for (const row of await this.o.studio.staged.unaccepted()) {
      const upload = await this.o.staging.datastore.getUpload(row.id).catch(() => null);
      if (!upload) {
        await this.o.studio.staged.release(row.id); // gone: expired, or removed by hand
        continue;
      }
      if (upload.size === undefined || upload.offset !== upload.size) continue; // unfinished: the artist resumes it
      await this.finishStaged(upload, row.linkId, row.bookingId);
      taken++;
    }
    if (taken) this.o.log.info({ uploads: taken }, 'uploads finished before a restart were taken');
    return taken;
  }
}
