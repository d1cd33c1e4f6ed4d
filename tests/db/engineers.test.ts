// A studio of several engineers: each has their own hours and time, booking offers the union, a
// session holds only its engineer's time, "any" spreads the work, and everything engineer-facing
// (alerts, live notes, the queue, authority) follows the booking's engineer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';
import type { Studio } from '../../core/studio.js';
import { SlotTakenError, UserError } from '../../core/errors.js';
import { performDesk, type DeskActor } from '../../core/engineer/perform.js';
import type { ManualClock } from '../../core/clock.js';
import ICAL from 'ical.js';

const at = (iso: string) => new Date(iso);
const console_: DeskActor = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };
const discord = (id: string): DeskActor => ({ platform: 'discord', userId: id, actor: `engineer:discord:${id}` });
const ANA = '111111111111111111';
const BEN = '222222222222222222';
const OWNER = '999999999999999999';
const day = (date: string) => ({ start: at(`${date}T00:00:00Z`), end: at(`${date}T23:59:00Z`) });
const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString().slice(11, 16));

describe.each(testProviders())('several engineers on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let artist: { id: string; displayName: string };
  let other: string;
  let ana: string;
  let owner: string;

  const desk = async (words: string[], who: DeskActor = console_) => {
    const r = await performDesk(studio, words, who);
    if (r.outcome !== 'done') throw new UserError(r.text);
    return r.text;
  };
  const book = (start: string | null, key: string, o: { engineerId?: string; who?: string; service?: string } = {}) =>
    studio.bookings.create({
      clientId: o.who ?? artist.id,
      serviceCode: o.service ?? 'master',
      kind: start ? 'virtual' : 'unattended',
      ...(start ? { start: at(start) } : {}),
      timeZone: 'Europe/London',
      idempotencyKey: key,
      origin: { platform: 'telegram', chatId: '42' },
      actor: 'client:test',
      ...(o.engineerId ? { engineerId: o.engineerId } : {}),
    });
  const sentTo = async (prefix: string) =>
    (await t.db.notification.findMany({ where: { key: { startsWith: prefix } } })).map((n) => `${n.platform}:${n.chatId}`).sort();

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    // The owner: the configured engineer (a Discord id and the terminal), hearing in ENGINEER_CHAT.
    studio = await testStudio(t.db, { DISCORD_ENGINEER_IDS: OWNER, ENGINEER_CHAT: 'telegram:7000', ENGINEER_NAME: 'Mara', ENGINEER_ALERTS: 'all' });
    const c = await studio.clients.identify({ platform: 'telegram', externalId: '42', displayName: 'Lu' });
    artist = { id: c.client.id, displayName: 'Lu' };
    other = (await studio.clients.identify({ platform: 'console', externalId: 'x', displayName: 'Xo' })).client.id;
    owner = (await studio.engineers.byName('Mara')).id;
  });
  afterAll(() => t?.drop());

  it('makes the configured engineer the owner, with the identities and chats the configuration gave', async () => {
    const all = await studio.engineers.all();
    expect(all.map((e) => [e.name, e.owner, e.identities])).toEqual([['Mara', true, ['console', `discord:${OWNER}`]]]);
    expect(await studio.authority.isDiscordEngineer({ userId: ANA, guildId: null, roleIds: [] })).toBe(false);
    expect(await desk(['engineer', 'list'])).toMatch(/Mara \(owner\) — services: all · hours: the studio's · alerts: the studio's alert chats/);
  });

  it('lets only the owner add engineers; an added engineer has the desk and their own hours', async () => {
    // Before Ana is an engineer she has no desk; after, she is one but not an owner.
    expect(await desk(['engineer', 'add', `discord:${ANA}`, 'Ana', '--chats', 'telegram:5550'], discord(OWNER))).toMatch(/Added Ana/);
    ana = (await studio.engineers.byName('ana')).id;
    expect(await studio.authority.isDiscordEngineer({ userId: ANA, guildId: null, roleIds: [] })).toBe(true);
    await expect(desk(['engineer', 'add', `discord:${BEN}`, 'Ben'], discord(ANA))).rejects.toThrow(/Only the studio's owner/);
    await expect(desk(['engineer', 'add', `discord:${OWNER}`, 'Dup'])).rejects.toThrow(/already an engineer called Dup, or discord:/);
    await expect(desk(['engineer', 'add', 'discord:12; drop', 'Bad'])).rejects.toThrow(/is not an identity/);
    // Ana works Tuesday evenings and Saturday mornings (the studio: weekdays 10-18); she sets her own, not the studio's.
    await desk(['availability', 'add', 'tue', '10:00', '22:00', '--engineer', 'Ana'], discord(ANA));
    await desk(['availability', 'add', 'sat', '10:00', '14:00', '--engineer', 'Ana'], discord(ANA));
    await expect(desk(['availability', 'add', 'sun', '10:00', '12:00'], discord(ANA))).rejects.toThrow(/your own hours only/);
    await expect(desk(['availability', 'add', 'sun', '10:00', '12:00', '--engineer', 'Mara'], discord(ANA))).rejects.toThrow(/your own hours only/);
    expect(await desk(['availability', 'show', '--engineer', 'Ana'])).toMatch(/Hours of Ana:[\s\S]*tue 10:00-22:00[\s\S]*sat 10:00-14:00/);
    // She is known on Telegram too; a door is someone's only once.
    expect(await desk(['engineer', 'link', 'telegram:31337', 'Ana'])).toBe(`Ana is known as: discord:${ANA}, telegram:31337.`);
    await expect(desk(['engineer', 'link', 'telegram:31337', 'Mara'])).rejects.toThrow(/telegram:31337 is already an engineer's/);
    expect(await desk(['engineer', 'unlink', 'telegram:31337', 'Ana'])).toBe(`Ana is known as: discord:${ANA}.`);
    await expect(desk(['engineer', 'unlink', 'telegram:31337', 'Ana'])).rejects.toThrow(/Ana is not known as telegram:31337/);
  });

  it('offers the union of free times; an engineer named shows only theirs', async () => {
    // Saturday 5 December: only Ana works.
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-05')))).toEqual(['10:00', '11:00', '12:00', '13:00']);
    expect(await studio.bookings.freeSlots('master', day('2026-12-05'), undefined, owner)).toEqual([]);
    // Tuesday 8 December: the studio 10-18, Ana 10-22; together until 21:00 (a one-hour master).
    const tuesday = starts(await studio.bookings.freeSlots('master', day('2026-12-08')));
    expect(tuesday[0]).toBe('10:00');
    expect(tuesday.at(-1)).toBe('21:00');
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-08'), undefined, owner)).at(-1)).toBe('17:00');
  });

  it('books two engineers in parallel without collisions: racing requests for one time fill each engineer once', async () => {
    const results = await Promise.allSettled([0, 1, 2, 3].map((i) => book('2026-12-08T10:00:00Z', `race-${i}`, { who: i % 2 ? other : artist.id })));
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won.map((b) => b.engineerId).sort()).toEqual([ana, owner].sort());
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(SlotTakenError);
    // Named engineers race too: two for Ana at 19:00 (only she works then), one wins.
    const evening = await Promise.allSettled([
      book('2026-12-08T19:00:00Z', 'eve-1', { engineerId: ana }),
      book('2026-12-08T19:00:00Z', 'eve-2', { engineerId: ana, who: other }),
    ]);
    expect(evening.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Nobody is held twice in any block.
    const holds = await t.db.slotHold.findMany();
    expect(new Set(holds.map((h) => `${h.engineerId}@${h.blockStart.getTime()}`)).size).toBe(holds.length);
    expect(holds.every((h) => h.engineerId === ana || h.engineerId === owner)).toBe(true);
  });

  it('a session on one engineer never blocks another', async () => {
    await book('2026-12-08T12:00:00Z', 'owner-noon', { engineerId: owner });
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-08'), undefined, ana))).toContain('12:00');
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-08'), undefined, owner))).not.toContain('12:00');
    // Still offered to artists: Ana is free then.
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-08')))).toContain('12:00');
    const b = await book('2026-12-08T12:00:00Z', 'any-noon');
    expect(b.engineerId).toBe(ana);
    // Outside an engineer's hours a named booking is refused even when the studio is open.
    await expect(book('2026-12-09T10:00:00Z', 'ana-wed', { engineerId: ana })).rejects.toThrow(/not open for booking/);
  });

  it('"any" gives unattended work to the least busy engineer', async () => {
    const load = await studio.bookings.rows.loadByEngineer();
    const fewer = (load.get(ana)?.open ?? 0) <= (load.get(owner)?.open ?? 0) ? ana : owner;
    expect((await book(null, 'unattended-1')).engineerId).toBe(fewer);
  });

  it('reschedules within the booking engineer\u2019s time and hands a booking over only when the other is free', async () => {
    const b = await book('2026-12-12T10:00:00Z', 'sat-ana');
    expect(b.engineerId).toBe(ana);
    const moved = await studio.bookings.reschedule(artist.id, b.reference, at('2026-12-12T12:00:00Z'), 'sat-ana-move', 'client:test');
    expect(moved.engineerId).toBe(ana);
    // The owner does not work Saturdays: the handover is refused and nothing changes.
    await expect(desk(['booking', 'assign', moved.reference, 'Mara'])).rejects.toThrow(/Mara is not free for/);
    expect((await studio.bookings.get(moved.id)).engineerId).toBe(ana);
    await expect(desk(['booking', 'assign', moved.reference, 'Mara'], discord(ANA))).rejects.toThrow(/Only the studio's owner/);
    // A weekday session moves to the owner's calendar.
    const tue = await book('2026-12-15T15:00:00Z', 'tue-ana', { engineerId: ana });
    expect(await desk(['booking', 'assign', tue.reference, 'Mara'])).toMatch(/is now Mara's/);
    const holds = await t.db.slotHold.findMany({ where: { bookingId: tue.id } });
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.every((h) => h.engineerId === owner)).toBe(true);
    // The owner hears it is his now (his chats), and its history names both.
    expect(await sentTo('alert:assigned:')).toEqual([`discord:${OWNER}`, 'telegram:7000']);
    const notes = (await t.db.bookingEvent.findMany({ where: { bookingId: tue.id } })).map((e) => e.note);
    expect(notes).toContain('engineer: Ana → Mara');
  });

  it('alerts and live notes about a booking reach only its engineer', async () => {
    const b = await book('2026-12-19T10:00:00Z', 'notes-ana');
    expect(b.engineerId).toBe(ana);
    // The booking's news: Ana's chat only, not the owner's.
    expect(await sentTo(`alert:booking-`)).toContain('telegram:5550');
    const news = await t.db.notification.findMany({ where: { key: { startsWith: 'alert:booking-', contains: b.id } } });
    expect(news.map((n) => `${n.platform}:${n.chatId}`)).toEqual(['telegram:5550']);
    // Ana runs the session from Discord: notes reach her DM.
    studio.clock.set(at('2026-12-19T10:05:00Z'));
    await desk(['session', 'start', b.reference], discord(ANA));
    const live = await studio.notes.running(artist.id);
    expect(live?.id).toBe(b.id);
    await studio.notes.fromArtist(live!, artist, 'more vocal please');
    const notes = await t.db.notification.findMany({ where: { key: { startsWith: 'note:' } } });
    expect(notes.map((n) => `${n.platform}:${n.chatId}`)).toEqual([`discord:${ANA}`]);
    await desk(['session', 'end', b.reference], discord(ANA));
    // Started from the terminal, notes still go to the booking's engineer, not to the owner's chats.
    await desk(['session', 'start', b.reference]);
    await studio.notes.fromArtist((await studio.notes.running(artist.id))!, artist, 'and less reverb');
    expect(await sentTo('alert:note:')).toEqual(['telegram:5550']);
    // Alerts about nothing in particular reach the owners.
    await studio.alerts.alert('studio-wide-test', () => 'disk nearly full');
    expect(await sentTo('alert:studio-wide-test')).toEqual(['telegram:7000', `discord:${OWNER}`].sort());
  });

  it("scopes the queue: an engineer sees their own by default, the owner everyone's with names", async () => {
    const mine = await desk(['queue', '--days', '30'], discord(ANA));
    expect(mine).toMatch(/Showing Ana's bookings/);
    const theirs = (await t.db.booking.findMany({ where: { engineerId: owner, status: { notIn: ['cancelled', 'rescheduled'] } } })).map((b) => b.reference);
    for (const ref of theirs) expect(mine).not.toContain(ref);
    const everyone = await desk(['queue', '--days', '30']);
    expect(everyone).toMatch(/· Mara/);
    expect(everyone).toMatch(/· Ana/);
    expect(await desk(['queue', '--days', '30', '--engineer', 'Mara'])).toMatch(/Showing Mara's bookings/);
    // Another engineer's queue, or everyone's, is the owner's to see (as on the dashboard).
    await expect(desk(['queue', '--engineer', 'Mara'], discord(ANA))).rejects.toThrow(/your own bookings only/);
    await expect(desk(['queue', '--engineer', 'all'], discord(ANA))).rejects.toThrow(/your own bookings only/);
    expect(await desk(['queue', '--engineer', 'mine'], discord(ANA))).toMatch(/Showing Ana's bookings/);
  });

  it("an engineer's own calendar feed lists their sessions only; only an owner reads another's or the studio's", async () => {
    const feedOf = async (said: string) => {
      const token = /\/feed\/(\S+)$/.exec(said)![1]!;
      const owner = await studio.feeds.verify(token);
      const cal = new ICAL.Component(ICAL.parse(await studio.feeds.file(owner!)) as unknown[]);
      return {
        name: String(cal.getFirstPropertyValue('x-wr-calname') ?? cal.getFirstPropertyValue('name')),
        refs: cal.getAllSubcomponents('vevent').map((v) => /MD-[2-9A-Z]{6}/.exec(String(v.getFirstPropertyValue('summary')))![0]),
      };
    };
    const standing = (engineerId: string) =>
      t.db.booking
        .findMany({ where: { engineerId, startsAt: { not: null }, status: { notIn: ['cancelled', 'rescheduled'] } } })
        .then((r) => r.map((b) => b.reference).sort());
    const hers = await feedOf(await desk(['calendar', 'link'], discord(ANA)));
    expect(hers.refs.sort()).toEqual(await standing(ana));
    expect(hers.name).toContain('Ana');
    // The owner's own /calendar link is still the studio's: everyone's sessions.
    const studioFeed = await feedOf(await desk(['calendar', 'link']));
    expect(studioFeed.refs.length).toBe(hers.refs.length + (await standing(owner)).length);
    expect((await feedOf(await desk(['calendar', 'link', '--engineer', 'Ana']))).refs.sort()).toEqual(hers.refs.sort());
    await expect(desk(['calendar', 'link', '--engineer', 'studio'], discord(ANA))).rejects.toThrow(/your own calendar feed only/);
    await expect(desk(['calendar', 'renew', '--engineer', 'Mara'], discord(ANA))).rejects.toThrow(/your own calendar feed only/);
  });

  it('another engineer may not start or answer a session that is not theirs; the owner may', async () => {
    const b = await book('2026-12-28T10:00:00Z', 'owner-monday', { engineerId: owner });
    await expect(desk(['session', 'start', b.reference], discord(ANA))).rejects.toThrow(new RegExp(`${b.reference} is Mara's booking`));
    await desk(['session', 'start', b.reference]);
    await expect(desk(['reply', b.reference, 'hi'], discord(ANA))).rejects.toThrow(/only they or an owner/);
    expect(await desk(['reply', b.reference, 'hello from the owner'], discord(OWNER))).toBeTruthy();
    await desk(['session', 'end', b.reference]);
  });

  it('a removed engineer takes no new bookings and loses the desk; their bookings stay theirs', async () => {
    const before = await t.db.booking.count({ where: { engineerId: ana } });
    expect(await desk(['engineer', 'remove', 'Ana'])).toMatch(/Ana takes no new bookings/);
    expect(await studio.authority.isDiscordEngineer({ userId: ANA, guildId: null, roleIds: [] })).toBe(false);
    expect(await studio.bookings.freeSlots('master', day('2026-12-26'))).toEqual([]);
    await expect(book('2026-12-26T10:00:00Z', 'after-removal', { engineerId: ana })).rejects.toThrow(/does not take this service/);
    expect(await t.db.booking.count({ where: { engineerId: ana } })).toBe(before);
    // Her artist can still move her session: to whoever takes the service then.
    const hers = await t.db.booking.findUniqueOrThrow({ where: { idempotencyKey: 'any-noon' }, include: { service: true } });
    expect(hers.engineerId).toBe(ana);
    expect(await studio.bookings.movesWith(hers)).toEqual([owner]);
    const moved = await studio.bookings.reschedule(hers.clientId, hers.reference, at('2026-12-23T10:00:00Z'), 'any-noon-move', 'client:test');
    expect(moved.engineerId).toBe(owner);
    await expect(desk(['engineer', 'remove', 'Mara'])).rejects.toThrow(/only owner/);
    await desk(['engineer', 'restore', 'Ana']);
  });

  it('an engineer who takes only some services is offered only for those', async () => {
    // Tuesday 29 December: the owner works 10-18, Ana 10-22.
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-29'))).at(-1)).toBe('21:00');
    await desk(['engineer', 'services', 'mix', 'Ana']);
    expect(starts(await studio.bookings.freeSlots('master', day('2026-12-29'))).at(-1)).toBe('17:00');
    // A five-hour mix: until 13:00 with the owner, 17:00 with Ana.
    expect(starts(await studio.bookings.freeSlots('mix', day('2026-12-29'))).at(-1)).toBe('17:00');
    await expect(desk(['engineer', 'services', 'polka', 'Ana'])).rejects.toThrow(/not a list of services/);
    await desk(['engineer', 'services', 'all', 'Ana']);
  });

  it('a studio of any name starts: its name becomes a usable owner name; ENGINEER_NAME changed renames the owner', async () => {
    for (const [STUDIO_NAME, expected] of [
      ['Studio', 'Studio (owner)'],
      ['The Very Long Name Recording, Mixing and Mastering Studio of the North', 'The Very Long Name Recording Mix'],
    ] as const) {
      const fresh = await createTestDatabase(provider);
      try {
        const s = await testStudio(fresh.db, { STUDIO_NAME });
        expect((await s.engineers.all()).map((e) => e.name)).toEqual([expected]);
        const renamed = await testStudio(fresh.db, { STUDIO_NAME, ENGINEER_NAME: 'Noor' });
        expect((await renamed.engineers.all()).map((e) => [e.name, e.owner])).toEqual([['Noor', true]]);
        await expect(performDesk(renamed, ['engineer', 'add', 'discord:123456789012345678', 'mine'], console_)).resolves.toMatchObject({ outcome: 'refused' });
      } finally {
        await fresh.drop();
      }
    }
  });

  it('gives bookings made before engineers were data to the owner, with the time they hold', async () => {
    const legacy = await book('2026-12-22T10:00:00Z', 'legacy', { engineerId: owner });
    await t.db.slotHold.updateMany({ where: { bookingId: legacy.id }, data: { engineerId: '' } });
    await t.db.booking.update({ where: { id: legacy.id }, data: { engineerId: null } });
    // The next start assigns them.
    const again = await testStudio(t.db, { DISCORD_ENGINEER_IDS: OWNER, ENGINEER_CHAT: 'telegram:7000', ENGINEER_NAME: 'Mara' });
    expect((await again.bookings.get(legacy.id)).engineerId).toBe(owner);
    expect(await t.db.slotHold.count({ where: { engineerId: '' } })).toBe(0);
    expect((await again.engineers.all()).filter((e) => e.owner).map((e) => e.name)).toEqual(['Mara']);
  });
});
