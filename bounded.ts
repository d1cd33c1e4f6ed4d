// Waiting with a bound: the shutdown's drain and outbox flush, /readyz's checks and Redis's PING
// each give their work a time, past which they say so instead of waiting on.

/** `work`'s result, or `late` once `ms` have passed (the timer cleared either way; `work` itself goes on). */
export async function within<T, L>(work: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<L>((resolve) => (timer = setTimeout(() => resolve(late), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
