// The booking lifecycle's sets and predicates live beside its status table (core/booking/status.ts)
// and agree with it, so no caller re-lists statuses of its own.
import { describe, expect, it } from 'vitest';
import {
  acceptsFiles,
  bookingStatuses,
  canTransition,
  changeableStatuses,
  finishedStatuses,
  isChangeable,
  isFollowed,
  isOpen,
  openStatuses,
} from '../../core/booking/status.js';

describe('booking status sets', () => {
  it('agree with the transitions: a changeable booking can be cancelled and moved, a finished one goes nowhere', () => {
    for (const s of changeableStatuses) expect([canTransition(s, 'cancelled'), canTransition(s, 'rescheduled')], s).toEqual([true, true]);
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
      expect(acceptsFiles(s), s).toBe(openStatuses.includes(s));
      expect(isFollowed(s), s).toBe(openStatuses.includes(s) || s === 'delivered');
    }
    for (const p of [isOpen, isChangeable, acceptsFiles, isFollowed]) expect(p('archived')).toBe(false);
  });
});
