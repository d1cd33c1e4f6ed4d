import { t } from './texts.js';
import { DatabaseBusyError, isDatabaseUnavailable, isDiskFull } from '../db/transient.js';

/** A full disk under the database or the files, whichever reported it (adapters ask the core, not the database layer). */
export { isDiskFull };

/**
 * A problem the user can fix or should know about. Its message is shown to them as is;
 * anything else that goes wrong is logged with an error id and only the id is shown.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A file arrived and several of the artist's bookings take files: the chat asks which (its
 * message is for where no question can be asked).
 */
export class ChooseBooking extends UserError {
  constructor(readonly bookings: { reference: string }[]) {
    super(t('which-booking-for-files', { count: bookings.length, refs: bookings.map((b) => b.reference).join(', ') }));
    this.name = 'ChooseBooking';
  }
}

/**
 * A file refused; `reason` says why in a few words, for the list of an archive's skipped files;
 * `code` names the kind of refusal the same way in every language (the operator's metrics).
 */
export class FileRefused extends UserError {
  override name = 'FileRefused';
  constructor(
    message: string,
    readonly reason: string,
    readonly code = 'refused',
  ) {
    super(message);
  }
}

export class NotFoundError extends UserError {
  override name = 'NotFoundError';
}

export class SlotTakenError extends UserError {
  override name = 'SlotTakenError';
  constructor() {
    super(t('slot-taken'));
  }
}

/** The time asked for is outside the hours (of the studio, or of the engineer asked for). */
export class TimeNotOpenError extends UserError {
  override name = 'TimeNotOpenError';
  constructor() {
    super(t('time-not-open'));
  }
}

export class IllegalTransitionError extends UserError {
  override name = 'IllegalTransitionError';
}

/**
 * The message to show for a failure the user can act on: a UserError's own, or "busy, try again"
 * when the database stayed busy through its retries. Anything else is a fault (undefined).
 */
export function userMessage(err: unknown): string | undefined {
  if (err instanceof UserError) return err.message;
  if (isDiskFull(err)) return t('storage-full');
  if (err instanceof DatabaseBusyError || isDatabaseUnavailable(err)) return t('database-busy');
  return undefined;
}
