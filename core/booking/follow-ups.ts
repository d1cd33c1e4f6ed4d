// What the other aggregates do when a booking is cancelled, released or moved — each in its own
// module, inside the transaction that changed the booking. The booking only announces
// (BookingWatcher); this is where the studio decides what follows, so bookings.ts imports none of
// these tables and none of them imports bookings.ts back.
import type { BookingWatcher } from './bookings.js';
import { dropUnsentRemindersIn } from '../sessions/reminders.js';
import { revokeUploadLinksIn } from '../files/upload-links.js';
import { revokeListeningLinksIn } from '../listening/links.js';
import { moveFilesIn } from '../files/stored-files.js';
import { movePaymentsIn } from '../payments/payment-repository.js';

export const bookingFollowUps: BookingWatcher = {
  async cancelled(tx, bookingId, at) {
    await revokeUploadLinksIn(tx, bookingId, at);
    await dropUnsentRemindersIn(tx, bookingId);
  },
  async released(tx, bookingId) {
    await dropUnsentRemindersIn(tx, bookingId);
  },
  async moved(tx, fromId, toId, at) {
    // The old time's reminders and links go: the moved booking plans its own and its deliveries carry new ones.
    await dropUnsentRemindersIn(tx, fromId);
    await revokeUploadLinksIn(tx, fromId, at);
    await revokeListeningLinksIn(tx, fromId, at);
    // Files already sent belong to the engagement, which continues under the new booking.
    await moveFilesIn(tx, fromId, toId);
    // So does what was paid for it: the deposit counts towards the moved booking's balance and
    // follows it to a refund if it is cancelled.
    await movePaymentsIn(tx, fromId, toId);
  },
};
