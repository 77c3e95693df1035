import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addDays, berlinToday } from '../src/contacts/warranty';
import { anna, ORIGIN, send, type TestUser } from './helpers';
import { expectWellFormed, type ParsedEvent, parseCalendar } from './ical';

// GET /assets/:assetId/contacts/warranty.ics (issue 17, contract §4) as a phone's calendar gets it:
// headers of a private download, one all-day event per live contact with a warranty end (the
// soonest first), two alarms each, UID stable per contact and SEQUENCE its version, read back by
// ical.js. The serializer's own format rules and the second parser: test/ics.test.ts, test/interop.

const ASSET = 'w-ics';
const LIST = `/assets/${ASSET}/contacts`;
const CALENDAR = `${LIST}/warranty.ics`;
const buyer: TestUser = { ...anna, sub: 'u-w-ics', assets: [{ id: ASSET, name: 'Lindenhof, Wohnung 12' }] };
const coBuyer: TestUser = { ...buyer, sub: 'u-w-ics-2', name: 'Jonas Müller' };

async function create(user: TestUser, fields: Record<string, string>): Promise<string> {
  const response = await send(LIST, { user, form: { form_token: crypto.randomUUID(), ...fields } });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}

async function versionOf(id: string): Promise<number> {
  return (await env.DB.prepare('SELECT version FROM contacts WHERE id = ?').bind(id).first<{ version: number }>())?.version ?? 0;
}

// Ends two years and more ahead whenever the tests run, so both alarms are always still ahead
// (code review, stop 69: a fixed end's 90-day alarm would pass one day and fail the test).
const THIS_YEAR = Number(berlinToday(new Date()).slice(0, 4));
/** The tiler's end's year: his acceptance 5 years before. */
const TILES = THIS_YEAR + 2;
/** A leap year ahead: the kitchen's acceptance on its 29 February ends on 28 February 5 years on (BGB §188). */
const LEAP = [1, 2, 3, 4].map((ahead) => THIS_YEAR + ahead).find((year) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ?? 0;

/** The event ical.js must read for a contact: both alarms say the summary, 90 and 14 days before at 09:00. */
function event(id: string, sequence: number, date: string, summary: string, description: string): Omit<ParsedEvent, 'stamp'> {
  const alarm = (days: number) => ({
    action: 'DISPLAY',
    trigger: `-P${days - 1}DT15H`,
    triggerSeconds: -days * 86400 + 9 * 3600,
    description: summary,
  });
  return {
    uid: `kontakte-warranty-${id}`,
    sequence,
    start: date,
    startIsDate: true,
    end: addDays(date, 1),
    endIsDate: true,
    summary,
    description,
    location: 'Lindenhof, Wohnung 12',
    transp: 'TRANSPARENT',
    alarms: [alarm(90), alarm(14)],
  };
}

async function download(user: TestUser = buyer, headers: Record<string, string> = {}) {
  const response = await send(CALENDAR, { user, headers });
  expect(response.status).toBe(200);
  const ics = await response.text();
  expectWellFormed(ics);
  const { props, events } = parseCalendar(ics);
  return { response, ics, props, events: events.map(({ stamp, ...rest }) => rest), stamps: events.map((e) => e.stamp) };
}

describe('warranty.ics', () => {
  it('holds every live contact with an end, the soonest first, each with its alarms, UID and SEQUENCE exact', async () => {
    const tiles = await create(buyer, {
      position: 'Fliesenleger',
      company: 'Fliesen Bauer',
      last_name: 'Bauer',
      phone: '+49 (0)30 123456',
      email: 'info@fliesen-bauer.de',
      accepted_on: `${TILES - 5}-05-10`,
      warranty_years: '5',
    });
    const kitchen = await create(buyer, {
      position: 'Küchenbauer',
      company: 'Küchen Schmidt; Söhne, GmbH',
      mobile: '0171 / 234 56 78',
      accepted_on: `${LEAP}-02-29`,
      warranty_years: '5',
    });
    await create(buyer, { company: 'Ohne Gewährleistung' });
    const gone = await create(buyer, { company: 'Gelöscht GmbH', warranty_until: '2026-06-01' });
    expect((await send(`${LIST}/${gone}/delete`, { user: buyer, form: { version: '1' } })).status).toBe(303);

    const before = new Date();
    const { response, props, events, stamps } = await download();
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Gewaehrleistung Lindenhof_ Wohnung 12.ics"; filename*=UTF-8''Gew%C3%A4hrleistung%20Lindenhof%2C%20Wohnung%2012.ics`,
    );
    expect(props).toEqual({ version: '2.0', prodid: '-//PROPSTER//Kontakte//DE', calscale: 'GREGORIAN', method: 'PUBLISH' });
    expect(events).toEqual([
      event(
        tiles,
        1,
        `${TILES}-05-10`,
        'Gewährleistung endet: Bauer (Fliesenleger) – Mängel vorher melden',
        // The company behind a person owes the warranty; the number is dialled without "(0)".
        `Unternehmen: Fliesen Bauer\nTelefonnummer: +49 30 123456\nE-Mail-Adresse: info@fliesen-bauer.de\nGewährleistung bis 10.05.${TILES} (Ihre eigene Angabe, keine Rechtsberatung)`,
      ),
      event(
        kitchen,
        1,
        `${LEAP + 5}-02-28`,
        'Gewährleistung endet: Küchen Schmidt; Söhne, GmbH (Küchenbauer) – Mängel vorher melden',
        `Mobilnummer: 0171 / 234 56 78\nGewährleistung bis 28.02.${LEAP + 5} (Ihre eigene Angabe, keine Rechtsberatung)`,
      ),
    ]);
    // DTSTAMP: when the file was made, in UTC.
    const made = (stamp: string) => Date.parse(stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    for (const stamp of stamps) expect(made(stamp)).toBeGreaterThanOrEqual(Math.floor(before.getTime() / 1000) * 1000);
  });

  it('names no company beside a name that is only invisible characters, where the company is the name (code review)', async () => {
    const id = await create(buyer, { company: 'Dach Decker', first_name: '\u200b', phone: '030 998877', warranty_until: '2031-07-01' });
    expect((await download()).events.find((e) => e.uid === `kontakte-warranty-${id}`)).toMatchObject({
      summary: 'Gewährleistung endet: Dach Decker – Mängel vorher melden',
      description: 'Telefonnummer: 030 998877\nGewährleistung bis 01.07.2031 (Ihre eigene Angabe, keine Rechtsberatung)',
    });
  });

  it('keeps each UID and raises SEQUENCE when the contact changes, its dates included', async () => {
    const id = await create(buyer, { company: 'Garten Grün', accepted_on: '2023-04-01', warranty_years: '2' });
    const find = async () => (await download()).events.find((e) => e.uid === `kontakte-warranty-${id}`);
    expect(await find()).toMatchObject({ sequence: 1, start: '2025-04-01' });
    // The co-buyer corrects the acceptance and picks 5 years: the end moves, SEQUENCE grows.
    const edited = await send(`${LIST}/${id}`, {
      user: coBuyer,
      form: { version: '1', company: 'Garten Grün', accepted_on: '2023-05-02', warranty_years: '5' },
    });
    expect(edited.status).toBe(303);
    const moved = await find();
    expect(moved).toMatchObject({ uid: `kontakte-warranty-${id}`, sequence: 2, start: '2028-05-02', end: '2028-05-03' });
    expect(moved?.sequence).toBe(await versionOf(id));
    // Another change of the contact: the same UID, a higher SEQUENCE again (never lower).
    expect(
      (
        await send(`${LIST}/${id}`, {
          user: buyer,
          form: { version: '2', company: 'Garten Grün GmbH', accepted_on: '2023-05-02', warranty_until: '2028-05-02' },
        })
      ).status,
    ).toBe(303);
    expect(await find()).toMatchObject({
      sequence: 3,
      start: '2028-05-02',
      summary: 'Gewährleistung endet: Garten Grün GmbH – Mängel vorher melden',
    });
    // Its end removed: the contact leaves the calendar.
    expect(
      (await send(`${LIST}/${id}`, { user: buyer, form: { version: '3', company: 'Garten Grün GmbH', accepted_on: '2023-05-02' } })).status,
    ).toBe(303);
    expect(await find()).toBeUndefined();
  });

  it('gives an end already passed no alarms (Outlook rang them at once as overdue on every import)', async () => {
    const today = berlinToday(new Date());
    const ended = await create(buyer, { company: 'Estrich Alt', accepted_on: '2019-03-01', warranty_years: '5' });
    const yesterday = await create(buyer, { company: 'Estrich Gestern', warranty_until: addDays(today, -1) });
    const { events } = await download();
    const of = (id: string) => events.find((e) => e.uid === `kontakte-warranty-${id}`);
    expect(of(ended)).toMatchObject({ start: '2024-03-01', alarms: [] });
    expect(of(yesterday)).toMatchObject({ start: addDays(today, -1), alarms: [] });
    // And says it ended, not "Mängel vorher melden" (walkthrough, stop 68); one of today still ends.
    expect(of(ended)?.summary).toBe('Gewährleistung endete: Estrich Alt');
    expect(of(yesterday)?.summary).toBe('Gewährleistung endete: Estrich Gestern');
    const todays = await create(buyer, { company: 'Estrich Heute', warranty_until: today });
    expect((await download()).events.find((e) => e.uid === `kontakte-warranty-${todays}`)?.summary).toBe(
      'Gewährleistung endet: Estrich Heute – Mängel vorher melden',
    );
  });

  it('gives a running end only the alarms still ahead (one whose day is behind would ring at once on import), a late one if none is', async () => {
    const today = berlinToday(new Date());
    const ends = {
      // [days from today to the end, the alarms' days before the end it keeps before 09:00 in
      // Berlin, and from 09:00 on, when today's alarm is behind (walkthrough, stop 69)]
      // An end today is the all-day event itself; one less than 14 days ahead has a late alarm
      // instead of none (code review): 7 days before, or the day before where that is behind.
      heute: [0, [], []],
      // The day before is today: it rings today at 09:00; after that, on its day at 09:00 (walkthrough, stop 71: none).
      morgen: [1, [1], [0]],
      sechs: [6, [1], [1]],
      sieben: [7, [7], [1]],
      zehn: [10, [7], [7]],
      dreizehn: [13, [7], [7]],
      vierzehn: [14, [14], [7]], // the 14-day alarm rings today at 09:00; after that, 7 days before
      dreissig: [30, [14], [14]],
      neunundachtzig: [89, [14], [14]],
      neunzig: [90, [90, 14], [14]],
      hundert: [100, [90, 14], [90, 14]],
    } as const;
    const ids: Record<string, string> = {};
    for (const [name, [days]] of Object.entries(ends))
      ids[name] = await create(buyer, { company: `Estrich ${name}`, warranty_until: addDays(today, days) });
    const berlinHour = () =>
      Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    // Made on one side of 09:00: a download that ran across it is made again, after it.
    let morning = berlinHour() < 9;
    let { events } = await download();
    if (morning !== berlinHour() < 9) {
      morning = false;
      ({ events } = await download());
    }
    for (const [name, [days, early, late]] of Object.entries(ends)) {
      const kept = morning ? early : late;
      const event = events.find((e) => e.uid === `kontakte-warranty-${ids[name]}`);
      // Every event stays, with its day; only its past alarms go.
      expect(event?.start, name).toBe(addDays(today, days));
      expect(
        event?.alarms.map((alarm) => alarm.trigger),
        name,
      ).toEqual(kept.map((before) => (before === 0 ? 'PT9H' : before === 1 ? '-PT15H' : `-P${before - 1}DT15H`)));
      expect(
        event?.alarms.map((alarm) => alarm.description),
        name,
      ).toEqual(kept.map(() => event?.summary));
    }
  });

  it('speaks the browser\u2019s language', async () => {
    const id = await create(buyer, { position: 'Maler', company: 'Maler Roth', phone: '089 1', warranty_until: '2030-03-12' });
    const { response, events } = await download(buyer, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="Warranty Lindenhof_ Wohnung 12\.ics";/);
    expect(events.find((e) => e.uid === `kontakte-warranty-${id}`)).toMatchObject({
      summary: 'Warranty for Maler Roth (Maler) ends – report defects before then',
      description: 'Phone number: 089 1\nWarranty until 12 Mar 2030 (your own note, not legal advice)',
    });
  });

  it("is no file for a book without ends (RFC 5545 wants an event): 404 with the warranty view's words; 401 without a session, 404 for another asset", async () => {
    const empty: TestUser = { ...anna, sub: 'u-w-ics-empty', assets: [{ id: 'w-ics-empty', name: 'Leer' }] };
    const response = await send('/assets/w-ics-empty/contacts/warranty.ics', { user: empty });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toBeNull();
    const page = await response.text();
    expect(page).toContain('Noch hat kein Kontakt ein Ende der Gewährleistung.');
    expect(page).toContain('href="/assets/w-ics-empty/contacts?view=warranty"');
    // An end removed again (the co-buyer's edit): no file again, not a calendar of nothing.
    const made = await send('/assets/w-ics-empty/contacts', {
      user: empty,
      form: { form_token: crypto.randomUUID(), last_name: 'Roth', warranty_until: '2030-03-12' },
    });
    expect(made.status).toBe(303);
    const id = new URL(made.headers.get('location') ?? '', ORIGIN).searchParams.get('saved');
    expect((await send('/assets/w-ics-empty/contacts/warranty.ics', { user: empty })).status).toBe(200);
    const edit = await send(`/assets/w-ics-empty/contacts/${id}`, {
      user: empty,
      form: { version: '1', last_name: 'Roth', warranty_until: '' },
    });
    expect(edit.status).toBe(303);
    expect((await send('/assets/w-ics-empty/contacts/warranty.ics', { user: empty })).status).toBe(404);
    expect((await send(CALENDAR)).status).toBe(401);
    expect((await send(CALENDAR, { user: empty })).status).toBe(404);
  });
});

// GET …/contacts/:contactId/warranty.ics: the card's "Erinnerungen an dieses Ende für den Kalender".
describe("one contact's warranty.ics", () => {
  const one = (id: string) => `${LIST}/${id}/warranty.ics`;

  it("is that contact's event of warranty.ics, the same UID, SEQUENCE and alarms, named after the contact", async () => {
    const id = await create(buyer, {
      position: 'Fliesenleger',
      company: 'Fliesen Bauer',
      last_name: 'Bauer',
      phone: '+49 (0)30 123456',
      accepted_on: `${TILES - 5}-05-10`,
      warranty_years: '5',
    });
    await create(buyer, { company: 'Andere Firma', warranty_until: '2030-01-01' });
    const response = await send(one(id), { user: buyer });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Gewaehrleistung Bauer.ics"; filename*=UTF-8''Gew%C3%A4hrleistung%20Bauer.ics`,
    );
    const ics = await response.text();
    expectWellFormed(ics);
    const { props, events } = parseCalendar(ics);
    expect(props).toEqual({ version: '2.0', prodid: '-//PROPSTER//Kontakte//DE', calscale: 'GREGORIAN', method: 'PUBLISH' });
    const strip = ({ stamp, ...rest }: ParsedEvent) => rest;
    expect(events.map(strip)).toEqual([
      event(
        id,
        1,
        `${TILES}-05-10`,
        'Gewährleistung endet: Bauer (Fliesenleger) – Mängel vorher melden',
        `Unternehmen: Fliesen Bauer\nTelefonnummer: +49 30 123456\nGewährleistung bis 10.05.${TILES} (Ihre eigene Angabe, keine Rechtsberatung)`,
      ),
    ]);
    // The whole book's file holds the very same event: a calendar that has one updates it.
    const whole = (await download()).events.find((e) => e.uid === `kontakte-warranty-${id}`);
    expect(whole).toEqual(events.map(strip)[0]);
  });

  it('is offered on the card while the end is ahead, not on its day (no reminder is left), not once it has passed, nor without one', async () => {
    const today = berlinToday(new Date());
    const ahead = await create(buyer, { company: 'Dach Vorn', warranty_until: addDays(today, 30) });
    const passed = await create(buyer, { company: 'Dach Vorbei', warranty_until: addDays(today, -1) });
    const none = await create(buyer, { company: 'Dach Ohne' });
    // Its day: the file would hold the event without any alarm (code review).
    const ending = await create(buyer, { company: 'Dach Heute', warranty_until: today });
    const card = async (id: string) => (await send(`${LIST}/${id}`, { user: buyer })).text();
    expect(await card(ahead)).toContain(`<a href="${one(ahead)}" download="">Erinnerungen an dieses Ende für den Kalender (.ics)</a>`);
    for (const id of [passed, none, ending]) expect(await card(id)).not.toContain('/warranty.ics');
    expect(await card(await create(buyer, { company: 'Dach Morgen', warranty_until: addDays(today, 1) }))).toContain('/warranty.ics');
    // English: the words of the browser's language, the file after the contact.
    const english = await send(`${LIST}/${ahead}`, { user: buyer, headers: { 'Accept-Language': 'en' } });
    expect(await english.text()).toContain('>Calendar reminders for this warranty end (.ics)</a>');
    const file = await send(one(ahead), { user: buyer, headers: { 'Accept-Language': 'en' } });
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; filename="Warranty Dach Vorn\.ics";/);
  });

  it('is no file once a co-buyer removed the end: 404 saying so, with the way back to the card; 404 for a deleted contact or another asset, 401 without a session', async () => {
    const id = await create(buyer, { company: 'Garten Grün', warranty_until: '2031-04-01' });
    expect((await send(one(id), { user: buyer })).status).toBe(200);
    expect((await send(`${LIST}/${id}`, { user: coBuyer, form: { version: '1', company: 'Garten Grün' } })).status).toBe(303);
    const response = await send(one(id), { user: buyer });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toBeNull();
    const page = await response.text();
    expect(page).toContain('<h1 id="no-end-title" tabindex="-1" data-focus="true">Kein Ende der Gewährleistung</h1>');
    expect(page).toContain(
      '<strong>Garten Grün</strong>: Ohne Frist und ohne „Gewährleistung bis“ hat dieser Kontakt kein Ende der Gewährleistung.',
    );
    expect(page).toContain(`href="${LIST}/${id}"`);
    const gone = await create(buyer, { company: 'Weg GmbH', warranty_until: '2031-04-01' });
    expect((await send(`${LIST}/${gone}/delete`, { user: buyer, form: { version: '1' } })).status).toBe(303);
    expect((await send(one(gone), { user: buyer })).status).toBe(404);
    const stranger: TestUser = { ...anna, sub: 'u-w-ics-other', assets: [{ id: 'w-ics-other', name: 'Anders' }] };
    expect((await send(`/assets/w-ics-other/contacts/${id}/warranty.ics`, { user: stranger })).status).toBe(404);
    expect((await send(one(id))).status).toBe(401);
  });
});
