// The engineer hears of the bookings that need them or changed: a request waiting for their
// confirmation (on Discord with Confirm and Decline under it), a booking made or confirmed
// automatically, one cancelled (and what became of its deposit), moved, or released unpaid, and
// files arriving for an attended session. ENGINEER_ALERTS chooses how much: all, requests, none
// (every one is still logged by the alerts).
import type { Tx } from '../../db/client.js';
import type { BookingRepository } from './booking-repository.js';
import { formatMoney, serviceName } from '../catalog.js';
import type { Button } from '../messages/reply.js';
import { bookingWhen } from '../messages/when.js';
import { deskLine } from '../engineer/desk-line.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import { t } from '../texts.js';

export type EngineerAlertLevel = 'all' | 'requests' | 'none';

/** A Discord button that runs an engineer's command (bots/discord/router.ts checks who pressed it). */
export const DESK_BUTTON = 'desk:';

type Subject = {
  id: string;
  reference: string;
  status: string;
  startsAt: Date | null;
  kind: string;
  priceCents: number;
  currency: string;
  service: { code: string; name: string };
  client: { displayName: string };
};

export class BookingAlerts {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly alerts: EngineerAlerts,
    private readonly level: EngineerAlertLevel,
    private readonly studioZone: string,
  ) {}

  private async subject(tx: Tx, bookingId: string): Promise<Subject> {
    return this.bookings.withClient(bookingId, tx);
  }

  private facts(b: Subject) {
    return {
      ref: b.reference,
      client: b.client.displayName,
      service: serviceName(b.service),
      when: bookingWhen(b, this.studioZone),
      price: formatMoney(b.priceCents, b.currency),
    };
  }

  /**
   * A booking just made, or whose deposit was just paid, as it stands now in `tx`: waiting for the
   * engineer, confirmed automatically, or held for its deposit.
   */
  async arrived(tx: Tx, bookingId: string, depositPaid = false): Promise<void> {
    const b = await this.subject(tx, bookingId);
    const status = b.status;
    // Worded when the alert is written, in the engineer's language (not the artist's, whose turn this is).
    const f = () => ({ ...this.facts(b), paid: depositPaid ? 'yes' : 'no' });
    if (status === 'requested') {
      if (this.level === 'none') return;
      const reference = b.reference;
      await this.alerts.alert(
        `booking-request:${b.id}`,
        (on) =>
          t('alert-booking-request', {
            ...f(),
            confirm: deskLine(on, 'booking confirm', { reference }),
            decline: deskLine(on, 'booking decline', { reference }),
          }),
        { booking: reference },
        tx,
        undefined,
        (on) => (on === 'discord' ? requestButtons(reference) : undefined),
      );
    } else if (this.level === 'all') {
      const key = status === 'awaiting-payment' ? 'alert-booking-awaiting-deposit' : 'alert-booking-confirmed-auto';
      await this.alerts.alert(`booking-${status}:${b.id}`, () => t(key, f()), { booking: b.reference }, tx);
    }
  }

  /** Moved by the artist: from the old booking's time to the new one's. */
  async moved(tx: Tx, fromId: string, toId: string): Promise<void> {
    if (this.level !== 'all') return;
    const [from, to] = [await this.subject(tx, fromId), await this.subject(tx, toId)];
    await this.alerts.alert(
      `booking-moved:${to.id}`,
      () => t('alert-booking-moved', { ...this.facts(to), was: from.reference, from: bookingWhen(from, this.studioZone) }),
      { booking: to.reference },
      tx,
    );
  }

  /** An unpaid booking's hold ran out. */
  async released(tx: Tx, bookingId: string): Promise<void> {
    if (this.level !== 'all') return;
    const b = await this.subject(tx, bookingId);
    await this.alerts.alert(`booking-released:${b.id}`, () => t('alert-booking-released', this.facts(b)), { booking: b.reference }, tx);
  }

  /** Cancelled by the artist; `money`: what became of the deposit, as the artist was told (studio's language). */
  async cancelled(b: Subject, money: (() => string) | null): Promise<void> {
    if (this.level !== 'all') return;
    await this.alerts.alert(`booking-cancelled:${b.id}`, () => [t('alert-booking-cancelled', this.facts(b)), ...(money ? [money()] : [])].join(' '), {
      booking: b.reference,
    });
  }

  /** Money came in through mixdesk for something asked (a deposit is told with its booking): the balance, or a paid revision. */
  async paid(
    tx: Tx,
    b: Pick<Subject, 'id' | 'reference' | 'client'>,
    what: 'balance' | 'revision',
    money: { amountCents: number; currency: string },
    paymentId: string,
  ): Promise<void> {
    if (this.level !== 'all') return;
    await this.alerts.alert(
      `payment-received:${paymentId}`,
      () =>
        t(what === 'balance' ? 'alert-balance-paid' : 'alert-revision-paid', {
          ref: b.reference,
          client: b.client.displayName,
          amount: formatMoney(money.amountCents, money.currency),
        }),
      { booking: b.reference },
      tx,
    );
  }

  /** Money went back to the artist (Stripe accepted the refund). */
  async refunded(b: Pick<Subject, 'reference'>, amount: () => string, why: () => string, paymentId: string): Promise<void> {
    if (this.level !== 'all') return;
    await this.alerts.alert(`payment-refunded:${paymentId}`, () => t('alert-refunded', { ref: b.reference, amount: amount(), why: why() }), {
      booking: b.reference,
    });
  }

  /** Files arrived for a session the engineer attends (standard or virtual): they prepare from them. */
  async filesForSession(b: Subject, files: string[]): Promise<void> {
    if (this.level !== 'all' || b.kind === 'unattended' || !files.length) return;
    await this.alerts.alert(
      `session-files:${b.id}:${files.join('|')}`,
      () => t('alert-session-files', { ...this.facts(b), count: files.length, files: files.join(', ') }),
      { booking: b.reference },
    );
  }
}

function requestButtons(reference: string): Button[][] {
  return [
    [
      { label: t('alert-button-confirm'), data: `${DESK_BUTTON}booking confirm ${reference}` },
      { label: t('alert-button-decline'), data: `${DESK_BUTTON}booking decline ${reference}` },
    ],
  ];
}
