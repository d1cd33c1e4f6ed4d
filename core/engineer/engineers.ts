// The studio's engineers as data: who they are on each door (identities), which services they
// take, where their alerts go, and who owns the studio. The only module that queries the Engineer
// and EngineerIdentity tables. The configured engineer (DISCORD_ENGINEER_IDS, ENGINEER_CHAT, the
// terminal) becomes the first engineer, the owner, at start-up; the owner adds the others.
import type { Db, Models, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import { cleanName } from '../clean-text.js';
import { NotFoundError, UserError } from '../errors.js';
import { t } from '../texts.js';

export interface Engineer {
  id: string;
  name: string;
  owner: boolean;
  /** Service codes they take; null: every service. */
  services: string[] | null;
  /** Where they asked their alerts to go ("platform:chat" each); null: not set (see alertChatsOf). */
  chats: string[] | null;
  /** discord:<user id>, telegram:<user id>, console. */
  identities: string[];
  active: boolean;
  createdAt: Date;
}

/** What start-up knows of the engineer the configuration names. */
export interface ConfiguredEngineer {
  name: string;
  /** The name was set (ENGINEER_NAME), not defaulted: an owner of another name is renamed to it. */
  named: boolean;
  /** discord:<id> for each DISCORD_ENGINEER_IDS, and console (the terminal is the owner's). */
  identities: string[];
}

/** A name as typed: one line, 1–40 characters. */
const MAX_NAME = 40;
/** Words the commands read as a choice, not a name (`/queue engineer:mine`, `/calendar link engineer:studio`). */
const RESERVED = new Set(['all', 'mine', 'studio', 'any', 'none', 'dm']);
const CHAT = /^(console|telegram|discord):\S+$/;
const IDENTITY = /^(discord|telegram):\d{1,25}$|^console$/;

type Row = Models.EngineerModel & { identities: Models.EngineerIdentityModel[] };

const list = (s: string | null) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean) ?? [];

function view(r: Row): Engineer {
  const identities = r.identities.map((i) => i.identity).sort();
  const chats = r.alertChats === null ? null : list(r.alertChats);
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    services: r.services === null ? null : list(r.services),
    chats,
    identities,
    active: r.active,
    createdAt: r.createdAt,
  };
}

/**
 * Where an engineer's alerts go: the chats they set; else an owner hears where the configuration
 * says (ENGINEER_CHAT, the DISCORD_ENGINEER_IDS DMs), another engineer in a direct message on each
 * chat they are known on (a Discord or Telegram user id is also their private chat's id).
 */
export function alertChatsOf(e: Engineer, configured: readonly string[]): string[] {
  if (e.chats !== null) return e.chats;
  if (e.owner) return [...configured];
  return e.identities.filter((i) => i.startsWith('discord:') || i.startsWith('telegram:'));
}

/**
 * Who hears of what: an alert about a booking reaches its engineer's chats; one about no booking,
 * or whose engineer has no chat, reaches the owners' (and, when nothing else is configured, the
 * console's engineer, so no alert is read by nobody).
 */
export function alertRecipients(
  engineers: Engineers,
  engineerOfBooking: (reference: string, tx?: Tx) => Promise<string | null>,
  configured: readonly string[],
): (reference: string | undefined, tx?: Tx) => Promise<string[]> {
  return async (reference, tx) => {
    if (reference) {
      const e = await engineers.byId(await engineerOfBooking(reference, tx), tx);
      const chats = e ? alertChatsOf(e, configured) : [];
      if (chats.length) return chats;
    }
    const owners = [...new Set((await engineers.owners(tx)).flatMap((o) => alertChatsOf(o, configured)))];
    return owners.length ? owners : [...configured];
  };
}

/**
 * The configured engineer's name as a name the commands can use: whatever the studio is called
 * (STUDIO_NAME has no bounds of its own), one line of at most 40 characters without commas, not
 * a word the commands read as a choice — so a start never fails on it.
 */
function configuredName(typed: string): string {
  const name =
    cleanName(typed)
      .replace(/,/g, ' ')
      .replace(/ {2,}/g, ' ')
      .slice(0, MAX_NAME - ' (owner)'.length)
      .trim() || 'Owner';
  return RESERVED.has(name.toLowerCase()) ? `${name} (owner)` : name;
}

/** The identity an actor ("engineer:discord:<id>", "engineer:console") speaks for. */
export function identityOfActor(actor: string): string {
  return actor.replace(/^engineer:/, '');
}

export class Engineers {
  #cached: { at: number; all: Promise<Engineer[]> } | undefined;

  constructor(
    private readonly db: Db,
    /** The catalogue's codes, to refuse a service that does not exist. */
    private readonly serviceCodes: readonly string[],
    private readonly ttlMs = 2_000,
  ) {}

  /**
   * Every engineer, active first then by when they came. Read on every booking step, changed only
   * by the owner: kept a couple of seconds, dropped at once when this process changes them. Inside
   * a transaction (`tx`) they are read through it, never from the cache's connection: on SQLite a
   * read outside an open write transaction waits for it, and the transaction for the read.
   */
  all(tx?: Tx): Promise<Engineer[]> {
    if (tx) return this.read(tx);
    const now = performance.now();
    if (!this.#cached || now - this.#cached.at > this.ttlMs) {
      const all = this.read(this.db);
      const entry = { at: now, all };
      this.#cached = entry;
      all.catch(() => {
        if (this.#cached === entry) this.#cached = undefined;
      });
    }
    return this.#cached.all;
  }

  private async read(tx: Tx): Promise<Engineer[]> {
    const rows = await tx.engineer.findMany({ include: { identities: true }, orderBy: [{ createdAt: 'asc' }, { name: 'asc' }] });
    return rows.map(view).sort((a, b) => Number(b.active) - Number(a.active));
  }

  private invalidate(): void {
    this.#cached = undefined;
  }

  async active(tx?: Tx): Promise<Engineer[]> {
    return (await this.all(tx)).filter((e) => e.active);
  }

  /** The active engineers who take this service. */
  async offering(serviceCode: string): Promise<Engineer[]> {
    return (await this.active()).filter((e) => e.services === null || e.services.includes(serviceCode));
  }

  async byId(id: string | null | undefined, tx?: Tx): Promise<Engineer | null> {
    return (id && (await this.all(tx)).find((e) => e.id === id)) || null;
  }

  /** By name, whatever the case; a removed engineer too (their bookings keep naming them). */
  async byName(name: string): Promise<Engineer> {
    const wanted = cleanName(name).toLowerCase();
    const found = (await this.all()).find((e) => e.name.toLowerCase() === wanted);
    if (!found) throw new NotFoundError(t('engineer-unknown', { name: cleanName(name), names: (await this.active()).map((e) => e.name).join(', ') }));
    return found;
  }

  /** The engineer an actor is (engineer:discord:<id>, engineer:console, the dashboard's), or null. */
  async ofActor(actor: string): Promise<Engineer | null> {
    const identity = identityOfActor(actor);
    return (await this.active()).find((e) => e.identities.includes(identity)) ?? null;
  }

  /** The owners (the first engineer at least): where alerts with no engineer of their own go. */
  async owners(tx?: Tx): Promise<Engineer[]> {
    const active = await this.active(tx);
    const owners = active.filter((e) => e.owner);
    return owners.length ? owners : active.slice(0, 1);
  }

  /** Only an owner (or the terminal, which is the server's) manages engineers; a UserError otherwise. */
  async assertOwner(actor: string): Promise<void> {
    if (identityOfActor(actor) === 'console') return;
    const e = await this.ofActor(actor);
    if (!e?.owner) throw new UserError(t('engineer-owner-only'));
  }

  // ── the owner's changes ──────────────────────────────────────────────────────────────────────

  private name(typed: string): string {
    const name = cleanName(typed);
    if (!name || name.length > MAX_NAME || /[,]/.test(name)) throw new UserError(t('engineer-bad-name', { max: MAX_NAME }));
    if (RESERVED.has(name.toLowerCase())) throw new UserError(t('engineer-reserved-name', { name, words: [...RESERVED].join(', ') }));
    return name;
  }

  private identity(typed: string): string {
    const identity = typed.trim().toLowerCase();
    if (!IDENTITY.test(identity)) throw new UserError(t('engineer-bad-identity', { typed: cleanName(typed) }));
    return identity;
  }

  /** "mix,master" → codes of the catalogue; "all" → null. */
  private services(typed: string): string[] | null {
    if (typed.trim().toLowerCase() === 'all') return null;
    const codes = list(typed.toLowerCase());
    const unknown = codes.filter((c) => !this.serviceCodes.includes(c));
    if (!codes.length || unknown.length) throw new UserError(t('engineer-bad-services', { typed: cleanName(typed), codes: this.serviceCodes.join(', ') }));
    return [...new Set(codes)];
  }

  /**
   * "telegram:123, discord:456" → chats; "none" → [] (the owners' chats hear for them); "dm" → null
   * (back to a direct message where they are known; an owner: the configured chats).
   */
  private chats(typed: string): string[] | null {
    if (typed.trim().toLowerCase() === 'none') return [];
    if (typed.trim().toLowerCase() === 'dm') return null;
    const chats = list(typed);
    const bad = chats.find((c) => !CHAT.test(c));
    if (!chats.length || bad) throw new UserError(t('engineer-bad-chats', { typed: cleanName(bad ?? typed) }));
    return [...new Set(chats)];
  }

  /** A new engineer with one identity; they take every service and hear in a DM until told otherwise. */
  async add(name: string, identity: string, o: { services?: string; chats?: string } = {}): Promise<Engineer> {
    const data = {
      name: this.name(name),
      services: o.services === undefined ? null : (this.services(o.services)?.join(',') ?? null),
      alertChats: o.chats === undefined ? null : (this.chats(o.chats)?.join(',') ?? null),
    };
    const who = this.identity(identity);
    try {
      const row = await this.db.engineer.create({ data: { ...data, identities: { create: [{ identity: who }] } }, include: { identities: true } });
      return view(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new UserError(t('engineer-taken', { name: data.name, identity: who }));
    } finally {
      this.invalidate();
    }
  }

  /** Another door the engineer is known on (a Telegram account beside their Discord one). */
  async link(name: string, identity: string): Promise<Engineer> {
    const e = await this.byName(name);
    const who = this.identity(identity);
    try {
      await this.db.engineerIdentity.create({ data: { engineerId: e.id, identity: who } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new UserError(t('engineer-identity-taken', { identity: who }));
    } finally {
      this.invalidate();
    }
    return this.byName(e.name);
  }

  /** A door the engineer is no longer known on (an account they gave up). */
  async unlink(name: string, identity: string): Promise<Engineer> {
    const e = await this.byName(name);
    const who = identity.trim().toLowerCase();
    const { count } = await this.db.engineerIdentity.deleteMany({ where: { engineerId: e.id, identity: who } });
    this.invalidate();
    if (!count) throw new UserError(t('engineer-identity-not-theirs', { identity: cleanName(identity), name: e.name }));
    return this.byName(e.name);
  }

  async setServices(name: string, services: string): Promise<Engineer> {
    const e = await this.byName(name);
    const codes = this.services(services);
    return this.update(e.id, { services: codes === null ? null : codes.join(',') });
  }

  async setChats(name: string, chats: string): Promise<Engineer> {
    const e = await this.byName(name);
    return this.update(e.id, { alertChats: this.chats(chats)?.join(',') ?? null });
  }

  async setOwner(name: string, owner: boolean): Promise<Engineer> {
    const e = await this.byName(name);
    if (!owner && e.owner && (await this.owners()).filter((o) => o.owner).length <= 1) throw new UserError(t('engineer-last-owner', { name: e.name }));
    return this.update(e.id, { owner });
  }

  /** Takes no new bookings and loses authority; their bookings stay theirs until moved. */
  async remove(name: string): Promise<Engineer> {
    const e = await this.byName(name);
    if (e.owner && (await this.owners()).filter((o) => o.owner).length <= 1) throw new UserError(t('engineer-last-owner', { name: e.name }));
    return this.update(e.id, { active: false });
  }

  /** Back after removal. */
  async restore(name: string): Promise<Engineer> {
    return this.update((await this.byName(name)).id, { active: true });
  }

  private async update(id: string, data: { services?: string | null; alertChats?: string | null; owner?: boolean; active?: boolean }): Promise<Engineer> {
    try {
      return view(await this.db.engineer.update({ where: { id }, data, include: { identities: true } }));
    } finally {
      this.invalidate();
    }
  }

  // ── start-up ────────────────────────────────────────────────────────────────────────────────

  /**
   * The first start with engineers as data makes the configured engineer the owner (the same
   * identities and alert chats as before); later starts add a Discord id newly listed in
   * DISCORD_ENGINEER_IDS to the owner, so the configuration keeps granting what it granted.
   * Returns the owner the unassigned bookings go to.
   */
  async ensureConfigured(c: ConfiguredEngineer, tx: Tx = this.db): Promise<Engineer> {
    try {
      const first = await tx.engineer.findFirst({ where: { owner: true, active: true }, orderBy: { createdAt: 'asc' }, include: { identities: true } });
      if (!first) {
        const any = await tx.engineer.count();
        const row = await tx.engineer.create({
          data: {
            // An engineer table some earlier version filled keeps its rows; the owner's name must not collide.
            name: any ? `${configuredName(c.name)} (owner)` : configuredName(c.name),
            owner: true,
            identities: { create: (await this.freeIdentities(tx, c.identities)).map((identity) => ({ identity })) },
          },
          include: { identities: true },
        });
        return view(row);
      }
      const missing = await this.freeIdentities(tx, c.identities);
      if (missing.length) await tx.engineerIdentity.createMany({ data: missing.map((identity) => ({ engineerId: first.id, identity })) });
      // ENGINEER_NAME changed: the owner it names is called so (unless another engineer has the name).
      const wanted = configuredName(c.name);
      const name = c.named && wanted !== first.name && !(await tx.engineer.findUnique({ where: { name: wanted } })) ? wanted : first.name;
      if (name !== first.name) await tx.engineer.update({ where: { id: first.id }, data: { name } });
      return view({ ...first, name, identities: [...first.identities, ...missing.map((identity) => ({ id: '', engineerId: first.id, identity }))] });
    } finally {
      this.invalidate();
    }
  }

  /** Those of `identities` no engineer has yet. */
  private async freeIdentities(tx: Tx, identities: readonly string[]): Promise<string[]> {
    const taken = new Set((await tx.engineerIdentity.findMany({ where: { identity: { in: [...identities] } } })).map((i) => i.identity));
    return [...new Set(identities)].filter((i) => !taken.has(i));
  }
}
