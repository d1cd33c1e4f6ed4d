// The owner's side of a studio of several engineers: who works here, what each takes, where each
// hears of their bookings, whose hours are whose, and handing a booking to someone else. Every
// change is the owner's (the terminal counts as the owner: it runs on the studio's server); an
// engineer may change only their own hours.
import { deskLine } from './desk-line.js';
import { alertChatsOf, identityOfActor, type Engineer, type Engineers } from './engineers.js';
import type { BookingService } from '../booking/bookings.js';
import type { SchedulePolicySource } from '../booking/schedule.js';
import { NotFoundError, SlotTakenError, UserError } from '../errors.js';
import type { EngineerAlerts } from '../messaging/alerts.js';
import type { Clock } from '../clock.js';
import { t } from '../texts.js';

export interface EngineerDeskDeps {
  engineers: Engineers;
  bookings: BookingService;
  schedule: SchedulePolicySource;
  /** The configured alert chats (what an owner without chats of their own hears in). */
  configuredChats: readonly string[];
  alerts: EngineerAlerts;
  clock: Clock;
}

/** One engineer as the owner's list shows them, in the reader's words. */
export interface EngineerRow {
  name: string;
  owner: boolean;
  active: boolean;
  /** Their services' codes, or "all" in words. */
  services: string;
  /** As typed to change them: "all" or the codes. */
  serviceCodes: string;
  /** Whose weekly hours they work (their own, or the studio's), in words. */
  hours: string;
  /** Where their alerts go, in words. */
  chats: string;
  /** As typed to change them: the chats they set, "none", or "dm" (not set). */
  chatCodes: string;
  identities: string;
  /** Their bookings still open. */
  open: number;
}

export class EngineerDesk {
  constructor(private readonly d: EngineerDeskDeps) {}

  /** Every engineer, for the owner (the desk's list, the dashboard's page). */
  async overview(actor: string): Promise<EngineerRow[]> {
    await this.d.engineers.assertOwner(actor);
    const [all, load] = await Promise.all([this.d.engineers.all(), this.d.bookings.rows.loadByEngineer()]);
    return Promise.all(
      all.map(async (e) => {
        const own = (await this.d.schedule.rules(e.id)).length > 0;
        const chats = alertChatsOf(e, this.d.configuredChats);
        return {
          name: e.name,
          owner: e.owner,
          active: e.active,
          services: e.services?.join(', ') ?? t('desk-engineer-all-services'),
          serviceCodes: e.services?.join(',') ?? 'all',
          chatCodes: e.chats === null ? 'dm' : e.chats.length ? e.chats.join(',') : 'none',
          hours: t(own ? 'desk-engineer-own-hours' : 'desk-engineer-studio-hours'),
          chats: e.chats === null && e.owner ? t('desk-engineer-owner-chats') : chats.length ? chats.join(', ') : t('desk-engineer-no-chats'),
          identities: e.identities.join(', ') || '—',
          open: load.get(e.id)?.open ?? 0,
        };
      }),
    );
  }

  async list(actor: string): Promise<string> {
    const rows = await this.overview(actor);
    const line = (r: EngineerRow) => {
      const marks = [...(r.owner ? [t('desk-engineer-owner-mark')] : []), ...(r.active ? [] : [t('desk-engineer-removed-mark')])];
      return t('desk-engineer-line', { ...r, marks: marks.length ? ` (${marks.join(', ')})` : '' });
    };
    return [t('desk-engineer-list-title'), ...rows.map(line)].join('\n');
  }

  async add(actor: string, name: string, identity: string, o: { services?: string; chats?: string }, platform: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.add(name, identity, o);
    return t('desk-engineer-added', {
      name: e.name,
      identity: e.identities.join(', '),
      services: e.services?.join(', ') ?? t('desk-engineer-all-services'),
      command: deskLine(platform, 'availability add', { weekday: 'mon', from: '10:00', to: '18:00' }, { engineer: e.name }),
    });
  }

  async link(actor: string, name: string, identity: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.link(name, identity);
    return t('desk-engineer-identities', { name: e.name, identities: e.identities.join(', ') || '—' });
  }

  async unlink(actor: string, name: string, identity: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.unlink(name, identity);
    return t('desk-engineer-identities', { name: e.name, identities: e.identities.join(', ') || '—' });
  }

  async setServices(actor: string, name: string, services: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.setServices(name, services);
    return t('desk-engineer-services-set', { name: e.name, services: e.services?.join(', ') ?? t('desk-engineer-all-services') });
  }

  async setChats(actor: string, name: string, chats: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.setChats(name, chats);
    const now = alertChatsOf(e, this.d.configuredChats);
    return t('desk-engineer-chats-set', { name: e.name, chats: now.length ? now.join(', ') : t('desk-engineer-no-chats') });
  }

  async setOwner(actor: string, name: string, yes: boolean): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.setOwner(name, yes);
    return t('desk-engineer-owner-set', { name: e.name, owner: e.owner ? 'yes' : 'no' });
  }

  async remove(actor: string, name: string, platform: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const e = await this.d.engineers.remove(name);
    const open = (await this.d.bookings.rows.loadByEngineer()).get(e.id)?.open ?? 0;
    return t('desk-engineer-removed', { name: e.name, open, command: deskLine(platform, 'booking assign', { reference: 'MD-…', engineer: '…' }) });
  }

  async restore(actor: string, name: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    return t('desk-engineer-restored', { name: (await this.d.engineers.restore(name)).name });
  }

  /**
   * A live session is its engineer's: another engineer of record (not an owner) may not start it
   * or answer its notes (the notes would reach them, and the artist hear from a stranger).
   */
  async assertTheirs(actor: string, reference: string): Promise<void> {
    const me = await this.d.engineers.ofActor(actor);
    if (!me || me.owner || identityOfActor(actor) === 'console') return;
    const b = await this.d.bookings.byReference(reference);
    if (!b || !b.engineerId || b.engineerId === me.id) return;
    const theirs = await this.d.engineers.byId(b.engineerId);
    throw new UserError(t('engineer-not-yours', { ref: b.reference, name: theirs?.name ?? '?' }));
  }

  /** Hands a booking to another engineer (the owner's call). */
  async assign(actor: string, reference: string, name: string): Promise<string> {
    await this.d.engineers.assertOwner(actor);
    const b = await this.d.bookings.byReference(reference);
    if (!b) throw new NotFoundError(t('desk-no-such-booking', { ref: reference.trim().toUpperCase() }));
    const e = await this.d.engineers.byName(name);
    const from = (await this.d.engineers.byId(b.engineerId))?.name ?? '—';
    let changed: boolean;
    try {
      changed = await this.d.bookings.assign(b, e.id, actor, `engineer: ${from} → ${e.name}`);
    } catch (err) {
      if (err instanceof SlotTakenError) throw new UserError(t('desk-booking-assign-busy', { name: e.name, ref: b.reference }));
      throw err;
    }
    // The new engineer hears it is theirs now (in their chats, as every alert about the booking).
    if (changed)
      await this.d.alerts.alert(
        `assigned:${b.id}:${e.id}:${this.d.clock.now().getTime()}`,
        () => t('alert-booking-assigned', { ref: b.reference, client: b.client.displayName, from, name: e.name }),
        { booking: b.reference },
      );
    return t('desk-booking-assigned', { ref: b.reference, name: e.name, moved: b.startsAt ? 'yes' : 'no' });
  }

  /**
   * Whose hours an availability command changes: the named engineer's (an owner's call unless it is
   * the actor themselves), or the studio's (the owner's, or anyone with the desk who is not an
   * engineer of record — the configured role — as before engineers were data).
   */
  async hoursOwner(actor: string, name: string | undefined): Promise<Engineer | null> {
    const { me, mayAll } = await this.standing(actor);
    const target = name === undefined ? null : await this.d.engineers.byName(name);
    if (!mayAll && target?.id !== me!.id) throw new UserError(t('engineer-hours-not-yours'));
    return target;
  }

  /**
   * Who asks: the engineer of record they are, and whether they see and change everyone's — an
   * owner, the terminal, or someone with the desk who is no engineer of record (the configured role,
   * as before engineers were data). Everyone else: their own only.
   */
  private async standing(actor: string): Promise<{ me: Engineer | null; mayAll: boolean }> {
    const me = await this.d.engineers.ofActor(actor);
    return { me, mayAll: identityOfActor(actor) === 'console' || !me || me.owner };
  }

  /**
   * Whose calendar feed: `engineer:<id>` or studio. By default an engineer's own (an owner's, and
   * anyone's with the desk who is no engineer of record: the studio's); "mine", a name, or
   * "studio"; only an owner reads another's or the studio's.
   */
  async feedOwner(actor: string, typed: string | undefined): Promise<{ owner: string; name: string | null }> {
    const { me, mayAll } = await this.standing(actor);
    const wanted = typed?.trim().toLowerCase();
    const target = wanted === undefined ? (mayAll ? null : me) : wanted === 'mine' ? me : wanted === 'studio' ? null : await this.d.engineers.byName(typed!);
    if (!mayAll && target?.id !== me!.id) throw new UserError(t('engineer-feed-not-yours'));
    return target ? { owner: `engineer:${target.id}`, name: target.name } : { owner: 'studio', name: null };
  }

  /**
   * Whose bookings the queue shows: a name, mine, all; by default an owner's everyone's, another
   * engineer's their own — the only ones they see, as on the dashboard.
   */
  async queueScope(actor: string, typed: string | undefined): Promise<Engineer | null> {
    const { me, mayAll } = await this.standing(actor);
    const wanted = typed?.trim().toLowerCase();
    const target = wanted === undefined ? (mayAll ? null : me) : wanted === 'all' ? null : wanted === 'mine' ? me : await this.d.engineers.byName(typed!);
    if (!mayAll && target?.id !== me!.id) throw new UserError(t('engineer-queue-not-yours'));
    return target;
  }
}
