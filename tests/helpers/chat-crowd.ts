// A crowd of artists booking at once through the same Conversation the bots use: each one starts
// /book, picks a service, a session kind, a day and a time by pressing the buttons it was shown,
// and confirms; a time taken meanwhile sends it back to the calendar, and it picks again.
// Used by the concurrency tests (counts only) and by `npm run bench:chat` (counts and latencies).
import type { Conversation } from '../../core/conversation/engine.js';
import type { Button, Incoming, Reply } from '../../core/conversation/types.js';
import { t } from '../../core/texts.js';

export interface CrowdResult {
  attempted: number;
  booked: number;
  /** Per-message handling time, ms. */
  latencies: number[];
  /** Replies that were not the next question, by kind (unexpected = "something went wrong"). */
  errors: Record<string, number>;
  /** Times an artist was sent back to pick another time (a lost race, not an error). */
  slotRetries: number;
}

/** A small seeded generator, so two runs make the same choices. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const unexpectedPrefix = t('unexpected-error', { id: '' }).split('(')[0]!;

function classify(replies: Reply[]): string | null {
  const text = replies.map((r) => r.text).join('\n');
  if (text.startsWith(unexpectedPrefix)) return 'unexpected';
  if (text.includes(t('already-answered'))) return 'already-answered';
  if (text.includes(t('button-stale'))) return 'stale-button';
  if (text.includes(t('database-busy'))) return 'busy';
  return null;
}

function buttons(replies: Reply[]): Button[] {
  return replies.flatMap((r) => r.buttons?.flat() ?? []);
}

export interface CrowdOptions {
  platform?: string;
  seed?: number;
  maxSteps?: number;
  /** Time an artist takes to read a reply before answering, ms [min, max) (benchmarks only: tests never wait on the clock). */
  readingMs?: [number, number];
  /** Artists arrive at random moments over this many ms instead of all at once (benchmarks only). */
  arrivalMs?: number;
  /** Artists browse up to this many pages of dates before choosing one (spreads them over the calendar). */
  pages?: number;
}

export async function bookingCrowd(conversation: Conversation, n: number, o: CrowdOptions = {}): Promise<CrowdResult> {
  const result: CrowdResult = { attempted: n, booked: 0, latencies: [], errors: {}, slotRetries: 0 };
  const platform = o.platform ?? 'crowd';
  const maxSteps = o.maxSteps ?? 80;
  const booked = t('book-booked', { ref: '\u0000' }).split('\u0000')[0]!;

  async function artist(i: number): Promise<void> {
    const random = prng((o.seed ?? 1) * 7919 + i);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const sender = { platform, chatId: `chat-${i}`, userId: `artist-${i}`, displayName: `Artist ${i}`, isPrivateChat: true };
    let eventSeq = 0;
    const send = async (body: Record<string, unknown>): Promise<Reply[]> => {
      if (o.readingMs && eventSeq > 0) {
        const [min, max] = o.readingMs;
        await new Promise((r) => setTimeout(r, min + random() * (max - min)));
      }
      const started = performance.now();
      const replies = await conversation.handle({ ...sender, eventId: `${i}-${eventSeq++}`, ...body } as Incoming);
      result.latencies.push(performance.now() - started);
      const error = classify(replies);
      if (error) result.errors[error] = (result.errors[error] ?? 0) + 1;
      return replies;
    };
    const press = (b: Button) => send({ kind: 'button', data: b.data });
    const withData = (rs: Reply[], prefix: string) => buttons(rs).filter((b) => b.data.split(':')[1] === prefix);
    const wantedPage = Math.floor(random() * (o.pages ?? 1));
    if (o.arrivalMs) await new Promise((r) => setTimeout(r, random() * o.arrivalMs!));

    let replies = await send({ kind: 'command', command: 'book', args: '' });
    for (let step = 0; step < maxSteps; step++) {
      if (replies.some((r) => r.text.startsWith(booked))) {
        result.booked++;
        return;
      }
      const svc = withData(replies, 'svc');
      const kind = withData(replies, 'kind');
      const date = withData(replies, 'date');
      const slot = withData(replies, 'slot');
      const yes = withData(replies, 'yes');
      if (svc.length) replies = await press(pick(svc));
      else if (kind.length) replies = await press(pick(kind));
      else if (date.length) {
        if (replies.some((r) => r.text.includes(t('slot-taken')))) result.slotRetries++;
        const later = withData(replies, 'page').find((b) => b.label === t('calendar-later'));
        const page = later ? Number(later.data.split(':')[2]) - 1 : 0;
        replies = await press(later && page < wantedPage ? later : pick(date));
      } else if (slot.length) replies = await press(pick(slot));
      else if (yes.length) replies = await press(yes[0]!);
      // Anything else (an error, a lost dialog): start over, as an artist would.
      else replies = await send({ kind: 'command', command: 'book', args: '' });
    }
  }

  await Promise.all(Array.from({ length: n }, (_, i) => artist(i)));
  return result;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
