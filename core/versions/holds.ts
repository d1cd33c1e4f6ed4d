// When a version the engine made waits for the engineer instead of going to the artist at once.
// In standard and virtual sessions the engineer works live: what the engine makes before or
// during the session is the engineer's starting point, delivered by the engineer. Unattended
// work is the instant tier, unless the studio reviews it first (DELIVERY_REVIEW).
export const reviewPolicies = ['off', 'unattended', 'all'] as const;
export type ReviewPolicy = (typeof reviewPolicies)[number];

/** session: an attended session's starting point; review: the engineer listens before the artist does. */
export type Hold = 'session' | 'review';

export interface SessionFacts {
  kind: string;
  endsAt: Date | null;
  sessionStartedAt: Date | null;
  sessionEndedAt: Date | null;
}

/** The live part of the session is running: started (/session start) and not ended. */
export const sessionRunning = (b: Pick<SessionFacts, 'sessionStartedAt' | 'sessionEndedAt'>): boolean => Boolean(b.sessionStartedAt && !b.sessionEndedAt);

/** The same, as a database condition on bookings. */
export const runningSessionWhere = { sessionStartedAt: { not: null }, sessionEndedAt: null } as const;

/** The session is live, or still ahead (not ended by the engineer, its booked time not over). */
export function sessionAhead(b: SessionFacts, now: Date): boolean {
  if (b.kind === 'unattended' || b.sessionEndedAt) return false;
  return sessionRunning(b) || !b.endsAt || b.endsAt > now;
}

/** Why a version the engine just made is held, or null when it goes to the artist now. */
export function holdFor(b: SessionFacts, review: ReviewPolicy, now: Date): Hold | null {
  if (sessionAhead(b, now)) return 'session';
  if (review === 'all' || (review === 'unattended' && b.kind === 'unattended')) return 'review';
  return null;
}
