// The booking lifecycle. Every change goes through `assertTransition`, so an illegal one
// (cancelling a delivered booking, delivering a cancelled one) is refused with a clear reason.
import { IllegalTransitionError } from '../errors.js';
import { t, type TextKey } from '../texts.js';

export const bookingStatuses = [
  'awaiting-payment',
  'requested',
  'confirmed',
  'awaiting-files',
  'in-progress',
  'delivered',
  'revision-requested',
  'completed',
  'cancelled',
  'rescheduled',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

const next: Record<BookingStatus, readonly BookingStatus[]> = {
  // Held until its deposit is paid (PAYMENTS=stripe) or waived — not confirmed past it; unpaid in time, cancelled.
  'awaiting-payment': ['requested', 'cancelled'],
  requested: ['confirmed', 'cancelled', 'rescheduled'],
  confirmed: ['awaiting-files', 'in-progress', 'cancelled', 'rescheduled'],
  'awaiting-files': ['in-progress', 'cancelled', 'rescheduled'],
  'in-progress': ['delivered'],
  delivered: ['revision-requested', 'completed'],
  'revision-requested': ['in-progress'],
  completed: [],
  cancelled: [],
  rescheduled: [],
};

/** Statuses in which the session can still be moved or called off. */
export const changeableStatuses: readonly BookingStatus[] = ['requested', 'confirmed', 'awaiting-files'];
/** Statuses in which the artist may call the booking off: the changeable ones, and one still waiting for its deposit (not moved: its payment page is for that time). */
export const cancellableStatuses: readonly BookingStatus[] = ['awaiting-payment', ...changeableStatuses];
/** Statuses that still hold a place in the studio's calendar or queue. */
export const openStatuses: readonly BookingStatus[] = ['awaiting-payment', 'requested', 'confirmed', 'awaiting-files', 'in-progress', 'revision-requested'];
/** Statuses in which a booking takes files: while it is open (once its deposit is paid), and once delivered (a corrected mix, the source of a revision). */
export const fileTakingStatuses: readonly BookingStatus[] = [...openStatuses.filter((s) => s !== 'awaiting-payment'), 'delivered'];
/** Statuses of finished bookings, whose raw uploads the retention policy removes in time. */
export const finishedStatuses: readonly BookingStatus[] = ['completed', 'cancelled'];

const has = (set: readonly BookingStatus[]) => (status: string) => (set as readonly string[]).includes(status);
/** The session can still be moved or called off. */
export const isChangeable = has(changeableStatuses);
/** The booking holds a place in the calendar or the queue. */
export const isOpen = has(openStatuses);
/** Files sent for the booking are taken. */
export const acceptsFiles = has(fileTakingStatuses);
/** The artist follows it: /status and /mybookings show it in full (open, or delivered and revisable). */
export const isFollowed = (status: string): boolean => isOpen(status) || status === 'delivered';

const statusTexts: Record<BookingStatus, () => string> = {
  'awaiting-payment': () => t('status-awaiting-payment'),
  requested: () => t('status-requested'),
  confirmed: () => t('status-confirmed'),
  'awaiting-files': () => t('status-awaiting-files'),
  'in-progress': () => t('status-in-progress'),
  delivered: () => t('status-delivered'),
  'revision-requested': () => t('status-revision-requested'),
  completed: () => t('status-completed'),
  cancelled: () => t('status-cancelled'),
  rescheduled: () => t('status-rescheduled'),
};

/** A status as the artist reads it, in the language of the moment (not fixed when this module loads). */
export const statusLabel = (s: BookingStatus): string => statusTexts[s]();

/** A stored status as people read it (never its internal name, "awaiting-files"). */
export const statusText = (s: string): string => (isBookingStatus(s) ? statusLabel(s) : s);

/** Why a change is refused, by the status it would have led to. */
const refusals: Partial<Record<BookingStatus, Exclude<Extract<TextKey, `cannot-${string}`>, 'cannot-change'>>> = {
  confirmed: 'cannot-confirm',
  cancelled: 'cannot-cancel',
  rescheduled: 'cannot-reschedule',
  delivered: 'cannot-deliver',
  'revision-requested': 'cannot-revise',
  'in-progress': 'cannot-start',
  completed: 'cannot-complete',
  'awaiting-files': 'cannot-open-for-files',
};

export function isBookingStatus(v: string): v is BookingStatus {
  return (bookingStatuses as readonly string[]).includes(v);
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return next[from].includes(to);
}

export function assertKnownStatus(reference: string, status: string): asserts status is BookingStatus {
  if (!isBookingStatus(status)) throw new Error(`booking ${reference} has unknown status "${status}"`);
}

export function assertTransition(reference: string, from: string, to: BookingStatus): asserts from is BookingStatus {
  assertKnownStatus(reference, from);
  if (!canTransition(from, to)) {
    const key = refusals[to];
    const vars = { ref: reference, status: statusLabel(from) };
    throw new IllegalTransitionError(key ? t(key, vars) : t('cannot-change', { ...vars, to: statusLabel(to) }));
  }
}

/**
 * The steps from `from` to `to` along the status table, passing only through the statuses in
 * `via` (so a walk never confirms a requested booking unless asked to): [] when already there,
 * undefined when there is no such way.
 */
export function pathTo(from: BookingStatus, to: BookingStatus, via: readonly BookingStatus[] = []): BookingStatus[] | undefined {
  if (from === to) return [];
  const cameFrom = new Map<BookingStatus, BookingStatus>();
  const queue: BookingStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const n of next[at]) {
      if (cameFrom.has(n) || n === from) continue;
      cameFrom.set(n, at);
      if (n === to) {
        const steps: BookingStatus[] = [to];
        for (let s = at; s !== from; s = cameFrom.get(s)!) steps.unshift(s);
        return steps;
      }
      if (via.includes(n)) queue.push(n);
    }
  }
  return undefined;
}
