// The booking lifecycle. Every change goes through `assertTransition`, so an illegal one
// (cancelling a delivered booking, delivering a cancelled one) is refused with a clear reason.
import { IllegalTransitionError } from '../errors.js';

export const bookingStatuses = [
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
/** Statuses that still hold a place in the studio's calendar or queue. */
export const openStatuses: readonly BookingStatus[] = ['requested', 'confirmed', 'awaiting-files', 'in-progress', 'revision-requested'];

export const statusLabels: Record<BookingStatus, string> = {
  requested: 'requested (waiting for the engineer to confirm)',
  confirmed: 'confirmed',
  'awaiting-files': 'confirmed, waiting for your files',
  'in-progress': 'in progress',
  delivered: 'delivered',
  'revision-requested': 'revision requested',
  completed: 'completed',
  cancelled: 'cancelled',
  rescheduled: 'moved to a new time',
};

const verbs: Partial<Record<BookingStatus, string>> = {
  confirmed: 'confirmed',
  cancelled: 'cancelled',
  rescheduled: 'rescheduled',
  delivered: 'delivered',
  'revision-requested': 'revised',
  'in-progress': 'started',
  completed: 'completed',
  'awaiting-files': 'opened for files',
};

export function isBookingStatus(v: string): v is BookingStatus {
  return (bookingStatuses as readonly string[]).includes(v);
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return next[from].includes(to);
}

export function assertTransition(reference: string, from: string, to: BookingStatus): asserts from is BookingStatus {
  if (!isBookingStatus(from)) throw new Error(`booking ${reference} has unknown status "${from}"`);
  if (!canTransition(from, to)) {
    throw new IllegalTransitionError(`Booking ${reference} is ${statusLabels[from]}, so it cannot be ${verbs[to] ?? to} now.`);
  }
}
