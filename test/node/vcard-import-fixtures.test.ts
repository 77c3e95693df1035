// Real exports of other address books through the .vcf import parser, with the exact values each
// card would be stored with. Origins and licences: test/fixtures/vcf/README.md. In the node
// project because the fixtures must be read as bytes (line ends, byte order marks, Windows-1252),
// and vite's `?raw` import hands workerd tests UTF-8 text only; the parser itself is tested in
// workerd by test/vcard-import.test.ts.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS, type FieldName } from '../../src/contacts/fields';
import type { ContactInput } from '../../src/contacts/schema';
import { type ImportedCard, type ImportResult, parseVcf } from '../../src/contacts/vcard-import';

/** The import maps nothing into the warranty dates (issue 17). */
const NO_DATES = { accepted_on: '', warranty_until: '' };

const FIXTURES = new URL('../fixtures/vcf/', import.meta.url);

/** Further values of a field that holds one, each a line of the notes that the preview names. */
const further = (field: FieldName | 'address' | 'department', ...values: string[]) =>
  values.map((value) => ({ field, kind: 'further', value, outcome: 'movedToNotes' }));

function parseFixture(name: string): ImportResult {
  return parseVcf(new Uint8Array(fs.readFileSync(new URL(name, FIXTURES))));
}

function cardsOf(name: string): ImportedCard[] {
  const result = parseFixture(name);
  if (!result.ok) throw new Error(`${name} refused: ${result.error}`);
  return result.cards;
}

/** Every field empty (derived from FIELDS). */
const none: ContactInput = { ...EMPTY_FIELDS };

const N = 'Ñ';

describe('Android 2.1 (quoted-printable, bare types, photo)', () => {
  const result = parseFixture('android-2.1-qp.vcf');

  it('reads all six cards and skips the photo', () => {
    expect(result).toMatchObject({ ok: true, skipped: { photos: 1, malformedLines: 0 } });
    expect(result.ok && result.cards.map((c) => [c.index, c.version, c.nameFrom, c.importable])).toEqual([
      [1, '2.1', 'email', true],
      [2, '2.1', 'email', true],
      [3, '2.1', 'name', true],
      [4, '2.1', 'name', true],
      [5, '2.1', 'name', true],
      [6, '2.1', 'name', true],
    ]);
  });

  it('stores exactly these values', () => {
    const cards = cardsOf('android-2.1-qp.vcf');
    expect(cards.map((c) => c.values)).toEqual([
      { ...none, last_name: 'john.doe@company.com', email: 'john.doe@company.com' },
      { ...none, last_name: 'jane.doe@company.com', email: 'jane.doe@company.com' },
      // "=C3=91=20" four times: the trailing space is trimmed, as the form trims.
      { ...none, last_name: `${N} ${N} ${N} ${N}`, mobile: '123456789' },
      {
        ...none,
        // A soft line break inside the value ("=C3=91=\r\n=20=C3=91").
        last_name: Array(11).fill(N).join(' '),
        mobile: '123456',
        phone: '234567',
        notes: [
          `${N} ${N} ${N} ${N} ${N} ${N} ${N} ${N}${N} ${N} ${N} ${N} ${N} ${N} ${N} ${N}${N} ${N} ${N} ${N} ${N}`,
          '',
          `${N} ${N} ${N} ${N} ${N} ${N} ${N} ${N}${N} ${N} ${N} ${N} ${N} ${N} ${N} ${N}${N} ${N} ${N} ${N} ${N}`,
          '',
          'Weitere Telefonnummer (mobil): 3456789',
          'Weitere Telefonnummer (privat): 45678901',
        ].join('\n'),
      },
      {
        ...none,
        last_name: `${N} ${N}`,
        first_name: `${N} ${N} ${N}`,
        company: N.repeat(12),
        // CELL and WORK give the same number: kept once, as the mobile (the fax stays a note).
        mobile: '123456',
        phone: '',
        email: 'bob@company.com',
        // "URL:www.company.com": https:// added, as the form adds it.
        website: 'https://www.company.com',
        notes: [
          'Weitere Telefonnummer (geschäftlich, Fax): 123456',
          `Weitere E-Mail-Adresse: ${N.repeat(14)}`,
          'Weitere Webseite: http://www.company.com',
        ].join('\n'),
      },
      // The second ORG holds a stray =80 byte: kept in the notes (U+FFFD for the byte: UTF-8 with
      // damage, as its other letters are UTF-8), never refusing the file; the third repeats the first.
      {
        ...none,
        last_name: N.repeat(4),
        company: N.repeat(44),
        mobile: '55556666',
        email: 'henry@company.com',
        notes: `Weiteres Unternehmen: ${N.repeat(44)}\ufffd`,
      },
    ]);
  });

  it('ignores CATEGORIES ("My Contacts") and reports the photo', () => {
    const cards = cardsOf('android-2.1-qp.vcf');
    expect(cards.map((c) => c.ignored)).toEqual([[], [], [], [], ['PHOTO'], []]);
    // Nothing is refused or cut; the further numbers, e-mail and website are named as in the notes.
    expect(cards.map((c) => c.problems)).toEqual([
      [],
      [],
      [],
      [...further('mobile', '3456789'), ...further('phone', '45678901')],
      [...further('phone', '123456'), ...further('email', 'ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ'), ...further('website', 'http://www.company.com')],
      // A second ORG, a line of the notes, named too (UX review, stop 54).
      further('company', `${N.repeat(44)}\ufffd`),
    ]);
  });
});

describe('iPhone 3.0 (groups, X-ABLabel, base64 photo)', () => {
  it('stores exactly these values, the 46 KB photo skipped', () => {
    const result = parseFixture('iphone-3.0-photo.vcf');
    expect(result).toMatchObject({ ok: true, skipped: { photos: 1, malformedLines: 0 } });
    const [card] = cardsOf('iphone-3.0-photo.vcf');
    expect(card).toEqual({
      index: 1,
      version: '3.0',
      uid: '',
      nameFrom: 'name',
      importable: true,
      // The department and the home address, lines of the notes, named as the further numbers are (UX review, stop 54).
      problems: [
        ...further('department', 'Accounting'),
        ...further('address', 'Silicon Alley 5, 12345 New York, New York, United States of America'),
        ...further('phone', '905-666-1234', '905-888-1234', '905-999-1234', '905-111-1234', '905-222-1234'),
      ],
      ignored: ['NICKNAME', 'BDAY', 'PHOTO'],
      values: {
        ...NO_DATES,
        position: 'Money Counter',
        company: 'IBM',
        title: 'Mr.',
        first_name: 'John Richter James',
        last_name: 'Doe Sr.',
        // The WORK number, not the HOME one before it in the file (review).
        phone: '905-777-1234',
        mobile: '905-555-1234',
        email: 'john.doe@ibm.com',
        website: 'http://www.ibm.com',
        // The WORK address, its "\n" joined; the HOME one goes to the notes.
        street: 'Street4, Building 6, Floor 8',
        postal_code: '12345',
        city: 'New York',
        country: 'USA',
        notes: [
          'Abteilung: Accounting',
          'Weitere Adresse (privat): Silicon Alley 5, 12345 New York, New York, United States of America',
          'Weitere Telefonnummer (privat): 905-666-1234',
          'Weitere Telefonnummer (privat, Fax): 905-888-1234',
          'Weitere Telefonnummer (geschäftlich, Fax): 905-999-1234',
          'Weitere Telefonnummer (Pager): 905-111-1234',
          'Weitere Telefonnummer (Assistenz): 905-222-1234',
        ].join('\n'),
      },
    });
  });
});

describe('Google 3.0 (URL:http\\://…)', () => {
  const expected: ContactInput = {
    accepted_on: '',
    warranty_until: '',
    position: 'TheJobTitle',
    company: 'TheCompany',
    title: '',
    first_name: 'VCard',
    last_name: 'Test',
    // The WORK ones, before those of no kind (review).
    phone: '5555551113',
    mobile: '5555551115',
    email: 'workemail@example.com',
    website: 'http://www.example5.com',
    street: '113 Main St',
    postal_code: '10011',
    city: 'NY, New York',
    country: '',
    notes: [
      'note line 1',
      'note line 2',
      'CustomField: field value',
      '',
      'Weitere Adresse: 111 Main St, 10011 NY, New York',
      'Weitere Adresse (privat): 112 Main St, 10011 NY, New York',
      'Weitere Adresse: 114 Main St, 10011 NY, New York',
      'Weitere Adresse (CustomAddressCategory): 115 Main St, 10011 NY, New York',
      'Weitere Telefonnummer: 5555551111',
      'Weitere Telefonnummer (privat): 5555551112',
      'Weitere Telefonnummer: 5555551114',
      'Weitere Telefonnummer (Hauptnummer): 5555551116',
      'Weitere Telefonnummer (privat, Fax): 5555551117',
      'Weitere Telefonnummer (geschäftlich, Fax): 5555551118',
      'Weitere Telefonnummer (GRAND_CENTRAL): 5555551119',
      'Weitere Telefonnummer (Pager): 5555551120',
      'Weitere Telefonnummer (CustomePhoneCategory): 5555551121',
      'Weitere E-Mail-Adresse: email@example.com',
      'Weitere E-Mail-Adresse (privat): homeemail@example.com',
      'Weitere E-Mail-Adresse: otheremail@example.com',
      'Weitere E-Mail-Adresse (CustomEmailCategory): customcategory@example.com',
      'Weitere Webseite: http://www.example1.com',
      'Weitere Webseite (PROFILE): http://www.example2.com',
      'Weitere Webseite (BLOG): http://www.example3.com',
      'Weitere Webseite (Homepage): http://www.example4.com',
      'Weitere Webseite (CustomWebsiteCategory): http://www.example6.com',
    ].join('\n'),
  };

  it('stores exactly these values', () => {
    const [card] = cardsOf('google-3.0.vcf');
    expect(card?.values).toEqual(expected);
    expect(card?.problems).toEqual([
      ...further('address', ...[111, 112, 114, 115].map((n) => `${n} Main St, 10011 NY, New York`)),
      ...further('phone', ...[1111, 1112, 1114, 1116, 1117, 1118, 1119, 1120, 1121].map((n) => `555555${n}`)),
      ...further('email', 'email@example.com', 'homeemail@example.com', 'otheremail@example.com', 'customcategory@example.com'),
      ...further('website', ...[1, 2, 3, 4, 6].map((n) => `http://www.example${n}.com`)),
    ]);
  });

  it('reads the same file with a UTF-8 byte order mark alike', () => {
    expect(cardsOf('google-3.0-bom.vcf').map((c) => c.values)).toEqual([expected]);
  });

  it('reads files joined with a byte order mark each (`copy /b`, `cat`): every card, none lost', () => {
    const file = fs.readFileSync(new URL('google-3.0-bom.vcf', FIXTURES));
    const result = parseVcf(new Uint8Array(Buffer.concat([file, file, file])));
    expect(result.ok && result.cards.map((c) => c.values)).toEqual([expected, expected, expected]);
  });
});

describe('Outlook 2.1', () => {
  it('English Outlook 2007: ROLE beside TITLE, QP LABEL ignored, photo skipped', () => {
    const [card] = cardsOf('outlook-2.1-en.vcf');
    expect(card?.values).toEqual({
      ...NO_DATES,
      position: 'Money Counter',
      company: 'IBM',
      title: 'Mr.',
      first_name: 'John Richter James',
      last_name: 'Doe Sr.',
      phone: '(905) 555-1234',
      mobile: '',
      email: 'john.doe@ibm.cm',
      website: 'http://www.ibm.com',
      street: 'Cresent moon drive',
      postal_code: '12345',
      city: 'Albaney, New York',
      country: 'United States of America',
      notes: [
        "THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS'' AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL GEORGE EL-HADDAD OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.",
        '',
        'Abteilung: Accounting',
        'Rolle: Counting Money',
        'Weitere Adresse (privat): Silicon Alley 5, 12345 New York, New York, United States of America',
        'Weitere Telefonnummer (privat): (905) 666-1234',
      ].join('\n'),
    });
    expect(card?.ignored).toEqual(['NICKNAME', 'BDAY', 'X-MS-ANNIVERSARY', 'X-MS-IMADDRESS', 'PHOTO', 'X-MS-MANAGER', 'X-MS-ASSISTANT']);
  });

  it('German Outlook with CHARSET=utf-8: German numbers kept as typed', () => {
    const result = parseFixture('outlook-2.1-utf-8.vcf');
    expect(result).toMatchObject({ ok: true, skipped: { photos: 1, malformedLines: 0 } });
    const [card] = cardsOf('outlook-2.1-utf-8.vcf');
    expect(card?.values).toEqual({
      ...NO_DATES,
      position: 'Musterposition',
      company: 'Musterfirma GmbH',
      title: 'Herr',
      first_name: 'Max Anderer',
      last_name: 'Mustermann sen.',
      phone: '+49 (0611) 123456 - 11',
      mobile: '+49 (0611) 123456 - 14',
      email: 'max.mustermann@musterfirma.de',
      website: 'https://www.musterfirma.de',
      street: 'Musterstrasse 12',
      postal_code: '65201',
      // The Land beside a German postcode says nothing the postcode does not (UX walkthrough, stop 78).
      city: 'Wiesbaden',
      country: 'Deutschland',
      notes: [
        'Hier noch ein paar notizen',
        '',
        'Weitere Telefonnummer (privat): +49 (0611) 123456 - 12',
        'Weitere Telefonnummer (geschäftlich, Fax): +49 (0611) 123456 - 13',
      ].join('\n'),
    });
  });

  it('German Outlook in Windows-1252: the undeclared ADR read in the charset its LABEL declares', () => {
    const result = parseFixture('outlook-2.1-windows-1252.vcf');
    expect(result).toMatchObject({ ok: true, skipped: { photos: 1, malformedLines: 0 } });
    const [card] = cardsOf('outlook-2.1-windows-1252.vcf');
    expect(card?.values).toEqual({
      ...none,
      first_name: 'Ralf',
      last_name: 'Rastral',
      street: 'Lämmerweg 12',
      postal_code: '98765',
      city: 'Kleindorf',
      country: 'Deutschland',
    });
    expect(card?.ignored).toEqual(['X-MS-CARDPICTURE']);
  });

  it('the same card without any declared charset is read as Windows-1252 (buyer review: it was refused)', () => {
    const result = parseFixture('broken-undeclared-windows-1252.vcf');
    expect(result.ok && result.cards[0]?.values).toMatchObject({ last_name: 'Rastral', street: 'Lämmerweg 12', city: 'Kleindorf' });
  });
});

describe('vCard 4.0', () => {
  it('Thunderbird CardBook: two cards, umlauts, phone "numbers" that are words moved to the notes', () => {
    const cards = cardsOf('thunderbird-4.0.vcf');
    expect(cards.map((c) => c.values)).toEqual([
      {
        ...NO_DATES,
        ...none,
        company: 'KiTa Öhrdingen',
        first_name: 'Gerda',
        last_name: 'Möhrke',
        phone: '034441/ 2 22 67',
        email: 'info@kinderland-blubblub.de',
        website: 'https://www.kinderland-ufftata.de',
        notes: 'Weitere Telefonnummer (Fax): 034441/ 39 23 34',
      },
      {
        ...NO_DATES,
        position: 'Gröfaz',
        company: 'SED',
        title: 'Dr.',
        first_name: 'Max Horst',
        last_name: 'Mustermann jr.',
        phone: '',
        mobile: '',
        email: 'geschaeftlich@freenet.de',
        website: 'https://www.business.de',
        street: 'Geschäftsadresse 32',
        postal_code: '06789',
        city: 'Entenhausen',
        country: 'Deutschland',
        notes: [
          'Kommentar',
          '',
          // Thunderbird's FN carries the nickname, which no field holds: kept as written.
          'Name in der Datei: Dr. Max Horst Mustermann jr. Maxl SED',
          'Rolle: Generalsekretär',
          'Weitere Adresse (privat): Alte Str. 32, 06789 Entenhausen, Deutschland',
          'Mobilnummer (mobil): Mobil',
          'Telefonnummer (privat): Privattelefon',
          'Telefonnummer (geschäftlich): Diensttelefon',
          'Weitere Telefonnummer (Fax): Fax',
          'Weitere Telefonnummer (Fax, privat): Fax privat',
          'Weitere Telefonnummer (Fax, geschäftlich): Fax geschäftlich',
          'Telefonnummer (Hauptnummer): Festnetz',
          'Weitere Telefonnummer (Pager): Pager',
          'Telefonnummer (sonstige): sonstige',
          'Telefonnummer: ohne',
          'Weitere E-Mail-Adresse (privat): privat@freenet.de',
          'Weitere E-Mail-Adresse (sonstige): sonstige@freenet.de',
          'Weitere E-Mail-Adresse: nichts@wabbel.de',
          'Weitere Webseite (privat): www.privat.de',
          'Weitere Webseite (sonstige): www.sonstige.de',
        ].join('\n'),
      },
    ]);
    expect(cards[0]?.problems).toEqual(further('phone', '034441/ 39 23 34'));
    // The words where numbers belong, as what they are; the other values as further ones.
    expect(cards[1]?.problems.filter((problem) => problem.kind === 'further')).toEqual([
      ...further('position', 'Generalsekretär'),
      ...further('address', 'Alte Str. 32, 06789 Entenhausen, Deutschland'),
      ...further('phone', 'Fax', 'Fax privat', 'Fax geschäftlich', 'Pager'),
      ...further('email', 'privat@freenet.de', 'sonstige@freenet.de', 'nichts@wabbel.de'),
      ...further('website', 'www.privat.de', 'www.sonstige.de'),
    ]);
    expect(cards[1]?.problems.filter((problem) => problem.kind !== 'further')).toEqual([
      { field: 'mobile', kind: 'invalid', value: 'Mobil', outcome: 'movedToNotes' },
      ...['Privattelefon', 'Diensttelefon', 'Festnetz', 'sonstige', 'ohne'].map((value) => ({
        field: 'phone',
        kind: 'invalid',
        value,
        outcome: 'movedToNotes',
      })),
    ]);
  });

  it('RFC 6350 example (LF only): tel: URIs, a folded ADR; the extension does not fit the phone rule', () => {
    const [card] = cardsOf('rfc6350-4.0-lf.vcf');
    expect(card?.values).toEqual({
      ...NO_DATES,
      ...none,
      company: 'Viagenie',
      first_name: 'Simon',
      last_name: 'Perreault ing. jr M.Sc.',
      mobile: '+1-418-262-6501',
      email: 'simon.perreault@viagenie.ca',
      website: 'http://nomis80.org',
      street: '2875 Laurier, Suite D2-630',
      postal_code: 'G1V 2M2',
      city: 'Quebec, QC',
      country: 'Canada',
      notes: 'Telefonnummer (geschäftlich): +1-418-656-9254 ext. 102',
    });
    expect(card?.problems).toEqual([{ field: 'phone', kind: 'invalid', value: '+1-418-656-9254 ext. 102', outcome: 'movedToNotes' }]);
  });
});

describe('Nokia 2.1 (notes in base64)', () => {
  it('decodes the base64 notes as text and skips only the photo', () => {
    const result = parseFixture('nokia-2.1-base64-note.vcf');
    expect(result).toMatchObject({ ok: true, skipped: { photos: 1, malformedLines: 0 } });
    const [card] = cardsOf('nokia-2.1-base64-note.vcf');
    expect(card?.values).toEqual({
      ...none,
      first_name: 'Jane',
      last_name: 'Doe',
      phone: '+14155551212',
      mobile: '+19185551212',
      email: 'jane@example.com',
      website: 'http://www.example.com/',
      // Nokia's U+2028 line separator between the street's two lines.
      street: '123 Oak Street, Downtown, Oak and Pine',
      postal_code: '94120',
      city: 'San Francisco, CA',
      country: 'USA',
      notes: [
        'This is just a test.',
        'Isso é só um exemplo.',
        '',
        'This is another note.',
        '',
        'Name in der Datei: Ms. Jane Lívia Doe',
        'Weitere Telefonnummer: +15105551212',
        'Weitere Telefonnummer (geschäftlich): +552138232003',
      ].join('\n'),
    });
    expect(card?.ignored).toEqual(['BDAY', 'PHOTO']);
  });
});

describe('other files', () => {
  it('UTF-16 LE with a byte order mark', () => {
    expect(cardsOf('utf-16le-bom.vcf').map((c) => c.values)).toEqual([
      {
        ...none,
        first_name: 'Folker',
        last_name: 'Kinzel',
        phone: '0123-45678',
        email: 'email1@wumms.de',
        website: 'https://www.folker-kinzel.de',
        street: 'Berliner Str. 85',
        postal_code: '06789',
        city: 'Halle',
        country: 'DE',
        notes: 'Weitere E-Mail-Adresse: email2@folker-kinzel.de',
      },
      {
        ...none,
        company: 'KMS Außenstelle',
        first_name: 'WSF',
        last_name: 'KMS',
        phone: '03443-303776',
        email: 'blablö@blub.com',
        // Apple's label written bare, in German as when wrapped (walkthrough, stop 70: "(homeFax)").
        notes: 'Weitere Telefonnummer (Fax privat): 03443-333440',
      },
    ]);
  });

  it('refuses a truncated file and one that is not a vCard', () => {
    expect(parseFixture('broken-truncated.vcf')).toEqual({ ok: false, error: 'truncated' });
    expect(parseFixture('broken-not-a-vcard.csv')).toEqual({ ok: false, error: 'notVcard' });
  });

  it('has a README line for every fixture', () => {
    const readme = fs.readFileSync(new URL('README.md', FIXTURES), 'utf8');
    for (const name of fs.readdirSync(FIXTURES)) {
      if (name !== 'README.md' && !name.startsWith('.')) expect(readme).toContain(`| \`${name}\` |`);
    }
  });
});
