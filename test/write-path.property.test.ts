// Property tests of the write path (issue 7): arbitrary form bodies through HTTP never produce
// a 5xx, never store a contact that breaks the contract's rules (§5), and a valid one reads back
// exactly (stored row, detail page, edit form). The oracle below is written from the contract,
// not from src/contacts/schema.ts: for each generated body it says "must be accepted", "must be
// refused" or "either" (where the contract leaves room, e.g. what "plausible" means for e-mail).
// Lone surrogates cannot survive UTF-8 form encoding (they arrive as U+FFFD), so the zod schema
// is also tested directly with them.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePoints as appCodePoints, contactInput } from '../src/contacts/schema';
import { anna, ORIGIN, seedContacts, send, type TestUser } from './helpers';
import { escapeHtml, formValue } from './html-values';
import { assertAsyncProperty, assertProperty } from './property';

// ---- the contract's rules, as an oracle ----------------------------------------------------

const FIELDS = [
  'position',
  'company',
  'title',
  'first_name',
  'last_name',
  'street',
  'postal_code',
  'city',
  'country',
  'phone',
  'mobile',
  'email',
  'website',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];
type Form = Partial<Record<Field, string>>;
type Verdict = 'valid' | 'invalid' | 'unknown';

/** Contract §5 limits, in code points. Phone, mobile and website have none in the contract. */
const LIMITS: Readonly<Record<Field, number | undefined>> = {
  position: 100,
  company: 200,
  title: 50,
  first_name: 100,
  last_name: 100,
  street: 200,
  postal_code: 20,
  city: 100,
  country: 100,
  phone: undefined,
  mobile: undefined,
  email: 254,
  website: undefined,
  notes: 2000,
};
/** Limits the app documents beyond the contract (src/contacts/schema.ts): past them, either answer is fine. */
const APP_LIMITS: Readonly<Partial<Record<Field, number>>> = { phone: 40, mobile: 40, website: 2000 };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/** Controls, and the line and paragraph separators U+2028/U+2029 (contract §5). */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_LF = /[^\P{Cc}\n]|[\u2028\u2029]/u;

const codePoints = (value: string) => [...value].length;

/** What UTF-8 form encoding does to a lone surrogate: U+FFFD. */
const overHttp = (value: string) => value.replace(LONE_SURROGATES, '\ufffd');

/** Contract §5 normalisation: the bidi embeddings, overrides and isolates dropped; a tab a space; trim; CRLF → LF in notes (a lone CR is a line break too); https:// before a bare domain. */
function normalise(field: Field, raw: string): string {
  let value = raw
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\t/g, ' ')
    .trim();
  if (field === 'notes') value = value.replace(/\r\n?/g, '\n');
  if (field === 'website' && value !== '' && !/^https?:\/\//i.test(value)) value = `https://${value}`;
  return value;
}

const LOCAL_PART = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
const URL_LIKE =
  /^(?:https?:\/\/)?(?:[a-z0-9äöüß](?:[a-z0-9äöüß-]*[a-z0-9äöüß])?\.)+[a-z]{2,}(?::\d{1,4})?(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?$/i;
const FOREIGN_SCHEME = /^(?:javascript|data|vbscript|file|ftp|mailto|tel|blob):/i;

/** The verdict for one typed value (before normalisation). */
function judgeField(field: Field, raw: string): Verdict {
  const value = normalise(field, raw);
  if ((field === 'notes' ? CONTROL_EXCEPT_LF : CONTROL).test(value) || LONE_SURROGATE.test(value)) return 'invalid';
  const limit = LIMITS[field];
  if (limit !== undefined && codePoints(value) > limit) return 'invalid';
  if (value === '') return 'valid';
  const appLimit = APP_LIMITS[field];
  const beyondAppLimit = appLimit !== undefined && codePoints(value) > appLimit;
  switch (field) {
    case 'phone':
    case 'mobile': {
      if (/[^0-9 +/().-]/.test(value)) return /[^\P{Nd}0-9]/u.test(value) ? 'unknown' : 'invalid';
      const digits = value.replace(/\D/g, '').length;
      if (value.lastIndexOf('+') > 0 || digits < 3 || digits > 20) return 'invalid';
      // A trunk 0 after a country code is not dialled ("+31 0" is "+31", too short; contract
      // departures, stop 59): whether a short one counts is the app's rule, held by test/contacts.test.ts.
      if (digits < 6 && /^(?:\+|00)[1-9]\d{0,2}[\s./-]*\(?\s*0/.test(value.trim())) return 'unknown';
      return beyondAppLimit ? 'unknown' : 'valid';
    }
    case 'email': {
      const parts = value.split('@');
      if (/\s/.test(value) || parts.length !== 2 || !parts[0] || !parts[1]) return 'invalid';
      return LOCAL_PART.test(parts[0]) && DOMAIN.test(parts[1]) ? 'valid' : 'unknown';
    }
    case 'website': {
      const typed = raw.trim();
      if (FOREIGN_SCHEME.test(typed) || /\s/.test(typed)) return 'invalid';
      return URL_LIKE.test(typed) && !beyondAppLimit ? 'valid' : 'unknown';
    }
    default:
      return 'valid';
  }
}

/**
 * The app's rule beyond the shared contract (docs/contract.md §5): with the country Germany
 * (Deutschland, Germany, DE, D, BRD, any case), a postcode a form types has five digits, also
 * written "D-80333" or "80 333". The schema alone does not check it; the routes do. Written from
 * the documentation: the plain spellings must be accepted, other spacing or hyphens around five digits
 * may go either way, and the rest is refused.
 */
function judgeGermanPostcode(form: Form): Verdict {
  const country = normalise('country', form.country ?? '');
  const postcode = normalise('postal_code', form.postal_code ?? '');
  if (postcode === '' || !['deutschland', 'germany', 'de', 'd', 'brd'].includes(country.toLowerCase())) return 'valid';
  if (/^(?:D-|DE-|DE |D )?\d{5}$|^\d\d \d{3}$/i.test(postcode)) return 'valid';
  // Other spacing and hyphens around five digits and a leading D or DE; anything else (a letter
  // after the digits, a city typed into the field) is none.
  return /^(?:de?)?[\s-]*(?:\d[\s-]*){5}$/i.test(postcode) ? 'unknown' : 'invalid';
}

/**
 * The app's rule beyond the shared contract (docs/contract.md §5): a phone field a form types
 * holds one number, so two with a slash (or two), an en dash or a hyphen with a space beside it
 * between ("089 123456 / 0171 2345678": six digits or more before it, the last right before it,
 * then a 0 or + perhaps in brackets and five digits or more) are refused; a slash after an area
 * code ("089/3100 200") or before an extension ("089 3100200 / 0") is one number.
 */
function judgeOneNumber(form: Form): Verdict {
  const two = /(\d\D*){5}\d(\s*(\/+|–)\s*|\s+-\s*|-\s+)\(?[+0](\D*\d){5}/;
  return (['phone', 'mobile'] as const).some((field) => two.test(normalise(field, form[field] ?? ''))) ? 'invalid' : 'valid';
}

/** A character that shows (contract §5): a letter, digit, punctuation or symbol, not a blank letter (Hangul fillers, braille blank). */
const SHOWS = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LETTERS = /[\u115f\u1160\u2800\u3164\uffa0]/gu;
/** Private-use and unassigned code points: whether they show depends on a font; either answer is fine. */
const MAY_SHOW = /[\p{Co}\p{Cn}]/u;

/** Whether the form names the contact (contract §5: first name, last name or company, with a character that shows). */
function judgeName(form: Form): Verdict {
  const names = (['first_name', 'last_name', 'company'] as const).map((field) =>
    normalise(field, form[field] ?? '').replace(BLANK_LETTERS, ''),
  );
  if (names.some((name) => SHOWS.test(name))) return 'valid';
  return names.some((name) => MAY_SHOW.test(name)) ? 'unknown' : 'invalid';
}

/** The verdict for a whole form; `typed` adds the checks the routes make of what a form typed. */
function judgeForm(form: Form, typed = false): Verdict {
  const verdicts = FIELDS.map((field) => judgeField(field, form[field] ?? ''));
  if (typed) verdicts.push(judgeGermanPostcode(form), judgeOneNumber(form));
  // (Since stop 52 a name must show; the model said only "not empty", and a seed that drew an
  // unassigned code point as the company failed: CI, stop 53.)
  verdicts.push(judgeName(form));
  if (verdicts.includes('invalid')) return 'invalid';
  return verdicts.includes('unknown') ? 'unknown' : 'valid';
}

/** The 14 stored fields a body must produce when accepted: a country alone is no address (contract §5). */
function expectedStored(form: Form): Record<Field, string> {
  const stored = Object.fromEntries(FIELDS.map((field) => [field, normalise(field, form[field] ?? '')])) as Record<Field, string>;
  if (!stored.street && !stored.postal_code && !stored.city) stored.country = '';
  return stored;
}

/** Every stored contact satisfies the contract's rules, whatever came in. */
function expectContractValid(row: Record<string, unknown>): void {
  const value = (field: Field): string => {
    const stored = row[field];
    expect(typeof stored, field).toBe('string');
    return typeof stored === 'string' ? stored : '';
  };
  for (const field of FIELDS) {
    const stored = value(field);
    expect(stored, `${field} trimmed`).toBe(stored.trim());
    expect(LONE_SURROGATE.test(stored), `${field} lone surrogate`).toBe(false);
    expect((field === 'notes' ? CONTROL_EXCEPT_LF : CONTROL).test(stored), `${field} control characters`).toBe(false);
    const limit = LIMITS[field];
    if (limit !== undefined) expect(codePoints(stored), `${field} length`).toBeLessThanOrEqual(limit);
  }
  expect(
    [value('first_name'), value('last_name'), value('company')].some((name) => name !== ''),
    'a name',
  ).toBe(true);
  for (const field of ['phone', 'mobile'] as const) {
    const phone = value(field);
    if (phone === '') continue;
    expect(phone, field).toMatch(/^\+?[0-9 /().-]+$/);
    const digits = phone.replace(/\D/g, '').length;
    expect(digits, `${field} digits`).toBeGreaterThanOrEqual(3);
    expect(digits, `${field} digits`).toBeLessThanOrEqual(20);
  }
  const email = value('email');
  if (email !== '') expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u);
  const website = value('website');
  if (website !== '') {
    expect(website).toMatch(/^https?:\/\//i);
    expect(['http:', 'https:']).toContain(new URL(website).protocol);
  }
}

// ---- generators ---------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));
const SPECIALS = [
  'ä',
  'ö',
  'ü',
  'Ä',
  'Ö',
  'Ü',
  'ß',
  'ẞ',
  'é',
  'e\u0301',
  '\u0308',
  '\u0301\u0301', // umlauts, combining marks
  '😀',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  '🏳️‍🌈',
  '👍🏽', // emoji incl. ZWJ, flags, skin tones
  'ש',
  'ל',
  'ו',
  'م',
  'ر',
  '\u200f',
  '\u200e',
  '\u202e',
  '\u2067', // RTL and bidi controls (format, not Cc)
  '\u00a0',
  '\u2028',
  '\ufffd',
  '\ufeff',
  '\u200b',
  '\uffff',
  '\u{10ffff}',
  '\ue000',
  ';',
  ',',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '&',
  '%',
  '_',
  ':',
  '=',
  ' ',
  '-',
  '.',
  '/',
  '(',
  ')',
  '@',
  '+',
  '#',
  '`',
  '{',
  '}',
];
/** Anything but control characters (lone surrogates included: HTTP turns them into U+FFFD). */
const printable = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const anything = fc.oneof(
  { weight: 8, arbitrary: printable },
  { weight: 1, arbitrary: controlCharacter },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const edge = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000');

/** Nine in ten values are of the kind a person types (mostly valid); one in ten is hostile. */
function mostlyClean(clean: fc.Arbitrary<string>, hostile: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 9, arbitrary: clean }, { weight: 1, arbitrary: hostile });
}

/** A value of exactly `codePointCount` code points made of one repeated unit. */
const repeated = (units: readonly string[], min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(...units), fc.integer({ min, max }))
    .map(([unit, codePointCount]) => [...unit.repeat(codePointCount)].slice(0, codePointCount).join(''));

function textArb(limit: number) {
  return mostlyClean(
    fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(edge, fc.string({ unit: printable, maxLength: Math.min(limit, 25) }), edge).map((parts) => parts.join('')),
      },
      { weight: 1, arbitrary: repeated(['x', 'ä', '😀', 'e\u0301', '👩‍👩‍👧‍👦'], limit - 3, limit) },
    ),
    fc.oneof(fc.string({ unit: anything, maxLength: 30 }), repeated(['x', 'ä', '😀', 'e\u0301'], limit + 1, limit + 3)),
  );
}

const digitGroup = fc.stringMatching(/^[0-9]{1,4}$/);
const phoneArb = mostlyClean(
  fc
    .tuple(
      fc.constantFrom('', '+'),
      fc.array(fc.tuple(digitGroup, fc.constantFrom(' ', ' / ', '-', '.', '')), { minLength: 1, maxLength: 6 }),
    )
    .map(([plus, groups]) => `${plus}${groups.map(([digits, separator]) => `${digits}${separator}`).join('')}`)
    .filter((phone) => {
      const digits = phone.replace(/\D/g, '').length;
      return digits >= 3 && digits <= 20 && phone.trim().length <= 40;
    }),
  fc.oneof(
    fc
      .tuple(fc.constantFrom('', '+'), fc.string({ unit: fc.constantFrom(...'0123456789 /().-'), minLength: 1, maxLength: 28 }))
      .map((parts) => parts.join('')),
    fc.constantFrom(
      '+49 89 1234567',
      '0171 / 234 56 78',
      '(089) 12.34-56',
      '12',
      '++49 123',
      '49+123',
      '+49 89 abc',
      '١٢٣٤٥',
      '０８９１２３',
    ),
    fc.string({ unit: anything, maxLength: 20 }),
  ),
);

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, top]) => `${labels.join('.')}.${top}`);
const localPart = fc.stringMatching(/^[A-Za-z0-9_%+-]{1,12}(?:\.[A-Za-z0-9_%+-]{1,8}){0,2}$/);
const emailArb = mostlyClean(
  fc.tuple(localPart, host).map(([local, domain]) => `${local}@${domain}`),
  fc.oneof(
    fc.integer({ min: 250, max: 258 }).map((length) => `${'a'.repeat(length - 11)}@example.de`),
    fc.constantFrom(
      'kein-at',
      'a@b',
      '@example.de',
      'a@',
      'a@@b.de',
      'a b@c.de',
      'a@b@c.de',
      'müller@bäcker.de',
      'a"b@c.de',
      '<a@b.de>',
      'a@b.de, c@d.de',
    ),
    fc.string({ unit: anything, maxLength: 24 }),
  ),
);

const urlRest = fc.string({ unit: fc.constantFrom(..."abcXYZ019-._~!$&'()*+,;=:@%/?#äöü"), maxLength: 40 });
const websiteArb = mostlyClean(
  fc
    .tuple(
      fc.constantFrom('', '', 'http://', 'https://', 'HTTPS://', 'Http://'),
      fc.constantFrom('', 'www.'),
      host,
      fc.option(fc.integer({ min: 1, max: 9999 })),
      fc.option(urlRest),
    )
    .map(
      ([scheme, www, domain, port, rest]) => `${scheme}${www}${domain}${port === null ? '' : `:${port}`}${rest === null ? '' : `/${rest}`}`,
    ),
  fc.oneof(
    fc.constantFrom(
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
      'ftp://example.de',
      'file:///etc/passwd',
      'mailto:a@b.de',
      'javascript://example.de/%0aalert(1)',
      'javascript:0',
    ),
    fc.string({ unit: anything, maxLength: 30 }),
  ),
);

const lineArb = fc.string({ unit: printable, maxLength: 50 });
const notesArb = mostlyClean(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.array(lineArb, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
        .map(([lines, lineBreak]) => lines.join(lineBreak)),
    },
    // 3 code points a line after CRLF → LF: 667 lines are 2000 code points stored but 2667 typed.
    { weight: 1, arbitrary: fc.integer({ min: 664, max: 667 }).map((count) => 'ab\r\n'.repeat(count)) },
    { weight: 1, arbitrary: repeated(['😀', 'x'], 1997, 2000) },
  ),
  fc.oneof(
    fc.integer({ min: 668, max: 670 }).map((count) => 'ab\r\n'.repeat(count)),
    repeated(['😀', 'e\u0301'], 2001, 2004),
    fc.string({ unit: anything, maxLength: 60 }),
  ),
);

const fieldArbs = {
  position: textArb(100),
  company: textArb(200),
  title: textArb(50),
  first_name: textArb(100),
  last_name: textArb(100),
  street: textArb(200),
  postal_code: fc.oneof(
    { weight: 5, arbitrary: textArb(20) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '80333',
        'D-80333',
        'de 80333',
        '80 333',
        '8033',
        '803330',
        '80333a',
        'x80333',
        '80333 München',
        'ä',
        'D-8O333',
        'd80333',
      ),
    },
  ),
  city: textArb(100),
  country: fc.oneof(
    { weight: 5, arbitrary: textArb(100) },
    { weight: 1, arbitrary: fc.constantFrom('Deutschland', 'DE', 'd', ' germany ', 'BRD', 'Österreich', 'Deutschland\t') },
  ),
  phone: phoneArb,
  mobile: phoneArb,
  email: emailArb,
  website: websiteArb,
  notes: notesArb,
};

/** A random subset of the 14 fields; half the time with a plain company so that more bodies are valid. */
const formArb: fc.Arbitrary<Form> = fc.tuple(fc.record(fieldArbs, { requiredKeys: [] }), fc.boolean()).map(([record, named]) => {
  const form: Form = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (value !== undefined) form[field] = value;
  }
  if (named) form.company = `Firma ${form.company ?? ''}`.slice(0, 150);
  return form;
});

// ---- helpers ------------------------------------------------------------------------------

let run = 0;
/** Its own user (the write limit counts per sub) and its own asset per property run. */
function freshRun(): { asset: string; user: TestUser } {
  run += 1;
  const asset = `prop-${run}`;
  return {
    asset,
    user: { ...anna, sub: `prop-${run}-${crypto.randomUUID().slice(0, 8)}`, assets: [{ id: asset, name: `Eigenschaft ${run}` }] },
  };
}

async function rowsOf(asset: string): Promise<Record<string, unknown>[]> {
  const { results } = await env.DB.prepare('SELECT * FROM contacts WHERE asset_id = ? ORDER BY id')
    .bind(asset)
    .all<Record<string, unknown>>();
  return results;
}

function storedFields(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, row[field]]));
}

/**
 * The detail page shows every non-empty value; the edit form holds every value exactly, and
 * suggests Deutschland as the country of a contact without any address (as a new one does).
 */
async function expectReadsBack(asset: string, user: TestUser, id: string, expected: Record<Field, string>): Promise<void> {
  const detail = await send(`/assets/${asset}/contacts/${id}`, { user });
  expect(detail.status).toBe(200);
  const html = await detail.text();
  for (const field of FIELDS) {
    // A first or last name of nothing that shows is no name (contract §5), and a title alone is
    // none either (src/contacts/vcard.ts displayName): the card names the contact by the company
    // then, and the edit form below still holds them as stored.
    const person = SHOWS.test(`${expected.first_name}${expected.last_name}`.replace(BLANK_LETTERS, ''));
    const shown = !['first_name', 'last_name', 'title'].includes(field) || person;
    if (expected[field] !== '' && shown) expect(html, `detail ${field}`).toContain(escapeHtml(expected[field]));
  }
  const edit = await send(`/assets/${asset}/contacts/${id}/edit`, { user });
  expect(edit.status).toBe(200);
  const form = await edit.text();
  const noAddress = !expected.street && !expected.postal_code && !expected.city && !expected.country;
  for (const field of FIELDS)
    expect(formValue(form, field), `edit ${field}`).toBe(field === 'country' && noAddress ? 'Deutschland' : expected[field]);
}

function formBody(fields: Record<string, string>): number {
  return new TextEncoder().encode(new URLSearchParams(fields).toString()).length;
}

const seen: Record<string, number> = {};
const count = (key: string) => {
  seen[key] = (seen[key] ?? 0) + 1;
};

// ---- properties ---------------------------------------------------------------------------

describe('the write path, property-tested through HTTP', () => {
  it('create: never a 5xx, never an invalid contact, a valid one reads back exactly', async () => {
    await assertAsyncProperty(
      fc.asyncProperty(formArb, async (form) => {
        const { asset, user } = freshRun();
        const fields: Record<string, string> = { form_token: `prop-token-${run}-${crypto.randomUUID().slice(0, 8)}`, ...form };
        const response = await send(`/assets/${asset}/contacts`, { user, form: fields });
        const body = await response.text();
        const verdict = judgeForm(Object.fromEntries(FIELDS.map((field) => [field, overHttp(form[field] ?? '')])), true);
        const rows = await rowsOf(asset);
        count(`create ${verdict} → ${response.status}`);
        expect(response.status, body.slice(0, 200)).toBeLessThan(500);
        if (response.status === 303) {
          expect(verdict, 'accepted although the contract refuses it').not.toBe('invalid');
          expect(rows).toHaveLength(1);
          const [row = {}] = rows;
          expectContractValid(row);
          const expected = expectedStored(Object.fromEntries(FIELDS.map((field) => [field, overHttp(form[field] ?? '')])));
          expect(storedFields(row)).toEqual(expected);
          const id = new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved');
          expect(id).toBe(row['id']);
          await expectReadsBack(asset, user, String(id), expected);
        } else {
          expect(response.status).toBe(formBody(fields) > 64 * 1024 ? 413 : 422);
          expect(verdict, 'refused although the contract accepts it').not.toBe('valid');
          expect(rows).toHaveLength(0);
          if (response.status === 422) {
            // Every typed value is kept in the form (as the browser sent it).
            for (const field of FIELDS) expect(formValue(body, field), field).toBe(overHttp(form[field] ?? ''));
          }
        }
      }),
      { numRuns: 150 },
    );
    // The generators must reach both sides of the contract, or the property says little.
    const accepted = Object.entries(seen)
      .filter(([key]) => key.startsWith('create') && key.endsWith('303'))
      .reduce((sum, [, n]) => sum + n, 0);
    const refused = Object.entries(seen)
      .filter(([key]) => key.startsWith('create') && key.endsWith('422'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 60_000);

  it('update: never a 5xx; accepted → exactly the input, version + 1; refused → the row unchanged', async () => {
    await assertAsyncProperty(
      fc.asyncProperty(formArb, fc.boolean(), async (form, htmx) => {
        const { asset, user } = freshRun();
        const [id = ''] = await seedContacts(asset, 1, () => ({ company: 'Vorher GmbH', notes: 'alt' }));
        const [before = {}] = await rowsOf(asset);
        const response = await send(`/assets/${asset}/contacts/${id}`, { user, htmx, form: { version: '1', ...form } });
        const verdict = judgeForm(Object.fromEntries(FIELDS.map((field) => [field, overHttp(form[field] ?? '')])), true);
        const rows = await rowsOf(asset);
        count(`update ${verdict} → ${response.status}`);
        expect(response.status).toBeLessThan(500);
        expect(rows).toHaveLength(1);
        const [row = {}] = rows;
        expectContractValid(row);
        if (response.status === (htmx ? 200 : 303)) {
          expect(verdict, 'accepted although the contract refuses it').not.toBe('invalid');
          const expected = expectedStored(Object.fromEntries(FIELDS.map((field) => [field, overHttp(form[field] ?? '')])));
          expect(storedFields(row)).toEqual(expected);
          expect(row['version']).toBe(2);
          if (!htmx) await expectReadsBack(asset, user, id, expected);
        } else {
          expect(response.status).toBe(422);
          expect(verdict, 'refused although the contract accepts it').not.toBe('valid');
          expect(row).toEqual(before);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('the contact schema, property-tested directly (lone surrogates and control characters)', () => {
  const rawForm: fc.Arbitrary<Form> = fc.record(
    Object.fromEntries(FIELDS.map((field) => [field, fc.oneof(fieldArbs[field], fc.string({ unit: anything, maxLength: 20 }))])) as Record<
      Field,
      fc.Arbitrary<string>
    >,
    { requiredKeys: [] },
  );

  it('accepts exactly what the contract accepts and normalises only as the contract says', () => {
    assertProperty(
      fc.property(rawForm, (form) => {
        const result = contactInput.safeParse(form);
        const verdict = judgeForm(form);
        if (verdict === 'valid') expect(result.success, JSON.stringify(form)).toBe(true);
        if (verdict === 'invalid') expect(result.success, JSON.stringify(form)).toBe(false);
        if (result.success) {
          expectContractValid(result.data);
          expect(storedFields(result.data)).toEqual(expectedStored(form));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('counts lengths in code points as the string iterator does: a pair one, a lone surrogate one', () => {
    expect(appCodePoints('a😀b')).toBe(3);
    expect(appCodePoints('\ud83d')).toBe(1);
    expect(appCodePoints('\ude00\ud83d')).toBe(2);
    expect(appCodePoints('\ud83d\ud83d\ude00')).toBe(2);
    assertProperty(
      fc.property(fc.string({ unit: fc.oneof(anything, fc.constantFrom('\ud83d', '\ude00', '😀')), maxLength: 40 }), (text) => {
        expect(appCodePoints(text)).toBe([...text].length);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a lone surrogate in any field, naming that field', () => {
    const withLone = fc.tuple(formArb, fc.constantFrom(...FIELDS), loneSurrogate, fc.nat()).map(([form, field, lone, at]) => {
      const value = form[field] ?? 'Wert';
      const position = at % (value.length + 1);
      // Letters on both sides keep the surrogate unpaired, whatever the value holds.
      return { form: { ...form, [field]: `${value.slice(0, position)}x${lone}x${value.slice(position)}` }, field };
    });
    assertProperty(
      fc.property(withLone, ({ form, field }) => {
        fc.pre(LONE_SURROGATE.test(form[field] ?? ''));
        const result = contactInput.safeParse(form);
        expect(result.success).toBe(false);
        expect(
          result.error?.issues.some((issue) => issue.path[0] === field),
          field,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a control character other than a line break in notes and a tab (a space: stop 80), naming that field', () => {
    const withControl = fc
      .tuple(fc.constantFrom(...FIELDS), controlCharacter)
      .filter(([field, control]) => control !== '\t' && !(field === 'notes' && (control === '\n' || control === '\r')));
    assertProperty(
      fc.property(withControl, ([field, control]) => {
        const result = contactInput.safeParse({ last_name: 'Kontrolle', [field]: `a${control}b` });
        expect(result.success, `${field} ${JSON.stringify(control)}`).toBe(false);
        expect(result.error?.issues.some((issue) => issue.path[0] === field)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
