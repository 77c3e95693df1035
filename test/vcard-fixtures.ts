// Contact fixtures and the vCard oracle shared by the format suite (test/vcard.test.ts), the
// hostile-input suite, the search-key suites and the interop suite: empty fields and an empty
// contact to build fixtures from, what any reader must get back for a contact (written from
// RFC 2426 and contract §7; only the "(0)" rule for TEL is src's phoneValue, pinned by examples in
// test/vcard.test.ts), and fast-check arbitraries for any input. Pure: runs in workerd and Node.

import fc from 'fast-check';
import { type ContactFields, columnsOf, EMPTY_FIELDS } from '../src/contacts/fields';
import { phoneNumbers, type VCardContact } from '../src/contacts/vcard';

/** Every field of FIELDS empty, by column (the repository's camelCase names, also the search keys' KeyFields). */
export const emptyColumns: ContactFields = columnsOf(EMPTY_FIELDS);

/** The 14 user-entered fields the vCard carries, all empty. */
export const emptyFields: Omit<VCardContact, 'id' | 'updatedAt'> = {
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
};

/** A card with every field empty and a fixed REV (2026-11-29T03:36:46Z). Spread it and set what a test needs. */
export const emptyContact: VCardContact = { id: 'c1', ...emptyFields, updatedAt: Date.UTC(2026, 10, 29, 3, 36, 46, 789) };

export interface ExpectedProperty {
  name: string;
  params: Record<string, string[]>;
  /** text, or the components of N and ADR */
  value: string | string[];
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Line breaks of any kind come back as LF, vCard's only one. */
export const lf = (value: string): string => value.replace(/\r\n?/g, '\n');

/** An empty property list and its `add`; CHARSET=UTF-8 on values that are not ASCII (not in QR codes). */
export function propertyList(withCharset: boolean): {
  props: ExpectedProperty[];
  add: (name: string, type: string[], value: string | string[]) => void;
} {
  const props: ExpectedProperty[] = [];
  const add = (name: string, type: string[], value: string | string[]) => {
    const params: Record<string, string[]> = {};
    if (type.length > 0) params['TYPE'] = type;
    if (withCharset && (typeof value === 'string' ? [value] : value).some((part) => NON_ASCII.test(part))) params['CHARSET'] = ['UTF-8'];
    props.push({ name, params, value });
  };
  return { props, add };
}

export const hasAddress = (c: Pick<VCardContact, 'street' | 'postalCode' | 'city' | 'country'>): boolean =>
  [c.street, c.postalCode, c.city, c.country].some((part) => part !== '');

/**
 * What every reader must get back for a contact, in the order the file lists it: exactly the
 * given values (line breaks as LF), CHARSET=UTF-8 where a value is not ASCII, nothing more. The
 * only differences from what is stored (contract §7): a "(0)" after a country code leaves TEL
 * (phoneValue; its rule is pinned by examples in test/vcard.test.ts), and CATEGORIES carries the
 * asset's name.
 */
export function expectedProperties(c: VCardContact, assetName: string): ExpectedProperty[] {
  const { props, add } = propertyList(true);
  // FN: title, first and last name; a contact without a personal name goes by its company (a name
  // of only spaces, format marks, combining marks or blank letters is none: contract §5).
  const visible = /[^\p{Z}\p{C}\p{M}\u115f\u1160\u2800\u3164\uffa0]/u;
  const fn = !visible.test(c.firstName + c.lastName)
    ? c.company
    : [c.title, c.firstName, c.lastName].filter((part) => part !== '').join(' ');
  add('VERSION', [], '3.0');
  add('N', [], [lf(c.lastName), lf(c.firstName), '', lf(c.title), '']);
  add('REV', [], `${new Date(c.updatedAt).toISOString().slice(0, 19)}Z`);
  add('FN', [], lf(fn));
  if (c.company !== '') add('ORG', [], lf(c.company));
  add('PRODID', [], '-//PROPSTER//Kontakte//DE');
  if (c.position !== '') {
    add('TITLE', [], lf(c.position));
    add('ROLE', [], lf(c.position));
  }
  if (hasAddress(c)) add('ADR', ['WORK'], ['', '', lf(c.street), lf(c.city), '', lf(c.postalCode), lf(c.country)]);
  add('UID', [], `kontakte-${c.id}`);
  // One TEL per number a field holds (phoneNumbers: "089 123 45-67 / -68" is two; pinned by
  // examples in test/vcard.test.ts), and where that is more than one the field as stored.
  for (const [value, types, typed] of [
    [c.phone, ['WORK', 'VOICE'], 'X-KONTAKTE-PHONE'],
    [c.mobile, ['CELL'], 'X-KONTAKTE-MOBILE'],
  ] as const) {
    if (value === '') continue;
    const numbers = phoneNumbers(value);
    // The same number twice ("-67 / -67") is one TEL: a phone would list it twice.
    for (const number of new Set(numbers)) add('TEL', [...types], number);
    if (numbers.length > 1) add(typed, [], value);
  }
  if (c.email !== '') add('EMAIL', ['INTERNET'], lf(c.email));
  if (c.website !== '') add('URL', [], c.website);
  if (c.notes !== '') add('NOTE', [], lf(c.notes));
  // The asset's name without its control characters but tab and line breaks (stop 61).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  if (assetName !== '') add('CATEGORIES', [], lf(assetName).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
  return props;
}

// ---- any input (fast-check) ----------------------------------------------------------------

/** The characters that matter for vCard (separators, escapes, line breaks) and for Unicode handling. */
const specials = [
  ';',
  ',',
  '\\',
  ':',
  '"',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  'n',
  'N',
  '=',
  '^',
  'ä',
  'ß',
  'Ü',
  '😀',
  '👩‍👩‍👧',
  '\u0301',
  'שלום',
  '\u202e',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u00a0',
  '\u0000',
  'END:VCARD',
  'BEGIN:VCARD',
  'end:vcard',
  '\\;',
  '(0)',
];

/** One "character" of generated text: a special one on purpose, any code unit, or printable ASCII. */
export const unit = fc.oneof(
  fc.constantFrom(...specials),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
export const anyText = fc.oneof(fc.constant(''), fc.string({ unit, maxLength: 90 }));
export const anyNotes = fc.oneof(anyText, fc.string({ unit, maxLength: 400 }));
/** Phone numbers as the form allows them: digits, +, spaces, / - ( ) . */
export const formPhone = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...'0123456789 +/-().'), minLength: 3, maxLength: 25 }),
  // The German way with a country code: "+49 (0)30 …".
  fc
    .tuple(
      fc.constantFrom('+49', '+41 ', '0043', '+1'),
      fc.constantFrom(' (0)', '(0)', ' (0) ', '-(0)-'),
      fc.string({ unit: fc.constantFrom(...'0123456789 /-'), maxLength: 15 }),
    )
    .map(([country, zero, rest]) => country + zero + rest),
);
/** http(s) URLs, some with any characters in the path; never a line break (the form refuses them). */
export const anyUrl = fc
  .oneof(
    fc.constant(''),
    fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
    fc.string({ unit, maxLength: 60 }).map((s) => `https://example.de/${s}`),
  )
  .map((url) => url.replace(/[\r\n]/g, ''));
export const updatedAt = fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) });
// Contact ids are 20 characters (randomToken(15)); a few more here.
export const contactId = fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 1, maxLength: 24 });

/** Any contact; `website` narrows the URLs for a reader with a documented deviation. */
export function anyContactWith(website: fc.Arbitrary<string>): fc.Arbitrary<VCardContact> {
  return fc.record({
    id: contactId,
    position: anyText,
    company: anyText,
    title: anyText,
    firstName: anyText,
    lastName: anyText,
    street: anyText,
    postalCode: anyText,
    city: anyText,
    country: anyText,
    phone: formPhone,
    mobile: formPhone,
    email: anyText,
    website,
    notes: anyNotes,
    updatedAt,
  });
}

export const anyContact = anyContactWith(anyUrl);
