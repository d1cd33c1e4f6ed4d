// Live notes: "if you plug in a microphone you can speak to me, otherwise you can send instant
// text messages to give me notes." While a session runs (from the engineer's /session start to
// /session end), what the artist types to the bot reaches that session's engineer at once, tagged
// with the booking, and the engineer's /reply goes back to the artist's own chat. Every note is kept
// with the booking. Outside a running session nothing is relayed, and a note only ever goes to the
// engineer of the artist's own session.
import { deskLine } from '../engineer/desk-line.js';
import type { Db } from '../../db/client.js';
import type { Models } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { UserError } from '../errors.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { inLanguage, studioLanguage, t } from '../texts.js';
import { sessionRunning } from '../versions/holds.js';
import { BookingRepository } from '../booking/booking-repository.js';
import type { PersonalDataPart } from '../privacy/parts.js';

/** A note is a chat message, not a document. */
const MAX_NOTE_CHARS = 2000;

type Booking = Models.BookingModel;

export class LiveNotes {
  /** The bookings' queries (their repository). */
  private readonly bookings: BookingRepository;

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly alerts: EngineerAlerts,
    private readonly clock: Clock,
  ) {
    this.bookings = new BookingRepository(db);
  }

  /** The artist's booking whose session is running now, or null. */
  running(clientId: string): Promise<Booking | null> {
    return this.bookings.runningFor(clientId);
  }

  /** The artist's note: kept, and sent to the engineer who runs the session (else to the studio's engineer chats). */
  async fromArtist(booking: Booking, artist: { id: string; displayName: string }, text: string): Promise<void> {
    const note = await this.db.sessionNote.create({
      data: { bookingId: booking.id, fromRole: 'artist', author: `client:${artist.id}`, text: text.trim().slice(0, MAX_NOTE_CHARS), at: this.clock.now() },
    });
    // The answer's command as typed where the note is read (Discord's /reply, the terminal's mixdesk desk reply).
    const write = (platform: string) =>
      t('note-to-engineer', {
        client: artist.displayName,
        ref: booking.reference,
        text: note.text,
        reply: deskLine(platform, 'reply', { reference: booking.reference, text: '…' }),
      });
    // The engineer who started the session from Discord gets it by DM; otherwise the engineer chats.
    const discordEngineer = /^engineer:discord:(\d+)$/.exec(booking.sessionEngineer ?? '')?.[1];
    const quoted = [artist.displayName, note.text];
    if (discordEngineer)
      await this.outbox.record(`note:${note.id}`, 'discord', discordEngineer, {
        text: inLanguage(studioLanguage(), () => write('discord')),
        visibility: 'private',
        quoted,
      });
    else await this.alerts.alert(`note:${note.id}`, write, { booking: booking.reference }, undefined, quoted);
  }

  /** The engineer's answer, to the artist's own chat; refused when the session is not running. */
  async fromEngineer(booking: Booking, engineer: string, text: string): Promise<void> {
    if (!sessionRunning(booking)) throw new UserError(t('desk-reply-no-session', { ref: booking.reference }));
    const note = await this.db.sessionNote.create({
      data: { bookingId: booking.id, fromRole: 'engineer', author: engineer, text: text.trim().slice(0, MAX_NOTE_CHARS), at: this.clock.now() },
    });
    await this.outbox.toArtist(`note:${note.id}`, booking, () => ({
      text: t('note-from-engineer', { ref: booking.reference, text: note.text }),
      visibility: 'private',
    }));
  }

  /**
   * What an engineer types to the bot outside a command (a Discord DM): the answer to the one
   * session they started and is running; null when they run none (it is an ordinary message).
   */
  async engineerTyped(engineer: string, text: string): Promise<string | null> {
    const running = await this.bookings.runningBy(engineer);
    const only = running[0];
    if (!only) return null;
    if (running.length > 1) return t('note-which-session', { refs: running.map((b) => b.reference).join(', ') });
    await this.fromEngineer(only, engineer, text);
    return t('desk-reply-sent', { ref: only.reference, client: only.client.displayName });
  }

  /** Every note of a booking, oldest first. */
  all(bookingId: string) {
    return this.db.sessionNote.findMany({ where: { bookingId }, orderBy: { at: 'asc' } });
  }
}

/** What was typed during the artist's live sessions (theirs and the engineer's answers). */
export const sessionNotePersonalData: PersonalDataPart = {
  name: 'sessionNotes',
  async exportOf(db, s) {
    return { rows: await db.sessionNote.findMany({ where: { bookingId: { in: s.bookingIds } }, orderBy: { at: 'asc' } }) };
  },
  async eraseIn(tx, s) {
    await tx.sessionNote.deleteMany({ where: { bookingId: { in: s.bookingIds } } });
    return [];
  },
};
