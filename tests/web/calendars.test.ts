// "Add to calendar" (issue 35.2, the artist's part): a session's private link serves a calendar
// file in the artist's own zone — read back here by an independent parser (ical.js), which turns
// the zoned times into instants through the file's own VTIMEZONE, across the clock changes of
// March 2027 — and, opened again after a move, the same event with a higher SEQUENCE; after a
// cancellation, METHOD:CANCEL. Forged links and sessions without a time get a 404.
import ICAL from 'ical.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Studio } from '../../core/studio.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Parsed {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  tzid: string;
  /** As written: local wall-clock time in `tzid`. */
  local: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
}

function parse(text: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  // Each file carries its zone's rules; ical.js reads the instants through them.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = cal.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = new ICAL.Event(events[0]!);
  const dtstart = events[0]!.getFirstProperty('dtstart')!;
  return {
    method: String(cal.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(events[0]!.getFirstPropertyValue('status')),
    tzid: String(dtstart.getParameter('tzid')),
    local: event.startDate.toString(),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    description: event.description,
  };
}

describe.each(testProviders())('a session in the artist’s calendar on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let web: WebServer;
  let clientId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    // Early March 2027: New York moves its clocks on 14 March, London on 28 March.
    studio = await testStudio(t.db, { STUDIO_NAME: 'Harbour Studio' }, new Date('2027-03-10T08:00:00Z'));
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, provider),
      maxUploadBytes: 2 ** 20,
      maxFileMb: 1,
    });
    const { client } = await studio.clients.identify({ platform: 'test', externalId: `cal-${provider}`, displayName: 'Nia', language: 'es' });
    await studio.clients.setTimeZone(client.id, 'America/New_York');
    clientId = client.id;
  });
  afterAll(async () => {
    await web?.close();
    await t?.drop();
  });

  const fetchCalendar = async (url: string) => {
    const r = await fetch(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return { text: await r.text(), disposition: r.headers.get('content-disposition') };
  };

  it('serves the session in her zone and language; moved across the clock change it is the same event, newer; called off, it is removed', async () => {
    // Friday 12 March, 10:00 in London = 05:00 in New York (EST, before its change).
    const booked = await studio.bookings.create({
      clientId,
      serviceCode: 'master',
      kind: 'virtual',
      start: new Date('2027-03-12T10:00:00Z'),
      timeZone: 'America/New_York',
      idempotencyKey: `cal-1-${provider}`,
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    const link = studio.calendars.link(booked.id)!;
    expect(link).toMatch(new RegExp(`^${web.url}/cal/[\\w-]+\\.[\\w-]+$`));
    const first = await fetchCalendar(link);
    expect(first.disposition).toContain(`${booked.reference}.ics`);
    const a = parse(first.text);
    expect(a).toMatchObject({ method: 'PUBLISH', uid: `${booked.id}@mixdesk`, sequence: 0, status: 'CONFIRMED', tzid: 'America/New_York' });
    expect(a.local).toBe('2027-03-12T05:00:00');
    expect(a.start.toISOString()).toBe('2027-03-12T10:00:00.000Z');
    expect(a.end.toISOString()).toBe(booked.endsAt!.toISOString());
    expect(a.summary).toBe('Máster en Harbour Studio');
    expect(a.description).toContain('SonoBus');
    expect(a.description).toContain(booked.reference);

    // Moved to Monday 15 March, 10:00 in London = 06:00 in New York (EDT, after its change).
    const moved = await studio.bookings.reschedule(clientId, booked.reference, new Date('2027-03-15T10:00:00Z'), `cal-2-${provider}`, 'artist');
    for (const url of [link, studio.calendars.link(moved.id)!]) {
      const b = parse((await fetchCalendar(url)).text);
      expect(b).toMatchObject({ method: 'PUBLISH', uid: `${booked.id}@mixdesk`, sequence: 1, status: 'CONFIRMED', tzid: 'America/New_York' });
      expect(b.local).toBe('2027-03-15T06:00:00');
      expect(b.start.toISOString()).toBe('2027-03-15T10:00:00.000Z');
      expect(b.description).toContain(moved.reference);
    }

    // Past London's change too (29 March, 10:00 BST = 09:00 UTC = 05:00 EDT).
    const later = await studio.bookings.reschedule(clientId, moved.reference, new Date('2027-03-29T09:00:00Z'), `cal-3-${provider}`, 'artist');
    const c = parse((await fetchCalendar(link)).text);
    expect(c).toMatchObject({ sequence: 2, local: '2027-03-29T05:00:00' });
    expect(c.start.toISOString()).toBe('2027-03-29T09:00:00.000Z');

    await studio.bookings.cancel(clientId, later.reference, 'artist');
    const d = parse((await fetchCalendar(link)).text);
    expect(d).toMatchObject({ method: 'CANCEL', uid: `${booked.id}@mixdesk`, sequence: 3, status: 'CANCELLED' });
  });

  it('a forged link, or one for work without a session time, is refused', async () => {
    const unattended = await studio.bookings.create({
      clientId,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'America/New_York',
      idempotencyKey: `cal-u-${provider}`,
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    expect((await fetch(studio.calendars.link(unattended.id)!)).status).toBe(404);
    const forged = studio.calendars.link(unattended.id)!.replace(/\.([\w-]+)$/, '.AAAA$1');
    const r = await fetch(forged);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('calendar link is not valid');
  });

  it('the studio feed: sessions in the studio’s zone across its clock change, a moved one the same event, a cancelled one gone, and a renewed link revokes the old', async () => {
    const { performDesk } = await import('../../core/engineer/perform.js');
    const engineer = { platform: 'console', userId: 'engineer', actor: 'engineer:console' };
    const { client } = await studio.clients.identify({ platform: 'test', externalId: `feed-${provider}`, displayName: 'Otis Redd' });
    const book = (key: string, start: string, kind: 'standard' | 'virtual') =>
      studio.bookings.create({
        clientId: client.id,
        serviceCode: 'mix',
        kind,
        start: new Date(start),
        timeZone: 'Europe/London',
        idempotencyKey: `${key}-${provider}`,
        origin: { platform: 'test', chatId: 'c' },
        actor: 'test',
      });
    // 26 March (GMT) and 29 March (BST, after London's change), both 10:00 in London.
    const before = await book('feed-1', '2027-03-26T10:00:00Z', 'virtual');
    const after = await book('feed-2', '2027-03-29T09:00:00Z', 'standard');
    const shown = await performDesk(studio, ['calendar', 'link'], engineer);
    const url = /(http\S+)$/.exec(shown.text)![1]!;
    expect(url).toMatch(/\/feed\/[\w-]+\.[\w-]+$/);
    const feed = async (link = url) => {
      const r = await fetch(link);
      expect(r.status).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(await r.text()) as unknown[]);
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
      return cal.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return {
          uid: e.uid,
          sequence: e.sequence,
          summary: e.summary,
          description: e.description,
          local: e.startDate.toString(),
          tzid: String(v.getFirstProperty('dtstart')!.getParameter('tzid')),
          start: e.startDate.toJSDate().toISOString(),
        };
      });
    };
    const mine = (events: Awaited<ReturnType<typeof feed>>) => events.filter((e) => e.summary.includes('Otis'));
    expect(mine(await feed())).toEqual([
      {
        uid: `${before.id}@mixdesk`,
        sequence: 0,
        summary: `${before.reference} · Otis · Mixing`,
        description: expect.stringContaining('SonoBus') as string,
        local: '2027-03-26T10:00:00',
        tzid: 'Europe/London',
        start: '2027-03-26T10:00:00.000Z',
      },
      {
        uid: `${after.id}@mixdesk`,
        sequence: 0,
        summary: `${after.reference} · Otis · Mixing`,
        description: 'In the studio, with the artist.',
        local: '2027-03-29T10:00:00',
        tzid: 'Europe/London',
        start: '2027-03-29T09:00:00.000Z',
      },
    ]);
    // The first moves a day on (still 10:00 in London): the same event, newer; the second is called off.
    const moved = await studio.bookings.reschedule(client.id, before.reference, new Date('2027-03-31T09:00:00Z'), `feed-3-${provider}`, 'artist');
    await studio.bookings.cancel(client.id, after.reference, 'artist');
    expect(mine(await feed())).toEqual([
      expect.objectContaining({ uid: `${before.id}@mixdesk`, sequence: 1, summary: `${moved.reference} · Otis · Mixing`, local: '2027-03-31T10:00:00' }),
    ]);
    // Asked again, the same link; renewed, the old one is refused and the new one works.
    expect((await performDesk(studio, ['calendar', 'link'], engineer)).text).toContain(url);
    const renewed = /(http\S+)$/.exec((await performDesk(studio, ['calendar', 'renew'], engineer)).text)![1]!;
    expect(renewed).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect(mine(await feed(renewed))).toHaveLength(1);
    expect((await fetch(renewed.replace(/\.([\w-]+)$/, '.x$1'))).status).toBe(404);
  });
});
