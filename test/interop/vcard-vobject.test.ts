// The exported vCards read back by an independent parser: Python's vobject (what Radicale uses),
// run as Debian's /usr/bin/python3 through scripts/vobject_roundtrip.py. Every card must come
// back with exactly the stored values, parameters and properties, nothing more.
import { describe, expect, it } from 'vitest';
import { serializeContact, serializeContacts, type VCardContact } from '../../src/contacts/vcard';
import { sampleWithSeed, seedHint } from '../property';
import { anyContactWith, anyUrl, type ExpectedProperty, emptyContact, expectedProperties as sharedExpected } from '../vcard-fixtures';
import { type RoundTripReport, runRoundTrip } from './python';

/** Written as CATEGORIES into every card (contract §7): a list, so its comma is escaped. */
const ASSET_NAME = 'Lindenhof, Wohnung 12; Haus "Süd" \\ END:VCARD';
const options = { assetName: ASSET_NAME };

/**
 * What vobject must read (test/vcard-fixtures.ts), in its shapes: ORG and CATEGORIES are lists
 * (one CATEGORIES entry shows that the escaped comma stayed inside the name); `url` where it
 * reads URL differently.
 */
function expectedProperties(c: VCardContact, url?: string): ExpectedProperty[] {
  return sharedExpected(c, ASSET_NAME).map((property) => {
    if ((property.name === 'ORG' || property.name === 'CATEGORIES') && typeof property.value === 'string')
      return { ...property, value: [property.value] };
    if (property.name === 'URL' && url !== undefined) return { ...property, value: url };
    return property;
  });
}

const longWord = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller';
const tricky: VCardContact[] = [
  {
    ...emptyContact,
    id: 'full',
    position: 'Küchenbauer',
    company: 'Küchen Schmidt GmbH & Co. KG',
    title: 'Dr.',
    firstName: 'Anna-Lena',
    lastName: 'Müller-Lüdenscheidt',
    street: 'Große Straße 5a',
    postalCode: '10115',
    city: 'Berlin',
    country: 'Deutschland',
    phone: '+49 (0)30 / 123-45.6',
    mobile: '+49 171 1234567',
    email: 'anna@küchen-schmidt.de',
    website: 'https://www.küchen-schmidt.de/kontakt?x=1&y=2#top',
    notes: 'Aufmaß am Montag; danach Angebot, dann\nBestellung \\ Lieferung\n\nLetzte Zeile',
  },
  { ...emptyContact, id: 'company-only', company: 'Küchen Schmidt GmbH' },
  { ...emptyContact, id: 'title-no-name', title: 'Prof.', company: 'Bau; Planung, Statik \\ GmbH' },
  {
    ...emptyContact,
    id: 'separators',
    firstName: 'a;b,c\\d',
    lastName: '\\',
    title: ';',
    street: '\\',
    city: ',',
    postalCode: ';;',
    country: '\\n',
    position: 'x\\;y\\,z',
    notes: '\\\\;;,,\\n\\N"\':=^',
  },
  {
    ...emptyContact,
    id: 'unicode',
    firstName: 'שלום',
    lastName: 'مرحبا',
    company: '👩‍👩‍👧 Familie 🏠',
    notes: `Ce\u0301dric e\u0301\u0301\u0301 ${'😀'.repeat(40)} ${longWord.repeat(3)}`,
    city: '\u202eevil\u202c',
  },
  {
    ...emptyContact,
    id: 'colons',
    lastName: 'Colon',
    notes: `x;${'y'.repeat(70)}:::::${':'.repeat(200)}:z`,
    position: `${'a'.repeat(55)}::b`,
  },
  { ...emptyContact, id: 'url-semicolon', lastName: 'Url', website: 'https://example.com/a;b=c?d=e&f=%2C' },
  {
    ...emptyContact,
    id: 'injection',
    lastName: 'Evil\r\nTEL:+1999',
    firstName: 'Eve\rX-INJECTED:1',
    email: 'a@b.com\r\nTEL:+1999',
    company: 'Firma\nEND:VCARD\nBEGIN:VCARD',
    notes: 'Zeile 1\r\nZeile 2\rZeile 3\nNOTE:boom',
  },
  {
    ...emptyContact,
    id: 'card-markers',
    lastName: 'END:VCARD',
    position: `${'x'.repeat(60)}BEGIN:VCARD`,
    notes: 'Vorlage:\nEND:VCARD\nBEGIN:VCARD\nFN:Fake\nend:vcard',
  },
  { ...emptyContact, id: 'whitespace', firstName: '  Anna  ', notes: ' \t leading and trailing \t ', city: ' ' },
];

// vobject 0.9.6 reads URL as TEXT, against RFC 2426 §3.6.8 (value type uri, no escaping): an
// unescaped comma ends the value there and backslash sequences are unescaped. We keep writing
// the URL verbatim (RFC, ical.js reads it so); these cases pin vobject's reading, so a change on
// either side is noticed. Everything else in these cards must still match exactly.
const urlDeviations: { contact: VCardContact; vobjectUrl: string }[] = [
  {
    contact: { ...emptyContact, id: 'url-comma', lastName: 'Komma', website: 'https://example.com/impressum,123.html' },
    vobjectUrl: 'https://example.com/impressum',
  },
  {
    contact: { ...emptyContact, id: 'url-backslash', lastName: 'Backslash', website: 'https://example.com/a\\,b\\\\c' },
    vobjectUrl: 'https://example.com/a,b\\c',
  },
];

// Generated contacts (test/vcard-fixtures.ts); the URL also avoids the two characters vobject
// reads differently (above).
const contact = anyContactWith(anyUrl.map((url) => url.replace(/[,\\]/g, '')));

/** Reads every NAME.vcf through vobject and compares it with NAME.json (scripts/vobject_roundtrip.py). */
function runVobject(files: Record<string, { vcf: string; expected: ExpectedProperty[][] }>): RoundTripReport<'cards'> {
  const written: Record<string, string> = {};
  for (const [name, { vcf, expected }] of Object.entries(files)) {
    written[`${name}.vcf`] = vcf;
    written[`${name}.json`] = JSON.stringify(expected);
  }
  return runRoundTrip({ script: 'vobject_roundtrip.py', module: 'vobject', debianPackage: 'python3-vobject', count: 'cards' }, written);
}

describe('vobject reads back every export exactly', () => {
  it('fixed tricky contacts, one file each and all in one file', () => {
    const files: Record<string, { vcf: string; expected: ExpectedProperty[][] }> = {
      all: { vcf: serializeContacts(tricky, options), expected: tricky.map((c) => expectedProperties(c)) },
    };
    for (const c of tricky) files[c.id] = { vcf: serializeContact(c, options), expected: [expectedProperties(c)] };
    const report = runVobject(files);
    expect(report.mismatches).toEqual([]);
    expect(report).toMatchObject({ files: tricky.length + 1, cards: tricky.length * 2 });
  });

  it('URL: vobject reads it as TEXT (documented deviation), everything else still exact', () => {
    for (const { contact: c } of urlDeviations) {
      expect(serializeContact(c, options)).toContain(`\r\nURL:${c.website}\r\n`);
    }
    const report = runVobject({
      deviations: {
        vcf: serializeContacts(
          urlDeviations.map((d) => d.contact),
          options,
        ),
        expected: urlDeviations.map((d) => expectedProperties(d.contact, d.vobjectUrl)),
      },
    });
    expect(report.mismatches).toEqual([]);
    expect(report.cards).toBe(urlDeviations.length);
  });

  it('200 generated contacts', () => {
    const contacts = sampleWithSeed(contact, 200);
    const report = runVobject({
      generated: { vcf: serializeContacts(contacts, options), expected: contacts.map((c) => expectedProperties(c)) },
    });
    expect(report.mismatches, seedHint).toEqual([]);
    expect(report.cards).toBe(200);
  });
});
