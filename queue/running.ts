// The jobs this process is running, and those that ended a moment ago: when the service stops
// answering for a while, its warning names what was running then.
const running = new Map<number, { name: string; id: string; since: number }>();
const ended: { name: string; id: string; at: number }[] = [];
const KEEP_ENDED_MS = 5000;
let next = 0;

/** Runs a job's handler, counted as running until it settles. */
export async function tracked<T>(name: string, id: string, run: () => Promise<T>): Promise<T> {
  const key = next++;
  running.set(key, { name, id, since: Date.now() });
  try {
    return await run();
  } finally {
    running.delete(key);
    ended.push({ name, id, at: Date.now() });
    if (ended.length > 50) ended.splice(0, ended.length - 50);
  }
}

/** "mixdown:MD-1-v2 (running)", "preview:… (ended)": running now, or ended within the last few seconds. */
export function jobsLately(now = Date.now()): string[] {
  return [
    ...[...running.values()].map((j) => `${j.name}:${j.id} (running ${Math.round((now - j.since) / 1000)} s)`),
    ...ended.filter((j) => now - j.at <= KEEP_ENDED_MS).map((j) => `${j.name}:${j.id} (ended)`),
  ];
}
