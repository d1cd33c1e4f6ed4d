// Moments in a song as people write them: "1:23", "2:40–2:55", "1:02:05" for a long file. The
// listening page, the chat's /revise and the engineer's alerts all speak this way, so a comment
// clicked at 83.4 s on the page reads "1:23" in the engineer's Discord.

/** "1:23" (m:ss), "1:02:05" from an hour on; seconds are cut, not rounded, as a player's clock shows them. */
export function formatMoment(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "1:23", or "2:40–2:55" for a stretch ("0:02.0–0:02.5" when it is shorter than its seconds show). */
export function momentText(startMs: number, endMs: number | null | undefined): string {
  if (endMs == null || endMs <= startMs) return formatMoment(startMs);
  const [from, to] = [formatMoment(startMs), formatMoment(endMs)];
  if (from !== to) return `${from}–${to}`;
  const tenths = (ms: number) => `${formatMoment(ms)}.${Math.floor((Math.max(0, ms) % 1000) / 100)}`;
  return `${tenths(startMs)}–${tenths(endMs)}`;
}

const TIME = String.raw`(\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?)`;

/** "1:23", "01:23.5", "1:02:05" in milliseconds; null for anything else. */
export function parseMoment(text: string): number | null {
  const m = new RegExp(`^${TIME}$`).exec(text.trim());
  if (!m) return null;
  const [clock, fraction = '0'] = m[1]!.split(/[.,]/);
  const parts = clock!.split(':').map(Number);
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  return seconds * 1000 + Math.round(Number(`0.${fraction}`) * 1000);
}

export interface TimedNote {
  startMs: number;
  endMs: number | null;
  text: string;
}

// "at 1:23", "@1:23", "en 1:23", "al 1:23", then an optional end: "-", "–", "—", "to", "a", "hasta".
const TIMED = new RegExp(
  String.raw`(?:\b(?:at|around|from|en|al|a las|a|desde|de|del)\s+|@\s*)?${TIME}(?:\s*(?:-|–|—|\bto\b|\ba\b|\bhasta\b)\s*${TIME})?`,
  'giu',
);
const LEADING = /^[\s:,;.\-–—]+/u;
const TRAILING_WORD = /(?:[,;]|\s(?:and|y))$/iu;

/** Without the commas, semicolons and "and"/"y" that joined it to what follows (one at a time: a nested pattern here backtracks exponentially on long runs of spaces). */
function trimJoiners(text: string): string {
  let t = text.trimEnd();
  while (TRAILING_WORD.test(t)) t = t.replace(TRAILING_WORD, '').trimEnd();
  return t;
}

/**
 * Notes with times in them ("at 1:23 vocal too quiet, 2:40–2:55 less reverb"): each time and the
 * words after it up to the next time is a timed note; what comes before the first time (or a time
 * with no words after it) stays in `untimed`, as typed.
 */
export function parseTimedNotes(text: string): { untimed: string; timed: TimedNote[] } {
  const found = [...text.matchAll(TIMED)];
  const timed: TimedNote[] = [];
  const untimed: string[] = [text.slice(0, found[0]?.index ?? text.length)];
  found.forEach((m, i) => {
    const start = parseMoment(m[1]!);
    const end = m[2] ? parseMoment(m[2]) : null;
    const words = trimJoiners(text.slice(m.index + m[0].length, found[i + 1]?.index ?? text.length).replace(LEADING, '')).trim();
    if (start === null || !words) untimed.push(m[0]);
    else timed.push({ startMs: start, endMs: end !== null && end > start ? end : null, text: words });
  });
  return { untimed: trimJoiners(untimed.join(' ')).replace(/\s+/g, ' ').trim(), timed };
}
