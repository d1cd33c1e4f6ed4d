// Revisions: a number of free ones per booking (from the service), then paid ones the artist
// confirms. Each makes a new versioned delivery. For mastering, quick adjustments ("louder",
// "warmer", "more punch", "target -12", "match my reference") re-run the engine from the previous
// version's settings; the notes always reach the engineer.
import { statusText } from '../booking/status.js';
import type { Db } from '../../db/client.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { BookingService, BookingWithService } from '../booking/bookings.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { freeRevisionsLeft, RevisionRepository } from './revision-repository.js';
import { claimRevisionPaymentIn } from '../payments/payment-repository.js';
import type { Versions } from './versions.js';
import type { Clock } from '../clock.js';
import type { StoredFiles } from '../files/stored-files.js';
import type { MasterSettings, Pipeline } from './pipeline.js';
import { inLanguage, studioLanguage, t } from '../texts.js';
import { settingsInWords } from './settings-words.js';
import { formatMoney, serviceName } from '../catalog.js';
import { commentLine, RevisionComments } from '../listening/comments.js';
import { parseTimedNotes } from '../listening/moments.js';

export interface Adjustments {
  /** Loudness change in LU (+1 per "louder"). */
  loudnessLu?: number;
  targetLufs?: number;
  bassDb?: number;
  trebleDb?: number;
  punch?: number;
  useReference?: boolean;
}

/** The quick adjustments offered as buttons, and the words that ask for them. */
export const quickAdjustments: { id: string; label: () => string; words: RegExp; apply: Adjustments }[] = [
  { id: 'louder', label: () => t('adjust-louder'), words: /\b(louder|más fuerte|más alto|más volumen)\b/gi, apply: { loudnessLu: 1 } },
  { id: 'quieter', label: () => t('adjust-quieter'), words: /\b(quieter|softer|less loud|más bajo|más suave|menos fuerte)\b/gi, apply: { loudnessLu: -1 } },
  {
    id: 'brighter',
    label: () => t('adjust-brighter'),
    words: /\b(brighter|more air|more top|más brillante|más brillo|más aire)\b/gi,
    apply: { trebleDb: 1.5 },
  },
  {
    id: 'warmer',
    label: () => t('adjust-warmer'),
    words: /\b(warmer|darker|less harsh|más cálid[oa]|más oscur[oa]|menos áspero)\b/gi,
    apply: { bassDb: 1, trebleDb: -1.5 },
  },
  {
    id: 'punch+',
    label: () => t('adjust-more-punch'),
    words: /\b(more punch|punchier|more dynamic|más pegada|más punch|más dinámic[oa])\b/gi,
    apply: { punch: 0.5 },
  },
  {
    id: 'punch-',
    label: () => t('adjust-less-punch'),
    words: /\b(less punch|smoother|more glue|menos pegada|menos punch|más compact[oa])\b/gi,
    apply: { punch: -0.5 },
  },
  { id: 'bass+', label: () => t('adjust-more-bass'), words: /\b(more bass|more low end|bassier|más graves|más bajos)\b/gi, apply: { bassDb: 1.5 } },
  { id: 'bass-', label: () => t('adjust-less-bass'), words: /\b(less bass|less low end|less boomy|menos graves|menos bajos)\b/gi, apply: { bassDb: -1.5 } },
  {
    id: 'reference',
    label: () => t('revise-match-reference'),
    words: /\b(match (my |the )?reference|like (my |the )?reference|como (mi |la )?referencia)\b/gi,
    apply: { useReference: true },
  },
];

function add(a: Adjustments, b: Adjustments): Adjustments {
  const out: Adjustments = { ...a };
  for (const k of ['loudnessLu', 'bassDb', 'trebleDb', 'punch'] as const) if (b[k] !== undefined) out[k] = (out[k] ?? 0) + b[k];
  if (b.targetLufs !== undefined) out.targetLufs = b.targetLufs;
  if (b.useReference) out.useReference = true;
  return out;
}

/** Words that ask for nothing by themselves ("a bit louder please", "un poco más"). */
const FILLER =
  /\b(and|or|a|an|the|bit|little|lot|slightly|tad|touch|please|thanks|it|its|it's|make|just|more|less|much|very|too|also|y|o|un|una|poco|por|favor|gracias|más|menos|lo|la|el|muy|también)\b/giu;

/**
 * Reads adjustments out of free text. `forEngineer` says whether anything is left that the engine
 * cannot act on ("like Daft Punk", "the intro feels too quiet"): those notes need a person.
 */
export function parseAdjustments(typed: string): { adjustments: Adjustments; understood: string[]; forEngineer: boolean } {
  let adjustments: Adjustments = {};
  const understood: string[] = [];
  // "at 1:23 vocal louder" is about a moment: the engineer's, never the whole master's.
  const { untimed: text, timed } = parseTimedNotes(typed);
  let rest = text;
  for (const q of quickAdjustments) {
    for (const _ of text.matchAll(q.words)) {
      adjustments = add(adjustments, q.apply);
      understood.push(q.label().toLowerCase());
    }
    rest = rest.replace(q.words, ' ');
  }
  const targetWords = /\b(?:target\s*)?(-\d{1,2}(?:\.\d)?)\s*lufs\b|\btarget\s*(-\d{1,2}(?:\.\d)?)\b/i;
  const target = targetWords.exec(text);
  if (target) {
    const v = Number(target[1] ?? target[2]);
    if (v < -30 || v > -5) throw new UserError(t('target-out-of-range', { lufs: String(v) }));
    adjustments.targetLufs = v;
    understood.push(t('adjust-target', { lufs: String(v) }));
    rest = rest.replace(targetWords, ' ');
  }
  const forEngineer = timed.length > 0 || /[\p{L}\d]{2,}/u.test(rest.replace(FILLER, ' '));
  return { adjustments, understood, forEngineer };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The next version's settings: the previous version's, moved by the adjustments. */
export function applyAdjustments(prev: MasterSettings, baseTargetLufs: number, a: Adjustments): MasterSettings {
  const target = a.targetLufs ?? (prev.targetLufs ?? baseTargetLufs) + (a.loudnessLu ?? 0);
  return {
    ...prev,
    targetLufs: round1(clamp(target, -30, -5)),
    bassDb: round1(clamp((prev.bassDb ?? 0) + (a.bassDb ?? 0), -6, 6)),
    trebleDb: round1(clamp((prev.trebleDb ?? 0) + (a.trebleDb ?? 0), -6, 6)),
    punch: round1(clamp((prev.punch ?? 0) + (a.punch ?? 0), -1, 1)),
    useReference: a.useReference ?? prev.useReference ?? false,
  };
}

export interface RevisionRequest {
  notes: string;
  adjustments: Adjustments;
  /** The notes hold something only the engineer can act on (see parseAdjustments). */
  forEngineer: boolean;
  /** A new source (a corrected mix or stems, by file name) the next version is made from. */
  newSource?: string;
  /** The next version starts from the studio's default settings, not the latest version's (asked with a new source). */
  fromDefaults?: boolean;
  /** The artist agreed to pay for a revision beyond the free ones (charged when its version is delivered). */
  acceptPaid: boolean;
  actor: string;
  /** Paid before it starts (PAYMENTS=stripe): the payment it uses up, or the engineer waived it. */
  prepaid?: { paymentId: string; waived: boolean };
}

/** What a paid revision asked for, kept with its payment until it is paid. */
export type AskedRevision = Pick<RevisionRequest, 'notes' | 'adjustments' | 'forEngineer' | 'newSource' | 'fromDefaults'> & { understood: string[] };

/** The payment a revision was to start with had already started one (a repeated payment message). */
export class RevisionAlreadyStarted extends Error {}

export interface RevisionStarted {
  number: number;
  paid: boolean;
  /** The automatic version being made, or null when the engineer takes the whole revision. */
  version: number | null;
  /** Notes wait for the engineer (all of them, or what is left after the automatic version). */
  forEngineer: boolean;
  freeLeft: number;
  /** Paid before it started (or waived), not charged on delivery. */
  prepaid: boolean;
}

/** What the artist is told once a revision is recorded: started (and what it changes), or with the engineer. */
export function revisionStartedText(b: Pick<BookingWithService, 'reference'>, r: RevisionStarted, understood: string[], price: string): () => string {
  return () => {
    const cost = r.prepaid ? t('revise-cost-prepaid', { price }) : r.paid ? t('revise-cost-paid', { price }) : t('revise-cost-free', { count: r.freeLeft });
    if (r.version === null) return t('revise-noted', { number: r.number, ref: b.reference, cost });
    const started = t('revise-started', { number: r.number, ref: b.reference, cost, what: understood.join(', '), version: r.version });
    return r.forEngineer ? `${started} ${t('revise-rest-to-engineer')}` : started;
  };
}

export class PaymentNeeded extends UserError {
  constructor(
    readonly booking: BookingWithService,
    readonly price: string,
  ) {
    super(t('revisions-all-used', { count: booking.includedRevisions, ref: booking.reference, price }));
  }
}

/** What RevisionService works with (createStudio wires them). */
export interface RevisionServiceDeps {
  db: Db;
  bookings: BookingService;
  versions: Versions;
  files: StoredFiles;
  pipeline: Pipeline;
  alerts: EngineerAlerts;
  clock: Clock;
  log: Logger;
  baseTargetLufs: number;
}

export class RevisionService {
  /** The revisions' queries (their repository). */
  private readonly rows: RevisionRepository;

  constructor(private readonly d: RevisionServiceDeps) {
    this.rows = new RevisionRepository(d.db);
    this.comments = new RevisionComments(d.db);
  }

  /** The listening page's comments a revision gathers, and those its notes' times make. */
  private readonly comments: RevisionComments;

  /** Told when the engineer closes a revision without a new version (a prepaid one is refunded). */
  private closedUnmade: ((revisionId: string) => Promise<void>) | null = null;

  onClosedUnmade(handler: (revisionId: string) => Promise<void>): void {
    this.closedUnmade = handler;
  }

  /** The client's bookings that can be revised now. */
  revisable(clientId: string): Promise<BookingWithService[]> {
    return this.d.bookings.delivered(clientId);
  }

  /** Revisions waiting for the engineer, oldest first, with their booking and its client. */
  waiting() {
    return this.rows.waiting();
  }

  async allowance(booking: BookingWithService): Promise<{ used: number; freeLeft: number; price: string }> {
    const used = await this.rows.count(booking.id);
    return { used, freeLeft: await freeRevisionsLeft(this.d.db, booking), price: formatMoney(booking.service.revisionPriceCents, booking.currency) };
  }

  /**
   * A source that arrived after the latest delivered version (a corrected mix for mastering, a
   * stem for mixing), by file name, or null: /revise offers to make the next version from it.
   */
  async newSourceFor(booking: BookingWithService): Promise<string | null> {
    const last = await this.d.versions.latestReady(booking.id);
    if (!last) return null;
    if (booking.service.code === 'master') {
      const mix = await this.d.files.latest(booking.id, 'mix');
      return mix && last.sourceUploadId && mix.id !== last.sourceUploadId && mix.createdAt > last.createdAt ? mix.fileName : null;
    }
    const stem = (await this.d.files.stems(booking.id)).filter((s) => last.sentAt && s.createdAt > last.sentAt).at(-1);
    return stem?.fileName ?? null;
  }

  /**
   * What the next version from a new mix would keep of the latest version's settings, in words
   * (a revision's "louder" stays unless the artist says otherwise), or null when the latest
   * version was made with the studio's defaults: there is nothing to choose.
   */
  async keptSettings(booking: BookingWithService): Promise<{ version: number; words: string[] } | null> {
    const last = await this.d.versions.latestReady(booking.id);
    if (booking.service.code !== 'master' || !last || last.kind !== 'master') return null;
    const settings = JSON.parse(last.settings) as MasterSettings;
    const defaults = applyAdjustments(this.d.pipeline.defaultSettings(), this.d.baseTargetLufs, {});
    const kept = applyAdjustments(settings, this.d.baseTargetLufs, {});
    const words = settingsInWords(kept);
    return JSON.stringify(kept) === JSON.stringify(defaults) || !words.length ? null : { version: last.version, words };
  }

  async hasReference(bookingId: string): Promise<boolean> {
    return (await this.d.files.count(bookingId, 'reference')) > 0;
  }

  /**
   * The engineer closes the booking's open revision without new files: it is resolved, and a
   * booking waiting on it is delivered again. Refused when there is none.
   */
  async resolveOpen(booking: Pick<BookingWithService, 'id' | 'reference'>, actor: string): Promise<{ number: number }> {
    const open = await this.rows.latestOpen(booking.id);
    if (!open) throw new UserError(t('desk-no-open-revision', { ref: booking.reference }));
    await this.d.db.$transaction(async (tx) => {
      await this.rows.update(open.id, { status: 'resolved', resolvedAt: this.d.clock.now() }, tx);
      const current = await this.d.bookings.currentIn(tx, booking.id);
      if (current.status === 'revision-requested')
        await this.d.bookings.advanceIn(tx, current, 'delivered', actor, { via: ['in-progress'], note: `revision ${open.number} resolved without new files` });
    });
    // No version came of it: what was paid for it goes back (the closing stands either way).
    if (!open.deliveryId && this.closedUnmade) await this.closedUnmade(open.id);
    return { number: open.number };
  }

  /**
   * Records the revision and starts it: the engine makes a version for the quick changes it
   * understood, and notes only a person can act on go to the engineer (the revision stays open
   * until they deliver or close it). Throws PaymentNeeded when a paid one was not accepted, and
   * refuses — recording and charging nothing — a change that would only repeat a version.
   */
  /**
   * Whether the revision can be made as asked, and the automatic version's settings (null: the
   * engineer takes it): the refusals of `request`, checked before a paid one is paid for.
   */
  async check(
    booking: BookingWithService,
    r: Pick<RevisionRequest, 'adjustments' | 'forEngineer' | 'newSource' | 'fromDefaults'>,
  ): Promise<MasterSettings | null> {
    if (booking.status !== 'delivered') throw new UserError(t('revise-not-delivered', { ref: booking.reference, status: statusText(booking.status) }));
    if (r.adjustments.useReference && !(await this.hasReference(booking.id))) {
      throw new UserError(t('revise-no-reference'));
    }
    return this.automaticSettings(booking, r);
  }

  async request(booking: BookingWithService, asked: RevisionRequest): Promise<RevisionStarted> {
    if (booking.status !== 'delivered') throw new UserError(t('revise-not-delivered', { ref: booking.reference, status: statusText(booking.status) }));
    // Comments left at moments of the versions and not asked for yet go with it, times and all:
    // the engineer reads them in the revision's notes, and they are the engineer's to act on.
    const pending = await this.comments.pending(booking.id);
    const r = { ...asked, forEngineer: asked.forEngineer || pending.length > 0 };
    const freeLeft = await freeRevisionsLeft(this.d.db, booking);
    const paid = freeLeft === 0 || r.prepaid !== undefined;
    if (paid && !r.acceptPaid && !r.prepaid) throw new PaymentNeeded(booking, formatMoney(booking.service.revisionPriceCents, booking.currency));
    const settings = await this.check(booking, r);
    const automatic = settings !== null;
    const forEngineer = r.forEngineer || !automatic;
    const typed = r.notes.trim().slice(0, 2000);
    // The engineer reads them: "v2 at 1:23" in the studio's language, whatever the artist's.
    const gathered = inLanguage(studioLanguage(), () => pending.map((c) => commentLine({ ...c, version: c.delivery.version })));
    const notes = [typed, ...gathered].filter(Boolean).join('\n').slice(0, 8000);
    const timed = parseTimedNotes(typed).timed;
    const latest = timed.length ? await this.d.versions.latestReady(booking.id) : null;
    const waived = r.prepaid?.waived === true;
    const revision = await this.d.db.$transaction(async (tx) => {
      const number = (await this.rows.count(booking.id, {}, tx)) + 1;
      const current = await this.d.bookings.currentIn(tx, booking.id);
      await this.d.bookings.transitionIn(tx, current, 'revision-requested', r.actor, notes || undefined);
      if (automatic)
        await this.d.bookings.transitionIn(tx, { ...current, status: 'revision-requested' }, 'in-progress', 'pipeline', `automatic revision ${number}`);
      const created = await this.rows.create(tx, {
        bookingId: booking.id,
        number,
        notes,
        paid,
        priceCents: paid && !waived ? booking.service.revisionPriceCents : 0,
        adjustments: JSON.stringify(r.adjustments),
        status: automatic ? 'in-progress' : 'requested',
        forEngineer,
        // Paid before it started: nothing is charged again when its version arrives.
        ...(r.prepaid ? { chargedAt: this.d.clock.now() } : {}),
      });
      if (r.prepaid) {
        if (!(await claimRevisionPaymentIn(tx, r.prepaid.paymentId, created.id))) throw new RevisionAlreadyStarted();
      }
      await this.comments.recordIn(tx, {
        bookingId: booking.id,
        revisionId: created.id,
        pendingIds: pending.map((c) => c.id),
        timed,
        deliveryId: latest?.id ?? null,
        at: this.d.clock.now(),
      });
      return created;
    });
    const left = paid ? 0 : freeLeft - 1;
    await this.d.alerts.alert(
      `revision:${revision.id}`,
      () =>
        t('revision-alert', {
          number: revision.number,
          cost: paid ? t('revision-alert-paid', { price: formatMoney(revision.priceCents, booking.currency) }) : t('revision-alert-free'),
          ref: booking.reference,
          service: serviceName(booking.service),
          notes: notes ? t('revision-alert-notes', { notes }) : '',
          next: automatic ? t(forEngineer ? 'revision-alert-automatic-and-notes' : 'revision-alert-automatic') : t('revision-alert-waiting'),
        }),
      { booking: booking.reference },
      undefined,
      notes ? [notes] : [],
    );
    const started = { number: revision.number, paid, forEngineer, freeLeft: left, prepaid: r.prepaid !== undefined };
    if (!settings) return { ...started, version: null };
    const version = await this.d.pipeline.masterNext(booking.id, settings, revision.id);
    this.d.log.info({ booking: booking.reference, revision: revision.number, version, settings }, 'revision started');
    return { ...started, version };
  }

  /**
   * The settings of the automatic version a revision asks for, or null when the engine has
   * nothing to do (a mixing booking, no quick change understood). A change that lands on the
   * settings of a version already made from the same mix is refused when it is all that was
   * asked (that version is the answer), and left to the engineer when notes come with it.
   */
  private async automaticSettings(
    booking: BookingWithService,
    r: Pick<RevisionRequest, 'adjustments' | 'forEngineer' | 'newSource' | 'fromDefaults'>,
  ): Promise<MasterSettings | null> {
    const last = await this.d.versions.latestReady(booking.id);
    if (booking.service.code !== 'master' || !last || last.kind !== 'master' || (!Object.keys(r.adjustments).length && !r.newSource)) return null;
    const from = r.fromDefaults ? this.d.pipeline.defaultSettings() : (JSON.parse(last.settings) as MasterSettings);
    const settings = applyAdjustments(from, this.d.baseTargetLufs, r.adjustments);
    const same = await this.d.pipeline.sameVersion(booking.id, settings);
    if (same === null) return settings;
    if (r.forEngineer) return null;
    throw new UserError(t('revise-same-as-version', { ref: booking.reference, version: same }));
  }
}
