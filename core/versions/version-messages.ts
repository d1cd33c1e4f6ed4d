// What the artist is told about a version, written from facts stored with it (Delivery.facts):
// a version the engineer holds back (an attended session's starting point, one awaiting review)
// is announced when it is released exactly as it would have been at once, in the artist's
// language of that moment, with the free revisions left at that moment.
import type { EngineNote, Waveform } from '../../engine/index.js';
import type { MixdownNote, SkipReason } from '../../engine/mixdown-notes.js';
import { audioProblemInWords } from '../files/audio-problems.js';
import { formatInWords } from '../files/format-words.js';
import { formatMoney, serviceName } from '../catalog.js';
import type { BookingWithService } from '../booking/bookings.js';
import type { Invoice, Reply, ReplyFile } from '../messages/reply.js';
import type { DownloadLinks } from '../files/download-links.js';
import { sentence, t } from '../texts.js';
import type { VersionFile } from './versions.js';

type StoredFile = VersionFile;

const renderTexts: Record<string, () => string> = {
  master: () => t('render-master'),
  full: () => t('render-full'),
  instrumental: () => t('render-instrumental'),
  acappella: () => t('render-acappella'),
};

/** A render's name ("full mix", "a cappella") in the reader's language, read when the message is written. */
export const renderLabel = (kind: string): string => renderTexts[kind]?.() ?? kind;

/** A stored file as the artist gets it: streamed by the adapter, or by its signed link. */
export function replyFile(d: { downloads: DownloadLinks }, f: StoredFile): ReplyFile {
  const url = d.downloads.url(f.storageKey, f.fileName);
  return {
    name: f.fileName,
    storageKey: f.storageKey,
    sizeBytes: Number(f.sizeBytes),
    ...(url ? { url } : {}),
    kind: f.kind === 'report' || /\.(png|jpe?g)$/i.test(f.fileName) ? 'image' : 'audio',
  };
}

/** The last line of a delivery: free revisions left and how to ask, or what a further one costs. */
export function revisionsLine(left: number, booking: BookingWithService, howToAsk: string): string {
  return left > 0
    ? t('revisions-left', { count: left, how: howToAsk })
    : t('revisions-used', { price: formatMoney(booking.service.revisionPriceCents, booking.currency) });
}

/** The engine's notes on a master in the reader's language (older versions kept only the English). */
export function engineNotes(facts: { warnings: string[]; notes?: EngineNote[] }): string[] {
  return facts.notes ? facts.notes.map(noteInWords) : facts.warnings;
}

function noteInWords(n: EngineNote): string {
  switch (n.code) {
    case 'dc-removed':
      return t('engine-note-dc-removed', { dbfs: n.dbfs });
    case 'sides-out-of-phase':
      return t('engine-note-sides-out-of-phase', { correlation: n.correlation });
    case 'section-out-of-phase':
      return t('engine-note-section-out-of-phase', { atSec: n.atSec, correlation: n.correlation });
    case 'vinyl-mono-lows':
      return t('engine-note-vinyl-mono-lows', { hz: n.hz, phase: n.outOfPhase ? 'out' : 'wide', correlation: n.correlation, loss: lossWords(n.lossDb) });
    case 'lows-out-of-phase':
      return t('engine-note-lows-out-of-phase', { hz: n.hz, correlation: n.correlation, loss: lossWords(n.lossDb) });
    case 'lows-wide':
      return t('engine-note-lows-wide', { hz: n.hz, correlation: n.correlation, loss: lossWords(n.lossDb) });
    case 'no-brickwall':
      return t('engine-note-no-brickwall', { lufs: n.lufs, limiting: n.maxLimitingDb, target: n.targetLufs });
    case 'limiting-stops-short':
      return t('engine-note-limiting-stops-short', { lufs: n.lufs, limiting: n.maxLimitingDb, target: n.targetLufs, needs: n.needsDb });
    case 'peaks-clipped':
      return t('engine-note-peaks-clipped', { db: n.db, share: n.share });
    case 'true-peak-over':
      return t('engine-note-true-peak-over', { dbtp: n.dbtp, ceiling: n.ceilingDbtp });
    case 'target-missed':
      return t('engine-note-target-missed', { lufs: n.lufs, target: n.targetLufs });
    case 'vinyl-bright':
      return t('engine-note-vinyl-bright', { hf: n.hfDb, limit: n.limitDb });
    case 'vinyl-phase':
      return t('engine-note-vinyl-phase', { correlation: n.correlation, worst: n.worst, atSec: n.atSec });
  }
}

/** "more than 40" is the engine's word for losses too large to be a number. */
const lossWords = (lossDb: string) => (/^\d/.test(lossDb) ? lossDb : t('engine-note-loss-huge'));

/** What a version's message says, by how the version was made. */
export type VersionFacts =
  | {
      kind: 'master';
      lufs: number;
      dbtp: number;
      target: number;
      ceiling: number;
      targetMet: boolean;
      /** In English: what versions made before notes had codes keep. */
      warnings: string[];
      /** What the engine noticed, worded in the reader's language. */
      notes?: EngineNote[];
      /** The mix it was made from, when it is not the one the previous delivery came from. */
      newSource?: string;
      /** The mix's integrated loudness (the listening page matches the two for a fair comparison). */
      sourceLufs?: number;
      /** Short-term loudness over time, mix and master (the listening page's strip). */
      curve?: { stepSec: number; before: number[]; after: number[] };
    }
  | {
      kind: 'mixdown';
      mastered: boolean;
      renders: string[];
      stems: number;
      seconds: number;
      /** `why` as a code (older versions kept only the English `reason`). */
      skipped: { stem: string; reason: string; why?: SkipReason }[];
      warnings: string[];
      notes?: MixdownNote[];
      /** The full mix's integrated loudness (the listening room matches versions by it). */
      lufs?: number;
    }
  | { kind: 'engineer'; renders: string[]; note?: string };

/** A version's stored outlines (its own, and the mix's it was made from), for the listening page. */
export function parseOutlines(json: string | null): { after: Waveform | null; before: Waveform | null } {
  const parsed = json ? (JSON.parse(json) as { after?: Waveform; before?: Waveform }) : {};
  return { after: parsed.after ?? null, before: parsed.before ?? null };
}

export function parseFacts(json: string | null): VersionFacts | null {
  if (!json) return null;
  const facts = JSON.parse(json) as VersionFacts;
  return ['master', 'mixdown', 'engineer'].includes(facts.kind) ? facts : null;
}

const mixdownNotes = (f: Extract<VersionFacts, { kind: 'mixdown' }>) => [
  ...f.skipped.map((s) => t('mixdown-left-out', { stem: s.stem, reason: s.why ? skipInWords(s.why) : s.reason })),
  ...(f.notes ? f.notes.map(mixdownNoteInWords) : f.warnings.map(sentence)),
];

function skipInWords(r: SkipReason): string {
  switch (r.code) {
    case 'unreadable':
      return audioProblemInWords(r);
    case 'empty':
      return t('mixdown-skip-empty');
    case 'channels':
      return t('mixdown-skip-channels', { channels: r.channels });
  }
}

function mixdownNoteInWords(n: MixdownNote): string {
  switch (n.code) {
    case 'stem-resampled':
      return t('mixdown-note-stem-resampled', { stem: n.stem, fromHz: String(n.fromHz), toHz: String(n.toHz) });
    case 'stem-silent':
      return t('mixdown-note-stem-silent', { stem: n.stem });
    case 'stem-padded':
      return t('mixdown-note-stem-padded', { stem: n.stem, seconds: n.seconds });
    case 'no-vocals':
      return t('mixdown-note-no-vocals');
    case 'no-instruments':
      return t('mixdown-note-no-instruments');
  }
}

/** The version in one line for the engineer ("−14.0 LUFS, −1.0 dBTP", "full mix, instrumental"). */
export function factsLine(facts: VersionFacts): string {
  switch (facts.kind) {
    case 'master':
      return t('version-facts-master', { lufs: facts.lufs.toFixed(1), dbtp: facts.dbtp.toFixed(1) });
    case 'mixdown':
    case 'engineer':
      return facts.renders.map(renderLabel).join(', ');
  }
}

/** What the artist may have before the balance is paid: the report's picture and the MP3 preview. */
export const beforeBalance = (f: { kind: string }): boolean => f.kind === 'report' || f.kind === 'preview';

/** The balance a version waits for: its amount, the link that pays it, the chat's invoice. */
export interface BalanceAsk {
  amount: string;
  url: string;
  invoice: Invoice;
}

/**
 * The artist's message for a delivered version, given the free revisions left, with the link to
 * the booking's listening page. With a balance due it carries only the report and preview, and
 * says how the full-quality files follow.
 */
export function versionMessage(
  d: { downloads: DownloadLinks },
  booking: BookingWithService,
  version: number,
  files: StoredFile[],
  facts: VersionFacts,
  freeLeft: number,
  o: { balance?: BalanceAsk | undefined; listenUrl?: string | undefined } = {},
): Reply {
  const { balance, listenUrl } = o;
  const whole = wholeVersionMessage(d, booking, version, balance ? files.filter(beforeBalance) : files, facts, freeLeft, balance);
  const listen = listenUrl ? [{ label: t('room-link-label'), url: listenUrl }] : [];
  if (!balance) return listen.length ? { ...whole, links: listen } : whole;
  return {
    ...whole,
    // Said before the revisions line, which stays the message's last.
    text: beforeLastParagraph(whole.text, t('balance-files-after', { amount: balance.amount, url: balance.url })),
    links: [{ label: t('balance-pay-button', { amount: balance.amount }), url: balance.url }, ...listen],
    invoice: balance.invoice,
  };
}

function beforeLastParagraph(text: string, paragraph: string): string {
  const cut = text.lastIndexOf('\n\n');
  return cut < 0 ? `${text}\n\n${paragraph}` : `${text.slice(0, cut)}\n\n${paragraph}${text.slice(cut)}`;
}

function wholeVersionMessage(
  d: { downloads: DownloadLinks },
  booking: BookingWithService,
  version: number,
  files: StoredFile[],
  facts: VersionFacts,
  freeLeft: number,
  balance?: BalanceAsk,
): Reply {
  const attached = (list: StoredFile[]) => list.map((f) => replyFile(d, f));
  switch (facts.kind) {
    case 'master': {
      const master = files.find((f) => f.kind === 'master');
      const numbers = { lufs: facts.lufs.toFixed(1), dbtp: facts.dbtp.toFixed(1), target: String(facts.target), ceiling: String(facts.ceiling) };
      const format = master ? formatInWords(master.format) : '';
      const lines = [
        t('master-ready', { ref: booking.reference, version }),
        ...(facts.newSource ? [`  ${t('master-from-new-source', { file: facts.newSource })}`] : []),
        `  ${t(facts.targetMet ? 'master-numbers' : 'master-numbers-missed', numbers)}`,
        ...(balance ? [] : [`  ${t(files.some((f) => f.kind === 'preview') ? 'master-files-preview' : 'master-files', { format })}`]),
        ...engineNotes(facts).map((w) => `  ${t('delivery-note', { note: w })}`),
        '',
        revisionsLine(freeLeft, booking, t('revise-how-master-examples')),
      ];
      // The picture first: it is what a phone shows above the files.
      const ordered = [...files.filter((f) => f.kind === 'report'), ...files.filter((f) => f.kind !== 'report')];
      return { text: lines.join('\n'), files: attached(ordered), visibility: 'private' };
    }
    case 'mixdown':
      return {
        text: [
          t(facts.mastered ? 'mixdown-ready-mastered' : 'mixdown-ready', {
            ref: booking.reference,
            version,
            renders: facts.renders.map(renderLabel).join(', '),
          }),
          `  ${t('mixdown-from', { count: facts.stems, seconds: facts.seconds.toFixed(0) })}`,
          ...mixdownNotes(facts).map((n) => `  ${t('delivery-note', { note: n })}`),
          '',
          revisionsLine(freeLeft, booking, t('revise-how-notes')),
        ].join('\n'),
        files: attached(files),
        visibility: 'private',
      };
    case 'engineer':
      return {
        text: [
          t('engineer-delivery-ready', {
            service: serviceName(booking.service).toLowerCase(),
            ref: booking.reference,
            version,
            what: facts.renders.map(renderLabel).join(', '),
          }),
          ...(facts.note ? [t('engineer-delivery-note', { note: facts.note })] : []),
          '',
          revisionsLine(freeLeft, booking, t('revise-how-notes')),
        ].join('\n'),
        files: attached(files),
        visibility: 'private',
      };
  }
}

/** The report text a mixdown keeps with its version (its notes, in the studio's words). */
export const mixdownReport = (facts: Extract<VersionFacts, { kind: 'mixdown' }>): string | null => mixdownNotes(facts).join('\n') || null;

const stateTexts: Record<string, () => string> = {
  ready: () => t('version-state-ready'),
  'held:session': () => t('version-state-held-session'),
  'held:review': () => t('version-state-held-review'),
  preparing: () => t('version-state-preparing'),
  failed: () => t('version-state-failed'),
  'set-aside': () => t('version-state-set-aside'),
};

/** Where a version stands, as the engineer reads it ("prepared for the session", "delivered"). */
export const versionStateText = (status: string, hold: string | null): string =>
  (stateTexts[status === 'held' ? `held:${hold}` : status] ?? stateTexts[status])?.() ?? status;
