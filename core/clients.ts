// Artists and their platform identities. One person may reach the studio from several
// platforms; each (platform, account id) belongs to exactly one client.
import { IANAZone } from 'luxon';
import type { Db, Models } from '../db/client.js';
import { isUniqueViolation } from '../db/client.js';
import { UserError } from './errors.js';
import { isLanguage, languageOf, languages, studioLanguage, t, type Language } from './texts.js';
import { cleanName } from './clean-text.js';
import { deliveryFormats, isDeliveryFormat } from '../engine/formats.js';
import type { PersonalDataPart } from './privacy/parts.js';

export type Client = Models.ClientModel;

export { deliveryFormats, type DeliveryFormat } from '../engine/formats.js';

export interface Identity {
  platform: string;
  externalId: string;
  displayName: string;
  username?: string;
  /** The platform's language tag for the person's app ("es-419"); remembered for messages sent later. */
  language?: string;
  /** A guess where the platform says nothing (a Discord DM's "Hola"): kept only while no language is known. */
  languageHint?: string | undefined;
}

/** The language to speak to an artist in: the one they chose, else their app's, else the studio's. */
export function languageFor(client: Pick<Client, 'language' | 'chosenLanguage'>): Language {
  return [client.chosenLanguage, client.language].find((l): l is Language => !!l && isLanguage(l)) ?? studioLanguage();
}

/** The language of the artist behind `clientId` (messages sent outside a chat turn: deliveries, reminders). */
export async function artistLanguage(db: Pick<Db, 'client'>, clientId: string): Promise<Language> {
  const c = await db.client.findUnique({ where: { id: clientId }, select: { language: true, chosenLanguage: true } });
  return c ? languageFor(c) : studioLanguage();
}

export class ClientService {
  constructor(
    private readonly db: Db,
    private readonly defaultTimeZone: string,
  ) {}

  find(identity: Pick<Identity, 'platform' | 'externalId'>): Promise<Client | null> {
    return this.db.client.findFirst({
      where: { identities: { some: { platform: identity.platform, externalId: identity.externalId } } },
    });
  }

  /** Up to five clients whose name, username, account id or booking reference matches, with their last bookings (the engineer's /client lookup). */
  search(q: string) {
    return this.db.client.findMany({
      where: {
        OR: [
          { displayName: { contains: q } },
          { identities: { some: { OR: [{ username: { contains: q } }, { externalId: q }] } } },
          { bookings: { some: { reference: q.toUpperCase() } } },
        ],
      },
      include: { identities: true, bookings: { include: { service: true }, orderBy: { createdAt: 'desc' }, take: 5 } },
      take: 5,
    });
  }

  /** The client behind a platform account, created on first contact (safe when two events race). */
  async identify(identity: Identity): Promise<{ client: Client; created: boolean }> {
    const told = languageOf(identity.language);
    const known = await this.find(identity);
    const language = told ?? (known?.language ? null : (languageOf(identity.languageHint) ?? null));
    if (known) {
      // Written only when it changed (someone switched their app's language), not on every message.
      if (!language || known.language === language) return { client: known, created: false };
      return { client: await this.db.client.update({ where: { id: known.id }, data: { language } }), created: false };
    }
    try {
      const client = await this.db.client.create({
        data: {
          displayName: cleanName(identity.displayName).slice(0, 100) || 'artist',
          timeZone: this.defaultTimeZone,
          language,
          identities: {
            create: {
              platform: identity.platform,
              externalId: identity.externalId,
              username: identity.username === undefined ? null : cleanName(identity.username),
            },
          },
        },
      });
      return { client, created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const raced = await this.find(identity);
      if (!raced) throw err;
      return { client: raced, created: false };
    }
  }

  async setTimeZone(clientId: string, zone: string): Promise<Client> {
    const trimmed = zone.trim();
    if (!IANAZone.isValidZone(trimmed)) {
      throw new UserError(t('unknown-time-zone', { zone: trimmed }));
    }
    // Intl gives the canonical spelling (america/new_york → America/New_York).
    const canonical = new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
    return this.db.client.update({ where: { id: clientId }, data: { timeZone: canonical } });
  }

  /** /language: the artist's own choice; "auto" goes back to following their app. */
  async chooseLanguage(clientId: string, typed: string): Promise<Client> {
    const v = typed.trim().toLowerCase();
    if (v === 'auto') return this.db.client.update({ where: { id: clientId }, data: { chosenLanguage: null } });
    const language = languageOf(v);
    if (!language) throw new UserError(t('unknown-language', { typed: typed.trim(), languages: [...languages, 'auto'].join(', ') }));
    return this.db.client.update({ where: { id: clientId }, data: { chosenLanguage: language } });
  }

  /** /upload REF in a chat: the artist's next files go to this booking until `until`. */
  async sendFilesTo(clientId: string, bookingId: string, until: Date): Promise<Client> {
    return this.db.client.update({ where: { id: clientId }, data: { filesForBookingId: bookingId, filesForUntil: until } });
  }

  /** The client and their platform accounts, or null (the engineer's client export/forget). */
  withAccounts(clientId: string) {
    return this.db.client.findUnique({ where: { id: clientId }, include: { identities: true } });
  }

  /** /mydata, /forgetme: what the artist asked of their data and where to answer, until the engineer acts on it. */
  async recordDataRequest(clientId: string, kind: 'export' | 'forget', chat: string, at: Date): Promise<Client> {
    return this.db.client.update({ where: { id: clientId }, data: { dataRequest: kind, dataRequestAt: at, dataRequestChat: chat } });
  }

  async clearDataRequest(clientId: string): Promise<void> {
    await this.db.client.update({ where: { id: clientId }, data: { dataRequest: null, dataRequestAt: null, dataRequestChat: null } });
  }

  async setDeliveryFormat(clientId: string, format: string): Promise<Client> {
    const f = format.trim().toLowerCase();
    if (!isDeliveryFormat(f)) {
      throw new UserError(t('unknown-format', { format, formats: deliveryFormats.join(', ') }));
    }
    return this.db.client.update({ where: { id: clientId }, data: { deliveryFormat: f } });
  }
}

/** The artist's record and accounts: the accounts go (a message from them later starts afresh), the record stays, nameless, for the bookings and payments that name it. */
export const clientPersonalData: PersonalDataPart = {
  name: 'artist',
  async exportOf(db, s) {
    return { rows: [await db.client.findUniqueOrThrow({ where: { id: s.clientId }, include: { identities: true } })] };
  },
  async eraseIn(tx, s) {
    await tx.clientIdentity.deleteMany({ where: { clientId: s.clientId } });
    await tx.client.update({
      where: { id: s.clientId },
      data: {
        displayName: 'forgotten artist',
        language: null,
        chosenLanguage: null,
        filesForBookingId: null,
        filesForUntil: null,
        dataRequest: null,
        dataRequestAt: null,
        dataRequestChat: null,
        forgottenAt: s.now,
      },
    });
    return [];
  },
};
