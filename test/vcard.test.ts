/// <reference types="vite/client" />
// The vCard export as an address book sees it: exact bytes for typical contacts, the format
// rules of RFC 2426 (escaping, folding, CRLF), and a round trip through ical.js (the parser of
// Thunderbird's address book) for any input. The same cards through Python's vobject:
// test/interop/vcard-vobject.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  displayName,
  serializeContact,
  serializeContacts,
  type VCardContact,
} from '../src/contacts/vcard';
import companyOnlyGolden from './golden/company-only.vcf?raw';
import fullContactGolden from './golden/full-contact.vcf?raw';
import multilineNotesGolden from './golden/multiline-notes.vcf?raw';
import { asIcal, type ParsedProperty, parseWithIcal } from './ical';
import { assertProperty } from './property';
import { anyContact, anyText, contactId, emptyContact as empty, expectedProperties, unit, updatedAt } from './vcard-fixtures';

const fullContact: VCardContact = {
  ...empty,
  id: 'q7Xc2mK9pL',
  position: 'Innenarchitektin',
  company: 'Müller & Söhne Innenarchitektur GmbH',
  title: 'Dr.',
  firstName: 'Anna',
  lastName: 'Müller',
  street: 'Königsallee 12',
  postalCode: '40212',
  city: 'Düsseldorf',
  country: 'Deutschland',
  phone: '+49 211 123456-0',
  mobile: '+49 171 9876543',
  email: 'anna.mueller@mueller-soehne.de',
  website: 'https://www.mueller-soehne.de/team/anna-mueller',
  notes: 'Ansprechpartnerin für Küche und Bäder',
};

const companyOnly: VCardContact = {
  ...empty,
  id: 'Kq_81-zz',
  position: 'Küchenbauer',
  company: 'Küchen Schmidt GmbH',
  street: 'Industriestraße 7',
  postalCode: '70565',
  city: 'Stuttgart',
  phone: '0711 / 987 65-0',
  website: 'https://kuechen-schmidt.example',
  updatedAt: Date.UTC(2026, 0, 5, 14, 0, 0),
};

const multilineNotes: VCardContact = {
  ...empty,
  id: 'n0tes',
  firstName: 'Jörg',
  lastName: 'Weiß',
  position: 'Bauleiter',
  mobile: '+49 160 5551234',
  notes: [
    'Termine: Mo, Mi; Fr nach Absprache',
    'Pfad auf dem Server: \\\\bau\\projekte\\WE-12',
    'Aufmaß Küche: 3,45 m × 2,10 m; Fenster bleibt frei.',
    '',
    'Bitte immer zuerst anrufen, dann eine E-Mail schicken (nicht umgekehrt)',
  ].join('\n'),
  updatedAt: Date.UTC(2026, 6, 1, 8, 5, 9),
};

// ---------------------------------------------------------------------------------------------
// Reading a file back: physical lines, content lines, and what ical.js makes of it.

const utf8 = new TextEncoder();
const octets = (s: string) => utf8.encode(s).length;

function physicalLines(vcf: string): string[] {
  expect(vcf.endsWith('\r\n')).toBe(true);
  return vcf.slice(0, -2).split('\r\n');
}

/** Unfolded content lines (RFC 2426 §2.6: CRLF followed by one space is removed). */
function contentLines(vcf: string): string[] {
  return physicalLines(vcf.replace(/\r\n /g, ''));
}

function propertyLine(vcf: string, name: string): string | undefined {
  return contentLines(vcf).find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

/** What every reader must get back (test/vcard-fixtures.ts), as ical.js returns it. */
const expected = (c: VCardContact): ParsedProperty[] => asIcal(expectedProperties(c));

/** The layout rules every export must keep, whatever went in. */
function expectWellFormed(vcf: string): void {
  expect(vcf.charCodeAt(0)).not.toBe(0xfeff);
  expect(vcf).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  for (const line of physicalLines(vcf)) {
    expect(octets(line)).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/^ :/);
  }
}

// ---------------------------------------------------------------------------------------------

describe('golden files (byte-exact)', () => {
  it.each([
    ['full-contact.vcf', fullContact, fullContactGolden],
    ['company-only.vcf', companyOnly, companyOnlyGolden],
    ['multiline-notes.vcf', multilineNotes, multilineNotesGolden],
  ])('%s', (_file, contact, golden) => {
    // The golden files are stored with CRLF; a checkout that converts line ends breaks this on purpose.
    expect(golden).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(serializeContact(contact)).toBe(golden);
    expectWellFormed(golden);
    expect(parseWithIcal(golden)).toEqual([expected(contact)]);
  });
});

describe('card layout', () => {
  it('puts VERSION right after BEGIN and lists the properties in a fixed order', () => {
    const names = contentLines(serializeContact(fullContact)).map((line) => /^[A-Z]+/.exec(line)?.[0]);
    expect(names).toEqual([
      'BEGIN', 'VERSION', 'PRODID', 'N', 'FN', 'ORG', 'TITLE', 'ROLE', 'ADR', 'TEL', 'TEL',
      'EMAIL', 'URL', 'NOTE', 'UID', 'REV', 'END',
    ]);
    expect(contentLines(serializeContact(fullContact)).slice(0, 3)).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//PROPSTER//Kontakte//DE',
    ]);
  });

  it('ends every line with CRLF and starts without a BOM', () => {
    const vcf = serializeContact(multilineNotes);
    expect(vcf.endsWith('END:VCARD\r\n')).toBe(true);
    expect(utf8.encode(vcf).slice(0, 3)).toEqual(utf8.encode('BEG'));
    expectWellFormed(vcf);
  });

  it('omits every property whose value is empty', () => {
    const names = contentLines(serializeContact({ ...empty, lastName: 'Kurz' })).map((l) => /^[A-Z]+/.exec(l)?.[0]);
    expect(names).toEqual(['BEGIN', 'VERSION', 'PRODID', 'N', 'FN', 'UID', 'REV', 'END']);
  });

  it('writes the position as both TITLE and ROLE', () => {
    const vcf = serializeContact({ ...empty, lastName: 'B', position: 'Poolbauer' });
    expect(propertyLine(vcf, 'TITLE')).toBe('TITLE:Poolbauer');
    expect(propertyLine(vcf, 'ROLE')).toBe('ROLE:Poolbauer');
  });

  it('types phone, mobile and e-mail', () => {
    const vcf = serializeContact({ ...empty, lastName: 'B', phone: '030 123', mobile: '0171 2', email: 'b@example.de' });
    expect(contentLines(vcf)).toEqual(
      expect.arrayContaining(['TEL;TYPE=WORK,VOICE:030 123', 'TEL;TYPE=CELL:0171 2', 'EMAIL;TYPE=INTERNET:b@example.de']),
    );
  });

  it('gives every contact a stable UID and a UTC REV without milliseconds', () => {
    const before = serializeContact({ ...empty, id: 'Ab_9-x', lastName: 'A' });
    const after = serializeContact({ ...empty, id: 'Ab_9-x', lastName: 'B', updatedAt: Date.UTC(2027, 0, 1) });
    expect(propertyLine(before, 'UID')).toBe('UID:kontakte-Ab_9-x');
    expect(propertyLine(after, 'UID')).toBe('UID:kontakte-Ab_9-x');
    expect(propertyLine(before, 'REV')).toBe('REV:2026-11-29T03:36:46Z');
    expect(propertyLine(after, 'REV')).toBe('REV:2027-01-01T00:00:00Z');
  });

  it('concatenates cards, and an empty list is an empty file', () => {
    expect(serializeContacts([])).toBe('');
    const vcf = serializeContacts([fullContact, companyOnly, multilineNotes]);
    expect(vcf).toBe(serializeContact(fullContact) + serializeContact(companyOnly) + serializeContact(multilineNotes));
    expect(parseWithIcal(vcf)).toEqual([expected(fullContact), expected(companyOnly), expected(multilineNotes)]);
  });
});

describe('names', () => {
  it('builds FN from title, first and last name', () => {
    expect(displayName({ title: 'Dr.', firstName: 'Anna', lastName: 'Müller', company: 'X GmbH' })).toBe('Dr. Anna Müller');
    expect(displayName({ title: '', firstName: 'Anna', lastName: '', company: 'X GmbH' })).toBe('Anna');
    expect(displayName({ title: 'Prof.', firstName: '', lastName: 'Weiß', company: '' })).toBe('Prof. Weiß');
  });

  it('falls back to the company when there is no personal name (a title alone is none)', () => {
    expect(displayName({ title: '', firstName: '', lastName: '', company: 'Küchen Schmidt GmbH' })).toBe('Küchen Schmidt GmbH');
    expect(displayName({ title: 'Dr.', firstName: '', lastName: '', company: 'Praxis Am Markt' })).toBe('Praxis Am Markt');
    const vcf = serializeContact({ ...empty, company: 'Küchen Schmidt GmbH' });
    expect(propertyLine(vcf, 'FN')).toBe('FN;CHARSET=UTF-8:Küchen Schmidt GmbH');
    expect(propertyLine(vcf, 'N')).toBe('N:;;;;');
  });

  it('puts the honorific title into N as prefix, with five components', () => {
    const vcf = serializeContact({ ...empty, title: 'Dr.', firstName: 'Anna', lastName: 'Müller' });
    expect(propertyLine(vcf, 'N')).toBe('N;CHARSET=UTF-8:Müller;Anna;;Dr.;');
  });
});

describe('address', () => {
  it('writes seven components: box; extended; street; city; region; postal code; country', () => {
    expect(propertyLine(serializeContact(fullContact), 'ADR')).toBe(
      'ADR;TYPE=WORK;CHARSET=UTF-8:;;Königsallee 12;Düsseldorf;;40212;Deutschland',
    );
  });

  it('is written as soon as one part is present', () => {
    expect(propertyLine(serializeContact({ ...empty, lastName: 'A', city: 'Berlin' }), 'ADR')).toBe('ADR;TYPE=WORK:;;;Berlin;;;');
    expect(propertyLine(serializeContact({ ...empty, lastName: 'A', postalCode: '10115' }), 'ADR')).toBe(
      'ADR;TYPE=WORK:;;;;;10115;',
    );
    expect(propertyLine(serializeContact({ ...empty, lastName: 'A' }), 'ADR')).toBeUndefined();
  });
});

describe('escaping', () => {
  it('escapes backslash, comma and line breaks in text; semicolon only where it separates components', () => {
    const c = { ...empty, firstName: 'a;b', lastName: 'c,d\\e', company: 'X; Y, Z', notes: 'n;o,t\\e\nzwei' };
    const vcf = serializeContact(c);
    expect(propertyLine(vcf, 'N')).toBe('N:c\\,d\\\\e;a\\;b;;;');
    expect(propertyLine(vcf, 'FN')).toBe('FN:a;b c\\,d\\\\e');
    expect(propertyLine(vcf, 'ORG')).toBe('ORG:X\\; Y\\, Z');
    expect(propertyLine(vcf, 'NOTE')).toBe('NOTE:n;o\\,t\\\\e\\nzwei');
    expect(parseWithIcal(vcf)).toEqual([expected(c)]);
  });

  it('turns CRLF, CR and LF alike into \\n, so no input starts a property of its own', () => {
    const c = { ...empty, lastName: 'Evil\r\nTEL:+1999', email: 'a@b.com\r\nTEL:+1999', notes: 'a\r\nb\rc\nd' };
    const vcf = serializeContact(c);
    expect(propertyLine(vcf, 'EMAIL')).toBe('EMAIL;TYPE=INTERNET:a@b.com\\nTEL:+1999');
    expect(propertyLine(vcf, 'NOTE')).toBe('NOTE:a\\nb\\nc\\nd');
    expect(parseWithIcal(vcf)[0]?.filter((p) => p.name === 'TEL')).toEqual([]);
    expect(parseWithIcal(vcf)).toEqual([expected(c)]);
  });

  it('writes the URL verbatim; a stray line break is percent-encoded', () => {
    const url = 'https://example.com/impressum,123.html;x=1?q=a\\b';
    expect(propertyLine(serializeContact({ ...empty, lastName: 'A', website: url }), 'URL')).toBe(`URL:${url}`);
    const vcf = serializeContact({ ...empty, lastName: 'A', website: 'https://a.de/\r\nTEL:1' });
    expect(propertyLine(vcf, 'URL')).toBe('URL:https://a.de/%0D%0ATEL:1');
    expect(contentLines(vcf).filter((l) => l.startsWith('TEL'))).toEqual([]);
  });

  it('adds CHARSET=UTF-8 exactly to the properties with non-ASCII values', () => {
    const vcf = serializeContact({ ...empty, firstName: 'Jörg', lastName: 'Weiss', company: 'ACME', notes: '😀' });
    expect(propertyLine(vcf, 'N')).toBe('N;CHARSET=UTF-8:Weiss;Jörg;;;');
    expect(propertyLine(vcf, 'FN')).toBe('FN;CHARSET=UTF-8:Jörg Weiss');
    expect(propertyLine(vcf, 'ORG')).toBe('ORG:ACME');
    expect(propertyLine(vcf, 'NOTE')).toBe('NOTE;CHARSET=UTF-8:😀');
    expect(vcf.match(/CHARSET/g)).toHaveLength(3);
  });

  it('ical.js 2.2.1 mis-splits a component that ends in a backslash (known; vobject reads it right)', () => {
    // RFC-correct output; ical.js finds the next ";" by looking one character back only.
    const vcf = serializeContact({ ...empty, firstName: 'Anna', lastName: 'Pfad\\' });
    expect(propertyLine(vcf, 'N')).toBe('N:Pfad\\\\;Anna;;;');
    const n = parseWithIcal(vcf)[0]?.find((p) => p.name === 'N');
    expect(n?.values).not.toEqual([['Pfad\\', 'Anna', '', '', '']]);
  });
});

describe('folding', () => {
  it('folds at 75 octets, continuation lines start with a space that counts', () => {
    const notes = 'x'.repeat(300);
    const lines = physicalLines(serializeContact({ ...empty, lastName: 'A', notes }));
    const note = lines.slice(lines.findIndex((l) => l.startsWith('NOTE:')), lines.findIndex((l) => l.startsWith('UID:')));
    expect(note.map(octets)).toEqual([75, 75, 75, 75, 1 + 300 - 70 - 74 * 3]);
    expect(note.slice(1).every((l) => l.startsWith(' ') && !l.startsWith('  '))).toBe(true);
    expect(propertyLine(serializeContact({ ...empty, lastName: 'A', notes }), 'NOTE')).toBe(`NOTE:${notes}`);
  });

  it('never splits a UTF-8 sequence: umlauts, emoji, ZWJ sequences, combining marks', () => {
    for (const piece of ['ä', '😀', '👩‍👩‍👧', 'e\u0301', 'ẞ', '\u{10ffff}']) {
      for (let shift = 0; shift < 4; shift += 1) {
        const notes = 'x'.repeat(shift) + piece.repeat(60);
        const vcf = serializeContact({ ...empty, lastName: 'A', notes });
        expectWellFormed(vcf);
        for (const line of physicalLines(vcf)) {
          // Each physical line on its own is whole UTF-8: no lone surrogate, no cut sequence.
          expect(line).not.toMatch(/\p{Cs}/u);
          expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(utf8.encode(line))).toBe(line);
        }
        expect(propertyLine(vcf, 'NOTE')).toBe(`NOTE;CHARSET=UTF-8:${notes}`);
      }
    }
  });

  it('folds after escaping and keeps escape sequences whole', () => {
    // 'NOTE:x' leaves an odd number of octets on the first line: half a pair would fit there.
    const notes = `x${'\\'.repeat(200)}`;
    const vcf = serializeContact({ ...empty, lastName: 'A', notes });
    const lines = physicalLines(vcf);
    expect(lines.find((l) => l.startsWith('NOTE:'))).toBe(`NOTE:x${'\\\\'.repeat(34)}`);
    for (const line of lines.filter((l) => l.startsWith(' '))) expect(line).toMatch(/^ (\\\\)+$/);
    expect(propertyLine(vcf, 'NOTE')).toBe(`NOTE:x${'\\\\'.repeat(200)}`);
  });

  it('does not start a continuation line with ":" when it can be avoided', () => {
    for (let shift = 0; shift < 80; shift += 1) {
      const notes = `a;${'b'.repeat(shift)}:::c:${'d'.repeat(80)}:e`;
      const vcf = serializeContact({ ...empty, lastName: 'A', notes });
      expectWellFormed(vcf);
      expect(parseWithIcal(vcf)).toEqual([expected({ ...empty, lastName: 'A', notes })]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Any input.

// ical.js 2.2.1 cannot read a component of N or ADR that ends in a backslash when another
// component follows (see the test above and docs/vcard.md); vobject covers those.
const endsInBackslash = (v: string) => v.endsWith('\\');
const icalReadable = (c: VCardContact) =>
  ![c.lastName, c.firstName, c.title, c.street, c.city, c.postalCode].some(endsInBackslash);

describe('any input (fast-check)', () => {
  it('ical.js reads back exactly the values, parameters and properties', () => {
    assertProperty(
      fc.property(anyContact.filter(icalReadable), (c) => {
        const vcf = serializeContact(c);
        expectWellFormed(vcf);
        expect(parseWithIcal(vcf)).toEqual([expected(c)]);
      }),
      { numRuns: 500 },
    );
  });

  it('several cards in one file stay apart', () => {
    assertProperty(
      fc.property(fc.array(anyContact.filter(icalReadable), { maxLength: 5 }), (cs) => {
        const vcf = serializeContacts(cs);
        expect(vcf.split('BEGIN:VCARD\r\n')).toHaveLength(cs.length + 1);
        if (cs.length > 0) expect(parseWithIcal(vcf)).toEqual(cs.map(expected));
      }),
      { numRuns: 100 },
    );
  });

  it('no field, whatever it holds, adds a property or a card', () => {
    const hostile = fc.oneof(
      anyText,
      fc.constantFrom('a@b.com\r\nTEL:+1999', 'x\nEND:VCARD\r\nBEGIN:VCARD', '\r', '\n', 'x\r\n NOTE:y', 'https://a.de/\nURL:x'),
    );
    const hostileContact = fc.record({
      id: fc.oneof(contactId, hostile),
      position: hostile,
      company: hostile,
      title: hostile,
      firstName: hostile,
      lastName: hostile,
      street: hostile,
      postalCode: hostile,
      city: hostile,
      country: hostile,
      phone: hostile,
      mobile: hostile,
      email: hostile,
      website: hostile,
      notes: hostile,
      updatedAt,
    });
    assertProperty(
      fc.property(hostileContact, (c) => {
        const vcf = serializeContact(c);
        expectWellFormed(vcf);
        const names = expected(c).map((p) => p.name);
        const lineNames = contentLines(vcf).map((line) => /^[A-Z]+[;:]/.exec(line)?.[0].slice(0, -1));
        expect(lineNames).toEqual(['BEGIN', ...names, 'END']);
        const cards = parseWithIcal(vcf);
        expect(cards).toHaveLength(1);
        expect(cards[0]?.map((p) => p.name)).toEqual(names);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('contentDisposition', () => {
  const parts = (header: string) => {
    const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([^\s;"]*)$/.exec(header);
    if (!match) throw new Error(`unexpected header: ${header}`);
    return { ascii: match[1] ?? '', encoded: match[2] ?? '', decoded: decodeURIComponent(match[2] ?? '') };
  };

  it('transliterates German letters for the ASCII name and keeps the real name in filename*', () => {
    expect(contentDisposition('Dr. Anna Müller')).toBe(
      `attachment; filename="Dr. Anna Mueller.vcf"; filename*=UTF-8''Dr.%20Anna%20M%C3%BCller.vcf`,
    );
    expect(parts(contentDisposition('ÄÖÜ äöü ß ẞ')).ascii).toBe('AeOeUe aeoeue ss SS.vcf');
    expect(parts(contentDisposition('Küchen Schmidt GmbH')).decoded).toBe('Küchen Schmidt GmbH.vcf');
  });

  it('strips other diacritics and replaces the rest with "_"', () => {
    expect(parts(contentDisposition('Crème brûlée São Paulo')).ascii).toBe('Creme brulee Sao Paulo.vcf');
    expect(parts(contentDisposition('Wohnung 3 (Öko) & Co')).ascii).toBe('Wohnung 3 _Oeko_ _ Co.vcf');
    expect(parts(contentDisposition('Bau 😀😀 Süd')).ascii).toBe('Bau _ Sued.vcf');
    expect(parts(contentDisposition('Łódź')).ascii).toBe('Lodz.vcf');
  });

  it('keeps quotes, backslashes and line breaks out of the header in every form', () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x=1\r\n"');
    expect(header).toBe(`attachment; filename="a_b_c_Set-Cookie_ x_1.vcf"; filename*=UTF-8''a_b_c_Set-Cookie_%20x%3D1.vcf`);
  });

  it('falls back to "kontakte" when nothing usable is left', () => {
    expect(contentDisposition('')).toBe(`attachment; filename="kontakte.vcf"; filename*=UTF-8''kontakte.vcf`);
    expect(contentDisposition(' \r\n"\\ ')).toBe(`attachment; filename="kontakte.vcf"; filename*=UTF-8''kontakte.vcf`);
    expect(parts(contentDisposition('🏠')).ascii).toBe('kontakte.vcf');
    expect(parts(contentDisposition('🏠')).decoded).toBe('🏠.vcf');
  });

  it('escapes the characters RFC 5987 does not allow bare', () => {
    expect(parts(contentDisposition("l'été (neu)")).encoded).toBe('l%27%C3%A9t%C3%A9%20%28neu%29.vcf');
  });

  it('drops bidi controls that could fake the extension', () => {
    expect(parts(contentDisposition('rechnung\u202efdp.exe')).decoded).toBe('rechnung_fdp.exe.vcf');
  });

  it('caps long names at 100 characters, never inside a character', () => {
    const { ascii, decoded } = parts(contentDisposition('ä'.repeat(300)));
    expect(ascii).toBe(`${'ae'.repeat(50)}.vcf`);
    expect(decoded).toBe(`${'ä'.repeat(100)}.vcf`);
    expect(parts(contentDisposition('😀'.repeat(150))).decoded).toBe(`${'😀'.repeat(100)}.vcf`);
  });

  it('is always a well-formed header value (fast-check)', () => {
    assertProperty(
      fc.property(fc.string({ unit: fc.oneof(unit, fc.constantFrom('"', '\\', '\r', '\n', '/', '%', "'")) }), (name) => {
        const header = contentDisposition(name);
        const { ascii, encoded, decoded } = parts(header);
        expect(ascii).toMatch(/^[A-Za-z0-9 ._-]{1,100}\.vcf$/);
        expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
        expect(header.match(/"/g)).toHaveLength(2);
        expect(header).not.toMatch(/[\\\r\n]|%22|%5C|%0D|%0A/i);
        expect(Array.from(decoded).length).toBeLessThanOrEqual(104);
      }),
      { numRuns: 500 },
    );
  });
});
