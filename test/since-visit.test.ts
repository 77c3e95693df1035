import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { valueHash } from '../src/contacts/edits';
import { dayAndTime } from '../src/contacts/views/format';
import { anna as annaOf, hiddenFields, jonas as jonasOf, ORIGIN, send, type TestUser, textOf } from './helpers';

// "Seit Ihrem letzten Besuch": the list says what others changed since this user's last visit in
// this browser (co-buyer walkthrough, stop 75), and a page lists it.

const lenaOf: TestUser = { ...annaOf, sub: 'u-lena', name: 'Lena Schulz' };

/** Co-buyers of a book of their own. */
function household(assetId: string): [TestUser, TestUser, TestUser] {
  const assets = [{ id: assetId, name: `Haus ${assetId}` }];
  return [
    { ...annaOf, sub: `u-anna-${assetId}`, assets },
    { ...jonasOf, sub: `u-jonas-${assetId}`, assets },
    { ...lenaOf, sub: `u-lena-${assetId}`, assets },
  ];
}

async function create(user: TestUser, assetId: string, fields: Record<string, string>): Promise<string> {
  const response = await send(`/assets/${assetId}/contacts`, { user, form: { form_token: crypto.randomUUID(), ...fields } });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}

/** The visit cookie a list answer sets, if it sets one. */
function seenCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('kontakte_seen='));
}

const at = (ms: number) => ms.toString(36);
const MINUTE = 60_000;
/** The visit cookie of `user`: when the list was first and last opened in the visit, and whose it is. */
const seen = (user: TestUser, first: number, last: number) => `kontakte_seen=${at(first)}.${at(last)}.${valueHash(user.sub)}`;
const hasNews = (html: string) => html.includes('class="since"');

describe('since the last visit', () => {
  it('a first visit is remembered, says nothing, and the next says what others changed, with the page that lists it', async () => {
    const [anna, jonas, lena] = household('since-1');
    const list = '/assets/since-1/contacts';
    await create(anna, 'since-1', { company: 'Annas Firma' });
    const first = await send(list, { user: anna });
    expect(first.status).toBe(200);
    const cookie = seenCookie(first) ?? '';
    // In the book's path, a year and more, never for scripts; both times the same now, and whose.
    const now = Number.parseInt(cookie.slice('kontakte_seen='.length), 36);
    expect(Math.abs(now - Date.now())).toBeLessThan(MINUTE);
    expect(cookie).toBe(`${seen(anna, now, now)}; Path=/assets/since-1/contacts; HttpOnly; Secure; SameSite=Lax; Max-Age=34560000`);
    expect(hasNews(await first.text())).toBe(false);
    // An hour ago, the last visit ended: what Jonas and Lena did since is said; Anna's own change is not.
    const before = Date.now() - 60 * MINUTE;
    const visit = seen(anna, before - 10 * MINUTE, before);
    const kitchen = await create(jonas, 'since-1', { company: 'Küchen Kraus' });
    await create(lena, 'since-1', { company: 'Garten Gruber' });
    await create(anna, 'since-1', { company: 'Noch eine von Anna' });
    const edit = await send(`${list}/${kitchen}`, { user: lena, form: { version: '1', company: 'Küchen Kraus GmbH' } });
    expect(edit.status).toBe(303);
    const next = await send(list, { user: anna, cookies: visit });
    const html = await next.text();
    // Each contact once, by what it is now to Anna: both added since (walkthrough, stop 76: "geändert" said it of new ones).
    expect(textOf(html)).toContain(
      'Seit Ihrem letzten Besuch haben Lena Schulz und Jonas Müller 2 Kontakte hinzugefügt. Änderungen ansehen',
    );
    // A new visit starts from the last one's end, less a minute.
    expect(seenCookie(next)).toMatch(new RegExp(`^kontakte_seen=${at(before - MINUTE)}\\.[0-9a-z]+\\.${valueHash(anna.sub)};`));
    // From a minute before it: a change stamped by another Worker's clock, or not yet on the
    // replica that read, is said again rather than never (code review, stop 76).
    const link = html.match(/<a href="([^"]+)"[^>]*>Änderungen ansehen/)?.[1];
    expect(link).toBe(`${list}/changes?since=${before - MINUTE}`);
    const page = await send(link ?? '', { user: anna });
    expect(page.status).toBe(200);
    const changes = textOf(await page.text());
    // Per contact, its newest change first; each change with who and what; Anna's own not listed.
    expect(changes).toContain('Änderungen seit Ihrem letzten Besuch');
    // An hour ago: by its time, today's or (just after midnight) yesterday's (the test below).
    expect(changes).toMatch(
      /Was andere seit (heute|gestern) um [0-9]{2}:[0-9]{2} Uhr bei den Kontakten geändert haben, das Neueste zuerst\./,
    );
    // An edit says what it changed (walkthrough, stop 76).
    expect(changes).toMatch(
      /Küchen Kraus GmbH Lena Schulz hat das Unternehmen geändert · [0-9.]+, [0-9:]+ Jonas Müller hat den Kontakt angelegt · [0-9.]+, [0-9:]+ Verlauf Garten Gruber Lena Schulz hat den Kontakt angelegt/,
    );
    expect(changes).not.toContain('Annas Firma');
    expect(changes).not.toContain('Noch eine von Anna');
    // In English when the browser asks for it.
    const english = textOf(await (await send(list, { user: anna, cookies: visit, headers: { 'Accept-Language': 'en' } })).text());
    expect(english).toContain('Since your last visit, Lena Schulz and Jonas Müller added 2 contacts. See the changes');
    const englishPage = textOf(await (await send(link ?? '', { user: anna, headers: { 'Accept-Language': 'en' } })).text());
    expect(englishPage).toContain('Changes since your last visit');
    expect(englishPage).toContain('Lena Schulz changed the company');
    expect(changes).not.toContain('Gelöscht');
    // Under 100 changes, no word of more (the test of many below).
    expect(changes).not.toContain('Gezeigt sind');
    // A contact deleted since is listed with its deletion, its name linked to its card (which offers
    // it back), marked as deleted under its name (walkthrough, stop 76).
    expect((await send(`${list}/${kitchen}/delete`, { user: jonas, form: { version: '2' } })).status).toBe(303);
    const deletedHtml = await (await send(link ?? '', { user: anna })).text();
    expect(textOf(deletedHtml)).toMatch(
      /Küchen Kraus GmbH Gelöscht Jonas Müller hat den Kontakt gelöscht · [0-9.]+, [0-9:]+ Lena Schulz hat das Unternehmen geändert/,
    );
    // In its heading, read with the name (code review, stop 77).
    expect(deletedHtml.match(/<span class="badge">[^<]*<\/span><\/h2>/g)).toEqual(['<span class="badge">Gelöscht</span></h2>']);
    expect(textOf(await (await send(link ?? '', { user: anna, headers: { 'Accept-Language': 'en' } })).text())).toMatch(
      /Küchen Kraus GmbH Deleted Jonas Müller deleted the contact/,
    );
    // Before the page is seen: one added, one deleted, each said as what it is.
    expect(textOf(await (await send(list, { user: anna, cookies: visit })).text())).toContain(
      'Seit Ihrem letzten Besuch haben Jonas Müller und Lena Schulz einen Kontakt hinzugefügt und einen gelöscht.',
    );
    // Seen: the page moves the visit's news to now; the list says nothing more until someone changes something.
    const seenNow = seenCookie(await send(link ?? '', { user: anna })) ?? '';
    const shown = Number.parseInt(seenNow.slice('kontakte_seen='.length), 36);
    expect(Math.abs(shown - Date.now())).toBeLessThan(MINUTE);
    expect(seenNow).toBe(`${seen(anna, shown, shown)}; Path=/assets/since-1/contacts; HttpOnly; Secure; SameSite=Lax; Max-Age=34560000`);
    expect(hasNews(await (await send(list, { user: anna, cookies: seen(anna, shown, shown) })).text())).toBe(false);
  });

  it('says since when in words: today\u2019s or yesterday\u2019s visit by its time, an older one by its date (walkthrough, stop 76)', async () => {
    const [anna] = household('since-7');
    const list = '/assets/since-7/contacts';
    await create(anna, 'since-7', { company: 'Fliesen Fink' });
    const at = async (since: number, english = false) =>
      textOf(
        await (await send(`${list}/changes?since=${since}`, { user: anna, headers: english ? { 'Accept-Language': 'en' } : {} })).text(),
      );
    // Three days ago is never today or yesterday: by its date, worked out here with Intl on its own.
    const since = Date.now() - 3 * 24 * 60 * MINUTE;
    const date = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', dateStyle: 'medium' }).format(since);
    const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', timeStyle: 'short' }).format(since);
    expect(await at(since)).toContain(`Was andere seit dem ${date('de-DE')} um ${time} Uhr bei den Kontakten geändert haben`);
    expect(await at(since, true)).toContain(`What others have changed in the contacts since ${time} on ${date('en-GB')}, newest first.`);
    // Today or yesterday by the time alone (which of the two, the clock decides: the cases below fix it).
    expect(await at(Date.now() - 61 * MINUTE)).toMatch(/Was andere seit (heute|gestern) um \d\d:\d\d Uhr bei/);
  });

  it('tells today and yesterday by Berlin\u2019s calendar, across midnight and both clock changes', () => {
    const cases: [now: string, since: string, day: number | string, time: string][] = [
      // 29 March 2026: Berlin's clocks go from 02:00 CET to 03:00 CEST.
      ['2026-03-29T10:00:00Z', '2026-03-28T23:30:00Z', 0, '00:30'],
      ['2026-03-29T10:00:00Z', '2026-03-28T22:59:00Z', 1, '23:59'],
      ['2026-03-29T10:00:00Z', '2026-03-27T22:59:00Z', '27.03.2026', '23:59'],
      ['2026-03-29T01:30:00Z', '2026-03-29T00:59:00Z', 0, '01:59'],
      // 25 October 2026: from 03:00 CEST back to 02:00 CET; the next day just after midnight.
      ['2026-10-25T23:30:00Z', '2026-10-25T00:30:00Z', 1, '02:30'],
      ['2026-10-25T23:30:00Z', '2026-10-25T01:30:00Z', 1, '02:30'],
      ['2026-10-25T23:30:00Z', '2026-10-25T22:59:00Z', 1, '23:59'],
      ['2026-10-25T23:30:00Z', '2026-10-25T23:10:00Z', 0, '00:10'],
      ['2026-10-25T23:30:00Z', '2026-10-24T21:59:00Z', '24.10.2026', '23:59'],
      // New Year's Eve, a minute before midnight, seen a minute after it.
      ['2026-12-31T23:01:00Z', '2026-12-31T22:59:00Z', 1, '23:59'],
    ];
    for (const [now, since, day, time] of cases)
      expect(dayAndTime('de-DE', Date.parse(since), Date.parse(now)), `${since} seen ${now}`).toEqual([day, time]);
    expect(dayAndTime('en-GB', Date.parse('2026-03-27T22:59:00Z'), Date.parse('2026-03-29T10:00:00Z'))).toEqual(['27 Mar 2026', '23:59']);
  });

  it('tells a co-buyer whose input another\u2019s change replaced, and which, where not all (walkthrough, stop 76)', async () => {
    const [anna, jonas, lena] = household('since-8');
    const list = '/assets/since-8/contacts';
    const form = { company: 'Pool Blau', phone: '089 1', city: 'München' };
    const id = await create(anna, 'since-8', form);
    const since = Date.now() - MINUTE;
    // Jonas saves a number; Anna, from the form she opened before, typed another: a clash, and she keeps hers.
    expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, phone: '089 200', version: '1' } })).status).toBe(303);
    const clash = await send(`${list}/${id}`, { user: anna, form: { ...form, phone: '089 300', version: '1' } });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const choice = hiddenFields(html.slice(0, html.indexOf('</form>')));
    expect((await send(`${list}/${id}`, { user: anna, form: { ...choice, phone: '089 300' } })).status).toBe(303);
    const page = async (user: TestUser, english = false) =>
      textOf(await (await send(`${list}/changes?since=${since}`, { user, headers: english ? { 'Accept-Language': 'en' } : {} })).text());
    expect(await page(jonas)).toMatch(/Pool Blau Anna Müller hat die Telefonnummer geändert und dabei Ihre Eingabe ersetzt · /);
    expect(await page(jonas, true)).toMatch(/Pool Blau Anna Müller changed the phone number, replacing your input · /);
    // Not grey like the other lines, where it was missed (UX walkthrough, stop 77): a line of its own kind.
    const jonasHtml = await (await send(`${list}/changes?since=${since}`, { user: jonas })).text();
    expect(jonasHtml).toMatch(/<p class="mine">Anna Müller hat die Telefonnummer geändert und dabei Ihre Eingabe ersetzt · /);
    // To Lena, whose input it was not, the same change is only a change.
    const lenas = await page(lena);
    expect(lenas).toMatch(/Pool Blau Anna Müller hat die Telefonnummer geändert · /);
    expect(lenas).not.toContain('und dabei Ihre Eingabe');
    expect(await (await send(`${list}/changes?since=${since}`, { user: lena })).text()).not.toContain('class="mine"');
    // Jonas changes the number again; Lena changes it and the city: only his field is named.
    expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, phone: '089 201', version: '3' } })).status).toBe(303);
    expect((await send(`${list}/${id}`, { user: lena, form: { ...form, phone: '089 400', city: 'Haar', version: '4' } })).status).toBe(303);
    expect(await page(jonas)).toMatch(
      /Pool Blau Lena Schulz hat die Telefonnummer und den Ort geändert und dabei Ihre Eingabe für die Telefonnummer ersetzt · .* Anna Müller hat die Telefonnummer geändert und dabei Ihre Eingabe ersetzt · /,
    );
    expect(await page(jonas, true)).toContain(
      'Lena Schulz changed the phone number and the town, replacing your input for the phone number · ',
    );
  });

  it('does not say notes replaced that still hold the reader\u2019s whole input, added to (walkthrough, stop 80)', async () => {
    const [anna, jonas] = household('since-15');
    const list = '/assets/since-15/contacts';
    const form = { company: 'Zeilen GmbH', notes: '' };
    const id = await create(jonas, 'since-15', form);
    const since = Date.now() - MINUTE;
    expect((await send(`${list}/${id}`, { user: anna, form: { ...form, notes: 'eins', version: '1' } })).status).toBe(303);
    // Jonas adds a line under hers: a change, not her input replaced.
    expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, notes: 'eins\nzwei', version: '2' } })).status).toBe(303);
    const page = async () => textOf(await (await send(`${list}/changes?since=${since}`, { user: anna })).text());
    expect(await page()).toMatch(/Zeilen GmbH Jonas Müller hat die Notizen geändert · /);
    expect(await page()).not.toContain('Ihre Eingabe ersetzt');
    // Rewritten (another contact), it is.
    const other = await create(jonas, 'since-15', { company: 'Neu GmbH', notes: '' });
    expect((await send(`${list}/${other}`, { user: anna, form: { company: 'Neu GmbH', notes: 'eins', version: '1' } })).status).toBe(303);
    expect((await send(`${list}/${other}`, { user: jonas, form: { company: 'Neu GmbH', notes: 'zwei', version: '2' } })).status).toBe(303);
    expect(await page()).toMatch(/Neu GmbH Jonas Müller hat die Notizen geändert und dabei Ihre Eingabe ersetzt · /);
    // A line she removed, put back (code review: it still held what she left), and notes she
    // emptied, written again: her input replaced.
    const removed = await create(jonas, 'since-15', { company: 'Weg GmbH', notes: 'A\nB' });
    expect((await send(`${list}/${removed}`, { user: anna, form: { company: 'Weg GmbH', notes: 'A', version: '1' } })).status).toBe(303);
    expect((await send(`${list}/${removed}`, { user: jonas, form: { company: 'Weg GmbH', notes: 'A\nB', version: '2' } })).status).toBe(
      303,
    );
    expect(await page()).toMatch(/Weg GmbH Jonas Müller hat die Notizen geändert und dabei Ihre Eingabe ersetzt · /);
    const emptied = await create(jonas, 'since-15', { company: 'Leer GmbH', notes: 'Alter Code 1234' });
    expect((await send(`${list}/${emptied}`, { user: anna, form: { company: 'Leer GmbH', notes: '', version: '1' } })).status).toBe(303);
    expect(
      (await send(`${list}/${emptied}`, { user: jonas, form: { company: 'Leer GmbH', notes: 'Alter Code 1234', version: '2' } })).status,
    ).toBe(303);
    expect(await page()).toMatch(/Leer GmbH Jonas Müller hat die Notizen geändert und dabei Ihre Eingabe ersetzt · /);
    // A number her line had, made longer: replaced, not added to.
    const longer = await create(jonas, 'since-15', { company: 'Code GmbH', notes: '' });
    expect((await send(`${list}/${longer}`, { user: anna, form: { company: 'Code GmbH', notes: 'Code 471', version: '1' } })).status).toBe(
      303,
    );
    expect(
      (await send(`${list}/${longer}`, { user: jonas, form: { company: 'Code GmbH', notes: 'Code 4712', version: '2' } })).status,
    ).toBe(303);
    expect(await page()).toMatch(/Code GmbH Jonas Müller hat die Notizen geändert und dabei Ihre Eingabe ersetzt · /);
  });

  it('counts a run whose first changes are no longer kept as "mindestens" (walkthrough, stop 80: "19-mal" for 23 changes)', async () => {
    const [anna, jonas] = household('since-16');
    const list = '/assets/since-16/contacts';
    const since = Date.now() - MINUTE;
    const id = await create(jonas, 'since-16', { company: 'Oft GmbH', phone: '089 100' });
    const few = await create(jonas, 'since-16', { company: 'Selten GmbH', phone: '089 100' });
    // 22 changes after its creation: the contact keeps its 20 latest versions (MAX_VERSIONS).
    for (let version = 1; version <= 22; version += 1)
      expect(
        (
          await send(`${list}/${id}`, {
            user: jonas,
            form: { company: 'Oft GmbH', phone: `089 ${101 + version}`, version: String(version) },
          })
        ).status,
      ).toBe(303);
    for (let version = 1; version <= 3; version += 1)
      expect(
        (
          await send(`${list}/${few}`, {
            user: jonas,
            form: { company: 'Selten GmbH', phone: `089 ${101 + version}`, version: String(version) },
          })
        ).status,
      ).toBe(303);
    const page = async (english = false) =>
      textOf(
        await (await send(`${list}/changes?since=${since}`, { user: anna, headers: english ? { 'Accept-Language': 'en' } : {} })).text(),
      );
    expect(await page()).toMatch(/Oft GmbH Jonas Müller hat den Kontakt geändert \(mindestens 20-mal\) · /);
    expect(await page(true)).toMatch(/Oft GmbH Jonas Müller changed the contact \(at least 20 times\) · /);
    // All kept: counted as they are.
    expect(await page()).toMatch(/Selten GmbH Jonas Müller hat die Telefonnummer geändert \(3-mal\) · /);
    // Only its creation no longer kept (20 changes after it): each change of the run is there (code review).
    const twenty = await create(jonas, 'since-16', { company: 'Zwanzig GmbH', phone: '089 100' });
    for (let version = 1; version <= 20; version += 1)
      expect(
        (
          await send(`${list}/${twenty}`, {
            user: jonas,
            form: { company: 'Zwanzig GmbH', phone: `089 ${101 + version}`, version: String(version) },
          })
        ).status,
      ).toBe(303);
    expect(await page()).toMatch(/Zwanzig GmbH Jonas Müller hat den Kontakt geändert \(20-mal\) · /);
  });

  it('says so also where another co-buyer saved in between, or the input was the reader\u2019s first (code review, stop 77)', async () => {
    const [anna, jonas, lena] = household('since-9');
    const list = '/assets/since-9/contacts';
    const form = { company: 'Dach Dorn', phone: '089 1', email: '' };
    const id = await create(lena, 'since-9', form);
    const since = Date.now() - MINUTE;
    // Jonas changes the number, Lena the e-mail; Anna, from the first version, keeps her number.
    expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, phone: '089 200', version: '1' } })).status).toBe(303);
    expect(
      (await send(`${list}/${id}`, { user: lena, form: { ...form, phone: '089 200', email: 'l@dorn.de', version: '2' } })).status,
    ).toBe(303);
    const clash = await (await send(`${list}/${id}`, { user: anna, form: { ...form, phone: '089 300', version: '1' } })).text();
    const choice = hiddenFields(clash.slice(0, clash.indexOf('</form>')));
    expect((await send(`${list}/${id}`, { user: anna, form: { ...choice, phone: '089 300' } })).status).toBe(303);
    const page = async (user: TestUser) => textOf(await (await send(`${list}/changes?since=${since}`, { user })).text());
    expect(await page(jonas)).toMatch(/Dach Dorn Anna Müller hat die Telefonnummer geändert und dabei Ihre Eingabe ersetzt · /);
    // Lena's number was the first, replaced by Jonas: said to her of his change, not of Anna's.
    const lenas = await page(lena);
    expect(lenas).toMatch(
      /Dach Dorn Anna Müller hat die Telefonnummer geändert · [^·]+ Jonas Müller hat die Telefonnummer geändert und dabei Ihre Eingabe ersetzt · /,
    );
  });

  it('says so of a co-buyer\u2019s restore of an earlier version too, naming the fields (UX walkthrough, stop 77)', async () => {
    const [anna, jonas, lena] = household('since-10');
    const list = '/assets/since-10/contacts';
    const form = { company: 'Heizung Haas', phone: '089 1', city: 'München' };
    const id = await create(jonas, 'since-10', form);
    const since = Date.now() - MINUTE;
    expect((await send(`${list}/${id}`, { user: lena, form: { ...form, phone: '089 300', city: 'Garching', version: '1' } })).status).toBe(
      303,
    );
    expect((await send(`${list}/${id}/history/1/restore`, { user: anna, form: { version: '2' } })).status).toBe(303);
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: lena })).text());
    // The version brought back by its time and author, as the history names it (UX walkthrough, stop 78).
    const created = Number(
      await env.DB.prepare('SELECT created_at FROM contact_versions WHERE contact_id = ? AND version = 1').bind(id).first('created_at'),
    );
    const then = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(created);
    expect(page).toContain(
      `Heizung Haas Anna Müller hat die Fassung vom ${then} (Jonas Müller) wiederhergestellt und dabei Ihre Eingabe für die Telefonnummer und den Ort ersetzt · `,
    );
    // To Jonas, whose values the restore brought back, it replaced nothing of his; Lena's edit did.
    const jonasPage = textOf(await (await send(`${list}/changes?since=${since}`, { user: jonas })).text());
    expect(jonasPage).toContain(`Heizung Haas Anna Müller hat die Fassung vom ${then} (Jonas Müller) wiederhergestellt · `);
    expect(jonasPage).toMatch(
      /wiederhergestellt · [^·]+ Lena Schulz hat die Telefonnummer und den Ort geändert und dabei Ihre Eingabe ersetzt · /,
    );
    // In English too; and once that version is no longer kept, "from an earlier version" as before.
    expect(
      textOf(await (await send(`${list}/changes?since=${since}`, { user: jonas, headers: { 'Accept-Language': 'en' } })).text()),
    ).toMatch(/Heizung Haas Anna Müller restored the version from .+ \(Jonas Müller\) · /);
    await env.DB.prepare('DELETE FROM contact_versions WHERE contact_id = ? AND version = 1').bind(id).run();
    expect(textOf(await (await send(`${list}/changes?since=${since}`, { user: jonas })).text())).toContain(
      'Heizung Haas Anna Müller hat den Kontakt aus einer früheren Fassung wiederhergestellt · ',
    );
  });

  it('says an undo of a restore as the history says it, not as a second restore (code review, stop 78)', async () => {
    const [anna, jonas, lena] = household('since-13');
    const list = '/assets/since-13/contacts';
    const form = { company: 'Heizung Hinz', phone: '089 1' };
    const id = await create(jonas, 'since-13', form);
    const since = Date.now() - MINUTE;
    expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, phone: '089 2', version: '1' } })).status).toBe(303);
    // Anna restores version 1, then takes it back from the card ("Rückgängig").
    expect((await send(`${list}/${id}/history/1/restore`, { user: anna, form: { version: '2' } })).status).toBe(303);
    expect((await send(`${list}/${id}/history/2/restore`, { user: anna, form: { version: '3', restore: 'undo' } })).status).toBe(303);
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: lena })).text());
    expect(page).toMatch(/Heizung Hinz Anna Müller hat die Wiederherstellung rückgängig gemacht · [^·]+ Anna Müller hat die Fassung vom /);
    expect(textOf(await (await send(`${list}/${id}/history`, { user: lena })).text())).toContain(
      'Anna Müller hat die Wiederherstellung rückgängig gemacht',
    );
  });

  it('does not name the country the form filled in with a first address (UX walkthrough, stop 77)', async () => {
    const [anna, jonas] = household('since-12');
    const list = '/assets/since-12/contacts';
    const id = await create(anna, 'since-12', { company: 'Ohne Ort' });
    const since = Date.now() - MINUTE;
    // The edit form offers "Deutschland" with an address: a town typed, the country comes along.
    expect(
      (await send(`${list}/${id}`, { user: jonas, form: { company: 'Ohne Ort', city: 'Haar', country: 'Deutschland', version: '1' } }))
        .status,
    ).toBe(303);
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: anna })).text());
    expect(page).toMatch(/Ohne Ort Jonas Müller hat den Ort geändert · /);
  });

  it('says one person\u2019s edits of a contact once, with every field they changed and how often', async () => {
    const [anna, jonas] = household('since-6');
    const list = '/assets/since-6/contacts';
    const id = await create(anna, 'since-6', { company: 'Estrich Ernst', phone: '089 1' });
    const since = Date.now() - MINUTE;
    const form = { company: 'Estrich Ernst', phone: '089 1', city: '' };
    for (const [version, change] of [
      ['1', { phone: '089 2' }],
      ['2', { phone: '089 3' }],
      ['3', { phone: '089 3', city: 'Haar' }],
    ] as const)
      expect((await send(`${list}/${id}`, { user: jonas, form: { ...form, ...change, version } })).status).toBe(303);
    const text = textOf(await (await send(list, { user: anna, cookies: seen(anna, since, since) })).text());
    expect(text).toContain('Seit Ihrem letzten Besuch hat Jonas Müller einen Kontakt geändert.');
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: anna })).text());
    // (The number was Anna's, typed when she added the contact: that is said too.)
    expect(page).toMatch(
      /Estrich Ernst Jonas Müller hat die Telefonnummer und den Ort geändert \(3-mal\) und dabei Ihre Eingabe für die Telefonnummer ersetzt · [0-9.]+, [0-9:]+ Verlauf/,
    );
    expect(page).not.toContain('Anna Müller');
  });

  it('within a visit the same news stays; a search, the warranty view, a shared tablet and a clock from the future say nothing', async () => {
    const [anna, jonas] = household('since-2');
    const list = '/assets/since-2/contacts';
    const started = Date.now() - 20 * MINUTE;
    // In a visit (the list opened 5 minutes ago): since its start, and the cookie written anew.
    await create(jonas, 'since-2', { company: 'Fliesen Brandt' });
    const within = await send(list, { user: anna, cookies: seen(anna, started, Date.now() - 5 * MINUTE) });
    expect(textOf(await within.text())).toContain('Seit Ihrem letzten Besuch hat Jonas Müller einen Kontakt hinzugefügt.');
    expect(seenCookie(within)).toMatch(new RegExp(`^kontakte_seen=${at(started)}\\.`));
    // Opened again within the minute: no cookie written.
    const again = await send(list, { user: anna, cookies: seen(anna, started, Date.now() - 1000) });
    expect(textOf(await again.text())).toContain('hat Jonas Müller einen Kontakt hinzugefügt');
    expect(seenCookie(again)).toBeUndefined();
    for (const query of ['?q=Fliesen', '?view=warranty']) {
      const other = await send(`${list}${query}`, { user: anna, cookies: seen(anna, started, started) });
      expect(hasNews(await other.text())).toBe(false);
    }
    // Jonas sees nothing of his own.
    expect(hasNews(await (await send(list, { user: jonas, cookies: seen(jonas, started, started) })).text())).toBe(false);
    // Anna's visit in Jonas's hands (a shared tablet) is no visit of his: a first one, written as
    // his (code review, stop 76: he was told what changed since her visit, not his).
    await create(anna, 'since-2', { company: 'Von Anna' });
    const shared = await send(list, { user: jonas, cookies: seen(anna, started, started) });
    expect(hasNews(await shared.text())).toBe(false);
    expect(seenCookie(shared)).toMatch(new RegExp(`^kontakte_seen=([0-9a-z]+)\\.\\1\\.${valueHash(jonas.sub)};`));
    // A visit from the future (a clock set wrong) is none either, and is written anew.
    const future = await send(list, { user: anna, cookies: seen(anna, started, Date.now() + 60 * MINUTE) });
    expect(hasNews(await future.text())).toBe(false);
    expect(seenCookie(future)).toMatch(/^kontakte_seen=([0-9a-z]+)\.\1\./);
    // A broken cookie is a first visit.
    const broken = await send(list, { user: anna, cookies: 'kontakte_seen=zz.1' });
    expect(hasNews(await broken.text())).toBe(false);
    expect(seenCookie(broken)).toMatch(/^kontakte_seen=([0-9a-z]+)\.\1\./);
    // Jonas's page of changes lists Anna's contact, not his own.
    const his = textOf(await (await send(`${list}/changes?since=${started}`, { user: jonas })).text());
    expect(his).toContain('Von Anna Anna Müller hat den Kontakt angelegt');
    expect(his).not.toContain('Fliesen Brandt');
    // Not a time before now: no page (9e15 was a 500: code review, stop 76).
    for (const since of ['abc', '-5', '1e400', '1.5', String(Date.now() + 60 * MINUTE), '9000000000000000'])
      expect((await send(`${list}/changes?since=${since}`, { user: anna })).status, since).toBe(404);
  });

  it('counts only this book\u2019s changes, and the page lists only this book\u2019s', async () => {
    const [anna] = household('since-3');
    const [, neighbour] = household('since-4');
    const since = Date.now() - 60 * MINUTE;
    await create(neighbour, 'since-4', { company: 'Nachbars Maler' });
    expect(hasNews(await (await send('/assets/since-3/contacts', { user: anna, cookies: seen(anna, since, since) })).text())).toBe(false);
    const page = textOf(await (await send(`/assets/since-3/contacts/changes?since=${since}`, { user: anna })).text());
    expect(page).not.toContain('Nachbars Maler');
    expect(page).toContain('Seitdem hat niemand sonst etwas geändert.');
  });

  it('names every co-buyer, the latest first; counts the contacts of the 100 latest changes, read from them alone', async () => {
    const assets = [{ id: 'since-5', name: 'Haus since-5' }];
    const [anna] = household('since-5');
    const others = ['Bea Berg', 'Carl Berg', 'Dora Berg', 'Emil Berg'].map((name, i) => ({
      ...annaOf,
      sub: `u-${i}-since-5`,
      name,
      assets,
    }));
    const since = Date.now() - 60 * MINUTE;
    for (const other of others) await create(other, 'since-5', { company: `Von ${other.name}` });
    const list = '/assets/since-5/contacts';
    const text = textOf(await (await send(list, { user: anna, cookies: seen(anna, since, since) })).text());
    expect(text).toContain('Seit Ihrem letzten Besuch haben Emil Berg, Dora Berg, Carl Berg und Bea Berg 4 Kontakte hinzugefügt.');
    // 152 versions of Anna's own since (written straight, as many saves would; 19 for each of 8
    // contacts, under the 20 kept): the news counts among the 100 latest, which are hers: nothing
    // to say, and not all of hers are read.
    for (let contact = 0; contact < 8; contact += 1) {
      const mine = await create(anna, 'since-5', { company: `Annas ${contact}` });
      for (let version = 2; version <= 20; version += 1)
        await env.DB.prepare(
          "INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes) VALUES (?, ?, 'since-5', 'update', '{}', ?, 'Anna Müller', ?, 10)",
        )
          .bind(mine, version, anna.sub, Date.now() + 1000 + contact * 20 + version)
          .run();
    }
    expect(await env.DB.prepare("SELECT count(*) AS n FROM contact_versions WHERE asset_id = 'since-5'").first('n')).toBe(164);
    expect(hasNews(await (await send(list, { user: anna, cookies: seen(anna, since, since) })).text())).toBe(false);
    // The page of changes lists the others' while they are among the 500 latest.
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: anna })).text());
    for (const other of others) expect(page).toContain(`Von ${other.name} ${other.name} hat den Kontakt angelegt`);
  });

  it('past the 100 latest changes says "viele" instead of counts, and the page that it shows the 100 latest (UX walkthrough, stop 77)', async () => {
    const assets = [{ id: 'since-11', name: 'Haus since-11' }];
    const [anna] = household('since-11');
    const bea: TestUser = { ...annaOf, sub: 'u-bea-since-11', name: 'Bea Berg', assets };
    const since = Date.now() - 60 * MINUTE;
    // 120 versions of Bea's since (6 contacts, 20 each: the most kept).
    for (let contact = 0; contact < 6; contact += 1) {
      const id = await create(bea, 'since-11', { company: `Beas ${contact}` });
      for (let version = 2; version <= 20; version += 1)
        await env.DB.prepare(
          "INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes) VALUES (?, ?, 'since-11', 'update', '{}', ?, 'Bea Berg', ?, 10)",
        )
          .bind(id, version, bea.sub, Date.now() + contact * 20 + version)
          .run();
    }
    const list = '/assets/since-11/contacts';
    const text = textOf(await (await send(list, { user: anna, cookies: seen(anna, since, since) })).text());
    expect(text).toContain('Seit Ihrem letzten Besuch hat Bea Berg viele Änderungen gespeichert. Änderungen ansehen');
    const english = textOf(
      await (await send(list, { user: anna, cookies: seen(anna, since, since), headers: { 'Accept-Language': 'en' } })).text(),
    );
    expect(english).toContain('Since your last visit, Bea Berg saved many changes.');
    const page = textOf(await (await send(`${list}/changes?since=${since}`, { user: anna })).text());
    expect(page).toContain('Gezeigt sind die 100 neuesten Änderungen; ältere stehen im Verlauf der einzelnen Kontakte.');
  });
});
