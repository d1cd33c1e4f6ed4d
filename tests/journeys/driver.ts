// What a journey script (journeys.ts) drives, whatever the chat: the artist types, presses and
// sends files; the engineer types desk commands; time passes; the studio's jobs and messages run.
// Each platform's driver records a transcript as its people would read it.
import { readFileSync, statSync } from 'node:fs';
import * as tus from 'tus-js-client';
import type { ManualClock } from '../../core/clock.js';
import { completedEvent, signed, WEBHOOK_SECRET, type StripeFake } from '../helpers/stripe-fake.js';
import type { Studio } from '../../core/studio.js';
import type { Language } from '../../core/texts.js';
import type { InProcessQueue } from '../../queue/in-process.js';

/** A button named in each language (journeys run in English and in Spanish). */
export type Label = string | Record<Language, string | RegExp>;

export interface JourneyDriver {
  readonly language: Language;
  readonly studio: Studio & { clock: ManualClock };
  /** The artist types a message or a command. */
  say(text: string): Promise<void>;
  /** The artist presses a button of the latest question (by its label, in the journey's language). */
  press(label: Label): Promise<void>;
  /** The artist sends a file from disk. */
  file(name: string, localPath: string, caption?: string): Promise<void>;
  /** The artist opens the upload link the chat gave last and sends a file through the page (the page's resumable tus client). */
  browserUpload(name: string, localPath: string): Promise<void>;
  /** The artist pays on the checkout page the chat linked last (Stripe, through its fake: the signed webhook it sends). */
  payOnline(): Promise<void>;
  /** The engineer types a desk command (`booking confirm MD-…`), in the studio's language. */
  desk(command: string): Promise<void>;
  /** Runs the studio's jobs and sends its messages until nothing is left to do. */
  settle(): Promise<void>;
  /** Moves the studio's clock and runs what was due (reminders). */
  advanceTo(at: Date): Promise<void>;
  /** The booking references said so far, in order (the transcript names them MD-REF1, MD-REF2, …). */
  references(): string[];
  /** A line of narration in the transcript. */
  note(text: string): void;
}

export interface Journey {
  /** The file name under docs/journeys/. */
  slug: string;
  title: string;
  /** Settings of the studio for this journey (beyond the tests' defaults). */
  env?: Record<string, string>;
  /** Takes payments through Stripe (the fake, tests/helpers/stripe-fake.ts). */
  payments?: boolean;
  run(d: JourneyDriver): Promise<void>;
}

/**
 * Runs the studio's jobs and sends its messages until nothing is left: a job's message can start
 * another job (a delivery starts its MP3 preview), so a few rounds, each waiting for the queue.
 */
export async function settleStudio(studio: Studio, queue: InProcessQueue): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await queue.idle();
    await studio.outbox.dispatch();
  }
  await queue.idle();
}

/**
 * What the upload page does with a file: tus to /files/ with the link's token. `said` is what the
 * chat showed so far (the link is the last one in it); `webUrl` where the studio's web server runs.
 */
export async function uploadThroughLink(said: string, webUrl: string, name: string, localPath: string): Promise<void> {
  const token = [...said.matchAll(/\/u\/([\w.-]+)/g)].at(-1)?.[1];
  if (!token) throw new Error('no upload link in the chat so far');
  await new Promise<void>((resolve, reject) => {
    new tus.Upload(readFileSync(localPath), {
      endpoint: `${webUrl}/files/`,
      chunkSize: 2 ** 20,
      headers: { 'X-Upload-Token': token },
      metadata: { filename: name },
      onError: reject,
      onSuccess: () => resolve(),
    }).start();
  });
}

/** Where a driver reaches the studio from outside the chat: its web server, and Stripe's fake when the journey takes payments. */
export interface Outside {
  webUrl: string;
  stripe?: StripeFake;
}

/** What Stripe does once the artist paid on the latest checkout page: the signed `checkout.session.completed` webhook. */
export async function payLatestCheckout(outside: Outside): Promise<void> {
  const session = outside.stripe?.sessions.at(-1);
  if (!session) throw new Error('no checkout page was made');
  const body = completedEvent(`evt_${session.id}`, session);
  const res = await fetch(`${outside.webUrl}/stripe/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'stripe-signature': signed(body, WEBHOOK_SECRET) },
  });
  if (!res.ok) throw new Error(`the studio refused the payment webhook: ${res.status} ${await res.text()}`);
}

/** The transcript's line for an upload through the page. */
export const browserUploadLine = (who: string, name: string, localPath: string): string =>
  `— ${who} opens the upload link in a browser and sends ${name} (${(statSync(localPath).size / 2 ** 20).toFixed(1)} MB) through the page.`;

/** The label in the driver's language. */
export function labelIn(label: Label, language: Language): string | RegExp {
  return typeof label === 'string' ? label : label[language];
}

/**
 * A transcript the same on every run: references, secret tokens in links and temporary paths are
 * replaced by stable names; everything else is the product's own words.
 */
export function stableTranscript(text: string, references: readonly string[], paths: readonly string[]): string {
  let out = text;
  // A session's SonoBus keycode is new for every booking.
  const keycodes = new Map([...text.matchAll(/(?:Group|Grupo): (\S+)\n\s*(?:Password|Contraseña): (\S+)/g)].map((m) => [m[1]!, m[2]!]));
  [...keycodes].forEach(([group, password], i) => {
    out = out
      .split(group)
      .join(`<group${i + 1}>`)
      .split(password)
      .join(`<password${i + 1}>`);
  });
  references.forEach((ref, i) => (out = out.split(ref).join(`MD-REF${i + 1}`)));
  for (const p of paths) out = out.split(p).join('<files>');
  return (
    out
      // Signed links: the secret part differs on every run.
      .replace(/(https?:\/\/[^\s/]+(?:\/[\w-]+)*?\/)([\w-]{16,}(?:\.[\w-]{16,})?)(?=[\s/)?\]]|$)/g, '$1<token>')
      .replace(/([?&](?:token|sig|signature|t)=)[\w.-]+/g, '$1<token>')
      .replace(/\/tmp\/[\w./-]+/g, '<tmp>')
  );
}

/** Words no Spanish sentence has (the locale files' and the engine notes' tests look for the same). */
const ENGLISH =
  /\b(the|and|with|your|you|please|will|from|has|have|was|were|is|are|it|this|status|delivered|booking|bookings|waiting|ready|received|sent|stored|revisions?|files?|days?|today|tomorrow|before|after|now)\b/i;

/**
 * The lines of a transcript the artist reads (the bot's messages to them: not the engineer's chats
 * or terminal, not what the artist typed, not the narration) that hold an English word; a line
 * quoting the engineer's own typed words is theirs, not the studio's.
 */
export function englishToArtist(transcript: string, quotedEngineer: RegExp): string[] {
  // The console prints its answers bare under the line typed ("> …"); the chats name the bot.
  const console = /^> /m.test(transcript);
  const found: string[] = [];
  let artistReads = console;
  for (const line of transcript.split('\n')) {
    if (console) {
      // Someone else's block (the engineer's terminal, an alert for the engineer) lasts to the next blank line.
      if (/^(\[|— |# |```)/.test(line)) artistReads = false;
      else if (line === '' || line.startsWith('> ')) artistReads = true;
      if (line.startsWith('> ') || line === '') continue;
    } else if (/^(bot\b|\[|— |# |```|\w+( presses| uses| sends| \(DM\))?:? )/.test(line) || line === '') {
      // A new speaker or scene: the bot to the artist, or someone else.
      artistReads = /^bot( \(edits its message\))?( \(only they see it\))?:/.test(line);
    }
    if (!artistReads || quotedEngineer.test(line) || /^\s*(📎|\[|\d+\) )/.test(line) || /^bot sends /.test(line)) continue;
    const said = line.replace(/^bot( \(edits its message\))?:\s*/, '').replace(/https?:\S+|<[^>]+>|\/\w+/g, ' ');
    if (ENGLISH.test(said)) found.push(line);
  }
  return found;
}
