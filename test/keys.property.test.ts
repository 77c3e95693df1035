// Property tests of the search folding and the stored keys (issue 12.3 and 12.6). The run's seed
// comes from test/property.ts: a failure names it, FC_SEED=<seed> replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  fold,
  KEY_MAX_BYTES,
  type KeyFields,
  matches,
  parseQuery,
  phoneDigits,
  plain,
  searchKey,
  sortKey,
} from '../src/contacts/keys';
import { assertProperty } from './property';
import { emptyColumns, emptyFields } from './vcard-fixtures';

const check = <T>(property: fc.IProperty<T>, numRuns = 300) => assertProperty(property, { numRuns });

const FIELD_NAMES = [
  'position',
  'company',
  'title',
  'firstName',
  'lastName',
  'street',
  'postalCode',
  'city',
  'country',
  'phone',
  'mobile',
  'email',
  'website',
  'notes',
  'warrantyUntil',
] as const;

/** Characters where folding has something to do, plus separators, digits and SQL metacharacters. */
const INTERESTING = [
  ...'aeouAEOUäöüÄÖÜßẞıİIiéÉèñÑøØłŁæÆœŒþÞðÐđĐħşŞğĞçÇčŽžőŐåÅǅǄσςΣᾳΐŉﬁﬀﬃ½…\ufdfa민東😀Kk\u212a\u00b5',
  '\u0301',
  '\u0308',
  '\u00ad',
  '\u200d',
  '\u00a0',
  ' ',
  ' ',
  '\t',
  '\n',
  ...'-+()/.0123456789%_\'"\\',
];
const interestingText = fc.string({ unit: fc.constantFrom(...INTERESTING), maxLength: 40 });
const anyText = fc.oneof(
  interestingText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ maxLength: 40 }),
);

const fieldArb = fc.oneof(fc.constant(''), anyText);
/** A company or position that names a trade (keys.ts TRADES marks it in the key: code review, stop 69). */
const tradeArb = fc.oneof(fieldArb, fc.constantFrom('Elektro', 'Sanitär-Heizung Lang', 'GaLaBau', 'Fliesenleger', 'SHK'));
/** An end as the form stores it (keys.ts adds the forms it is shown in: code review, stop 69). */
const endArb = fc.oneof(
  fieldArb,
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);
const fieldsArb: fc.Arbitrary<KeyFields> = fc.record({
  position: tradeArb,
  company: tradeArb,
  title: fieldArb,
  firstName: fieldArb,
  lastName: fieldArb,
  street: fieldArb,
  postalCode: fieldArb,
  city: fieldArb,
  country: fieldArb,
  phone: fieldArb,
  mobile: fieldArb,
  email: fieldArb,
  website: fieldArb,
  notes: fieldArb,
  acceptedOn: fieldArb,
  warrantyUntil: endArb,
});
const EMPTY: KeyFields = emptyColumns;

const codePoints = (value: string) => [...value].length;
const bytes = (value: string) => new TextEncoder().encode(value).length;
const wordsOf = (value: string) =>
  value
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
/** The stated condition under which every word is guaranteed to fit: no character folds into three or more. */
const noTripling = (fields: KeyFields) => [...Object.values(fields).join('')].every((character) => codePoints(plain(character)) <= 2);

describe('fold, property-tested', () => {
  it('is idempotent (and so is plain)', () => {
    check(
      fc.property(anyText, (text) => {
        expect(fold(fold(text))).toBe(fold(text));
        expect(plain(plain(text))).toBe(plain(text));
      }),
      1000,
    );
  });

  it('ignores case: fold of a text equals fold of its upper and of its lower case', () => {
    check(
      fc.property(anyText, (text) => {
        expect(fold(text.toUpperCase())).toBe(fold(text));
        expect(fold(text.toLowerCase())).toBe(fold(text));
      }),
      1000,
    );
  });

  it('never grows a character beyond three', () => {
    check(
      fc.property(anyText, (text) => {
        expect(codePoints(plain(text))).toBeLessThanOrEqual(3 * codePoints(text));
      }),
      1000,
    );
  });
});

describe('the search key, property-tested', () => {
  it('holds its bound for arbitrary fields: at most 3× the code points of the text (an end in its three forms) and 16 KiB', () => {
    check(
      fc.property(fieldsArb, (fields) => {
        const key = searchKey(fields);
        // "2027-05-10" is searched as "10.05.2027" and "10.5.2027" too (docs/contract.md).
        const [, year, month, day] = /^(\d{4})-(\d\d)-(\d\d)$/.exec(fields.warrantyUntil) ?? [];
        const shown = year ? ` ${day}.${month}.${year} ${Number(day)}.${Number(month)}.${year}` : '';
        expect(codePoints(key)).toBeLessThanOrEqual(3 * codePoints(Object.values(fields).join('') + shown));
        expect(bytes(key)).toBeLessThanOrEqual(KEY_MAX_BYTES);
        const sort = sortKey(fields);
        expect(codePoints(sort)).toBeLessThanOrEqual(3 * codePoints(fields.lastName + fields.company + fields.firstName));
        expect(bytes(sort)).toBeLessThanOrEqual(KEY_MAX_BYTES);
      }),
      500,
    );
  });

  it('holds its bound for notes full of the warranty\u2019s dates (code review, stop 70: 10,662 code points against 6,045)', () => {
    // Distinct dates, each stored in its forms and its warranty's forms.
    const dates: string[] = [];
    for (let year = 10; year < 99; year++)
      for (let month = 1; month <= 12; month++) for (let day = 1; day <= 28; day += 9) dates.push(`${day}.${month}.${year}`);
    const notes = `Frist: ${dates.join(' ')}`.slice(0, 2000);
    const fields: KeyFields = { ...EMPTY, company: 'X', phone: '089 1', notes };
    const key = searchKey(fields);
    expect(codePoints(key)).toBeLessThanOrEqual(3 * codePoints(Object.values(fields).join('')));
  });

  it('holds its bound at the maximum field sizes, whatever the text', () => {
    const long = fc.tuple(
      fc.string({ unit: fc.constantFrom(...INTERESTING), minLength: 1, maxLength: 6 }),
      fc.constantFrom(50, 100, 200, 254, 2000),
    );
    check(
      fc.property(fc.array(long, { minLength: FIELD_NAMES.length, maxLength: FIELD_NAMES.length }), (units) => {
        const fields = { ...EMPTY };
        FIELD_NAMES.forEach((name, index) => {
          const [unit, max] = units[index] ?? ['', 0];
          fields[name] = [...unit.repeat(max)].slice(0, max).join('');
        });
        const key = searchKey(fields);
        expect(codePoints(key)).toBeLessThanOrEqual(3 * codePoints(Object.values(fields).join('')));
        expect(bytes(key)).toBeLessThanOrEqual(KEY_MAX_BYTES);
      }),
      40,
    );
  });

  it('finds a contact by any word of any field, and by any part of it', () => {
    const picked = fieldsArb.chain((fields) =>
      fc.record({
        fields: fc.constant(fields),
        field: fc.constantFrom(...FIELD_NAMES),
        index: fc.nat(),
        start: fc.nat(),
        length: fc.nat(),
      }),
    );
    check(
      fc.property(picked, ({ fields, field, index, start, length }) => {
        fc.pre(noTripling(fields));
        const words = wordsOf(fields[field]);
        fc.pre(words.length > 0);
        const word = words[index % words.length] ?? '';
        const key = searchKey(fields);
        expect(matches(key, parseQuery(word)), `${JSON.stringify(word)} in ${JSON.stringify(key)}`).toBe(true);
        const characters = [...word];
        const from = start % characters.length;
        const part = characters.slice(from, from + 1 + (length % (characters.length - from))).join('');
        // A part that is a date in numbers is searched as that date, not as any part of a word
        // ("2.3.2027" must not find "12.3.2027": buyer review, stop 60); the whole word still finds it.
        if (/^\(?(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((19|20)?\d\d|2100)\)?[.,]?$/.test(plain(part)) && part !== word) return;
        expect(matches(key, parseQuery(part)), `${JSON.stringify(part)} in ${JSON.stringify(key)}`).toBe(true);
      }),
      1000,
    );
  });

  it('needs every word: a query matches exactly when each of its words does', () => {
    const word = fc.string({ unit: fc.constantFrom(..."aäeouüßıİéøKlmn%_'"), minLength: 1, maxLength: 4 });
    check(
      fc.property(fieldsArb, fc.array(word, { minLength: 1, maxLength: 4 }), (fields, words) => {
        // Not where a word is left out beside others, as a salutation is ("Mme", Madame, as "Frau":
        // keys.ts FILLER; CI, stop 80: "a mme" found what "mme" alone did not): held by test/keys.test.ts and test/search.test.ts.
        fc.pre(parseQuery(words.join(' ')).length === words.length);
        const key = searchKey(fields);
        const each = words.every((one) => matches(key, parseQuery(one)));
        expect(matches(key, parseQuery(words.join(' ')))).toBe(each);
        expect(matches(key, parseQuery([...words].reverse().join('  ')))).toBe(each);
      }),
      500,
    );
  });

  it("keeps needles out of the key's separators and out of the phone digits", () => {
    check(
      fc.property(anyText, (query) => {
        for (const term of parseQuery(query)) {
          const needles = term.kind === 'text' ? term.needles : term.words.flatMap((word) => word.needles);
          for (const needle of needles) {
            expect(needle).not.toBe('');
            expect(needle).not.toMatch(/[\s\p{Cc}\uff10-\uff19]/u);
          }
          if (term.kind === 'phone') expect(term.digitsNeedle).toMatch(/^\n?[\uff10-\uff19]+$/);
        }
      }),
      1000,
    );
  });
});

describe('phone numbers, property-tested', () => {
  const germanNumber = fc.record({
    area: fc.stringMatching(/^[1-9][0-9]{1,4}$/),
    subscriber: fc.stringMatching(/^[1-9][0-9]{2,7}$/),
  });
  const splitUp = (digits: string, cut: number, separator: string) => {
    const at = 1 + (cut % Math.max(1, digits.length - 1));
    return `${digits.slice(0, at)}${separator}${digits.slice(at)}`;
  };
  const written = fc.record({ style: fc.nat(5), cut: fc.nat(), separator: fc.constantFrom(' ', '-', '', ' - ', '.') });
  const format = (
    { area, subscriber }: { area: string; subscriber: string },
    { style, cut, separator }: { style: number; cut: number; separator: string },
  ) => {
    const local = splitUp(subscriber, cut, separator);
    return (
      [
        `0${area} ${local}`,
        `0${area}/${local}`,
        `(0${area}) ${local}`,
        `+49 ${area} ${local}`,
        `0049 ${area} ${local}`,
        `+49 (0)${area} ${local}`,
      ][style] ?? ''
    );
  };

  it('finds a German number written one way by the same number written any other way, and by a part of it', () => {
    check(
      fc.property(germanNumber, written, written, fc.nat(), fc.nat(), (number, stored, typed, from, length) => {
        const fields = { ...EMPTY, lastName: 'Telefon', phone: format(number, stored) };
        const key = searchKey(fields);
        const canonical = `0${number.area}${number.subscriber}`;
        expect(phoneDigits(format(number, typed))).toBe(canonical);
        expect(matches(key, parseQuery(format(number, typed)))).toBe(true);
        const start = from % (canonical.length - 2);
        const part = canonical.slice(start, start + 3 + (length % (canonical.length - start - 2)));
        // A part that starts with 00 reads as a country prefix ("00495…" is +49 5…).
        fc.pre(!part.startsWith('00'));
        expect(matches(key, parseQuery(part)), part).toBe(true);
      }),
      500,
    );
  });
});

describe('the sort key, property-tested', () => {
  const UMLAUTS: Readonly<Record<string, string>> = { a: 'ä', o: 'ö', u: 'ü', i: 'ı' };
  /** An ASCII name, and the same name as it may be written: umlauts, ß for ss, any case. */
  const spelled = fc.stringMatching(/^[a-z]{1,8}$/).chain((base) =>
    fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }).map((flags) => ({
      base,
      written: [...base.replace(/ss/g, flags[0] ? 'ß' : 'ss')]
        .map((letter, index) => {
          const umlaut = flags[index] ? (UMLAUTS[letter] ?? letter) : letter;
          return flags[(index + 1) % flags.length] ? umlaut.toUpperCase() : umlaut;
        })
        .join(''),
    })),
  );

  it('orders names as their plain ASCII letters do (DIN 5007-1: ä as a, ß as ss, case ignored)', () => {
    check(
      fc.property(spelled, spelled, (left, right) => {
        fc.pre(left.base !== right.base);
        const fields = (lastName: string) => ({ lastName, firstName: '', company: '' });
        const expected = Math.sign(compareKeys(left.base, right.base));
        // "abc" before "abcd": the separator after a name sorts before any letter.
        expect(Math.sign(compareKeys(sortKey(fields(left.written)), sortKey(fields(right.written))))).toBe(expected);
      }),
      1000,
    );
  });
});
