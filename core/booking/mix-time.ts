// A mixing booking's hours: what its stems measure (mix-estimate.ts), what the engineer set over
// that, what was booked, and — when mixing is priced by the hour — the question to the artist
// when the stems measure more than was booked: book the hours, or leave it to the engineer.
import type { Catalog, ServiceDef } from '../catalog.js';
import { formatMoney, isSessionKind, priceForHours } from '../catalog.js';
import type { Clock } from '../clock.js';
import type { Db } from '../../db/client.js';
import type { StoredFiles } from '../files/stored-files.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Outbox } from '../messaging/outbox.js';
import { t } from '../texts.js';
import { deskLine } from '../engineer/desk-line.js';
import { UserError } from '../errors.js';
import type { BookingService, BookingWithService } from './bookings.js';
import { isOpen } from './status.js';
import { estimateMix, LONGEST_MIX_HOURS, parseCharacter, reasonText, SHORTEST_MIX_HOURS, type EstimateStem, type MixEstimate } from './mix-estimate.js';
import type { Upload } from '../files/stored-files.js';
import type { ArchiveOutcome, MeasuredStem, UploadOutcome } from '../files/uploads.js';
import type { Reply } from '../messages/reply.js';
import type { PersonalDataPart } from '../privacy/parts.js';

export interface MixTimeView {
  /** What the stems measure. */
  estimate: MixEstimate;
  /** The hours the mix takes: the engineer's when set, else the estimate's. */
  hours: number;
  setBy: string | null;
  /** Stems stored before stems were measured (they count by number only). */
  unmeasured: number;
  /** Hourly pricing: the hours booked and their price; null with a fixed price. */
  booked: { hours: number; priceCents: number } | null;
}

/** What the artist is asked when the stems measure more than was booked. */
export interface MixTimeShortfall {
  view: MixTimeView;
  more: number;
  /** The booking's whole price with the extra hours. */
  totalCents: number;
  extraCents: number;
}

const isMixing = (b: BookingWithService) => b.service.code !== 'master';
/** A quote before booking is kept this long (the stems of a song change little in a month). */
const QUOTE_DAYS = 30;
/** A quote holds at most this many stems. */
const QUOTE_MAX_STEMS = 200;

/** Each reason with its number, and the bounds when they changed the hours. */
function reasonLines(e: MixEstimate): string[] {
  const lines = e.shares.map((s) => `• ${reasonText(s.why)}`);
  if (e.unboundedHours < SHORTEST_MIX_HOURS || e.unboundedHours > LONGEST_MIX_HOURS) {
    lines.push(t('estimate-bounded', { measured: hoursText(e.unboundedHours), shortest: SHORTEST_MIX_HOURS, longest: LONGEST_MIX_HOURS }));
  }
  return lines;
}
/** Hours as the texts show them: to the tenth, no trailing zeros (7.5, 9). */
export const hoursText = (h: number) => String(Math.round(h * 10) / 10);

/** What MixTime works with (createStudio wires them). */
export interface MixTimeDeps {
  db: Db;
  files: StoredFiles;
  bookings: BookingService;
  catalog: Catalog;
  alerts: EngineerAlerts;
  outbox: Outbox;
  clock: Clock;
}

export class MixTime {
  constructor(private readonly d: MixTimeDeps) {}

  private hourly(b: BookingWithService): NonNullable<ServiceDef['hourly']> | null {
    return this.d.catalog.services.find((s) => s.code === b.service.code)?.hourly ?? null;
  }

  /** The booking's stems and the hours they measure, or null (mastering, or no stems yet). */
  async of(b: BookingWithService): Promise<(MixTimeView & { stems: Upload[] }) | null> {
    if (!isMixing(b)) return null;
    const stems = await this.d.files.stems(b.id);
    if (!stems.length) return null;
    const estimate = estimateMix(
      stems.map((s) => ({ fileName: s.fileName, stemTag: s.stemTag, durationSec: s.durationSec, character: parseCharacter(s.character) })),
    );
    return {
      stems,
      estimate,
      hours: b.mixHours ?? estimate.hours,
      setBy: b.mixHours === null ? null : b.mixHoursBy,
      unmeasured: stems.filter((s) => parseCharacter(s.character) === null).length,
      booked: b.bookedHours === null ? null : { hours: b.bookedHours, priceCents: b.priceCents },
    };
  }

  /** The estimate as the artist reads it: the hours, each reason with its number, the price. */
  artistText(b: BookingWithService, v: MixTimeView): string {
    const lines = [t('estimate-title', { ref: b.reference, hours: hoursText(v.estimate.hours) }), ...reasonLines(v.estimate)];
    if (v.unmeasured) lines.push(t('estimate-unmeasured', { count: v.unmeasured }));
    if (v.setBy) lines.push(t('estimate-engineer-set', { hours: hoursText(v.hours), measured: hoursText(v.estimate.hours) }));
    const hourly = this.hourly(b);
    if (v.booked && hourly) {
      lines.push(
        t('estimate-booked', {
          hours: hoursText(v.booked.hours),
          price: formatMoney(v.booked.priceCents, b.currency),
          rate: formatMoney(hourly.rateCents, b.currency),
        }),
      );
    } else {
      lines.push(t('estimate-fixed', { price: formatMoney(b.priceCents, b.currency) }));
    }
    return lines.join('\n');
  }

  /** The artist's quote before booking, while it is fresh: its stems and what they measure. */
  async quote(clientId: string): Promise<{ stems: EstimateStem[]; estimate: MixEstimate } | null> {
    const q = await this.d.db.quote.findUnique({ where: { clientId } });
    if (!q || q.updatedAt.getTime() < this.d.clock.now().getTime() - QUOTE_DAYS * 86_400_000) return null;
    const stems = (JSON.parse(q.stems) as EstimateStem[]).map((s) => ({ ...s, character: parseCharacter(JSON.stringify(s.character)) }));
    return stems.length ? { stems, estimate: estimateMix(stems) } : null;
  }

  /** A new quote: the stems measured before go. */
  async clearQuote(clientId: string): Promise<void> {
    await this.d.db.quote.deleteMany({ where: { clientId } });
  }

  /** Stems measured for the quote join it (one of the same name replaces the earlier). */
  async addToQuote(clientId: string, measured: MeasuredStem[]): Promise<{ stems: EstimateStem[]; estimate: MixEstimate }> {
    const before = (await this.quote(clientId))?.stems ?? [];
    const names = new Set(measured.map((m) => m.fileName));
    const stems = [...before.filter((s) => !names.has(s.fileName)), ...measured];
    if (stems.length > QUOTE_MAX_STEMS) throw new UserError(t('quote-too-many', { max: QUOTE_MAX_STEMS }));
    const json = JSON.stringify(stems);
    const at = this.d.clock.now(); // the studio's clock, which the 30 days are counted by
    await this.d.db.quote.upsert({ where: { clientId }, create: { clientId, stems: json, updatedAt: at }, update: { stems: json, updatedAt: at } });
    return { stems, estimate: estimateMix(stems) };
  }

  /** What a kept quote is for: the hours of a mix booked by the hour; with a fixed price, the engineer's planning. */
  keptText(q: { estimate: MixEstimate }): string {
    const mix = this.d.catalog.services.find((s) => s.code === 'mix');
    return mix?.hourly
      ? t('quote-kept', { hours: hoursText(q.estimate.hours) })
      : t('quote-kept-fixed', { hours: hoursText(q.estimate.hours), price: formatMoney(mix?.priceCents ?? 0, this.d.catalog.currency) });
  }

  /** The quote as the artist reads it: the hours, each reason, and what a mix booked on it costs. */
  quoteText(q: { stems: EstimateStem[]; estimate: MixEstimate }): string {
    const mix = this.d.catalog.services.find((s) => s.code === 'mix');
    const price = mix?.hourly
      ? t('quote-price-hourly', {
          rate: formatMoney(mix.hourly.rateCents, this.d.catalog.currency),
          price: formatMoney(priceForHours(this.d.catalog, mix.hourly, 'standard', q.estimate.hours), this.d.catalog.currency),
          hours: hoursText(q.estimate.hours),
        })
      : t('quote-price-fixed', { price: formatMoney(mix?.priceCents ?? 0, this.d.catalog.currency) });
    return [t('quote-title', { hours: hoursText(q.estimate.hours), count: q.stems.length }), ...reasonLines(q.estimate), price].join('\n');
  }

  /** The hours a mix booked now by the hour takes from the artist's fresh quote, or null. */
  async quotedHours(clientId: string, service: ServiceDef): Promise<number | null> {
    if (!service.hourly) return null;
    return (await this.quote(clientId))?.estimate.hours ?? null;
  }

  /** The numbers behind the estimate, stem by stem, for the engineer. */
  engineerText(b: BookingWithService & { client: { displayName: string } }, v: MixTimeView & { stems: Upload[] }): string {
    const lines = [
      t('desk-estimate-title', {
        ref: b.reference,
        client: b.client.displayName,
        hours: hoursText(v.estimate.hours),
        unbounded: hoursText(v.estimate.unboundedHours),
      }),
      ...v.estimate.shares.map((s) => t('desk-estimate-share', { why: reasonText(s.why), hours: hoursText(s.hours) })),
      '',
      ...v.stems.map((s, i) => {
        const c = parseCharacter(s.character);
        const role = (s.stemTag ?? 'other').replace('-', ' ');
        if (!c) return t('desk-estimate-stem-unmeasured', { n: i + 1, file: s.fileName, role });
        const floor =
          c.noiseFloorDb === null
            ? t('desk-estimate-floor-none')
            : c.noiseFloorDb <= -144
              ? t('desk-estimate-floor-digital')
              : t('desk-estimate-floor', { db: String(c.noiseFloorDb) });
        return t('desk-estimate-stem', {
          n: i + 1,
          file: s.fileName,
          role,
          floor,
          crest: String(c.crestDb),
          level: String(c.levelDb),
          onsets: c.onsets.length,
          seconds: c.durationSec.toFixed(1),
        });
      }),
    ];
    if (v.setBy) lines.push('', t('desk-estimate-set', { hours: hoursText(v.hours), by: v.setBy }));
    if (v.booked) lines.push(t('desk-estimate-booked', { hours: hoursText(v.booked.hours), price: formatMoney(v.booked.priceCents, b.currency) }));
    lines.push('', t('desk-estimate-how', { ref: b.reference }));
    return lines.join('\n');
  }

  /**
   * Hourly mixing whose stems measure more than was booked, not yet asked about at these hours,
   * before the work begins: what booking the difference would cost. Null otherwise. `known`: the
   * booking's view when the caller has just read it (the stems are not read and measured again).
   */
  async shortfall(b: BookingWithService, known?: MixTimeView | null): Promise<MixTimeShortfall | null> {
    const hourly = this.hourly(b);
    if (!hourly || b.bookedHours === null || !isOpen(b.status) || b.status === 'in-progress' || !isSessionKind(b.kind)) return null;
    if (b.sessionStartedAt || (b.startsAt && b.startsAt <= this.d.clock.now())) return null;
    const v = known === undefined ? await this.of(b) : known;
    if (!v || v.hours <= b.bookedHours || v.hours <= (b.mixTimeAskedHours ?? 0)) return null;
    const totalCents = priceForHours(this.d.catalog, hourly, b.kind, v.hours);
    return { view: v, more: Math.round((v.hours - b.bookedHours) * 10) / 10, totalCents, extraCents: totalCents - b.priceCents };
  }

  /** The artist books the hours the stems measure (see BookingService.extendHours for the slot). */
  async bookMore(b: BookingWithService, actor: string): Promise<BookingWithService> {
    const s = await this.shortfall(b);
    if (!s) throw new UserError(t('mix-time-nothing-to-book', { ref: b.reference }));
    try {
      const extended = await this.d.bookings.extendHours(b, s.view.hours, s.totalCents, actor);
      await this.alertEngineer(b, 'mix-time-extended', (client) =>
        t('alert-mix-time-extended', {
          ref: b.reference,
          client,
          more: hoursText(s.more),
          hours: hoursText(s.view.hours),
          total: formatMoney(s.totalCents, b.currency),
        }),
      );
      return extended;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      // No room in the calendar: the engineer decides with the artist.
      await this.leaveToEngineer(b, s.view.hours, true);
      throw err;
    }
  }

  /** The artist leaves the hours to the engineer (or the calendar had no room): asked no more at these hours. */
  async leaveToEngineer(b: BookingWithService, hours: number, noRoom = false): Promise<void> {
    await this.d.bookings.rows.update(b.id, { mixTimeAskedHours: hours });
    await this.d.bookings.note(b, 'artist', `mixing estimate ${hours} h left to the engineer`);
    await this.alertEngineer(b, 'mix-time-left', (client, estimate) =>
      t('alert-mix-time-left', {
        ref: b.reference,
        client,
        estimate,
        hours: hoursText(hours),
        booked: hoursText(b.bookedHours ?? 0),
        why: noRoom ? t('alert-mix-time-no-room') : '',
      }),
    );
  }

  /**
   * Fixed-price mixing whose stems measure more than the session's length: the engineer hears,
   * once per estimate (the artist pays the same whatever the hours).
   */
  async tellEngineerIfLonger(b: BookingWithService, known?: MixTimeView | null): Promise<void> {
    if (this.hourly(b) || !b.startsAt || !b.endsAt || !isOpen(b.status)) return;
    const v = known === undefined ? await this.of(b) : known;
    const sessionHours = (b.endsAt.getTime() - b.startsAt.getTime()) / 3_600_000;
    if (!v || v.hours <= sessionHours) return;
    await this.alertEngineer(
      b,
      'mix-time-session',
      (client, estimate) => t('alert-mix-time-session', { ref: b.reference, client, estimate, hours: hoursText(v.hours), booked: hoursText(sessionHours) }),
      // Once per whole hour it grows past the session: stems sent one by one do not alert each time.
      String(Math.ceil(v.hours)),
    );
  }

  /** The engineer sets the hours (null: back to the estimate); the artist is told. */
  async setHours(b: BookingWithService, hours: number | null, engineer: string): Promise<MixTimeView | null> {
    if (!isMixing(b)) throw new UserError(t('estimate-not-mixing', { ref: b.reference }));
    if (hours !== null && !(hours > 0 && hours <= 100)) throw new UserError(t('desk-estimate-hours-range'));
    const rounded = hours === null ? null : Math.round(hours * 4) / 4;
    await this.d.bookings.rows.update(b.id, { mixHours: rounded, mixHoursBy: rounded === null ? null : engineer });
    const updated = await this.d.bookings.get(b.id);
    await this.d.bookings.note(b, engineer, rounded === null ? 'mixing hours back to the estimate' : `mixing hours set to ${rounded}`);
    const v = await this.of(updated);
    if (v) {
      const hourly = this.hourly(updated);
      const more = v.booked && hourly && v.hours > v.booked.hours ? v.hours - v.booked.hours : 0;
      await this.d.outbox.toArtist(`mix-hours:${b.id}:${this.d.clock.now().getTime()}`, b, () => ({
        visibility: 'private',
        text: [
          t('estimate-set-message', { ref: b.reference, hours: hoursText(v.hours), measured: hoursText(v.estimate.hours) }),
          more ? t('estimate-set-more', { more: hoursText(more), ref: b.reference }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      }));
    }
    return v;
  }

  /**
   * After files arrived: for an open mixing booking that got new stems, the estimate (in full
   * after an archive, one line after a single stem), or the booking whose artist is to be asked
   * about more hours (the question shows the estimate in full).
   */
  async afterFiles(outcome: UploadOutcome | ArchiveOutcome): Promise<{ reply: Reply | null; ask: BookingWithService | null }> {
    const fresh = ('archive' in outcome ? outcome.received : [outcome]).filter((o) => !o.duplicate && o.upload.role === 'stem');
    const last = fresh.at(-1);
    if (!last) return { reply: null, ask: null };
    const b = await this.d.bookings.get(last.booking.id);
    const v = isOpen(b.status) ? await this.of(b) : null;
    if (!v) return { reply: null, ask: null };
    await this.tellEngineerIfLonger(b, v);
    const short = await this.shortfall(b, v);
    // A whole set of stems (an archive) gets the question; one stem of many, a line saying where
    // it stands, so stems sent one by one are not followed by a question each.
    if (short && 'archive' in outcome) return { reply: null, ask: b };
    const text =
      'archive' in outcome
        ? this.artistText(b, v)
        : [
            t('estimate-so-far', { count: v.stems.length, hours: hoursText(v.hours), ref: b.reference }),
            ...(short ? [t('estimate-so-far-more', { booked: hoursText(b.bookedHours ?? 0), ref: b.reference })] : []),
          ].join('\n');
    return { reply: { text }, ask: null };
  }

  /** `once`: the alert is sent once per booking and this value (default: once per moment). */
  private async alertEngineer(b: BookingWithService, key: string, write: (client: string, estimate: string) => string, once?: string) {
    const { client } = await this.d.bookings.withClient(b.id);
    await this.d.alerts.alert(
      `${key}:${b.id}:${once ?? this.d.clock.now().getTime()}`,
      (on) => write(client.displayName, deskLine(on, 'estimate', { reference: b.reference })),
      { booking: b.reference },
    );
  }
}

/** The stems measured for the artist's /quote. */
export const quotePersonalData: PersonalDataPart = {
  name: 'quote',
  async exportOf(db, s) {
    const q = await db.quote.findUnique({ where: { clientId: s.clientId } });
    return { rows: q ? [q] : [] };
  },
  async eraseIn(tx, s) {
    await tx.quote.deleteMany({ where: { clientId: s.clientId } });
    return [];
  },
};
