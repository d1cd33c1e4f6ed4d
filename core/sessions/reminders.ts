// Session reminders: rows with a due time, made when a session is booked (moved with it, removed
// when it is cancelled). node-cron only ticks; each due reminder is claimed with a conditional
// update, so however many instances tick, one of them sends it — through the outbox, whose
// per-reminder key makes a second send impossible even after a crash between claim and send.
import { serviceName } from '../catalog.js';
import { DateTime } from 'luxon';
import type { Db, Models, Tx } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { KeycodeService } from './keycodes.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import type { Reply } from '../messages/reply.js';
import { currentLanguage, intlLocale, t } from '../texts.js';
import { BookingRepository } from '../booking/booking-repository.js';
import type { PersonalDataPart } from '../privacy/parts.js';

/** "before-24h", "before-1h", "before-0.5h". */
export const reminderKind = (hours: number) => `before-${hours}h`;

/** Reminders for a booked session (none for unattended work, none already past). */
export async function planReminders(
  tx: Tx,
  booking: Pick<Models.BookingModel, 'id' | 'kind' | 'startsAt'>,
  offsetsHours: readonly number[],
  now: Date,
): Promise<void> {
  if (booking.kind === 'unattended' || !booking.startsAt) return;
  const rows = offsetsHours
    .map((h) => ({ bookingId: booking.id, kind: reminderKind(h), dueAt: new Date(booking.startsAt!.getTime() - h * 3_600_000) }))
    .filter((r) => r.dueAt > now);
  for (const data of rows) await tx.reminder.create({ data });
}

function untilText(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (ms < 90 * 60_000) return t('in-minutes', { count: Math.max(1, Math.round(ms / 60_000)) });
  if (hours < 36) return t('in-hours', { count: hours });
  return t('in-days', { count: Math.round(hours / 24) });
}

/** What ReminderService works with (createStudio wires them). */
export interface ReminderServiceDeps {
  db: Db;
  outbox: Outbox;
  keycodes: KeycodeService;
  clock: Clock;
  log: Logger;
  /** A claim older than this is considered abandoned (its instance died) and is taken over. */
  claimMs?: number;
}

export class ReminderService {
  /** The bookings' queries (their repository). */
  private readonly bookings: BookingRepository;

  constructor(private readonly d: ReminderServiceDeps) {
    this.bookings = new BookingRepository(d.db);
  }

  /** Sends every reminder that is due and not yet sent; returns how many this instance sent. */
  async sendDue(instance: string, limit = 100): Promise<number> {
    const now = this.d.clock.now();
    const stale = new Date(now.getTime() - (this.d.claimMs ?? 5 * 60_000));
    const due = await this.d.db.reminder.findMany({
      where: { sentAt: null, dueAt: { lte: now }, OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] },
      orderBy: { dueAt: 'asc' },
      take: limit,
    });
    let sent = 0;
    for (const r of due) {
      const { count } = await this.d.db.reminder.updateMany({
        where: { id: r.id, sentAt: null, OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] },
        data: { claimedAt: now, claimedBy: instance, attempts: { increment: 1 } },
      });
      if (count !== 1) continue; // another instance has it
      try {
        const booking = await this.bookings.get(r.bookingId);
        // A session that was cancelled or moved keeps no reminders; this one slipped through a race.
        if (['cancelled', 'rescheduled'].includes(booking.status) || !booking.startsAt) {
          await this.d.db.reminder.update({ where: { id: r.id }, data: { sentAt: now, lastError: `not sent: booking ${booking.status}` } });
          continue;
        }
        // A service that was down past two reminders sends the nearer one only.
        const later = await this.d.db.reminder.count({ where: { bookingId: r.bookingId, sentAt: null, id: { not: r.id }, dueAt: { gt: r.dueAt, lte: now } } });
        if (later > 0) {
          await this.d.db.reminder.update({ where: { id: r.id }, data: { sentAt: now, lastError: 'not sent: a later reminder was due as well' } });
          continue;
        }
        await this.d.outbox.toArtist(`reminder:${r.id}`, booking, () => this.message(booking, now));
        await this.d.db.reminder.update({ where: { id: r.id }, data: { sentAt: now, lastError: null } });
        sent++;
      } catch (err) {
        // Released for the next tick (here or elsewhere); the outbox key keeps it single.
        await this.d.db.reminder.update({
          where: { id: r.id },
          data: { claimedAt: null, claimedBy: null, lastError: String(err instanceof Error ? err.message : err).slice(0, 500) },
        });
        this.d.log.error({ err, reminder: r.id }, 'a reminder could not be prepared; it will be tried again');
      }
    }
    return sent;
  }

  private async message(booking: Models.BookingModel & { service: Models.ServiceModel }, now: Date): Promise<Reply> {
    const start = DateTime.fromJSDate(booking.startsAt!).setZone(booking.timeZone).setLocale(intlLocale());
    // Spanish joins day and month with "de" ("jueves 3 de diciembre"); luxon's tokens do not.
    const when = `${start.toFormat(currentLanguage() === 'es' ? "cccc d 'de' LLLL, HH:mm" : 'cccc d LLLL, HH:mm')} (${booking.timeZone})`;
    const head = t('reminder-head', {
      service: serviceName(booking.service).toLowerCase(),
      ref: booking.reference,
      until: untilText(booking.startsAt!.getTime() - now.getTime()),
      when,
    });
    if (booking.kind !== 'virtual') {
      return { text: `${head}\n${t('reminder-in-person')}`, visibility: 'private' };
    }
    const k = await this.d.keycodes.forSession(booking);
    const link = this.d.keycodes.link(k);
    return {
      text: [
        head,
        t('reminder-sonobus'),
        `  ${t('keycode-group', { group: k.groupName })}`,
        `  ${t('keycode-password', { password: k.password })}`,
        t('reminder-sonobus-how'),
        t('keycode-private'),
      ].join('\n'),
      links: [{ label: t('sonobus-join-button'), url: link }],
      visibility: 'private',
    };
  }
}

/** A booking's reminders not yet sent go (it was cancelled, or moved: the moved one plans its own), in the caller's transaction. */
export async function dropUnsentRemindersIn(tx: Tx, bookingId: string): Promise<void> {
  await tx.reminder.deleteMany({ where: { bookingId, sentAt: null } });
}

/** Reminders are the studio's schedule, not the artist's words (the ones sent are in their messages): erased, none is left to send. */
export const reminderPersonalData: PersonalDataPart = {
  name: 'reminders',
  async eraseIn(tx, s) {
    await tx.reminder.deleteMany({ where: { bookingId: { in: s.bookingIds } } });
    return [];
  },
};
