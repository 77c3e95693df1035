// The exported vCards read back by an independent parser: Python's vobject (what Radicale uses),
// run as Debian's /usr/bin/python3 through scripts/vobject_roundtrip.py. Every card must come
// back with exactly the stored values, parameters and properties, nothing more.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { displayName, serializeContact, serializeContacts, type VCardContact } from '../../src/contacts/vcard';

import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../scripts/vobject_roundtrip.py', import.meta.url).pathname;

interface ExpectedProperty {
  name: string;
  params: Record<string, string[]>;
  value: string | string[];
}

const NON_ASCII = /[^\x00-\x7f]/;

/** What a reader must get back: line breaks of any kind come back as LF (vCard's only one). */
function lineBreaksAsLf(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

function property(name: string, type: string[], value: string | string[]): ExpectedProperty {
  const params: Record<string, string[]> = {};
  if (type.length > 0) params['TYPE'] = type;
  const values = typeof value === 'string' ? [value] : value;
  if (values.some((v) => NON_ASCII.test(v))) params['CHARSET'] = ['UTF-8'];
  return { name, params, value };
}

function expectedProperties(c: VCardContact, url: string = c.website): ExpectedProperty[] {
  const t = lineBreaksAsLf;
  const props = [
    property('VERSION', [], '3.0'),
    property('PRODID', [], '-//PROPSTER//Kontakte//DE'),
    property('N', [], [t(c.lastName), t(c.firstName), '', t(c.title), '']),
    property('FN', [], t(displayName(c))),
    property('UID', [], `kontakte-${c.id}`),
    property('REV', [], `${new Date(c.updatedAt).toISOString().slice(0, 19)}Z`),
  ];
  if (c.company !== '') props.push(property('ORG', [], [t(c.company)]));
  if (c.position !== '') props.push(property('TITLE', [], t(c.position)), property('ROLE', [], t(c.position)));
  if ([c.street, c.postalCode, c.city, c.country].some((v) => v !== '')) {
    props.push(property('ADR', ['WORK'], ['', '', t(c.street), t(c.city), '', t(c.postalCode), t(c.country)]));
  }
  if (c.phone !== '') props.push(property('TEL', ['WORK', 'VOICE'], c.phone));
  if (c.mobile !== '') props.push(property('TEL', ['CELL'], c.mobile));
  if (c.email !== '') props.push(property('EMAIL', ['INTERNET'], t(c.email)));
  if (c.website !== '') props.push(property('URL', [], url));
  if (c.notes !== '') props.push(property('NOTE', [], t(c.notes)));
  return props;
}

const base: VCardContact = {
  id: 'c1',
  position: '',
  company: '',
  title: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  country: '',
  phone: '',
  mobile: '',
  email: '',
  website: '',
  notes: '',
  updatedAt: Date.UTC(2026, 10, 29, 3, 36, 46, 512),
};

const longWord = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller';
const tricky: VCardContact[] = [
  {
    ...base,
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
  { ...base, id: 'company-only', company: 'Küchen Schmidt GmbH' },
  { ...base, id: 'title-no-name', title: 'Prof.', company: 'Bau; Planung, Statik \\ GmbH' },
  {
    ...base,
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
    ...base,
    id: 'unicode',
    firstName: 'שלום',
    lastName: 'مرحبا',
    company: '👩‍👩‍👧 Familie 🏠',
    notes: `Ce\u0301dric e\u0301\u0301\u0301 ${'😀'.repeat(40)} ${longWord.repeat(3)}`,
    city: '\u202eevil\u202c',
  },
  {
    ...base,
    id: 'colons',
    lastName: 'Colon',
    notes: `x;${'y'.repeat(70)}:::::${':'.repeat(200)}:z`,
    position: `${'a'.repeat(55)}::b`,
  },
  { ...base, id: 'url-semicolon', lastName: 'Url', website: 'https://example.com/a;b=c?d=e&f=%2C' },
  {
    ...base,
    id: 'injection',
    lastName: 'Evil\r\nTEL:+1999',
    firstName: 'Eve\rX-INJECTED:1',
    email: 'a@b.com\r\nTEL:+1999',
    company: 'Firma\nEND:VCARD\nBEGIN:VCARD',
    notes: 'Zeile 1\r\nZeile 2\rZeile 3\nNOTE:boom',
  },
  { ...base, id: 'whitespace', firstName: '  Anna  ', notes: ' \t leading and trailing \t ', city: ' ' },
];

// vobject 0.9.6 reads URL as TEXT, against RFC 2426 §3.6.8 (value type uri, no escaping): an
// unescaped comma ends the value there and backslash sequences are unescaped. We keep writing
// the URL verbatim (RFC, ical.js reads it so); these cases pin vobject's reading, so a change on
// either side is noticed. Everything else in these cards must still match exactly.
const urlDeviations: { contact: VCardContact; vobjectUrl: string }[] = [
  {
    contact: { ...base, id: 'url-comma', lastName: 'Komma', website: 'https://example.com/impressum,123.html' },
    vobjectUrl: 'https://example.com/impressum',
  },
  {
    contact: { ...base, id: 'url-backslash', lastName: 'Backslash', website: 'https://example.com/a\\,b\\\\c' },
    vobjectUrl: 'https://example.com/a,b\\c',
  },
];

// Generated contacts. Phone numbers follow the form's rule (digits, +, spaces, / - ( ) .), the
// URL avoids the two characters vobject reads differently (above); everything else is any
// Unicode, with the characters that matter for vCard on purpose.
const specials = [';', ',', '\\', ':', '"', ' ', '\t', '\n', '\r', '\r\n', 'n', 'N', '=', '^', 'ä', 'ß', 'Ü',
  '😀', '👩‍👩‍👧', '\u0301', 'שלום', '\u202e', '\u2028', '\u0085', '\ufeff', '\u00a0', '\u0000'];
const unit = fc.oneof(
  fc.constantFrom(...specials),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
const text = fc.oneof(fc.constant(''), fc.string({ unit, maxLength: 90 }));
const phone = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...'0123456789 +/-().'), minLength: 3, maxLength: 25 }),
);
const website = fc.oneof(
  fc.constant(''),
  fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
  fc.string({ unit, maxLength: 60 }).map((s) => `https://example.de/${s}`),
).map((url) => url.replace(/[\r\n,\\]/g, ''));
const contact: fc.Arbitrary<VCardContact> = fc.record({
  id: fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 1, maxLength: 24 }),
  position: text,
  company: text,
  title: text,
  firstName: text,
  lastName: text,
  street: text,
  postalCode: text,
  city: text,
  country: text,
  phone,
  mobile: phone,
  email: text,
  website,
  notes: fc.oneof(text, fc.string({ unit, maxLength: 400 })),
  updatedAt: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) }),
});

interface Report {
  files: number;
  cards: number;
  mismatches: unknown[];
}

function isReport(value: unknown): value is Report {
  return (
    typeof value === 'object' &&
    value !== null &&
    'files' in value &&
    typeof value.files === 'number' &&
    'cards' in value &&
    typeof value.cards === 'number' &&
    'mismatches' in value &&
    Array.isArray(value.mismatches)
  );
}

let dir = '';
afterEach(() => {
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function runVobject(files: Record<string, { vcf: string; expected: ExpectedProperty[][] }>): Report {
  dir = fs.mkdtempSync(`${os.tmpdir()}/kontakte-vobject-`);
  for (const [name, { vcf, expected }] of Object.entries(files)) {
    fs.writeFileSync(`${dir}/${name}.vcf`, vcf, 'utf8');
    fs.writeFileSync(`${dir}/${name}.json`, JSON.stringify(expected), 'utf8');
  }
  const run = childProcess.spawnSync(PYTHON, [SCRIPT, dir], { encoding: 'utf8' });
  expect(run.error, 'could not start /usr/bin/python3').toBeUndefined();
  let report: unknown;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`vobject_roundtrip.py printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  if (!isReport(report)) throw new Error(`unexpected report: ${run.stdout}`);
  return report;
}

describe('vobject reads back every export exactly', () => {
  it('fixed tricky contacts, one file each and all in one file', () => {
    const files: Record<string, { vcf: string; expected: ExpectedProperty[][] }> = {
      all: { vcf: serializeContacts(tricky), expected: tricky.map((c) => expectedProperties(c)) },
    };
    for (const c of tricky) files[c.id] = { vcf: serializeContact(c), expected: [expectedProperties(c)] };
    const report = runVobject(files);
    expect(report.mismatches).toEqual([]);
    expect(report).toMatchObject({ files: tricky.length + 1, cards: tricky.length * 2 });
  });

  it('URL: vobject reads it as TEXT (documented deviation), everything else still exact', () => {
    for (const { contact: c } of urlDeviations) {
      expect(serializeContact(c)).toContain(`\r\nURL:${c.website}\r\n`);
    }
    const report = runVobject({
      deviations: {
        vcf: serializeContacts(urlDeviations.map((d) => d.contact)),
        expected: urlDeviations.map((d) => expectedProperties(d.contact, d.vobjectUrl)),
      },
    });
    expect(report.mismatches).toEqual([]);
    expect(report.cards).toBe(urlDeviations.length);
  });

  it('200 generated contacts', () => {
    const seed = Date.now();
    const contacts = fc.sample(contact, { numRuns: 200, seed });
    const report = runVobject({
      generated: { vcf: serializeContacts(contacts), expected: contacts.map((c) => expectedProperties(c)) },
    });
    expect(report.mismatches, `fast-check seed ${seed}`).toEqual([]);
    expect(report.cards).toBe(200);
  });
});
