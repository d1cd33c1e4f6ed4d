// The booking lifecycle's sets and predicates live beside its status table (core/booking/status.ts)
// and agree with it, so no caller re-lists statuses of its own.
import { describe, expect, it } from 'vitest';
import {
  acceptsFiles,
  bookingStatuses,
  canTransition,
  cancellableStatuses,
  changeableStatuses,
  finishedStatuses,
  isChangeable,
  isFollowed,
  isOpen,
  openStatuses,
  pathTo,
} from '../../core/booking/status.js';

describe('booking status sets', () => {
  it('agree with the transitions: a changeable booking can be cancelled and moved, a finished one goes nowhere', () => {
    for (const s of changeableStatuses) expect([canTransition(s, 'cancelled'), canTransition(s, 'rescheduled')], s).toEqual([true, true]);
    for (const s of cancellableStatuses) expect(canTransition(s, 'cancelled'), s).toBe(true);
    for (const s of finishedStatuses)
      expect(
        bookingStatuses.filter((to) => canTransition(s, to)),
        s,
      ).toEqual([]);
    for (const s of openStatuses) expect(finishedStatuses).not.toContain(s);
  });

  it('the predicates are the sets, and nothing unknown passes', () => {
    for (const s of bookingStatuses) {
      expect(isOpen(s), s).toBe(openStatuses.includes(s));
      expect(isChangeable(s), s).toBe(changeableStatuses.includes(s));
      // A corrected mix after delivery; nothing before the deposit is paid.
      expect(acceptsFiles(s), s).toBe((openStatuses.includes(s) && s !== 'awaiting-payment') || s === 'delivered');
      expect(isFollowed(s), s).toBe(openStatuses.includes(s) || s === 'delivered');
    }
    for (const p of [isOpen, isChangeable, acceptsFiles, isFollowed]) expect(p('archived')).toBe(false);
  });
});

describe('walking the status table (bookings.advanceTo)', () => {
  it('takes the steps through the statuses it is allowed to pass, and only those', () => {
    expect(pathTo('in-progress', 'in-progress')).toEqual([]);
    expect(pathTo('awaiting-files', 'delivered', ['in-progress'])).toEqual(['in-progress', 'delivered']);
    expect(pathTo('revision-requested', 'delivered', ['in-progress'])).toEqual(['in-progress', 'delivered']);
    expect(pathTo('delivered', 'in-progress', ['revision-requested'])).toEqual(['revision-requested', 'in-progress']);
    expect(pathTo('confirmed', 'in-progress')).toEqual(['in-progress']);
    // A requested booking is never confirmed on the way unless the caller says so.
    expect(pathTo('requested', 'delivered', ['in-progress'])).toBeUndefined();
    expect(pathTo('requested', 'in-progress', ['revision-requested'])).toBeUndefined();
    expect(pathTo('requested', 'awaiting-files', ['confirmed'])).toEqual(['confirmed', 'awaiting-files']);
    // Finished bookings go nowhere.
    expect(pathTo('cancelled', 'delivered', [...bookingStatuses])).toBeUndefined();
    expect(pathTo('delivered', 'in-progress')).toBeUndefined();
  });

  it('every path it returns is made of allowed transitions', () => {
    for (const from of bookingStatuses)
      for (const to of bookingStatuses) {
        const steps = pathTo(from, to, [...bookingStatuses]);
        if (!steps) continue;
        [from, ...steps].slice(0, -1).forEach((s, i) => expect(canTransition(s, steps[i]!), `${from}→${to}`).toBe(true));
      }
  });
});
