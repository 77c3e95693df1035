import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { derivedColumns } from '../src/contacts/derived';
import { fieldValuesOf } from '../src/contacts/fields';
import { KEY_FORMAT } from '../src/contacts/keys';
import { findContact, listContacts, rebuildOldKeys } from '../src/contacts/repository';
import { letterOf } from '../src/contacts/views/contact-list';
import { connect } from '../src/db/client';
import { anna, seedContacts, send, type TestUser, textOf } from './helpers';

// Issue 12 through the HTTP surface: every word, every field, phone digits, every language.

const ASSET = 'search-asset';
const user: TestUser = { ...anna, sub: 'u-search', assets: [{ id: ASSET, name: 'Suche' }] };
const LIST = `/assets/${ASSET}/contacts`;

const stefan = {
  first_name: 'Stefan',
  last_name: 'Schmidt',
  company: 'Küchen Schmidt GmbH',
  position: 'Küchenbauer',
  street: 'Hauptstraße 5',
  postal_code: '80331',
  city: 'München',
  phone: '089 3100 200',
  email: 'info@kuechen-schmidt.de',
  notes: 'Gewährleistung bis 2031, Wasserschaden im Keller',
};

let seeded: Promise<string[]> | undefined;
const seed = () => {
  seeded ??= seedContacts(
    ASSET,
    5,
    (index) =>
      [
        stefan,
        { first_name: 'Selin', last_name: 'Yılmaz', company: 'Yılmaz Sanitär', mobile: '+49 (0)171 555 0101' },
        { first_name: 'Thomas', last_name: 'Müller', position: 'Fliesenleger', city: 'Augsburg' },
        { first_name: 'René', last_name: 'Þórsson', company: 'Łódź Design', notes: 'Ærø' },
        { last_name: 'Kunde', notes: 'Schmidt hat empfohlen' },
      ][index] ?? {},
  );
  return seeded;
};

/** The names the list shows for a query, in order (whole page, or the htmx fragment). */
async function found(q: string, htmx = false): Promise<string[]> {
  await seed();
  const html = await (await send(`${LIST}?q=${encodeURIComponent(q)}${htmx ? '&part=results' : ''}`, { user, htmx })).text();
  return [...html.matchAll(/<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>/g)].map((match) => match[1] ?? '');
}

/**
 * A book of its own, seeded once with `contacts` on the first search: the names its list shows
 * for a query, in order.
 */
function searchedBook(asset: string, name: string, contacts: readonly Record<string, string>[]) {
  const buyer: TestUser = { ...anna, sub: `u-${asset}`, assets: [{ id: asset, name }] };
  let made: Promise<string[]> | undefined;
  return async (q: string) => {
    made ??= seedContacts(asset, contacts.length, (index) => contacts[index] ?? {});
    await made;
    const html = await (await send(`/assets/${asset}/contacts?q=${encodeURIComponent(q)}`, { user: buyer })).text();
    return [...html.matchAll(/<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>/g)].map((match) => match[1] ?? '');
  };
}

describe('search finds what people type', () => {
  it('every word counts, in any order and any field', async () => {
    for (const q of [
      'Stefan Schmidt',
      'Schmidt Stefan',
      'Küchen München',
      'schmidt 80331',
      'info@kuechen',
      'Gewährleistung',
      'wasser',
      'München',
      'hauptstrasse',
    ]) {
      expect(await found(q), q).toContain('Stefan Schmidt');
      expect(await found(q, true), `${q} (htmx)`).toContain('Stefan Schmidt');
    }
    expect(await found('Stefan Müller')).toEqual([]);
  });

  it('phone numbers by their digits, national and international, and in part', async () => {
    for (const q of [
      '0893100200',
      '089 3100-200',
      '089/3100 200',
      '+49 89 3100200',
      '0049 89 3100200',
      '+49 (0)89 3100200',
      '3100',
      '089',
    ]) {
      expect(await found(q), q).toContain('Stefan Schmidt');
    }
    for (const q of ['0171 5550101', '+49 171 555 0101', '5550101']) expect(await found(q), q).toContain('Selin Yılmaz');
    expect(await found('+43 89 3100200')).not.toContain('Stefan Schmidt');
  });

  it('shows in each row the number a search for digits found: the mobile where only it holds them, also on a phone (walkthrough, stop 74)', async () => {
    const asset = 'search-shown';
    const buyer: TestUser = { ...anna, sub: 'u-search-shown', assets: [{ id: asset, name: 'Shown' }] };
    await seedContacts(asset, 2, (index) =>
      index === 0
        ? { first_name: 'Jana', last_name: 'Berg', phone: '089 1234567', mobile: '+49 171 2223334' }
        : { first_name: 'Olaf', last_name: 'Stein', phone: '089 7654321', mobile: '0171 2229999' },
    );
    const rows = async (q: string) => {
      const html = await (await send(`/assets/${asset}/contacts${q && `?q=${encodeURIComponent(q)}`}`, { user: buyer })).text();
      return [
        ...html.matchAll(/<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>.*?<span class="(tel[^"]*)">([^<]+)<\/span>/g),
      ].map((match) => `${match[1]}: ${match[2]} ${match[3]}`);
    };
    // Without a search: the phone, in the column a wide screen shows (a phone shows none).
    expect(await rows('')).toEqual(['Jana Berg: tel 089 1234567', 'Olaf Stein: tel 089 7654321']);
    // The mobile's digits, typed in any form: the mobile, marked to be shown on a phone too.
    expect(await rows('0171 222 3334')).toEqual(['Jana Berg: tel hit Mobil +49 171 2223334']);
    expect(await rows('+491712223334')).toEqual(['Jana Berg: tel hit Mobil +49 171 2223334']);
    // A part of both mobiles: each row its own.
    expect(await rows('0171 222')).toEqual(['Jana Berg: tel hit Mobil +49 171 2223334', 'Olaf Stein: tel hit Mobil 0171 2229999']);
    // A part of the phone: the phone; where the phone and the mobile hold it, the phone.
    expect(await rows('1234567')).toEqual(['Jana Berg: tel hit 089 1234567']);
    expect(await rows('2')).toEqual(['Jana Berg: tel 089 1234567', 'Olaf Stein: tel 089 7654321']);
    // Found by the name: no number marked.
    expect(await rows('Berg')).toEqual(['Jana Berg: tel 089 1234567']);
  });

  it('shows and dials a number of the notes that the search found by its digits or by its label (walkthrough, stop 82, M1)', async () => {
    const asset = 'search-noted-row';
    const buyer: TestUser = { ...anna, sub: 'u-search-noted-row', assets: [{ id: asset, name: 'Notiert' }] };
    await seedContacts(
      asset,
      4,
      (index) =>
        [
          {
            company: 'Sanitär Huber',
            phone: '089 1234567',
            notes: 'Weitere Telefonnummer (Notdienst 24h): 0800 123 4567\nFax: 089 1234568\nKundennummer: 0012345678',
          },
          { first_name: 'Eva', last_name: 'Notdienst', phone: '089 7654321', notes: 'Notdienst: 0171 2229999' },
          { company: 'Elektro Roth', phone: '089 5550000', notes: 'Privat: 0171 5550001\nNotdienst ab 18 Uhr über die Zentrale' },
          // Code review, stop 83: the label with the most words searched for, each from a word's start.
          {
            company: 'Huber GmbH',
            position: 'Elektriker',
            phone: '089 999999',
            notes:
              'Elektro Büro: 089 111111\nBadausstellung: 089 333333\nNotdienst außerhalb der Geschäftszeiten: 0800 222222 (Wochenende)',
          },
        ][index] ?? {},
    );
    const rows = async (q: string) => {
      const html = await (await send(`/assets/${asset}/contacts?q=${encodeURIComponent(q)}`, { user: buyer })).text();
      return [
        ...html.matchAll(
          /<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>.*?<span class="(tel[^"]*)">([^<]+)<\/span>.*?<a class="round" href="([^"]+)">.*?<span class="sr-only">([^<]+)<\/span>/g,
        ),
      ].map((match) => `${match[1]}: ${match[2]} ${match[3]} → ${match[4]} (${match[5]})`);
    };
    const huber = 'Sanitär Huber: tel hit Notdienst 24h 0800 123 4567 → tel:08001234567 (Sanitär Huber (Notdienst 24h) anrufen)';
    // By the label's word, or by the number's digits however typed: that number, marked, its label
    // before it, dialled and named by the call button.
    const huberGmbh =
      'Huber GmbH: tel hit Notdienst außerhalb der Geschäftszeiten 0800 222222 → tel:0800222222 (Huber GmbH (Notdienst außerhalb der Geschäftszeiten) anrufen)';
    expect(await rows('Notdienst')).toEqual([
      'Eva Notdienst: tel 089 7654321 → tel:0897654321 (Eva Notdienst anrufen)',
      'Elektro Roth: tel 089 5550000 → tel:0895550000 (Elektro Roth anrufen)',
      huberGmbh,
      huber,
    ]);
    // The label with the most words searched for wins, not the first with one ("Büro" is in
    // "Elektro Büro", "Notdienst" and "außerhalb" in the other); "Bad" starts no word of "Elektro
    // Büro", and "Badausstellung" is a word of its own.
    expect(await rows('Büro Notdienst außerhalb')).toEqual([huberGmbh]);
    expect(await rows('Büro Huber')).toEqual([
      'Huber GmbH: tel hit Elektro Büro 089 111111 → tel:089111111 (Huber GmbH (Elektro Büro) anrufen)',
    ]);
    expect(await rows('Badausstellung')).toEqual([
      'Huber GmbH: tel hit Badausstellung 089 333333 → tel:089333333 (Huber GmbH (Badausstellung) anrufen)',
    ]);
    expect(await rows('0800 1234567')).toEqual([huber]);
    expect(await rows('Huber Notdienst')).toEqual([huberGmbh, huber]);
    expect(await rows('0171 5550001')).toEqual([
      'Elektro Roth: tel hit Privat 0171 5550001 → tel:01715550001 (Elektro Roth (Privat) anrufen)',
    ]);
    // Found by the name, or by a label's word that the name holds: the phone, as before; never a fax
    // or a customer's number.
    expect(await rows('Sanitär Huber')).toEqual(['Sanitär Huber: tel 089 1234567 → tel:0891234567 (Sanitär Huber anrufen)']);
    expect(await rows('Fax Sanitär')).toEqual(['Sanitär Huber: tel 089 1234567 → tel:0891234567 (Sanitär Huber anrufen)']);
    expect(await rows('0012345678')).toEqual(['Sanitär Huber: tel 089 1234567 → tel:0891234567 (Sanitär Huber anrufen)']);
    // In English too: the label as typed.
    const english = await (
      await send(`/assets/${asset}/contacts?q=Notdienst`, { user: buyer, headers: { 'Accept-Language': 'en' } })
    ).text();
    expect(english).toContain('<span class="sr-only">Call Sanitär Huber (Notdienst 24h)</span>');
  });

  it('one international number only by its digits, not by its groups in different numbers (walkthrough, stop 67)', async () => {
    const asset = 'search-intl';
    const buyer: TestUser = { ...anna, sub: 'u-search-intl', assets: [{ id: asset, name: 'Intl' }] };
    await seedContacts(asset, 2, (index) =>
      index === 0
        ? { first_name: 'Piotr', last_name: 'Kowalski', mobile: '0171 1234567' }
        : {
            first_name: 'Stefan',
            last_name: 'Meier',
            phone: '+49 89 1234567',
            mobile: '+49 171 2345678',
            street: 'Weg 12',
            postal_code: '80331',
            notes: 'Fax +49 89 1234568, Kd-Nr. 4711',
          },
    );
    const names = async (q: string) => {
      const html = await (await send(`/assets/${asset}/contacts?q=${encodeURIComponent(q)}`, { user: buyer })).text();
      return [...html.matchAll(/<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>/g)].map((match) => match[1]);
    };
    // "+49" stands in both of Meier's numbers, "171" in one, "1234567" in the other: no match.
    for (const q of ['+49 171 1234567', '0049 171 1234567', '+49 (0)171 123 4567', '(+49) 171 1234567'])
      expect(await names(q), q).toEqual(['Piotr Kowalski']);
    expect(await names('+49 171 2345678')).toEqual(['Stefan Meier']);
    // A short international start still finds every number it starts, and words beside a number
    // still count in any field ("Meier 1234567": his name and his number).
    expect(await names('+49 171')).toEqual(['Piotr Kowalski', 'Stefan Meier']);
    expect(await names('Meier 1234567')).toEqual(['Stefan Meier']);
    // A number and what follows it, as before (code review): a pasted signature's two numbers,
    // the postcode, the house number or a customer number of the notes after a number.
    for (const q of [
      'Tel. +49 89 1234567 Mobil +49 171 2345678',
      'Tel. +49 89 1234567 Fax +49 89 1234568',
      '+49 89 1234567 80331',
      '+49 89 1234567, 80331',
      '+49 89 1234567 12',
      '+49 89 1234567 4711',
      '+49 (0)89 1234567 80331',
    ])
      expect(await names(q), q).toEqual(['Stefan Meier']);
    // …but not a number he does not have, nor the groups of one spread over his two.
    expect(await names('+49 171 1234567 80331')).toEqual([]);
    expect(await names('+49 89 7654321 80331')).toEqual([]);
  });

  it('names from every language: ı/İ, accents, ø, ł, þ, æ, and German folding both ways', async () => {
    for (const [q, name] of [
      ['Yilmaz', 'Selin Yılmaz'],
      ['YILMAZ', 'Selin Yılmaz'],
      ['Rene', 'René Þórsson'],
      ['thorsson', 'René Þórsson'],
      ['lodz', 'René Þórsson'],
      ['aero', 'René Þórsson'],
      ['muller', 'Thomas Müller'],
      ['MUELLER', 'Thomas Müller'],
      ['Müller', 'Thomas Müller'],
      ['kuchen', 'Stefan Schmidt'],
    ] as const) {
      expect(await found(q), q).toContain(name);
    }
  });

  it('puts contacts whose name or company starts with the query before those that only mention it', async () => {
    expect(await found('schmidt')).toEqual(['Stefan Schmidt', 'Kunde']);
  });

  it('shows one clear empty state with a way back and what is searched', async () => {
    await seed();
    const html = await (await send(`${LIST}?q=zzz-nichts`, { user })).text();
    const text = textOf(html.slice(html.indexOf('<body')));
    // Said once on the page (and in the tab's title: stop 62).
    expect(text.match(/Keine Treffer für „zzz-nichts“/g)).toHaveLength(1);
    expect(html).toContain('<title>Keine Treffer für „zzz-nichts“ · ');
    expect(text).toContain('Gesucht wird in Namen, Unternehmen, Position, Adresse, Telefonnummern');
    expect(html).toContain(`href="${LIST}" data-clear="">Suche leeren</a>`);
    expect(text).not.toMatch(/0 Treffer/);
  });
});

describe('what people type around their words (search review, stop 43), through the SQL', () => {
  const names = searchedBook('search-typed', 'Getippt', [
    {
      first_name: 'Petra',
      last_name: 'Groß-Bölting',
      company: 'Fliesen-Meier GmbH & Co. KG',
      street: 'Leopoldstr. 100',
      phone: '089 54 32 10',
    },
    { first_name: 'Petra', last_name: 'Meier', city: 'Freising' },
    { last_name: 'O’Brien', company: 'Rollladen O’Connor', street: 'Hauptstraße 5' },
    { last_name: 'Adler', notes: 'Empfehlung von Herrn Bölting und Frau Meier' },
    { company: 'Bäder Meier', phone: '08161 7070' },
    { first_name: 'Karl', last_name: 'Abel-Meier' },
    { first_name: 'Dragan', last_name: 'Đorđević', company: 'Trockenbau Đorđević' },
  ]);

  it('finds them as the key module says, and puts the name first', async () => {
    expect(await names('Frau Groß-Bölting')).toEqual(['Petra Groß-Bölting']);
    expect(await names('Fliesenmeier')).toEqual(['Petra Groß-Bölting']);
    // A firm of two words typed with a hyphen: by its parts (buyer review).
    expect(await names('Bäder-Meier')).toEqual(['Bäder Meier']);
    expect(await names('Leopoldstraße 100')).toEqual(['Petra Groß-Bölting']);
    expect(await names('Tel. 089 54 32 10')).toEqual(['Petra Groß-Bölting']);
    // And the other labels a phone field drops, as the form's duplicate hint sends them (code review, stop 68).
    for (const typed of ['Phone: 089 54 32 10', 'Telefonnummer 089 54 32 10', 'Tel.-Nr.:089 54 32 10', 'Festnetz 089 54 32 10'])
      expect(await names(typed), typed).toEqual(['Petra Groß-Bölting']);
    expect(await names('Hauptstr.')).toEqual(['O’Brien']);
    expect(await names("O'Brien")).toEqual(['O’Brien']);
    expect(await names('OConnor Rolladen')).toEqual(['O’Brien']);
    // A later part of a compound starts a name as much as its first: both before the notes' mention.
    expect(await names('Bölting')).toEqual(['Petra Groß-Bölting', 'Adler']);
    expect((await names('Meier')).slice(-1)).toEqual(['Adler']);
    // A phone label typed onto its number (search review).
    expect(await names('Tel.:089/54 32 10')).toEqual(['Petra Groß-Bölting']);
    expect(await names('Fax:08161-7070')).toEqual(['Bäder Meier']);
    // đ as German and English letters write it, "dj", and as its base letter (walkthrough, stop 68).
    for (const typed of ['Djordjevic', 'Dordevic', 'DJORDJEVIĆ', 'Đorđević'])
      expect(await names(typed), typed).toEqual(['Dragan Đorđević']);
  });

  it('puts people before firms when a salutation says a person is sought (search review)', async () => {
    // Without one, German order within the rank: the firm under B after the man under A; who is
    // named so (a person, or a firm's own card) before who works at "Fliesen-Meier" (stop 62).
    expect(await names('Meier')).toEqual(['Karl Abel-Meier', 'Bäder Meier', 'Petra Meier', 'Petra Groß-Bölting', 'Adler']);
    for (const q of ['Herr Meier', 'Frau Meier', 'Meier (Frau)', 'Hr. meier'])
      expect(await names(q), q).toEqual(['Karl Abel-Meier', 'Petra Meier', 'Petra Groß-Bölting', 'Bäder Meier', 'Adler']);
    // A legal form or "Firma" says a firm is sought: people without a company after the firms
    // (second code review: "Kowalczyk GmbH" listed the Kowalczyks first).
    for (const q of ['Meier GmbH', 'Firma Meier', 'Meier KG.', 'Fa. Meier'])
      expect(await names(q), q).toEqual(['Bäder Meier', 'Petra Groß-Bölting', 'Karl Abel-Meier', 'Petra Meier', 'Adler']);
    expect(await names('GmbH')).toEqual(['Petra Groß-Bölting']);
    // A mention in the notes still ranks last, and "Frau" alone is a word like any other.
    expect(await names('Frau')).toEqual(['Adler']);
  });
});

describe('who is named so ranks before who only works there (search review, stop 62), through the SQL', () => {
  const names = searchedBook('search-named', 'Benannt', [
    { first_name: 'Tanja', last_name: 'Fuß', company: 'Bodenbeläge Müller KG', position: 'Verlegerin' },
    { first_name: 'Oliver', last_name: 'Hahn', company: 'Küchenstudio Müller' },
    { first_name: 'Hans', last_name: 'Müller', company: 'Elektro Hahn' },
    { first_name: 'Karl', last_name: 'Mueller' },
    { company: 'Parkett Schäfer GmbH', phone: '089 1' },
    { first_name: 'Ute', last_name: 'Bergmann', company: 'Parkett Schäfer GmbH' },
    { first_name: 'Eva', last_name: 'Braun', company: 'Parkett Schäfer GmbH', position: 'Parkettlegerin' },
  ]);

  it('puts the Müllers (any spelling) before the staff of firms called Müller, and a firm before its staff', async () => {
    // German order within each rank: Hans Müller, Karl Mueller (DIN 5007: "Mueller" before "Müller").
    const mullers = ['Karl Mueller', 'Hans Müller'];
    for (const q of ['Müller', 'Herr Müller', 'mueller']) expect(await names(q), q).toEqual([...mullers, 'Tanja Fuß', 'Oliver Hahn']);
    expect(await names('Schäfer Parkett')).toEqual(['Parkett Schäfer GmbH', 'Ute Bergmann', 'Eva Braun']);
    // His own last name before the firm of that name that another works at.
    expect(await names('Hahn')).toEqual(['Oliver Hahn', 'Hans Müller']);
  });
});

describe('a name spelled another way (buyer walkthrough, stop 82), through the SQL', () => {
  const names = searchedBook('search-sound', 'Klang', [
    { first_name: 'Peter', last_name: 'Maier', phone: '089 1' },
    { first_name: 'Karl', last_name: 'Meier', phone: '089 2' },
    { company: 'Fliesen-Mayer GmbH', phone: '089 3' },
    { first_name: 'Ute', last_name: 'Bauer', company: 'Hausverwaltung', notes: 'Vertretung: Herr Meier' },
    { first_name: 'Stephan', last_name: 'Schmitt', phone: '089 4' },
    { first_name: 'Anna', last_name: 'Mayrhofer', phone: '089 5' },
    { first_name: 'Maik', last_name: 'Müller', phone: '089 6' },
    // Code review: who only works at a firm of that sound, or mentions it, after the one named so.
    { first_name: 'Eva', last_name: 'Braun', company: 'Schmitt Bau' },
    { first_name: 'Anton', last_name: 'Abel', notes: 'Vertretung: Herr Schmidt' },
  ]);

  it('finds it by its sound, behind what matches as typed, in German order within each rank', async () => {
    // Karl Meier as typed (rank 0); then, in German order, the firm and Peter Maier by the sound
    // of their own names (a half; the firm files under F), then Ute Bauer by her notes (1); not
    // Mayrhofer, Maik or Müller.
    expect(await names('Meier')).toEqual(['Karl Meier', 'Fliesen-Mayer GmbH', 'Peter Maier', 'Ute Bauer']);
    expect(await names('Mayr')).toEqual(['Anna Mayrhofer', 'Fliesen-Mayer GmbH', 'Peter Maier', 'Karl Meier']);
    expect(await names('Stefan Schmidt')).toEqual(['Stephan Schmitt']);
    // The one named so, then who works at a firm of that sound (three quarters), then who mentions it (1).
    for (const q of ['Schmidt', 'Herr Schmidt', 'Herr Schmid'])
      expect(await names(q), q).toEqual(['Stephan Schmitt', 'Eva Braun', 'Anton Abel']);
    // No sound of a part typed on the way: "Mai" is what it starts.
    expect(await names('Mai')).toEqual(['Peter Maier', 'Maik Müller']);
  });

  it("exports the same selection, in the book's order", async () => {
    await names('Meier');
    const buyer: TestUser = { ...anna, sub: 'u-search-sound', assets: [{ id: 'search-sound', name: 'Klang' }] };
    const vcf = await (await send('/assets/search-sound/contacts.vcf?q=Meier', { user: buyer })).text();
    expect(vcf.match(/^FN:.*$/gm)?.map((line) => line.trim())).toEqual([
      'FN:Ute Bauer',
      'FN:Fliesen-Mayer GmbH',
      'FN:Peter Maier',
      'FN:Karl Meier',
    ]);
  });
});

describe('a trade by its word (search walkthrough, stop 69), through the SQL', () => {
  const names = searchedBook('search-trades', 'Gewerke', [
    { first_name: 'Tom', last_name: 'Bergmann', position: 'Elektro / Smart Home' },
    { company: 'E-Technik Schulz' },
    { company: 'Sanitär Yılmaz GmbH' },
    { company: 'Heizung Roth' },
    { first_name: 'Jan', last_name: 'Elektriker', notes: 'Heizung prüfen' },
    { first_name: 'Ali', last_name: 'Kaya', company: 'Sanitär Yılmaz GmbH', position: 'Elektriker' },
  ]);

  it('finds the firms of the trade, after a contact named by the word typed', async () => {
    // Jan Elektriker by his name first (rank 0); then Ali Kaya, whose position is the word typed
    // (0.25); then, in German order, Bergmann by his position and E-Technik Schulz by its company,
    // of the trade's words only (0.5; search walkthrough, stop 70: the word as typed ranked alike).
    expect(await names('Elektriker')).toEqual(['Jan Elektriker', 'Ali Kaya', 'Tom Bergmann', 'E-Technik Schulz']);
    expect(await names('Klempner')).toEqual(['Ali Kaya', 'Sanitär Yılmaz GmbH']);
    expect(await names('electricians')).toEqual(['Tom Bergmann', 'E-Technik Schulz', 'Ali Kaya']);
    // Only a head word: the note's "Heizung" is found by "Heizung", not by "Heizungsbauer".
    expect(await names('Heizungsbauer')).toEqual(['Heizung Roth']);
    expect(await names('Heizung')).toEqual(['Heizung Roth', 'Jan Elektriker']);
  });
});

describe('dates as people write them, and the warranty by its word (search walkthroughs, stop 69), through the SQL', () => {
  const names = searchedBook('search-dates', 'Daten', [
    { company: 'Estrich Ende', notes: 'Nachbesserung zugesagt bis 15.2.2027.' },
    { company: 'Fliesen Frist', warranty_until: '2027-05-20' },
    { company: 'Fliesen Ohne' },
    { company: 'Termin Text', notes: 'Termin 20. Dezember.' },
    { company: 'Zahlen Zahl', phone: '089 141 55 20' },
    // An acceptance's date, with and without an end of another year; a warranty said in the notes.
    { company: 'Abnahme Ohne', notes: 'Abnahme am 12.03.2025' },
    { company: 'Abnahme Mit', notes: 'Abnahme am 12.03.2025', warranty_until: '2030-03-12' },
    { company: 'Notiz Frist', notes: 'Abnahme 1.6.2025\nGewährleistung bis Ende 2030' },
  ]);

  it('finds a note\u2019s date at a sentence\u2019s end, a month with a slash, a day without its year, not a number\u2019s digits', async () => {
    for (const q of ['15.02.2027', '15. Februar 2027', 'Februar 2027', '02/2027']) expect(await names(q), q).toEqual(['Estrich Ende']);
    for (const q of ['05/2027', '20. Mai', '20.5.']) expect(await names(q), q).toEqual(['Fliesen Frist']);
    expect(await names('20. Dezember')).toEqual(['Termin Text']);
    // A note's day without its year, however the query writes it (search walkthrough, stop 70: only as typed).
    for (const q of ['20 Dezember', '20.12.', 'Dec 20']) expect(await names(q), q).toEqual(['Termin Text']);
    expect(await names('14.1.')).toEqual([]);
  });

  it('finds a contact with a warranty end by the word, with another word too', async () => {
    expect(await names('Gewährleistung Fliesen')).toEqual(['Fliesen Frist']);
    expect(await names('Garantie')).toEqual(['Abnahme Mit', 'Fliesen Frist']);
    expect(await names('Mr Zahl')).toEqual(['Zahlen Zahl']);
  });

  it('finds the warranty of a year by its end, or a line of the notes that names it, not by an acceptance’s date (search walkthrough, stop 70)', async () => {
    for (const q of ['Gewährleistung 2025', 'Garantie März 2025', 'warranty 2025', 'Gewährleistung 12.03.2025'])
      expect(await names(q), q).toEqual([]);
    for (const q of ['Gewährleistung 2030', 'Garantie 2030', 'warranty 2030'])
      expect(await names(q), q).toEqual(['Abnahme Mit', 'Notiz Frist']);
    expect(await names('Gewährleistung März 2030')).toEqual(['Abnahme Mit']);
    // Without the warranty's word, any date of the year.
    expect(await names('bis 2025')).toEqual(['Abnahme Mit', 'Abnahme Ohne', 'Notiz Frist']);
  });

  it('says each row’s end where the search names the warranty, also years ahead (search walkthrough, stop 70)', async () => {
    await names('Garantie');
    const buyer: TestUser = { ...anna, sub: 'u-search-dates', assets: [{ id: 'search-dates', name: 'Daten' }] };
    const rowOf = async (q: string) => {
      const html = await (await send(`/assets/search-dates/contacts?q=${encodeURIComponent(q)}`, { user: buyer })).text();
      return /<li class="contact"[^>]*><a class="name" [^>]*>Abnahme Mit<\/a>.*?<\/li>/s.exec(html)?.[0] ?? '';
    };
    for (const q of ['Gewährleistung 2030', 'Garantie', 'warranty 2030', 'Gewährleistungsende'])
      expect(await rowOf(q), q).toContain('<span class="wb plain">Gewährleistung endet am 12.03.2030</span>');
    // Another search leaves an end years ahead unsaid, as the list does.
    expect(await rowOf('Abnahme')).not.toContain('class="wb');
  });
});

describe('a number in the notes (UX review, stop 54), through the SQL', () => {
  const names = searchedBook('search-noted', 'Notiert', [
    // As the import keeps a phone's further numbers.
    { company: 'Heizung Huber', phone: '089 11 22 33', notes: 'Weitere Telefonnummer (Notdienst 24h): 0800 123 4567' },
    { company: 'Garten Graf', notes: 'Lieferung nach 80331 München, am 12.03.2027' },
    { company: 'Maler Moll', notes: 'Handy vom Chef: +49 (0)171 2345678' },
    // Numbers one after the other, as people type them (code review).
    { company: 'Büro Brandt', notes: 'Büro 089 765432 / 0160 9876543' },
    { company: 'Kunde Kurz', notes: 'Kd-Nr. 4711 0800 7654321' },
    // Dots between its groups: a number, not a date (code review).
    { company: 'Punkt Pohl', notes: 'Tel 089.12.34.56' },
    // A number grouped like a date after its area code: a number (review: "089 12.03.99").
    { company: 'Praxis Pfeil', notes: 'Praxis 089 12.03.99' },
    { company: 'Notruf Nagel', notes: 'Notruf (0171) 23.11.45, Büro +49 (0)30 / 21.06.88' },
    // Dates standing alone, also one after the other or after a number: dates.
    { company: 'Termin Thal', notes: 'Termine 14.05.24 19.05.24, Rückruf 0911 654321 17.05.2024' },
    // Word's dashes in a number, as a signature pasted from Word writes them (stop 60).
    { company: 'Strich Stein', notes: 'Zentrale 0711 98765–0, Fax +49 711 56789−99' },
  ]);

  it('is found by its digits however it is typed, as the phone fields are', async () => {
    for (const q of ['08001234567', '0800 1234567', '+49 800 1234567', '0800/123 45 67', '0800 123'])
      expect(await names(q), q).toEqual(['Heizung Huber']);
    for (const q of ['01712345678', '0171 234 56 78', '+491712345678', '0049 171 2345678'])
      expect(await names(q), q).toEqual(['Maler Moll']);
    // Each of numbers typed one after the other, also with + (which must start a number).
    for (const q of ['089 765432', '+49 89 765432', '0160 9876543', '+49 160 9876543']) expect(await names(q), q).toEqual(['Büro Brandt']);
    for (const q of ['0800 7654321', '+49 800 7654321', '4711']) expect(await names(q), q).toEqual(['Kunde Kurz']);
    // A date is no number: its digits run together find nothing.
    expect(await names('3202')).toEqual([]);
    expect(await names('12032027')).toEqual([]);
    expect(await names('089123456')).toEqual(['Punkt Pohl']);
    // The phone field's number still comes first where both hold the digits typed.
    expect(await names('089 112233')).toEqual(['Heizung Huber']);
    // A postcode (five digits) is found as the word it is, as before.
    expect(await names('80331')).toEqual(['Garten Graf']);
  });

  it("is found by its digits when typed with Word's dashes (stop 60)", async () => {
    for (const q of ['0711987650', '0711 98765-0', '+49 711 987650', '0711 56789-99', '07115678999'])
      expect(await names(q), q).toEqual(['Strich Stein']);
  });

  it('grouped like a date after its area code is a number; a date standing alone is none (review: "089 12.03.99")', async () => {
    for (const q of ['089 120399', '089/12 03 99', '+49 89 120399', '12.03.99']) expect(await names(q), q).toEqual(['Praxis Pfeil']);
    for (const q of ['0171 231145', '+49 171 231145']) expect(await names(q), q).toEqual(['Notruf Nagel']);
    for (const q of ['030 210688', '+49 30 210688']) expect(await names(q), q).toEqual(['Notruf Nagel']);
    // The dates beside it are still no numbers: their digits run together find nothing.
    for (const q of ['140524', '190524', '17052024', '14052419']) expect(await names(q), q).toEqual([]);
    // The number before a date is found by itself, and the date does not join it.
    expect(await names('0911 654321')).toEqual(['Termin Thal']);
    expect(await names('0911 65432117')).toEqual([]);
  });
});

describe('stored keys', () => {
  it('stay within 3× their text and 16 KB, also for U+FDFA at the maximum field sizes', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({
      first_name: '\ufdfa'.repeat(100),
      last_name: '\ufdfa'.repeat(100),
      company: '\ufdfa'.repeat(200),
      notes: '\ufdfa'.repeat(2000),
    }));
    const row = await findContact(connect(env.DB), ASSET, id ?? '');
    const text = [row?.firstName, row?.lastName, row?.company, row?.notes].join('');
    expect([...(row?.searchKey ?? '')].length).toBeLessThanOrEqual(3 * [...text].length);
    expect(new TextEncoder().encode(row?.searchKey).length).toBeLessThanOrEqual(16 * 1024);
    expect(new TextEncoder().encode(row?.sortKey).length).toBeLessThanOrEqual(16 * 1024);
    expect(row?.keyFormat).toBe(KEY_FORMAT);
  });

  it('of old rows are rebuilt: their format is below KEY_FORMAT and the rebuild makes them findable', async () => {
    // A row as the previous format stored it: names only, three forms, no digits.
    await env.DB.prepare(
      `INSERT INTO contacts (id, asset_id, last_name, city, phone, sort_key, search_key, key_format, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('old-row', ?, 'Altbestand', 'Bremen', '0421 123', 'altbestand', 'altbestand', 0, 1, 'u', 'U', 1, 'u', 'U')`,
    )
      .bind(ASSET)
      .run();
    const db = connect(env.DB);
    expect((await listContacts(db, ASSET, { query: 'Bremen' })).contacts.map((c) => c.id)).not.toContain('old-row');
    expect(await rebuildOldKeys(db, ASSET)).toBe(1);
    expect(await rebuildOldKeys(db, ASSET)).toBe(0); // idempotent
    const row = await findContact(db, ASSET, 'old-row');
    expect(row?.keyFormat).toBe(KEY_FORMAT);
    expect(row && row.searchKey).toBe(row && derivedColumns(fieldValuesOf(row)).searchKey);
    expect((await listContacts(db, ASSET, { query: 'Bremen 0421' })).contacts.map((c) => c.id)).toContain('old-row');
  });

  it('of rows format 8 filed by a capitalised particle ("Von Der Leyen" under D) are rebuilt under the core', async () => {
    // Format 8 read only "Von" as the particle: its key started with the "Der".
    await env.DB.prepare(
      `INSERT INTO contacts (id, asset_id, first_name, last_name, sort_key, search_key, key_format, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('format-8-row', ?, 'Ursula', 'Von Der Leyen', 'der leyen\u0001ursula\u0001\u0001Von Der Leyen\u0001Ursula\u0001', ' von der leyen ursula', 8, 1, 'u', 'U', 1, 'u', 'U')`,
    )
      .bind(ASSET)
      .run();
    const db = connect(env.DB);
    expect(await rebuildOldKeys(db, ASSET)).toBe(1);
    const row = await findContact(db, ASSET, 'format-8-row');
    expect(row && letterOf(row)).toBe('L');
  });

  it('of rows format 10 filed by a particle in capitals ("VON DER LEYEN" under V) are rebuilt under the core (review)', async () => {
    // Format 10 read "Von" and "von" as the particle, not "VON": its key started with it.
    await env.DB.prepare(
      `INSERT INTO contacts (id, asset_id, first_name, last_name, sort_key, search_key, key_format, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('format-10-row', ?, 'Ursula', 'VON DER LEYEN', 'von der leyen\u0001ursula\u0001\u0001VON DER LEYEN\u0001Ursula\u0001', ' ursula von der leyen', 10, 1, 'u', 'U', 1, 'u', 'U')`,
    )
      .bind(ASSET)
      .run();
    const db = connect(env.DB);
    const before = await findContact(db, ASSET, 'format-10-row');
    expect(before && letterOf(before)).toBe('V');
    expect(await rebuildOldKeys(db, ASSET)).toBe(1);
    const row = await findContact(db, ASSET, 'format-10-row');
    expect(row && letterOf(row)).toBe('L');
    expect(row?.keyFormat).toBe(KEY_FORMAT);
  });

  it('of rows format 9 that read "089 12.03.99" in the notes as a date are rebuilt: the number is found', async () => {
    await env.DB.prepare(
      `INSERT INTO contacts (id, asset_id, company, notes, sort_key, search_key, key_format, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('format-9-row', ?, 'Praxis Pauli', 'Praxis 089 12.03.99', 'praxis pauli', ' praxis pauli 089 12.03.99', 9, 1, 'u', 'U', 1, 'u', 'U')`,
    )
      .bind(ASSET)
      .run();
    const db = connect(env.DB);
    expect(await rebuildOldKeys(db, ASSET)).toBe(1);
    expect((await listContacts(db, ASSET, { query: '089 120399' })).contacts.map((c) => c.id)).toEqual(['format-9-row']);
  });
});

describe('searching while grouped by position', () => {
  const GROUPED = 'search-grouped';
  const buyer: TestUser = { ...anna, sub: 'u-search-grouped', assets: [{ id: GROUPED, name: 'Gruppiert' }] };
  const list = `/assets/${GROUPED}/contacts`;
  /** Headings and names of a page or fragment, in order: "# Fliesenleger", "Anna Bauer", … */
  const entries = (html: string) =>
    [...html.matchAll(/<li class="group"><h2>([^<]+)<\/h2><\/li>|<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>/g)].map(
      (match) => (match[1] ? `# ${match[1]}` : (match[2] ?? '')),
    );

  it('keeps the groups, the best matches first within each; paging goes on within them', async () => {
    await seedContacts(
      GROUPED,
      6,
      (index) =>
        [
          { last_name: 'Bauer', first_name: 'Anna', position: 'Maler' },
          { company: 'Fliesen Bauer', position: 'Fliesenleger' },
          { last_name: 'Adler', position: 'Fliesenleger', notes: 'Bauer empfohlen' },
          { last_name: 'Bauer', first_name: 'Zora', position: 'Fliesenleger' },
          { last_name: 'Bauer', first_name: 'Ohne' },
          { last_name: 'Keller', position: 'Maler' },
        ][index] ?? {},
    );
    const page = await (await send(`${list}?q=bauer&group=position`, { user: buyer })).text();
    // Within "Fliesenleger" the names that start with the word come first (by last name: Bauer,
    // Zora before Fliesen Bauer), then the notes' match.
    expect(entries(page)).toEqual([
      '# Fliesenleger',
      'Zora Bauer',
      'Fliesen Bauer',
      'Adler',
      '# Maler',
      'Anna Bauer',
      '# Ohne Position',
      'Ohne Bauer',
    ]);
    // The count names the order, which a phone's view switch leaves out (walkthrough, stop 68).
    expect(textOf(page)).toContain('5 Treffer für „bauer“ · nach Position');
    // The same through active search, and the view switch follows it out of band.
    const fragment = await (await send(`${list}?q=bauer&group=position&part=results`, { user: buyer, htmx: true })).text();
    expect(entries(fragment)).toEqual(entries(page));
    expect(fragment).toContain(
      `<p class="view-switch" id="view-switch" hx-swap-oob="true"><a href="${list}?q=bauer">Nach Name</a><span class="sep"> · </span><span aria-current="true">Nach Position</span>`,
    );
    const ungrouped = await (await send(`${list}?q=bauer&part=results`, { user: buyer, htmx: true })).text();
    expect(ungrouped).toContain(
      `<span aria-current="true">Nach Name</span><span class="sep"> · </span><a href="${list}?q=bauer&amp;group=position">Nach Position</a>`,
    );
    expect(entries(ungrouped).some((entry) => entry.startsWith('# '))).toBe(false);
    expect(fragment).toContain('5 Treffer für „bauer“ · nach Position</p>');
    expect(ungrouped).toContain('5 Treffer für „bauer“</p>');
  });

  it('pages by key in that order: "Mehr laden" never repeats or skips a match and no heading repeats', async () => {
    const MANY = 'search-grouped-many';
    // 130 matches in three positions (and 20 that do not match), so the first page ends inside a group.
    const positions = ['Maler', 'Fliesenleger', 'Elektriker'];
    await seedContacts(MANY, 150, (index) =>
      index < 130
        ? { last_name: `Bauer ${String(index).padStart(3, '0')}`, position: positions[index % 3] ?? '' }
        : { last_name: `Keller ${index}`, position: 'Maler' },
    );
    const db = connect(env.DB);
    const first = await listContacts(db, MANY, { query: 'bauer', group: 'position' });
    expect(first.order).toBe('searchPosition');
    expect(first.total).toBe(130);
    expect(first.contacts).toHaveLength(100);
    expect(first.next).toBeDefined();
    const second = await listContacts(db, MANY, { query: 'bauer', group: 'position', after: first.next });
    const all = [...first.contacts, ...second.contacts];
    expect(second.next).toBeUndefined();
    expect(new Set(all.map((contact) => contact.id)).size).toBe(130);
    // Grouped: each position in one run, in the groups' order.
    const runs = all.map((contact) => contact.position).filter((position, index, list) => position !== list[index - 1]);
    expect(runs).toEqual(['Elektriker', 'Fliesenleger', 'Maler']);
    // The first page ends inside "Maler" (43 + 43 + 14): the rows "Mehr laden" brings carry on
    // that group without a second heading.
    expect(first.contacts.at(-1)?.position).toBe('Maler');
    const more = (previous: string) =>
      `/assets/${MANY}/contacts?q=bauer&group=position&after=${first.next}&part=rows&previous=${encodeURIComponent(previous)}`;
    const many: TestUser = { ...buyer, sub: 'u-many', assets: [{ id: MANY, name: 'Viele' }] };
    // "Mehr laden" sends the group's key (the position's dictionary form), as the page gives it.
    const page = await (await send(`/assets/${MANY}/contacts?q=bauer&group=position`, { user: many })).text();
    expect(page).toContain('&quot;previous&quot;:&quot;maler&quot;');
    const rows = await (await send(more('maler'), { user: many, htmx: true })).text();
    expect(rows.match(/<li class="contact"/g)).toHaveLength(30);
    expect(rows).not.toContain('<li class="group">');
    // (Coming from another group, the heading is there.)
    expect(await (await send(more('fliesenleger'), { user: many, htmx: true })).text()).toContain('<li class="group"><h2>Maler</h2></li>');
  });
});
