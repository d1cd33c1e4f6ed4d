// The jobs this process is running, and those that ended a moment ago: when the service stops
// answering for a while, its warning names what was running then.
const running = new Map<number, { name: string; id: string; since: number }>();
const ended: { name: string; id: string; at: number }[] = [];
const KEEP_ENDED_MS = 5000;
let next = 0;

/** Told of every job this process finished: its kind, how long it ran, and whether it threw. */
export type SettledListener = (name: string, seconds: number, outcome: 'done' | 'threw') => void;
const settledListeners = new Set<SettledListener>();

/** Listens to every job that settles in this process (the metrics); returns how to stop listening. */
export function onJobSettled(listener: SettledListener): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

/** How many jobs of each kind this process is running now. */
export function runningByKind(): Map<string, number> {
  const out = new Map<string, number>();
  for (const j of running.values()) out.set(j.name, (out.get(j.name) ?? 0) + 1);
  return out;
}

/** Runs a job's handler, counted as running until it settles. */
export async function tracked<T>(name: string, id: string, run: () => Promise<T>): Promise<T> {
  const key = next++;
  const since = Date.now();
  running.set(key, { name, id, since });
  let outcome: 'done' | 'threw' = 'threw';
  try {
    const result = await run();
    outcome = 'done';
    return result;
  } finally {
    running.delete(key);
    for (const l of settledListeners) l(name, (Date.now() - since) / 1000, outcome);
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
