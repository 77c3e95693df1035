// The exported vCards read back by an independent parser: Python's vobject (what Radicale uses),
// run as Debian's /usr/bin/python3 through scripts/vobject_roundtrip.py. Every card must come
// back with exactly the stored values, parameters and properties, nothing more.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeContact, serializeContacts, type VCardContact } from '../../src/contacts/vcard';
import { sampleWithSeed, seedHint } from '../property';
import { anyContactWith, anyUrl, emptyContact, type ExpectedProperty, expectedProperties as sharedExpected } from '../vcard-fixtures';

const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../scripts/vobject_roundtrip.py', import.meta.url).pathname;

/** What vobject must read (test/vcard-fixtures.ts), in its shapes: ORG is a list of components; `url` where it reads URL differently. */
function expectedProperties(c: VCardContact, url?: string): ExpectedProperty[] {
  return sharedExpected(c).map((property) => {
    if (property.name === 'ORG' && typeof property.value === 'string') return { ...property, value: [property.value] };
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

// Strict on purpose: without Debian's python3-vobject every test here fails (a failing hook
// would only mark them skipped). CI (.ci/run) installs it; `npm test` does not run this suite,
// `npm run test:interop` does.
function requireVobject(): void {
  const probe = childProcess.spawnSync(PYTHON, ['-c', 'import vobject'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${PYTHON} cannot import vobject (apt-get install python3 python3-vobject): ${probe.error?.message ?? probe.stderr.trim()}`);
  }
}

function runVobject(files: Record<string, { vcf: string; expected: ExpectedProperty[][] }>): Report {
  requireVobject();
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
    const contacts = sampleWithSeed(contact, 200);
    const report = runVobject({
      generated: { vcf: serializeContacts(contacts), expected: contacts.map((c) => expectedProperties(c)) },
    });
    expect(report.mismatches, seedHint).toEqual([]);
    expect(report.cards).toBe(200);
  });
});
