// An artist's data on request: everything the studio holds about them as one zip (data.json and
// their files), and its erasure — personal data and files gone, the bookings and payments kept
// nameless for the studio's accounts. The artist asks in a private chat (/mydata, /forgetme); the
// request reaches the engineer, who acts on it (client export / client forget: audited like every
// desk action), and the artist hears back in that chat.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../../db/client.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { BookingRepository } from '../booking/booking-repository.js';
import { bookingPersonalData } from '../booking/booking-repository.js';
import { quotePersonalData } from '../booking/mix-time.js';
import { isOpen } from '../booking/status.js';
import { clientPersonalData, languageFor, type ClientService } from '../clients.js';
import type { Clock } from '../clock.js';
import { dialogPersonalData } from '../conversation/state.js';
import { UserError } from '../errors.js';
import { deskLine } from '../engineer/desk-line.js';
import type { DownloadLinks } from '../files/download-links.js';
import { heldFilesOf } from '../files/held-files.js';
import { stagedUploadPersonalData } from '../files/staged-uploads.js';
import { uploadPersonalData } from '../files/stored-files.js';
import { uploadLinkPersonalData } from '../files/upload-links.js';
import { listeningLinkPersonalData } from '../listening/links.js';
import { commentPersonalData } from '../listening/comment-repository.js';
import type { Logger } from '../logger.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import { messagePersonalData, type Outbox } from '../messaging/outbox.js';
import { paymentPersonalData } from '../payments/payment-repository.js';
import { keycodePersonalData } from '../sessions/keycodes.js';
import { sessionNotePersonalData } from '../sessions/live-notes.js';
import { reminderPersonalData } from '../sessions/reminders.js';
import { inLanguage, t } from '../texts.js';
import { revisionPersonalData } from '../versions/revision-repository.js';
import { versionPersonalData } from '../versions/versions.js';
import { privateChatOf, type ArtistScope, type ExportedFile, type PersonalDataPart } from './parts.js';

/** Every table's part, in the order the export lists them. */
export const personalDataParts: readonly PersonalDataPart[] = [
  clientPersonalData,
  bookingPersonalData,
  commentPersonalData,
  uploadPersonalData,
  versionPersonalData,
  revisionPersonalData,
  paymentPersonalData,
  sessionNotePersonalData,
  quotePersonalData,
  messagePersonalData,
  reminderPersonalData,
  keycodePersonalData,
  uploadLinkPersonalData,
  listeningLinkPersonalData,
  stagedUploadPersonalData,
  dialogPersonalData,
];

export interface PersonalDataDeps {
  db: Db;
  store: ObjectStore;
  clients: ClientService;
  bookings: BookingRepository;
  outbox: Outbox;
  alerts: EngineerAlerts;
  downloads: DownloadLinks;
  clock: Clock;
  log: Logger;
  /** An export is kept as long as its download link works (DOWNLOAD_LINK_TTL_DAYS), then removed. */
  exportDays: number;
}

export interface DataExport {
  clientId: string;
  name: string;
  /** The artist had asked (/mydata): the link went to them. */
  sent: boolean;
  key: string;
  bytes: number;
  /** Rows per section of data.json. */
  sections: Record<string, number>;
  files: number;
  /** Files the database names that were no longer stored (removed by retention). */
  missing: string[];
}

const exportsOf = (clientId: string) => `exports/${clientId}/`;

export class PersonalData {
  constructor(private readonly d: PersonalDataDeps) {}

  /** The client a typed word names: their id, or the reference of one of their bookings. */
  async whoIs(typed: string): Promise<string> {
    const word = typed.trim();
    const byBooking = /^MD-/i.test(word) ? await this.d.bookings.byReference(word) : null;
    const clientId = byBooking?.clientId ?? word;
    const client = await this.d.clients.withAccounts(clientId);
    if (!client) throw new UserError(t('privacy-no-such-client', { typed: word }));
    return client.id;
  }

  /** /mydata or /forgetme, asked in the artist's private chat: recorded, and the engineer told how to act on it. */
  async request(clientId: string, kind: 'export' | 'forget', chat: { platform: string; chatId: string }): Promise<void> {
    const client = await this.d.clients.recordDataRequest(clientId, kind, `${chat.platform}:${chat.chatId}`, this.d.clock.now());
    await this.d.alerts.alert(`data-${kind}:${client.id}:${this.d.clock.now().toISOString().slice(0, 10)}`, (platform) =>
      t(kind === 'export' ? 'alert-data-export' : 'alert-data-forget', {
        name: client.displayName,
        command: deskLine(platform, `client ${kind}`, { client: client.id }),
      }),
    );
  }

  private async scopeOf(clientId: string): Promise<
    ArtistScope & {
      name: string;
      language: ReturnType<typeof languageFor>;
      requestChat: string | null;
      request: string | null;
      bookings: { reference: string; status: string }[];
    }
  > {
    const client = await this.d.clients.withAccounts(clientId);
    if (!client) throw new UserError(t('privacy-no-such-client', { typed: clientId }));
    const bookings = await this.d.bookings.forClient(clientId);
    const accounts = client.identities.map((i) => ({ platform: i.platform, externalId: i.externalId }));
    return {
      clientId,
      name: client.displayName,
      language: languageFor(client),
      request: client.dataRequest,
      requestChat: client.dataRequestChat,
      bookings,
      bookingIds: bookings.map((b) => b.id),
      accounts,
      chats: accounts.map(privateChatOf),
      now: this.d.clock.now(),
    };
  }

  /** Everything about the artist as a zip in the store (exports/<client>/…); an earlier export of theirs is replaced. */
  async export(clientId: string): Promise<DataExport> {
    const scope = await this.scopeOf(clientId);
    const data: Record<string, unknown> = { exportedAt: scope.now.toISOString(), clientId };
    const sections: Record<string, number> = {};
    const files: ExportedFile[] = [];
    for (const part of personalDataParts) {
      if (!part.exportOf) continue;
      const r = await part.exportOf(this.d.db, scope);
      data[part.name] = r.rows;
      sections[part.name] = r.rows.length;
      files.push(...(r.files ?? []));
    }
    const present: ExportedFile[] = [];
    const missing: string[] = [];
    for (const f of files) {
      if (await this.d.store.head(f.key)) present.push(f);
      else missing.push(f.path);
    }
    data.missingFiles = missing;
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 2)), 'data.json');
    zip.addBuffer(
      Buffer.from(inLanguage(scope.language, () => t('privacy-export-readme', { name: scope.name, date: scope.now.toISOString().slice(0, 10) }))),
      'README.txt',
    );
    // Each file is opened when the zip reaches it: one open at a time, however many there are.
    for (const f of present)
      zip.addReadStreamLazy(
        f.path,
        (cb) =>
          void this.d.store.get(f.key).then(
            (s) => cb(null, s),
            (err: unknown) => cb(err, undefined as never),
          ),
      );
    zip.end();
    const earlier = await this.d.store.list(exportsOf(clientId));
    const key = `${exportsOf(clientId)}${scope.now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}.zip`;
    const stored = await this.d.store.put(key, zip.outputStream as unknown as Readable, { contentType: 'application/zip' });
    for (const e of earlier) await this.d.store.delete(e.key);
    const sent = scope.request === 'export' && !!scope.requestChat;
    if (sent) await this.sendExport(scope, key);
    return { clientId, name: scope.name, sent, key, bytes: stored.size, sections, files: present.length, missing };
  }

  /** The artist who asked gets a private download link where they asked (expiring like every download link). */
  private async sendExport(scope: ArtistScope & { language: ReturnType<typeof languageFor>; requestChat: string | null }, key: string): Promise<void> {
    const chat = scope.requestChat!;
    const sep = chat.indexOf(':');
    const url = this.d.downloads.url(key, `mixdesk-data-${scope.now.toISOString().slice(0, 10)}.zip`);
    const text = inLanguage(scope.language, () => (url ? t('privacy-export-ready', { url }) : t('privacy-export-ready-ask')));
    await this.d.outbox.record(`data-export:${key}`, chat.slice(0, sep), chat.slice(sep + 1), { text, visibility: 'private' });
    await this.d.clients.clearDataRequest(scope.clientId);
  }

  /** Exports older than their download links (the retention job): a copy of someone's data is not kept for nothing. Returns how many. */
  async purgeExports(now: Date): Promise<number> {
    const before = now.getTime() - this.d.exportDays * 86_400_000;
    const old = (await this.d.store.list('exports/')).filter((o) => o.modified.getTime() < before);
    for (const o of old) await this.d.store.delete(o.key);
    return old.length;
  }

  /**
   * Erases the artist's personal data and files; bookings and payments stay, nameless, for the
   * studio's accounts. Refused while a booking of theirs is still open (it would go on for nobody).
   */
  async forget(clientId: string): Promise<{ name: string; files: number; kept: { bookings: number } }> {
    const scope = await this.scopeOf(clientId);
    const open = scope.bookings.filter((b) => isOpen(b.status));
    if (open.length) throw new UserError(t('privacy-forget-open', { name: scope.name, refs: open.map((b) => b.reference).join(', ') }));
    const keys = await this.d.db.$transaction(async (tx) => {
      const all: string[] = [];
      for (const part of personalDataParts) all.push(...(await part.eraseIn(tx, scope)));
      return all;
    });
    // Their exports, and files sent in chat still waiting for their answer (which booking).
    const exported = [...(await this.d.store.list(exportsOf(clientId))), ...(await this.d.store.list(heldFilesOf(clientId)))];
    let failed = 0;
    for (const key of [...keys, ...exported.map((e) => e.key)]) {
      try {
        await this.d.store.delete(key);
      } catch (err) {
        failed++;
        this.d.log.warn({ err, key }, 'an erased artist’s file could not be deleted; delete it by hand');
      }
    }
    if (failed) throw new Error(`${failed} of the artist's files could not be deleted (the log names them)`);
    // Told where they asked, in their language (both now erased from the record).
    if (scope.request === 'forget' && scope.requestChat) {
      const sep = scope.requestChat.indexOf(':');
      const text = inLanguage(scope.language, () => t('privacy-forgotten'));
      await this.d.outbox.record(`data-forgotten:${clientId}`, scope.requestChat.slice(0, sep), scope.requestChat.slice(sep + 1), {
        text,
        visibility: 'private',
      });
    }
    return { name: scope.name, files: keys.length + exported.length, kept: { bookings: scope.bookingIds.length } };
  }
}
