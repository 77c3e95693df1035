/**
 * Keys derived on write, because SQLite (D1) has no German collation and no ICU, and both the
 * sort order and the folded search must work inside SQL to page.
 * This module has no imports so that scripts/seed.mjs can load it with Node's type stripping
 * (so: no enums, no namespaces, nothing but erasable types).
 *
 * What must match what is tabled in docs/contract.md ("Search q"). In short: a query is split
 * into words (a run of phone-shaped words stays one phone term); a contact matches when every
 * term occurs in its search key; every test is `instr(search_key, needle) > 0`, nothing else.
 */

/**
 * Version of the key layout below. Rows written before it existed have format 0 (NULL): their
 * keys must be rebuilt (searchKey and sortKey) before searching them gives these answers.
 * 2: the warranty's end date is searched too ("2027" finds the warranties ending that year).
 * 3: punctuation and symbols leave the sort order („Bauhaus“ under B), the exact first name and
 *    company break its ties, an invisible U+FEFF no longer splits a word of the search key, and
 *    the warranty's end is also searched as shown (`12.03.2027`, `12.3.2027`).
 * 4: a last name files under its core, not its particle (DIN 5007-2, as German phone books):
 *    "von Berg" under B, after Berg without one.
 * 5: a word with hyphens is also stored joined and by its later parts ("Fliesen-Meier": also
 *    "fliesenmeier", "meier", the latter at the start of a head word); folding makes ’ ‘ ´ an
 *    apostrophe, then drops it ("O’Brien" ≈ "OBrien"), and three equal letters two ("Rollladen").
 * 6: (withdrawn, never deployed) a company's neighbouring words also stored joined.
 * 7: the layout of 5 again, so that rows a database wrote at 6 are rebuilt (review).
 * 8: a number in the notes stored by its digits too (the import puts a phone's further numbers
 *    there, "Weitere Telefonnummer (Notdienst 24h): 0800 123 4567"), after every other form.
 * 9: a German or Dutch particle's second word in any case ("Von Der Leyen" under L, as
 *    "von der Leyen"; it filed under D).
 * 10: a date shape right after an area code in the notes is a number ("089 12.03.99").
 * 11: a German or Dutch particle in capitals too ("VON DER LEYEN" under L; it filed under V),
 *    and a particle followed by nothing that sorts is the name ("Van -" under V, not "#").
 * 12: a particle followed by a no-break space or more than one space is a particle too
 *    ("von\u00a0Berg" under B; it filed under V); a number's 0 right after +43, +41, +31, +32,
 *    +33, +44 or +90 is the trunk prefix, as after +49 ("+43 0664 …" is "+43 664 …"); dashes
 *    (– — ‑ −) are hyphens ("123–125" as "123-125"); a postcode typed with a space is also
 *    stored joined ("50 672" as "50672"); "(+49) 89 …" is +49.
 * 13: a number in the notes typed with Word's dashes ("089 123456–0") is stored by its digits
 *    too, as one with hyphens already was; a title of nobility before a German particle goes with
 *    it ("Graf von Faber-Castell" under F; it filed under G); each date of the notes is also
 *    stored as "02.03.2027", however it is written there ("2.3.2027", "12.03.27", "am 2. März
 *    2027"): a date is searched by that form.
 * 14: the words of a contact's own name (first and last name; a firm's company where it has no
 *    person's name) are marked apart from the other head words, so that a search ranks the
 *    person or firm named so before those who only work there (search review, stop 62:
 *    "Herr Müller" listed the staff of "Müller GmbH" first).
 * 15: a date of the notes in words with a day of two digits ("09. Juni 2027", "02.März 2027"),
 *    month first ("March 2, 2027") or in ISO ("2027-03-02") is stored as "02.03.2027" too; the
 *    group key spells umlauts out ("Küchenbauer" and "Kuechenbauer" are one group).
 * 16: a year of two digits in a note's date is read as POSIX `%y` ("12.03.89" is 1989, as the
 *    warranty form reads it; it was 2089).
 * 17: a year the notes write alone, perhaps with its month ("bis Ende 2027", "(2027)", "05/2027"),
 *    is stored as " .2027", " .05.2027", for a search after "Gewährleistung" or "bis" (stop 64).
 * 18: a span of years in the notes ("bis Ende 2027/28", "2027-2029") is stored by its first and
 *    last year, as 17 stores a year alone ("bis Ende 2027" found no "bis Ende 2027/28": review, stop 65).
 * 19: a date of the notes at a sentence's end ("zugesagt bis 15.2.2027.") is stored as one too
 *    (search walkthrough, stop 69: only "15.2.2027" as typed found it); a company's or position's
 *    words mark the trades they name (TRADES: "Elektro Huber" is found by "Elektriker"), and a
 *    contact with a warranty end the warranty's ("Gewährleistung Fliesen", the word the list's
 *    badge shows, found nothing). Never deployed before its last change, so one format.
 * 20: `dj` before a letter folds as `d`, as đ does ("Djordjevic" found no "Đorđević": walkthrough,
 *    stop 68).
 * 21: the warranty end's date, and those of a line of the notes that names the warranty (and of
 *    the lines after it up to an empty one), are also stored marked as the warranty's, for
 *    "Gewährleistung 2029" (search walkthrough, stop 70: it listed every date of that year,
 *    "Abnahme am 12.03.2029"); a note's day without its year ("Termin 20. Mai", "20.5.") is stored
 *    as "20.05.", as a query's day of any year; the bound counts the notes as typed. (A format of
 *    its own, though 20 came in the same stop: keys a database wrote at 20 are rebuilt: code review.)
 * 22: a company's or position's word marks its trade with two endings ("Dachdeckerbetrieb"), with
 *    "-anlage", "-ende", "-frist", "-büro" and "-ur" ("Solaranlage", "Architekturbüro",
 *    "Innenarchitektur"): search walkthrough, stop 70.
 * 23: a trade more (the developer: "Bauträger", "Wohnbau …"), which moves the warranty's marks
 *    (their letters follow TRADES: every trade added is a new format); a line of the notes makes
 *    its dates the warranty's only from the clause that names it, its later clauses only where
 *    that one has none, and a heading is a line without any date (walkthrough and code review,
 *    stop 71). (A format of its own, though 22 came in the same stop: code review.)
 * 24: a date of the notes with slashes and a year, day first ("12/03/2027", as a British buyer
 *    writes it), is stored as one, as a query with slashes reads it (code review, stop 74).
 * 25: the group key folds a word's feminine ending after r or t ("Bauleiterin" in the group of
 *    "Bauleiter": UX walkthrough, stop 78).
 * 26: the sound of each word of a name or company (soundOf), so that a name spelled another way
 *    finds it ("Meier" finds "Maier" and "Mayer", "Schmidt" "Schmitt": buyer walkthrough, stop 82),
 *    marked apart for the contact's own name and for a company its person works at (ranking).
 * 27: the sounds of 26 after its code review (a long vowel apart from a short one, four letters at
 *    least, the marks of 26's last commit): a format of its own, so that keys a database wrote with
 *    26's first rules are rebuilt (code review, stop 83).
 */
export const KEY_FORMAT = 27;

/** The 16 user-entered fields, in the repository's (camelCase) names. */
export interface KeyFields {
  position: string;
  company: string;
  title: string;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  mobile: string;
  email: string;
  website: string;
  notes: string;
  /** "Abnahme am", ISO date: not searched (a year typed in the search means an end). */
  acceptedOn: string;
  /** "Gewährleistung bis", ISO date `2027-03-12`: words of the body, as stored and as shown ("12.03.2027"), so "2027", "2027-03" and "03.2027" find it. */
  warrantyUntil: string;
}

export type SortKeyFields = Pick<KeyFields, 'firstName' | 'lastName' | 'company'>;

type FieldName = keyof KeyFields;

/** Words here rank first when a query word starts one of them ("the name or company starts with it"). */
const HEAD_FIELDS: readonly FieldName[] = ['firstName', 'lastName', 'company', 'position', 'title'];
const BODY_FIELDS: readonly FieldName[] = [
  'street',
  'postalCode',
  'city',
  'country',
  'email',
  'website',
  'notes',
  'phone',
  'mobile',
  'warrantyUntil',
];
const PHONE_FIELDS: readonly FieldName[] = ['phone', 'mobile'];

// ---- the search key's layout --------------------------------------------------------------
// Every stored form is preceded by the mark of its section. No needle contains a mark (queries
// are split on whitespace and lose their control characters) nor a full-width digit (folding
// turns them into ASCII digits), so a needle can only match inside one form of its own section
// and no test needs positions or substr():
//   '\r' + form    a word of the contact's own name: first and last name, or a firm's company
//                  where it has no person's name (a head word that ranks first)
//   ' ' + form     a word of another head field (so ' ' + needle or '\r' + needle is a
//                  word-prefix test on the head)
//   '\t' + form    a word of any other field, including the phone fields as typed
//   '\n' + digits  the canonical digits of phone and mobile, written in full-width digits
//                  (U+FF10-FF19), so that text needles never match them and digit needles
//                  never match text ("3100" typed as text still finds "3100" in the notes).
//   '\x03' + sound + '\x03'  the sound of a word of the contact's own name (soundOf), in
//                  full-width letters (U+FF41-FF5A) that no other needle holds, between two
//                  marks: only a whole word's sound finds it
//   '\x04' + sound + '\x03'  the same of a word of a company its person works at
const NAME_MARK = '\r';
const HEAD_MARK = ' ';
const BODY_MARK = '\t';
const DIGITS_MARK = '\n';
const SOUND_MARK = '\x03';
const HEAD_SOUND_MARK = '\x04';

/**
 * Lower priority numbers are kept first when the bound is reached. Constants of their own, not an
 * object's fields: esbuild writes a constant's number where it is read, and no object of names is
 * left in the bundle (110 B gzip). (Not an enum: node runs this module with its types stripped,
 * scripts/rebuild-keys.mjs, and cannot strip an enum; and here, before the module's first
 * statement that calls anything: esbuild inlines no constant declared after one.)
 */
const PRIORITY_HEAD_PLAIN = 0;
const PRIORITY_DIGITS = 1;
const PRIORITY_BODY_PLAIN = 2;
const PRIORITY_PART = 2.5;
const PRIORITY_FOLDED = 3;
const PRIORITY_EXPANDED = 4;
const PRIORITY_PART_FOLDED = 5;
const PRIORITY_NOTES_DIGITS = 6;
/** The last name's sounds first, then the company's, then the first name's. */
const PRIORITY_SOUND = 7;

/** The bound of issue 12: a key holds at most 3 code points per code point of its text, and at most 16 KiB. */
export const KEY_MAX_FACTOR = 3;
export const KEY_MAX_BYTES = 16 * 1024;

// ---- folding ------------------------------------------------------------------------------

/**
 * Letters that Unicode does not decompose into a base letter and a mark, spelled as German
 * readers spell them. Applied after case folding, so only lower case is listed. ς → σ undoes
 * JavaScript's context-dependent final sigma, so that folding is the same per word and per text.
 */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ƒ: 'f',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ς: 'σ',
  // Dashes as Word and signatures write them ("123–125", "089 123456–0"): a hyphen, as typed on
  // a keyboard (review: "123-125" did not find "123–125").
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '−': '-',
  // Apostrophes as phones (’), Word (‘) and a German keyboard's accent key (´) write them.
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '´': "'",
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

/** Marks, control and format characters (soft hyphen, zero-width joiner, bidi marks) and lone surrogates: invisible for search. */
const INVISIBLE = /[\p{M}\p{Cc}\p{Cf}\p{Cs}]/gu;
const INVISIBLE_OR_SPACE = /[\p{M}\p{Cc}\p{Cf}\p{Cs}\s]/gu;
const WHITESPACE = /^\s$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** A character never folds into more than this many (NFKD of U+FDFA alone gives 18). */
const MAX_EXPANSION = 3;
const HANGUL_SYLLABLES = /[\uac00-\ud7a3]/;

const countCodePoints = (value: string): number => {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
};

/**
 * Locale-independent full case folding: upper then lower case, so that "ß", "SS" and "ss", "ı",
 * "I" and "i", "ﬃ" and "FFI" all end alike ("İ" becomes "i" plus a dot that is then dropped).
 */
const caseFold = (value: string): string => value.toUpperCase().toLowerCase();

const specialLetters = (value: string): string => value.replace(SPECIAL_LETTER, (letter) => SPECIAL_LETTERS[letter] ?? letter);

/** Folding a character costs two normalize() calls: remembered, within a bound that no isolate's memory notices. */
const baseLettersCache = new Map<string, string>();
const BASE_LETTERS_CACHE_SIZE = 4096;

function baseLetters(character: string): string {
  const cached = baseLettersCache.get(character);
  if (cached !== undefined) return cached;
  if (baseLettersCache.size >= BASE_LETTERS_CACHE_SIZE) baseLettersCache.clear();
  const letters = decomposed(character);
  baseLettersCache.set(character, letters);
  return letters;
}

/** One case-folded character without its marks: its compatibility decomposition, else its canonical one, else itself. */
function decomposed(character: string): string {
  // Hangul syllables decompose into 2-3 jamo: no use for search, and a tripled Korean name would not fit the bound.
  if (HANGUL_SYLLABLES.test(character)) return character;
  // A spacing accent (´ ¨ ‗) decomposes into a space and a mark: the space must not split a word.
  const invisible = WHITESPACE.test(character) ? INVISIBLE : INVISIBLE_OR_SPACE;
  for (const form of ['NFKD', 'NFD'] as const) {
    const letters = specialLetters(caseFold(character.normalize(form)).replace(invisible, ''));
    if (countCodePoints(letters) <= MAX_EXPANSION) return letters;
  }
  return character;
}

/**
 * Case, marks and special letters folded; umlauts become their base letter; spacing is kept.
 * "Müller" → "muller", "Yıldız" → "yildiz", "İstanbul" → "istanbul", "Weiß" → "weiss",
 * "Øster" → "oster", "Łódź" → "lodz", "Ærø" → "aero", "ﬁ" → "fi", "Ｆ０" → "f0".
 */
export function plain(text: string): string {
  const folded = caseFold(text);
  if (PRINTABLE_ASCII.test(folded)) return folded;
  let result = '';
  for (const character of folded) {
    if (character < '\u0080') result += character < ' ' || character === '\u007f' ? '' : character;
    else result += SPECIAL_LETTERS[character] ?? baseLetters(character);
  }
  return result;
}

const UMLAUT = /[äöüÄÖÜ]|\u0308/;

/** Umlauts spelled out (ä → ae, ö → oe, ü → ue), then `plain`: "Dürr" → "duerr". */
export function expanded(text: string): string {
  if (!UMLAUT.test(text)) return plain(text);
  return plain(
    caseFold(text)
      .normalize('NFD')
      .replace(/([aou])\u0308/g, '$1e'),
  );
}

/**
 * THE search folding. `plain`, then the German spellings ae, oe, ue become a, o, u (a run of e
 * after a, o or u goes entirely, so folding twice changes nothing). "Müller", "MUELLER",
 * "Mueller" and "muller" all fold to "muller"; "Yılmaz" and "YILMAZ" to "yilmaz"; "Straße" to
 * "strasse"; "Michael" to "michal" (which is why a search also tries the unfolded `plain` form).
 */
export function fold(text: string): string {
  return spelling(plain(text));
}

/**
 * A name that is its company's own, not a person's: two words or more, the first words of the
 * company in their order ("Elektro Maier" of "Elektro-Maier GmbH", a phone's FN of a firm:
 * walkthrough, stop 72); not a surname alone ("Maier" of "Maier Bau") nor "Dr. Maier" of
 * "Zahnarztpraxis Dr. Maier" (code review).
 */
export function ofCompany(name: string, company: string): boolean {
  const words = (text: string) =>
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const own = words(company);
  const mine = words(name);
  return mine.length > 1 && mine.every((word, at) => word === own[at]);
}

/**
 * What spellings differ in: an apostrophe ("OBrien"), `ae` `oe` `ue`, `dj` (đ as German and
 * English write it: "Djordjevic" for "Đorđević", folded "dordevic"), and a third equal letter
 * ("Rolladen", the spelling before 1996, for "Rollladen").
 */
const spelling = (base: string): string =>
  base
    .replace(/'/g, '')
    .replace(/([aou])e+|(d)j+(?=\p{L})/gu, '$1$2')
    .replace(/(\p{L})\1\1+/gu, '$1$1');

/**
 * How a name sounds, as German spells one name several ways (buyer walkthrough, stop 82: "Meier"
 * found no "Maier"): Meier, Maier, Meyer, Mayer, Mayr and Mair are "mair"; Schmidt, Schmitt and
 * Schmid "schmit"; Hoffmann and Hofmann, Philipp and Filip, Christoph and Kristof, Claudia and
 * Klaudia, Marc and Mark, Walther and Walter, Seitz and Seiz, Nowak and Novak, Sergej and Sergei,
 * Yusuf and Jusuf, Yvonne and Ivonne alike. Only spellings of one sound: a long vowel stays apart
 * from a short one (its h, "ie", "aa", "ee", "oo" are written "h" after the vowel: Köhler is no
 * Koller, Stahl no Stall, Schmied no Schmidt; code review), and the Kölner Phonetik (the library
 * way) gives Müller, Miller, Mahler and Möller one code, so that a name would list a good part of
 * a book. Of Latin letters only (`fold`), and only a sound of four letters or more: "Jan", "Han"
 * or "May" would be found by too much ("Meie", on the way to "Meier", found "May": code review).
 * None ('') for a word of other letters, digits or signs.
 */
export function soundOf(word: string): string {
  const base = fold(word);
  if (!/^[a-z]{4,}$/.test(base)) return '';
  const sound = base
    .replace(/^y(?=[aeiou])/, 'j')
    .replace(/^chr/, 'kr')
    .replace(/ph/g, 'f')
    .replace(/th|dt/g, 't')
    .replace(/qu/g, 'kw')
    .replace(/ck|c(?![eiyh])/g, 'k')
    .replace(/tz|c(?=[eiy])/g, 'z')
    .replace(/x/g, 'ks')
    .replace(/v/g, 'w')
    .replace(/(?<=[aeiou])j(?![aeiou])/g, 'i')
    .replace(/y/g, 'i')
    .replace(/[ae]ie?/g, 'ai')
    .replace(/ie|([aeo])\1/g, (long) => `${long[0]}h`)
    .replace(/(.)\1+/g, '$1')
    .replace(/d$/, 't');
  return sound.length > 3 ? sound : '';
}

/** A sound as the key stores it after its mark: in full-width letters, and the mark again (a needle is both). */
const soundForm = (sound: string): string => fullWidth(sound) + SOUND_MARK;

// ---- phone numbers --------------------------------------------------------------------------

function canonicalPhone(value: string): { digits: string; plus: boolean } {
  // "(+49) 89 …" as some signatures write it: +49.
  const compact = plain(value).replace(/\s+/g, '').replace(/^\(\+/, '+');
  const plus = compact.startsWith('+');
  const international = plus || compact.startsWith('00');
  // "+49 (0)89 …": the national trunk 0 in parentheses is not dialled from abroad.
  let digits = (international ? compact.replace(/\(0\)/g, '') : compact).replace(/[^0-9]/g, '');
  if (plus) digits = `00${digits}`;
  // German numbers in national form; German area codes never start with 0, so "+49 089" is "089".
  if (digits.startsWith('0049')) digits = `0${digits.slice(4).replace(/^0+/, '')}`;
  // Nor do those of the other countries whose 0 after the country code is the trunk prefix
  // (src/contacts/vcard.ts TRUNK_ZERO_PLAIN): "+43 0664 …" is "+43 664 …".
  else digits = digits.replace(/^(00(?:31|32|33|41|43|44|90))0(?=[1-9])/, '$1');
  return { digits, plus };
}

/**
 * Canonical digits of a phone number: everything but digits goes, "+49…" and "0049…" become
 * the German national "0…", other "+cc…" become "00cc…", and "(0)" after a country code is
 * ignored. "089 3100 200", "+49 89 3100200", "0049 89 3100200", "+49 (0)89 3100-200" and
 * "089/3100 200" all give "0893100200".
 */
export function phoneDigits(value: string): string {
  return canonicalPhone(value).digits;
}

/** Digits and letters in their full-width forms (U+FF10-FF19, U+FF41-FF5A), which no needle as typed holds. */
const fullWidth = (text: string): string => text.replace(/[0-9a-z]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));

// ---- words ----------------------------------------------------------------------------------

/**
 * Control characters separate words like spaces do (a query's pasted tab or line break); format
 * characters are invisible and split nothing (JavaScript's \s counts U+FEFF as a space).
 */
const wordsOf = (value: string): string[] =>
  value
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '');

/** The distinct non-empty forms of a word: plain, folded (when it differs), expanded (when it differs from both). */
function formsOf(word: string): { plain: string; folded?: string; expanded?: string } | null {
  const base = plain(word);
  if (base === '') return null;
  const folded = spelling(base);
  const spelled = expanded(word);
  return {
    plain: base,
    ...(folded !== base ? { folded } : {}),
    ...(spelled !== base && spelled !== folded ? { expanded: spelled } : {}),
  };
}

// ---- the search key -------------------------------------------------------------------------

/** Code points and UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD). */
function measure(value: string): { codePoints: number; bytes: number } {
  let codePoints = 0;
  let bytes = 0;
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    codePoints += 1;
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < value.length && (value.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return { codePoints, bytes };
}

const fieldValue = (fields: Partial<KeyFields>, name: FieldName): string => fields[name] ?? '';

/** A character that shows: none of the separators, controls, format marks, combining marks or blank letters. */
export const NAME_VISIBLE = /[^\p{Z}\p{C}\p{M}\u115f\u1160\u2800\u3164\uffa0]/u;

interface Entry {
  mark: string;
  form: string;
  priority: number;
}

/**
 * A date in the notes, whose digits are no number to find (see searchKey): day and month with
 * dots, a year of four digits, two or none ("12.03.2027", "1.3.24", "12.03."), standing alone;
 * or with slashes and a year, day first, as a British buyer writes it ("12/03/2027": key format
 * 24, code review, stop 74).
 * Right after an area code it is a number grouped in pairs ("089 12.03.99", "(0171) 23.11.45",
 * "+49 (0)30 / 21.06.88" are 089 120399 …): nobody writes a date straight after an area code,
 * while after a whole number ("Rückruf 0911 654321 17.05.2024") or a date ("14.05.24 19.05.24")
 * it is a date again (review). A sentence's full stop may follow ("bis 15.2.2027.": format 19,
 * search walkthrough, stop 69), not a further number ("1.2.3.4"). Where unsure, a number: a date read as one only adds digits to
 * search (its words are kept as text either way), a number read as a date could not be found.
 */
const AREA_CODE = String.raw`(?:(?:\+|00)[1-9]\d{0,2}[ -]?(?:\(0\)[ -]?)?[1-9]\d{0,4}|\(0\d{1,5}\)|0[1-9]\d{0,4})`;
const NOTES_DATE = new RegExp(
  String.raw`(?<![\d.])(?<!(?<!\d\.?)${AREA_CODE}[ /-]*)(?:0?[1-9]|[12]\d|3[01])(?:\.(?:0?[1-9]|1[0-2])\.(?:\d{4}|\d\d)?(?!\.?\d)|/(?:0?[1-9]|1[0-2])/(?:\d{4}|\d\d)(?!/?\d))`,
  'g',
);

/**
 * A year of two digits as POSIX `%y` reads it, as the warranty form does (warranty.ts isoOf): up
 * to 69 this century's, from 70 the last one's ("12.03.89" is 1989: key format 16, stop 64).
 */
export const fullYear = (year: string): string => (year.length === 2 ? (year < '70' ? '20' : '19') : '') + year;

/** The dates in a note, each as " 02.03.2027" (a year of two digits by fullYear). */
function notesDates(value: string): string {
  let dates = '';
  for (const [date] of value.matchAll(NOTES_DATE)) {
    const [, day = '', month = '', year = ''] = /^(\d+)[./](\d+)[./](\d*)$/.exec(date) ?? [];
    // Without its year ("Termin 20.5."), as the day of any year a query names ("20.5.", "20 Mai").
    dates += ` ${day.padStart(2, '0')}.${month.padStart(2, '0')}.${year && fullYear(year)}`;
  }
  // In words, day first ("2. März 2027", "02.März 2027", "09. Juni 2027") or month first ("March 2,
  // 2027"), as a query reads them (datesNamed); and as ISO writes it ("2027-03-02"). Format 15:
  // a day of two digits, month first and ISO were not found (warranty review, stop 63).
  // (Also without a year, "Termin 20. Mai": stored "20.05.", search walkthrough, stop 70.)
  for (const [, day = '', name = '', year = ''] of value.matchAll(
    /(?<![\d.])(0?[1-9]|[12]\d|3[01])(?:\.\s*|\s+)(\p{L}+)\.?(?:\s+((?:19|20)\d\d)(?!\d))?/gu,
  )) {
    const month = monthOf(plain(name));
    if (month) dates += ` ${day.padStart(2, '0')}.${month}.${year}`;
  }
  for (const [, name = '', day = '', year] of value.matchAll(
    /(?<!\p{L})(\p{L}+)\.?\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)/gu,
  )) {
    const month = monthOf(plain(name));
    if (month) dates += ` ${day.padStart(2, '0')}.${month}.${year}`;
  }
  for (const [, year, month, day] of value.matchAll(/(?<![\d-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])/g))
    dates += ` ${day}.${month}.${year}`;
  // A year, perhaps with its month, written alone ("bis Ende 2027", "(2027)", "05/2027", "5.2027"),
  // as " .2027", " .05.2027": what a query after "Gewährleistung" or "bis" finds (datesNamed). Not
  // digits of a number ("089 2027 55", "089/2027") nor a date's year (stored above). Format 17.
  for (const [, month = '', year] of value.matchAll(/(?<!\d[ ./-]?)(?:(0?[1-9]|1[0-2])[./])?((?:19|20)\d\d)(?![ ./-]?\d)/g))
    dates += ` ${month && `.${month.padStart(2, '0')}`}.${year}`;
  // A span of years ("bis Ende 2027/28", "2027-2029", "2027 – 28") as its first and last year. Format 18.
  for (const [, first = '', last = ''] of value.matchAll(/(?<!\d[ ./-]?)((?:19|20)\d\d) ?[/–-] ?(\d\d|(?:19|20)\d\d)(?![ ./-]?\d)/g)) {
    const to = Number(last.length === 2 ? first.slice(0, 2) + last : last) - Number(first);
    if (to > 0 && to <= 10) dates += ` .${first} .${Number(first) + to}`;
  }
  return dates;
}

/**
 * The stored search key: every word of every field in its plain, folded and expanded form
 * (each distinct form once per section), head fields (names, company, position, title) marked
 * for prefix ranking, and the canonical digits of phone and mobile. See the layout above.
 *
 * Bound: at most KEY_MAX_FACTOR code points per code point of the fields and at most
 * KEY_MAX_BYTES of UTF-8. Forms are admitted by priority (head words' plain forms, phone digits,
 * other words' plain forms, a compound's parts, folded forms, expanded forms, the parts' folded forms) while they fit, so the rare excess of
 * pathological text costs its least useful forms first. A word's plain form always fits unless
 * its characters fold into three each (ﬃ, …, ½): then some words of such a contact may go.
 */
export function searchKey(fields: KeyFields): string {
  const entries: Entry[] = [];
  let textCodePoints = 0;
  // A firm's own card (no person's name): its company is its name.
  const person = NAME_VISIBLE.test(fields.firstName + fields.lastName);
  for (const name of [...HEAD_FIELDS, ...BODY_FIELDS]) {
    let value = fieldValue(fields, name);
    // The warranty's end is also found as the pages show it: "10.05.2027", "05.2027", "10.5.2027";
    // and by the word, so "Gewährleistung Fliesen" finds the tiler with an end (format 19).
    const iso = name === 'warrantyUntil' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(value) : null;
    if (iso) value += ` ${iso[3]}.${iso[2]}.${iso[1]} ${Number(iso[3])}.${Number(iso[2])}.${iso[1]}`;
    if (iso) entries.push({ mark: HEAD_MARK, form: WARRANTY_FORM, priority: PRIORITY_HEAD_PLAIN });
    // The end's date and, in the notes, the dates of a line that names the warranty ("Gewährleistung
    // bis Ende 2029") and of the lines after such a line without a date, up to an empty one
    // ("Gewährleistung:\n- Fliesen bis 31.05.2029"; code review, stop 70), marked as the
    // warranty's: what "Gewährleistung 2029" finds (datesNamed), not any date of that year
    // ("Abnahme am 12.03.2029": search walkthrough, stop 70). Format 21.
    // (Only after a line of the warranty without a date of its own, a heading: "Gewährleistung bis
    // 2030\nAbnahme am 12.03.2027" names the acceptance on its own line.)
    let heading = false;
    const warranty: string[] = iso ? [` ${iso[3]}.${iso[2]}.${iso[1]}`] : [];
    if (name === 'notes')
      for (const line of value.split('\n')) {
        // From the clause that names it on: "Küche geliefert 10.05.2027, Gewährleistung bis …" keeps
        // the delivery's date its own (walkthrough, stop 71).
        // Its later clauses only where that one has no date ("Gewährleistung bis 31.05.2029,
        // Abnahme am 12.03.2024" is the acceptance's; "Gewährleistung: Bad, Küche 2029": code review).
        const clauses = line.split(/(?<=[,;])/);
        const from = clauses.findIndex((clause) => WARRANTY_LINE.test(plain(clause)));
        const named = from >= 0;
        const own = named ? notesDates(clauses[from] ?? '') : '';
        const dates = named ? own || notesDates(clauses.slice(from + 1).join('')) : '';
        if (named) warranty.push(dates);
        else if (heading) warranty.push(notesDates(line));
        // A heading: a line that names the warranty and has no date at all (code review, stop 71:
        // "Herd gekauft 01.02.2026, 2 Jahre Garantie" made the next line's dates the warranty's).
        heading = line.trim() !== '' && (named ? !notesDates(line) : heading);
      }
    for (const token of warranty.join('').split(' ')) {
      const [, day = '', month = '', year = ''] = /^(\d\d)?\.(?:(\d\d)\.)?(\d{4})?$/.exec(token) ?? [];
      // (A day of any year, "20.05.", is a part of its date's form: stored alone only without a year.)
      for (const form of [
        day && year && `${day}.${month}.${year}`,
        month && year && `.${month}.${year}`,
        year && `.${year}`,
        !year && day && `${day}.${month}.`,
      ])
        if (form) entries.push({ mark: HEAD_MARK, form: WARRANTY_DATE + form, priority: iso ? PRIORITY_HEAD_PLAIN : PRIORITY_FOLDED });
    }
    // A postcode typed with a space ("50 672", as the form allows) is found by its digits too.
    if (name === 'postalCode' && /\d\s+\d/.test(value)) value += ` ${value.replace(/\s+/g, '')}`;
    // A date in the notes is also stored in one form, "02.03.2027", however it is written ("2.3.2027",
    // "12.03.27", "Frist „2.3.2027“", "am 2. März 2027"): that is the form a date is searched by
    // (buyer review, stop 60: "2.3.2027" found the 12th, "12.3.2027" no "Termin:12.3.2027").
    // (Counted as typed: the bound is of the fields, not of the dates read from them; code review, stop 70.)
    textCodePoints += measure(value).codePoints;
    if (name === 'notes') value += notesDates(value);
    const head = HEAD_FIELDS.includes(name);
    const own = name === 'firstName' || name === 'lastName' || (name === 'company' && !person);
    const mark = own ? NAME_MARK : head ? HEAD_MARK : BODY_MARK;
    const words = new Set(wordsOf(value));
    const add = (word: string, part: boolean) => {
      const forms = formsOf(word);
      if (!forms) return;
      entries.push({ mark, form: forms.plain, priority: part ? PRIORITY_PART : head ? PRIORITY_HEAD_PLAIN : PRIORITY_BODY_PLAIN });
      if (forms.folded) entries.push({ mark, form: forms.folded, priority: part ? PRIORITY_PART_FOLDED : PRIORITY_FOLDED });
      if (forms.expanded) entries.push({ mark, form: forms.expanded, priority: part ? PRIORITY_PART_FOLDED : PRIORITY_EXPANDED });
    };
    for (const word of words) add(word, false);
    // The trades a company's or position's words name, also by a part ("Sanitär-Heizung"): only
    // there, not a person's name (Gärtner, Maler) nor the notes ("Heizung prüfen").
    // Not the warranty's word ("Kundendienst Garantie"): only an end makes a contact the warranty's.
    if ((name === 'company' || name === 'position') && !NO_TRADE.test(fold(value)))
      for (const word of words)
        for (const form of tradeForms([word, ...word.split('-')].flatMap((part) => Object.values(formsOf(part) ?? {}))))
          if (form !== WARRANTY_FORM) entries.push({ mark: HEAD_MARK, form, priority: PRIORITY_HEAD_PLAIN });
    // A compound with hyphens is also typed as one word ("Fliesenmeier"), and its later parts
    // start a name as much as its first ("Meier" ranks Fliesen-Meier with the Meiers): stored
    // as words of their own, their plain forms admitted before any folded one under the bound (a
    // name alone, "Müller-Lüdenscheidt", has little room: code review), their folded ones last.
    // (Not an address's: "kuechen-schmidt.de" is no name.)
    if (name !== 'email' && name !== 'website')
      for (const word of words)
        if (/\p{L}-\p{L}/u.test(word)) for (const part of [word.replace(/-/g, ''), ...word.split('-').slice(1)]) add(part, true);
    // The sound of each word of a name or company, also of a part with hyphens ("Müller-Meyer"):
    // "Maier" finds "Meier" (soundOf; format 26), the first to go under the bound, the last name's
    // last (code review: "Jürgen Müller-Maier" kept only "Jürgen"'s). Not a legal form's or a
    // salutation's ("GmbH", "Frau"), which a search leaves out. Each word once.
    if (name === 'firstName' || name === 'lastName' || name === 'company')
      for (const part of new Set(value.split(/[^\p{L}\p{M}'’]+/u))) {
        const sound = FILLER.test(part) ? '' : soundOf(part);
        if (sound)
          entries.push({
            mark: mark === HEAD_MARK ? HEAD_SOUND_MARK : SOUND_MARK,
            form: soundForm(sound),
            priority: PRIORITY_SOUND + (name === 'company' ? 0.5 : name === 'firstName' ? 1 : 0),
          });
      }
  }
  for (const name of PHONE_FIELDS) {
    const { digits } = canonicalPhone(fieldValue(fields, name));
    if (digits !== '') entries.push({ mark: DIGITS_MARK, form: fullWidth(digits), priority: PRIORITY_DIGITS });
  }
  // A number in the notes, of six digits or more, is found by its digits however it is typed,
  // as the phone fields' are (UX review: an imported phone's emergency line, kept in the notes,
  // was found only spelled with its spaces). A postcode has five; a date is no number. Numbers
  // written one after the other ("089 123456 / 0171 2345678", "Kd-Nr. 4711 0800 1234567") are
  // one run: each place where another may start (a 0, + or bracket after a space or slash)
  // starts an entry of its own, of at most six groups, so a number typed with + finds it (code review).
  const notes = fieldValue(fields, 'notes').replace(NOTES_DATE, ' ');
  for (const run of notes.match(/[+(]?\d[\d ()/.\-‐-—−]*\d/g) ?? []) {
    const groups = run.split(/(?<=[\s/])(?=[+(0])/);
    for (let start = 0; start < groups.length; start += 1) {
      const { digits } = canonicalPhone(groups.slice(start, start + 6).join(''));
      if (digits.length >= 6) entries.push({ mark: DIGITS_MARK, form: fullWidth(digits), priority: PRIORITY_NOTES_DIGITS });
    }
  }

  const maxCodePoints = KEY_MAX_FACTOR * textCodePoints;
  let codePoints = 0;
  let bytes = 0;
  const kept = new Set<Entry>();
  const inName = new Set<string>();
  const inHead = new Set<string>();
  const inText = new Set<string>();
  const inDigits = new Set<string>();
  // Array.prototype.sort is stable: within a priority, the field order stays.
  for (const entry of [...entries].sort((a, b) => a.priority - b.priority)) {
    // A form already stored in the name covers the same form in the other head words, one in the
    // head the same in the body (a needle matches either).
    const seen = entry.mark === NAME_MARK ? inName : entry.mark === HEAD_MARK ? inHead : entry.mark === BODY_MARK ? inText : inDigits;
    if (seen.has(entry.form) || (entry.mark === HEAD_MARK && inName.has(entry.form))) continue;
    const size = measure(entry.mark + entry.form);
    if (codePoints + size.codePoints > maxCodePoints || bytes + size.bytes > KEY_MAX_BYTES) continue;
    codePoints += size.codePoints;
    bytes += size.bytes;
    kept.add(entry);
    seen.add(entry.form);
    if (entry.mark !== BODY_MARK && entry.mark !== DIGITS_MARK) inText.add(entry.form);
  }
  // Written in field order (head, body, digits) so that a key reads like the contact. A body form
  // that a head form (admitted later, by priority) also holds is redundant, and so is a head form
  // that a name form holds.
  return entries
    .filter(
      (entry) =>
        kept.has(entry) &&
        !(entry.mark === BODY_MARK && (inHead.has(entry.form) || inName.has(entry.form))) &&
        !(entry.mark === HEAD_MARK && inName.has(entry.form)),
    )
    .map((entry) => entry.mark + entry.form)
    .join('');
}

// ---- queries --------------------------------------------------------------------------------

/** A word of the query: the contact matches when any needle occurs in its key. */
export interface TextTerm {
  readonly kind: 'text';
  /** The word as typed. */
  readonly word: string;
  /** Its distinct plain and folded forms: "Müller" → ["muller"], "Michael" → ["michael", "michal"]. */
  readonly needles: readonly string[];
  /**
   * A word with hyphens, each part of three letters or more, also matches when each part starts a
   * word of a name, the company or the position ("Fliesen-Meier" finds "Fliesen Meier GmbH"),
   * ranked behind a match of the whole word.
   */
  readonly parts?: readonly TextTerm[];
  /**
   * A trade's word ("Elektriker", "Klempner", "Fliesenleger", "Heizungsbauer", "plumber") also
   * matches a company or position of that trade (TRADES): "Elektro Huber", "E-Technik Schulz",
   * "Sanitär Yılmaz", "Fliesen Bauer"; "Gewährleistung" a contact with a warranty end. The key's
   * forms of those trades.
   */
  readonly kin?: readonly string[];
  /**
   * Only from a word's start, or after the punctuation a stored word may begin with ("(Bauer)",
   * "Müller/Bauer", "„Bauer“", "Ansprechpartner:Bauer", "anna.bauer@…"): after a salutation, "Herr Bauer" is no "Gartenbauer".
   */
  readonly start?: boolean;
  /**
   * A word whose sound has four letters or more: that sound as stored for the words of a name or
   * company, after its mark (soundForm), so that "Meier" also finds "Maier" and "Mayer", ranked
   * behind a match as typed (soundTests).
   */
  readonly sound?: string;
}

/**
 * A run of phone-shaped words ("+49 89 3100-200", "80331", "12.03."): it matches when all its
 * words match as text, or when its canonical digits occur among the stored phone digits.
 */
export interface PhoneTerm {
  readonly kind: 'phone';
  /** The run as typed. */
  readonly text: string;
  readonly words: readonly TextTerm[];
  /** Canonical digits (phoneDigits). */
  readonly digits: string;
  /**
   * What to look for in the key: the digits in stored (full-width) form. A number typed with
   * "+" ("+49 89…") starts a stored number; anything else may be any part of one ("3100"; also
   * "0049 89…", since "00…" may as well be a part from the middle of a number).
   */
  readonly digitsNeedle: string;
  /**
   * A run that starts as an international number ("+49 171 1234567", "0049 171 …"): found by its
   * digits, or by a number its first words make and the rest as words ("+49 89 1234567 80331":
   * the postcode), never by all its words in any fields, where "+49" is in every German number
   * written so, "171" in one and "1234567" in another of a contact with other numbers
   * (walkthrough, stop 67).
   */
  readonly tails?: readonly { readonly digitsNeedle: string; readonly words: readonly TextTerm[] }[];
}

export type SearchTerm = TextTerm | PhoneTerm;

/**
 * A test on the search key, to be turned into SQL one to one:
 * `contains` → `instr(search_key, ?) > 0`, `all` → `(… AND …)`, `any` → `(… OR …)`.
 * parseQuery never produces an empty `all` or `any`.
 */
export type KeyTest = { readonly contains: string } | { readonly all: readonly KeyTest[] } | { readonly any: readonly KeyTest[] };

/** A query beyond this is cut (the longest field holds 2000). */
export const MAX_QUERY_CODE_POINTS = 2000;
/**
 * At most this many `contains` in matchTest plus all prefixTests together: D1 binds at most 100
 * parameters per statement, each distinct value once (src/db/prepared.ts), and a page's
 * statement binds up to 6 more (asset, limit, a cursor of 4). Terms beyond it are dropped (the
 * search gets broader, never wrong): from the 46th plain word, or the 23rd spelled with ae, oe or
 * ue ("Bauer": two forms, each to match and to rank); fewer where a word names a trade (its marks)
 * or a salutation names it (each form from a word's start and after six marks of punctuation),
 * and from the 31st word with a sound (soundOf: one more value each).
 */
export const MAX_QUERY_NEEDLES = 90;

const PHONE_SHAPED = /^[0-9+/().-]+$/;

/**
 * Phone labels, as alternatives of a regular expression (any case): one list for what a phone
 * field drops before its number (schema.ts phoneAsStored: `either` in both fields, `landline` in
 * the phone field, `mobile` in the mobile field) and what the search leaves out (FILLER and
 * LABELLED below, "Fax" too), so that the form's duplicate hint finds a number typed with any
 * of them (code review, stop 68: the two lists had come apart). app.js mirrors the search's.
 */
export const PHONE_LABELS = {
  either: 'tel|tel\\.?-?nr|telefon(?:nummer)?|fon|phone',
  landline: 'festnetz',
  mobile: 'mob|mobil(?:e|telefon|nummer)?|handy(?:nummer)?|cell',
};
const ANY_LABEL = `${PHONE_LABELS.either}|${PHONE_LABELS.landline}|${PHONE_LABELS.mobile}|fax`;

/**
 * A salutation, German or English, and those of the buyers' other languages: Polish "Pani",
 * Italian "Signora", Spanish "Sra.", French "Madame", Turkish "Bayan", "Sayın", and "Bey" and
 * "Hanım" after a first name ("Ahmet Bey"; search walkthroughs, stops 70 and 71: they were words
 * to match). Not "Pan" or "Bay": they are names too ("Michael Bay"; code review, stop 71).
 */
const SALUTATIONS =
  'herrn?|frau|hr\\.|fr\\.|mrs?\\.?|ms\\.?|pani|signora|signore?|sig\\.(?:ra)?|sra\\.?|madame|monsieur|mme\\.?|bey|han[iı]m|bayan|say[iı]n';

/**
 * Words typed around what is sought, which no field holds: a salutation ("Frau Köhler"), a
 * firm's ("Fa. Brandl", "Firma Brandl"), a legal form the book may not have ("Elektro Brandl
 * GmbH": buyer review), a phone label ("Tel. 089 …": PHONE_LABELS), "und" ("Fenster und Türen",
 * "Schindler + Söhne"). Left out while another word remains; "Fr" alone is how "Franz" starts,
 * so only "Fr." is one, as only "Fa." ("Fabian").
 */
const FILLER = new RegExp(
  `^(?:${SALUTATIONS}|fa\\.|firma|(?:${ANY_LABEL})\\.?|und|u\\.|&|\\+|(?:gmbh|mbh|ag|kg|ohg|gbr|ug|kgaa)\\.?|e\\.k\\.?|co\\.?):?$`,
  'i',
);

/** Of those, the ones that say a person is sought ("Herr Meier": Karl Meier before the firm Fliesen-Meier). */
const SALUTATION = new RegExp(`^(?:${SALUTATIONS}):?$`, 'i');

/** A word as FILLER and SALUTATION see it: without brackets and quotes around it ("(Frau)", „Frau"). */
const bare = (word: string) => word.replace(/^[([{<„“”‚‘’«»"]+|[)\]}>“”‘’«»,;"]+$/gu, '');

/**
 * A phone label typed onto its number ("Tel.:089/…", "Mobil:0171…"): two words, the label then
 * left out as FILLER. Only before a number (three digits, "+" or "("): "Handy24" is a name.
 */
const LABELLED = new RegExp(`(?<=^(?:${ANY_LABEL})\\.?:?)(?=[+(]|\\d{3})`, 'i');

/** Of those, the ones that say a firm is sought ("Kowalczyk GmbH": the firm before the people named so). */
const FIRM = /^(?:(?:gmbh|mbh|ag|kg|ohg|gbr|ug|kgaa)\.?|e\.k\.?|fa\.|firma):?$/i;

/** The words of a query as parseQuery reads them (before FILLER is left out). */
const typedWords = (query: string) =>
  wordsOf([...query].slice(0, MAX_QUERY_CODE_POINTS).join(''))
    .flatMap((word) => word.split(LABELLED))
    // "Schmidt+Partner", "GmbH&Co" as two words.
    .flatMap((word) => word.split(/(?<=\p{L})[+&/](?=\p{L})/u));

/** Whether a query names a person with a salutation besides what it seeks: then people rank before firms. */
export function seeksPerson(query: string): boolean {
  return seeks(query, SALUTATION);
}

/**
 * Whether a query names the warranty ("Gewährleistung 2029", "Garantie", "Frist"): then each row
 * says its end, as the warranty view's do (search walkthrough, stop 70: rows ending years ahead
 * did not say why they were found).
 */
export const seeksWarranty = (query: string): boolean => WARRANTY_LINE.test(plain(query));

/** Whether a query names a legal form or "Firma" besides what it seeks: then firms rank before people without one. */
export function seeksFirm(query: string): boolean {
  return seeks(query, FIRM);
}

function seeks(query: string, kind: RegExp): boolean {
  const words = typedWords(query).map(bare);
  return words.some((word) => kind.test(word)) && words.some((word) => !FILLER.test(word));
}

/**
 * What a word is wrapped in when copied or typed: brackets, typographic quotes, a web address's
 * scheme and "www.", and a sentence's punctuation ("Hauptstr.", "Schmidt,", „Schröder“). Inside
 * a word it stays ("O'Brien", "e.V", "Müller-" while typing); the typewriter's " stays wherever
 * it is (contract: quotes match literally; around a word also the word inside, textTerm), and '
 * is an apostrophe, which folding drops.
 */
const EDGES = /^(?:[([{<„“”‚‘’«»]|https?:\/\/|www\.)+|[)\]}>“”‘’«».,;:!?/]+$/giu;

/**
 * The trades a buyer searches by their word where the book names the firm or its position by
 * another ("Elektriker" for "Elektro Huber", "Klempner" and "Installateur" for "Sanitär Yılmaz",
 * "Gärtner" for "GaLaBau Nowak", "Heizungsbauer" for "Heizung Roth": search walkthrough, stop 69,
 * High): each trade's stems in their folded form, separated by ";". A word is a trade's when it is
 * one of its stems with an ending of TRADE_ENDING ("elektr" + "iker", "fliese" + "n" + "leger",
 * "heiz" + "ung" + "s" + "bauer"), in the query as in a company's or position's words, which the
 * key marks with the trade (tradeForms): "Heizmann", "Kaminski" or "Dachau" are none, and a
 * person named Gärtner or Maler is no gardener or painter (code review). No library knows German
 * trades; a list, as small as the Worker's size allows. The last "trade" is the warranty's word:
 * a contact with an end holds its mark.
 */
const TRADES =
  'elektr e-techn etechn electric;sanit klempn installateur spengl shk anlagenmechan haustechn badsanier plumb;heiz heating;garten gartn galabau landschaftsgartn landschaftsbau garden landscap;fliese tile tiling;maler lackier anstreich paint;tischl schrein carpent joiner;schornstein bezirksschornstein kaminkehr kaminfeg chimney;dach bedach roof;kueche kitchen;fenster window;hausverwalt immobilienverwalt objektverwalt verwalter;bauleit;boden parkett floor parquet;schlosser schlussel locksmith;architekt innenarchitekt architect;bautrag projektentwickl wohnbau developer;pool schwimmbad;aufzug fahrstuhl lift elevator;solar photovoltaik;trockenbau drywall;glaser glazier;stuckat verputz plaster;estrich screed;rolllad rollad shutter;zimmerei zimmerer holzbau;gewahrleistung gewaehrleistung garantie warranty'
    .split(';')
    .map((trade) => trade.split(' '));
const TRADE_ENDING =
  /^(?:o|oniker|iker|ik|ar|al|ur|e?r|erin|in|ei|erei|ung|e?n|e|ian|ing|t?eur|ateur|ation)?(?:s?(?:bau(?:er)?|betrieb|fachbetrieb|firma|leger|meister|monteur|technik(?:er)?|installat(?:eur|ion)|studio|service|dienst|feger|kehrer|decker(?:ei)?|belage?|buro|anlage|ende|frist)){0,2}(?:in|innen|e|en|n)?$/;
/**
 * A company that names another business beside a trade's word is none of that trade ("Kanzlei
 * Gärtner & Partner", "Schloss-Apotheke", "Versicherungsbüro Glaser", "Konditorei Kuchenmeister":
 * search walkthrough, stop 69).
 */
const NO_TRADE = /apothek|kanzlei|notar|versicher|restaurant|konditor|backer|praxis/;
/** A role's word, said after its trade's ("kitchen fitter"), without a plural's "s". */
const ROLE =
  /^(?:manager(?:in)?|sweep(?:er)?|fitter|builder|installer|contractor|compan(?:y|ie)|firm|service|technician|engineer|layer|maker|mechanic|specialist|designer|expert|worker|repair(?:er)?|fachbetrieb|betrieb|studio|meister(?:in)?|monteur(?:in)?|bau|techniker?|leger|fachmann)$/;
/** A word that names a trade before a role's word: the site's manager, the property's, the interior's architect. */
const QUALIFIER = /^(?:(site|construction)|(property|facility|facilities|estate)|(interior))$/;
/** The mark of a trade in the key (TRADES), where no needle has a control character. */
const TRADE_MARK = '\u0002';
/** The key's forms of the trades one of `forms` names ("heizungsbauer": the heating's). */
const tradeForms = (forms: readonly string[]): string[] =>
  TRADES.flatMap((stems, index) =>
    stems.some((stem) => forms.some((form) => form.startsWith(stem) && TRADE_ENDING.test(form.slice(stem.length))))
      ? [TRADE_MARK + String.fromCharCode(97 + index)]
      : [],
  );
/** The warranty's mark: a contact with an end holds it. */
const WARRANTY_FORM = TRADE_MARK + String.fromCharCode(96 + TRADES.length);
/** The mark of the warranty's dates (searchKey), apart from WARRANTY_FORM, which only an end gives. */
const WARRANTY_DATE = TRADE_MARK + String.fromCharCode(97 + TRADES.length);

function textTerm(word: string): TextTerm | null {
  // Typewriter quotes around a word, as a web search takes them (`"Huber"`): also the word inside,
  // besides the quotes as typed (contract: quotes match literally; search walkthrough, stop 70).
  const inner = word.replace(/^"+|"+$/g, '');
  const own = wordTerm(word);
  const inside = inner !== word && inner !== '' ? wordTerm(inner) : null;
  return inside && own ? { ...inside, word, needles: [...new Set([...own.needles, ...inside.needles])] } : own;
}

function wordTerm(word: string): TextTerm | null {
  const base = plain(word);
  // A German postcode with its country's letter ("D-80331", as letterheads write it) is also
  // its five digits, as the form stores it mostly (search review, stop 62: it found nothing).
  const postcode = /^d-(\d{5})$/.exec(base)?.[1] ?? '';
  const needles = [...new Set([base, fold(word), postcode])].filter((needle) => needle !== '');
  if (needles.length === 0) return null;
  // Typed with a hyphen, a firm's name stored as two words is found too, by its parts (buyer
  // review: "Fliesen-Meier" found no "Fliesen Meier GmbH"). Only parts that start words of the
  // head fields, none shorter than three letters: "E-Mail", "T-Online" or "Groß-Bölting" (in a
  // street "Großhaderner Str.") are no two words of a name (code review).
  const split = /\p{L}-\p{L}/u.test(word) ? word.split('-') : [];
  const parts = split.every((part) => [...plain(part)].length >= 3) ? split.flatMap((part) => textTerm(part) ?? []) : [];
  // By any of its forms: folding makes "Heizungsbauer" "heizungsbaur" ("ue" as "ü"), and
  // "Gaertner" "gartner".
  // (And its spelled-out umlauts: "Küchen" is "kuechen", "Kuchen" no kitchen.)
  // (And an English plural, only as typed: "electricians", "tiles"; search walkthrough, stop 70.
  // Not in the key: "Dachs Bau" is no roofer.)
  const forms = [...needles, expanded(word)];
  // (And a word of no trade from its start, a compound whose last part is a trade's word after
  // four letters or more: "Einbauküche", "Flachdach", "Fußbodenheizung"; search walkthrough, stop
  // 70. Not "Elektroinstallateur" as a plumber's, not a garden's: "Kindergarten", "Baumgarten" are
  // none, nor an "Insolvenzverwalter" a property manager or a "Bankgarantie" a warranty (code
  // review, stop 71). Only the query's: a firm's word is read from its start. A word of 24 letters
  // at most: a hostile query of long words stays cheap.)
  const read = tradeForms(forms.flatMap((form) => [form, form.replace(/(?<![hs])s$/, '')]));
  const kin = read.length
    ? read
    : tradeForms(
        forms.flatMap((form) =>
          form.length > 24
            ? []
            : [...form.slice(4)].map((_, at) => form.slice(at + 4)).filter((part) => !/^(?:gart|verwalt|garant)/.test(part)),
        ),
      );
  const sound = soundOf(word);
  return {
    kind: 'text',
    word,
    needles,
    ...(parts.length > 1 ? { parts } : {}),
    ...(kin.length ? { kin } : {}),
    ...(sound ? { sound: soundForm(sound) } : {}),
  };
}

function phoneTerm(run: readonly string[], dates?: ReadonlyMap<string, readonly string[]>): SearchTerm[] {
  // A date in numbers matches as that date (datesNamed), or as a number by its digits ("089 12.03.99").
  const wordsOf = (part: readonly string[]) =>
    part
      .map((word): TextTerm | null => {
        const date = dates?.get(word);
        return date ? { kind: 'text', word, needles: date } : textTerm(word);
      })
      .filter((term): term is TextTerm => term !== null);
  const words = wordsOf(run);
  if (!run.some((word) => /[0-9]/.test(plain(word)))) return words;
  const text = run.join(' ');
  const { digits, plus } = canonicalPhone(text);
  const needleOf = (number: { digits: string; plus: boolean }) => (number.plus ? DIGITS_MARK : '') + fullWidth(number.digits);
  // An international start with a number's digits: its tails, each a number of the first words
  // (8 to 15 digits, as E.164 allows) and the words after it.
  if (run.length > 1 && /^\(?(?:\+|00)/.test(plain(run[0] ?? '')) && digits.length >= 8) {
    const tails = [];
    for (let end = 2; end < run.length; end++) {
      const number = canonicalPhone(run.slice(0, end).join(' '));
      if (number.digits.length >= 8 && number.digits.length <= 15)
        tails.push({ digitsNeedle: needleOf(number), words: wordsOf(run.slice(end)) });
    }
    return [{ kind: 'phone', text, words, digits, digitsNeedle: needleOf({ digits, plus }), tails }];
  }
  return [{ kind: 'phone', text, words, digits, digitsNeedle: needleOf({ digits, plus }) }];
}

const needleCount = (test: KeyTest): number =>
  'contains' in test ? 1 : ('all' in test ? test.all : test.any).reduce((sum, part) => sum + needleCount(part), 0);

/**
 * The terms of a search query, or [] when nothing searchable remains (then nothing is filtered).
 * Control characters separate words; a run of consecutive phone-shaped words (digits and
 * `+ / - ( ) .`, at least one digit in the run) stays together as one PhoneTerm. Repeated terms
 * count once. `%`, `_`, quotes and backslashes are ordinary characters.
 */
export function parseQuery(query: string): SearchTerm[] {
  const typed = typedWords(query);
  // A salutation in brackets or quotes is one too ("(Frau)", „Frau Köhler“: code review). A street
  // written out finds it abbreviated: "Leopoldstraße" and "Berliner Straße" (but not "Straße" alone) "…str.".
  const meant = typed.filter((word) => !FILLER.test(bare(word)));
  const words = (meant.length > 0 ? meant : typed).map(
    (word) =>
      (!PHONE_SHAPED.test(word) &&
        word
          .replace(EDGES, '')
          .replace(/(?<=(\p{L})-?|^)stra(?:ss|ß)e$/iu, (street, letter) => (letter || meant.length > 1 ? 'str' : street))) ||
      word,
  );
  const { dates, replace } = datesNamed(words);
  // The name a salutation names: the word after it, or before "Bey"/"Hanım" ("Ahmet Bey").
  const named = new Set(
    typed.flatMap((word, at) =>
      SALUTATION.test(bare(word)) ? [(typed[/^(?:bey|han[iı]m)/i.test(bare(word)) ? at - 1 : at + 1] ?? '').replace(EDGES, '')] : [],
    ),
  );
  const terms: SearchTerm[] = [];
  let run: string[] = [];
  const flush = () => {
    terms.push(...phoneTerm(run, dates));
    run = [];
  };
  for (const word of words) {
    const date = dates.get(word);
    if (date && replace.has(word)) {
      flush();
      terms.push({ kind: 'text', word, needles: date });
      continue;
    }
    if (PHONE_SHAPED.test(plain(word))) {
      // A second number after a first ("Tel. +49 89 1234567 Mobil +49 171 …", the word between
      // left out as filler): a run of its own, as the notes' numbers are read (code review).
      if (/^(?:\+|00|\()/.test(plain(word)) && run.join('').replace(/[^0-9]/g, '').length >= 6) flush();
      run.push(word);
      continue;
    }
    flush();
    const term = textTerm(word);
    // The word a salutation names is a name's, from its start: "Frau Gärtner" is no gardener's,
    // "Herr Bauer" no "Gartenbauer", "Herr Meister" no "Dachdeckermeister" (search walkthroughs,
    // stops 69 and 71); only that word ("Herr Huber Elektriker" still means the trade: code review).
    if (term)
      terms.push(
        date ? { ...term, needles: [...term.needles, ...date] } : named.has(word) ? { ...term, kin: undefined, start: true } : term,
      );
  }
  flush();
  // A role's word after a trade's word ("chimney sweep", "kitchen fitter", "Küchen Studio"), or
  // after a word that names a trade only with it ("site manager", "property manager", "interior
  // designer"), means that trade too, and so does such a word before a trade's ("interior
  // architect", "property developer"): each word must match, and "sweep", "manager" or
  // "interior" alone matched nothing (search walkthrough, stop 70).
  terms.forEach((term, at) => {
    const before = terms[at - 1];
    if (term.kind !== 'text' || before?.kind !== 'text') return;
    const qualified = QUALIFIER.exec(plain(before.word))?.slice(1);
    const role = ROLE.test(plain(term.word).replace(/s$/, ''));
    const kin = role
      ? (before.kin ?? tradeForms(qualified ? [['bauleit', 'hausverwalt', 'innenarchitekt'][qualified.findIndex(Boolean)] ?? ''] : []))
      : qualified
        ? (term.kin ?? [])
        : [];
    if (kin.length === 0) return;
    terms[at - 1] = { ...before, kin };
    if (role) terms[at] = { ...term, kin: [...new Set([...(term.kin ?? []), ...kin])] };
  });

  const seen = new Set<string>();
  const kept: SearchTerm[] = [];
  let needles = 0;
  for (const term of terms) {
    const identity = JSON.stringify([termTest(term), prefixTest(term)]);
    if (seen.has(identity)) continue;
    // A needle's match, name and head tests bind one value (the repository writes the marks in
    // the SQL), so D1's limit would allow more; counted as a match and one head test, as before
    // the name's test, a query keeps the 45 words it had (30 with a sound of four letters or
    // more, which count it too): the bound on a search's work.
    // (A sound's two tests, of the name's and of the head's, bind one value: repository.ts MARKS.)
    const cost = needleCount(termTest(term)) + needleCount(nameTest(term)) - (term.kind === 'text' && term.sound ? 1 : 0);
    if (needles + cost > MAX_QUERY_NEEDLES) break;
    seen.add(identity);
    kept.push(term);
    needles += cost;
  }
  return kept;
}

/**
 * Month names in German and English, full and short, as a date is written out or shown ("10 May
 * 2027" is the English list's "Warranty ends on …"; "10. Mai 2027", "März 2027", Austrian "Jänner
 * 2027" as people write a date in words), in their plain form (umlauts as their base letter): the
 * month's number is the group that matches.
 */
const MONTH =
  /^(?:(jan(?:uary?)?|janner)|(feb(?:r|ruary?)?)|(m(?:a|ae)rz|mar(?:ch)?|mrz)|(apr(?:il)?)|(ma[iy])|(june?|juni)|(jul[iy]?)|(aug(?:ust)?)|(sept?(?:ember)?)|(o[ck]t(?:ober)?)|(nov(?:ember)?)|(de[cz](?:ember)?))$/;
const DAY = /^(0?[1-9]|[12]\d|3[01])(?:\.|st|nd|rd|th)?,?$/i;
const YEAR = /^((?:19|20)\d\d|2100)[.,]?$/;
/**
 * Words said around a date in words ("im Mai 2027", "Ende März 2027", "the 10th of May 2027"; the
 * list's "Warranty ends on …"), in their plain form: no key holds them.
 */
const AROUND_DATE =
  /^(?:am|im|bis|zum|anfang|mitte|ende|on|in|of|the|by|until|end|gewahrleistung|gewaehrleistung|garantie|endet|endete|warranty|ends|ended)$/;

const monthOf = (word: string): string | undefined => {
  const groups = MONTH.exec(word)?.slice(1);
  const index = groups?.findIndex((group) => group !== undefined) ?? -1;
  return index < 0 ? undefined : String(index + 1).padStart(2, '0');
};

/** A word's plain form as typed, at the start of a word of any field ("12.3.2027" in a company's name). */
const fromWordStart = (form: string): string[] => [NAME_MARK, HEAD_MARK, BODY_MARK].map((mark) => mark + form);

/**
 * A date in numbers ("12.03.2027", "2.3.2027", "(12.3.27)"), read from a word's plain form; also
 * with slashes, day first, as a British buyer writes it ("12/03/2027": UX walkthrough, stop 74, it
 * found nothing; the English pages show "12 Mar 2027").
 */
const NUMERIC_DATE = /^\(?(0?[1-9]|[12]\d|3[01])([./])(0?[1-9]|1[0-2])\2((?:19|20)?\d\d|2100)\)?[.,]?$/;

/**
 * The day as the warranty's end and every date in the notes are stored ("03.09.2027"; key
 * format 13), a year of two digits by fullYear: "3.9.2027" or "3 Sept 2027" never finds the 13th.
 */
const dayNeedles = (day: string, month: string, year: string) => [`${day.padStart(2, '0')}.${month.padStart(2, '0')}.${fullYear(year)}`];

/** The days the list's badge counts before its date ("in 12 Tagen, am", "morgen, am", "in 3 days, on", "today, on"). */
const SOON_DAY = /^(?:morgen|heute|tomorrow|today)$/;
const DAYS = /^(?:tag|tagen?|days?)$/;
const COUNT = /^\d{1,3}$/;
const ON = /^(?:am|on)$/;

/** Words said before a date in numbers ("bis 12.03.2027", the list's "Gewährleistung endet am …"). */
const BEFORE_DATE = /^(?:am|bis|zum|gewahrleistung|gewaehrleistung|garantie|endet|endete|warranty|ends|ended|until|on)$/;
/** The warranty's words: said before a date, the date is the warranty's (searchKey's marked dates). */
const WARRANTY_WORD = /^(?:gewae?hrleistung|garantie|warranty)$/;
/** A line of the notes that names the warranty: its dates are the warranty's too. */
const WARRANTY_LINE = /gewae?hrleist|garantie(?!rt)|guarant|warrant|(?<!\p{L})frist/u;

/**
 * Dates in a query, keyed by the words that match them: a month name between a day (optional)
 * and a year, written out as "10 May 2027", "10. Mai 2027", "May 10th, 2027", "10.Mai.2027" or
 * "Mai 2027", also matches that date as stored and shown in numbers ("10.05.2027", "05.2027": the
 * warranty's end, a date in the notes), beside the words themselves (a note "im Mai 2027" is
 * still found); so do the words said around it ("im", "of", "bis", "Gewährleistung endet am"),
 * which no key holds, and an ordinal day ("10th"). A date in numbers ("2.3.2027") and a day in
 * numbers before or after a month name ("12.", "10,") match only as a date (a number's digits
 * anywhere found "2.3.2027" in "12.3.2027" and "12. März" in any note of March with a 12 in a
 * phone number: buyer review, stop 60); `replace` marks those, whose needles replace their own.
 */
function datesNamed(words: readonly string[]): { dates: Map<string, readonly string[]>; replace: Set<string> } {
  const dates = new Map<string, readonly string[]>();
  const replace = new Set<string>();
  // The words said around a date before it (back from `index`, over its day's word) take it too.
  const word = (at: number) => plain(words[at] ?? '');
  // The list's badge before its date: "endet in 12 Tagen, am", "endet morgen, am", "ends in 3
  // days, on" (buyer review: copied from the badge, it found nothing). Only as the badge says
  // them, before "am"/"on": "Hans Morgen 12.03.2027" keeps its name, "in" and "Tag" their words (review).
  const soon = (at: number) =>
    (SOON_DAY.test(word(at)) && ON.test(word(at + 1))) ||
    (DAYS.test(word(at)) && COUNT.test(word(at - 1)) && ON.test(word(at + 1))) ||
    (COUNT.test(word(at)) && DAYS.test(word(at + 1)) && ON.test(word(at + 2))) ||
    (word(at) === 'in' && COUNT.test(word(at + 1)) && DAYS.test(word(at + 2)) && ON.test(word(at + 3)));
  // A warranty's word takes the date as the warranty's only (marked as searchKey stores the end's):
  // "Gewährleistung 2025" listed every contact with any date of 2025 (search walkthrough, stop 70).
  const said = (at: number, date: readonly string[]) => {
    if (!WARRANTY_WORD.test(word(at))) return dates.set(words[at] ?? '', date);
    dates.set(
      words[at] ?? '',
      date.filter((needle) => /^\.?\d/.test(needle)).map((needle) => WARRANTY_DATE + needle.replace(/^(?=\d\d\.\d{4}$)/, '.')),
    );
    replace.add(words[at] ?? '');
  };
  const around = (index: number, date: readonly string[], day = -1, saidBefore = AROUND_DATE) => {
    for (let at = index - 1; at >= 0 && (at === day || saidBefore.test(word(at)) || soon(at)); at -= 1) if (at !== day) said(at, date);
  };
  words.forEach((word, index) => {
    // A year or a month of a year ("Gewährleistung 2027", "bis 03.2027", "Warranty 2027"): the
    // words said before it go with it (they found nothing: warranty review, stop 63). After them
    // it is only a date's year ("12.03.2027") or one the notes write alone (notesDates), not
    // digits of a phone number or a postcode; a closing dot or brackets do not hide it (stop 64).
    // (A month in ISO, "2027-05" or "2027-5", as "05/2027": walkthrough, stop 71, it found only ends.)
    const isoMonth = /^((?:19|20)\d\d|2100)-(0?[1-9]|1[0-2])$/.exec(plain(word));
    const [alone, itsMonth = '', slash, itsYear] = isoMonth
      ? [word, isoMonth[2], '/', isoMonth[1]]
      : (/^\(?(?:(0?[1-9]|1[0-2])([./]))?((?:19|20)\d\d|2100)\)?[.,]?$/.exec(plain(word)) ?? []);
    if (alone) {
      // As the end and the notes' dates and years are stored (" 15.03.2027", " .05.2027", " .2027").
      const needles = [`${itsMonth && `.${itsMonth.padStart(2, '0')}`}.${itsYear}`];
      // Over "in", "Ende" … only right after those words ("endet in 2027", "bis Ende 2027": stop 63's
      // list), as they are names and words of their own elsewhere ("Michael Ende 2027").
      let at = index - 1;
      while (/^(?:in|im|ende|end|anfang|mitte|of|the)$/.test(plain(words[at] ?? ''))) at -= 1;
      // Only after those words: after a month name the year keeps its text too ("Mai/2027": review).
      around(at + 1, needles, -1, BEFORE_DATE);
      if (BEFORE_DATE.test(plain(words[at] ?? ''))) {
        while (++at < index) said(at, needles);
        dates.set(word, needles);
        replace.add(word);
      } else if (slash === '/' && !PHONE_SHAPED.test(plain(words[index - 1] ?? ''))) {
        // "05/2027" alone is that month, as "05.2027" finds it (search walkthrough, stop 69: read
        // as a number's digits, it found nothing), or as typed from a word's start; not after a
        // number's first part ("089 05/2027").
        dates.set(word, [...needles, ...fromWordStart(plain(word))]);
        replace.add(word);
      }
      return;
    }
    // A day and month in numbers ("14.1."): that day of any year, or as typed from a word's start,
    // not a number's digits (search re-check, stop 69: "14.1." found numbers with 141).
    const dayMonth = /^\(?(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.\)?$/.exec(plain(word));
    if (dayMonth) {
      dates.set(word, [`${dayMonth[1]?.padStart(2, '0')}.${dayMonth[2]?.padStart(2, '0')}.`, ...fromWordStart(plain(word))]);
      replace.add(word);
      return;
    }
    // (Or in ISO, "2027-03-12", as a calendar or a spreadsheet writes it: search walkthrough, stop 70;
    // "2027/03/12", and "20270312" as a calendar file does: walkthrough, stop 71.)
    const iso = /^((?:19|20)\d\d|2100)(?:([-/])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))$/.exec(
      plain(word),
    );
    const numeric = iso ? [word, iso[4] ?? iso[6], '', iso[3] ?? iso[5], iso[1]] : NUMERIC_DATE.exec(plain(word));
    if (numeric) {
      const [, day = '', , month = '', year = ''] = numeric;
      // Or as typed, at the start of a word of any field ("12.3.2027" in a company's name), never
      // inside one ("2.3.2027" is no part of "12.3.2027").
      const date = [...dayNeedles(day, month, year), ...fromWordStart(plain(word))];
      dates.set(word, date);
      // Not "Ende" or "in": words of names too ("Michael Ende 12.03.2027": review).
      around(index, date, -1, BEFORE_DATE);
      return;
    }
    // "10.Mai" or "10.Mai.2027" typed as one word: its day and year are its own.
    const [, joinedDay, name = '', joinedYear] = /^(?:(\d{1,2})\.)?(.*?)(?:[.,]|\.((?:19|20)\d\d|2100))?$/.exec(plain(word)) ?? [];
    const month = monthOf(name);
    if (!month) return;
    const next = words[index + 1] ?? '';
    // "May 10, 2027": the day after the month, then the year.
    const dayAfter = joinedDay || joinedYear || YEAR.test(next) ? undefined : DAY.exec(next)?.[1];
    const year = joinedYear ?? YEAR.exec(dayAfter ? (words[index + 2] ?? '') : next)?.[1];
    // The day before the month, perhaps with words said between ("10. Mai", "the 10th of May").
    let at = joinedDay || dayAfter ? -1 : index - 1;
    while (at >= 0 && !DAY.test(words[at] ?? '') && AROUND_DATE.test(plain(words[at] ?? ''))) at -= 1;
    const before = at >= 0 ? (words[at] ?? '') : '';
    const day = joinedDay ?? dayAfter ?? DAY.exec(before)?.[1];
    // A day of a month without its year ("20. Dezember") is that day of any year, as the end and
    // the notes' dates are stored ("20.12."; walkthrough, stop 69: it found nothing); a month alone is a word.
    if (!year && !day) return;
    // (Or the day's word as typed, before a note's "Termin 20. Dezember.": search re-check, stop 69.)
    const dayText = plain(dayAfter ? next : before);
    const typed = !year && !joinedDay && dayText.endsWith('.') ? fromWordStart(dayText) : [];
    const date = !year ? [`${day?.padStart(2, '0')}.${month}.`] : day ? dayNeedles(day, month, year) : [`${month}.${year}`];
    dates.set(word, date);
    // The day's word: only the date (a note's "am 12. März 2027" is stored as one too), never its
    // digits anywhere.
    const dayWord = dayAfter ? next : day && !joinedDay ? before : '';
    if (dayWord) {
      // Only the day's word (and "am" before it) is also itself: the month's word with it would find
      // any "20." (review).
      dates.set(dayWord, [...date, ...typed]);
      if (PHONE_SHAPED.test(plain(dayWord))) replace.add(dayWord);
    }
    around(index, [...date, ...typed], dayWord && !dayAfter ? at : -1);
  });
  return { dates, replace };
}

/** When a contact matches one term. */
export function termTest(term: SearchTerm): KeyTest {
  if (term.kind === 'text')
    return {
      any: [
        ...term.needles.flatMap((needle) =>
          (term.start ? [...fromWordStart(needle), ...'(/„":.'.split('').map((edge) => edge + needle)] : [needle]).map((form) => ({
            contains: form,
          })),
        ),
        // (Each part also by its sound: "Sanitär-Meier" finds "Sanitär-Maier"; code review.)
        ...(term.parts
          ? [{ all: term.parts.map((part) => (part.sound ? { any: [prefixTest(part), ...soundTests(part)] } : prefixTest(part))) }]
          : []),
        ...kinTests(term),
        ...soundTests(term),
      ],
    };
  const digits: KeyTest = { contains: term.digitsNeedle };
  if (term.tails)
    return { any: [digits, ...term.tails.map((tail) => ({ all: [{ contains: tail.digitsNeedle }, ...tail.words.map(termTest)] }))] };
  return term.words.length === 0 ? digits : { any: [{ all: term.words.map(termTest) }, digits] };
}

/** When a contact matches the whole query: every term. (An empty query filters nothing.) */
export function matchTest(terms: readonly SearchTerm[]): KeyTest {
  return { all: terms.map(termTest) };
}

/**
 * When a term starts a word of a head field (first or last name, company, position, title):
 * "schm" starts "Schmidt", "midt" does not. A phone term: when each of its words does.
 */
export function prefixTest(term: SearchTerm): KeyTest {
  // (A match by a hyphenated word's parts alone ranks behind one of the whole word: not here.)
  if (term.kind === 'text')
    return {
      any: [...term.needles.flatMap((needle) => [{ contains: NAME_MARK + needle }, { contains: HEAD_MARK + needle }]), ...kinTests(term)],
    };
  return { all: term.words.map(prefixTest) };
}

/** A word's sound in a word of the contact's own name, and in a company its person works at. */
const soundTests = (term: TextTerm): KeyTest[] =>
  term.sound ? [{ contains: SOUND_MARK + term.sound }, { contains: HEAD_SOUND_MARK + term.sound }] : [];

/**
 * Whether a term sounds like a word of the contact's own name (`own`) or of a company its person
 * works at: the ranking's fourth test, behind a trade (code review: a sound ranked with a word of
 * the notes, so "Schmidt" listed who only mentions a Schmidt before Stephan Schmitt).
 */
export const soundTest = (term: SearchTerm, own: boolean): KeyTest | undefined =>
  term.kind === 'text' && term.sound ? { contains: (own ? SOUND_MARK : HEAD_SOUND_MARK) + term.sound } : undefined;

/** A trade word's trades (TRADES), marked in the head: they rank as a word of the head, not of the name. */
const kinTests = (term: TextTerm): KeyTest[] => (term.kin ?? []).map((form) => ({ contains: HEAD_MARK + form }));

/** Whether a term starts a word of the contact's own name (its person's, or a firm's company). */
export function nameTest(term: SearchTerm): KeyTest {
  return markTest(term, NAME_MARK);
}

/**
 * Whether a term starts a word of the head that is not the contact's own name: the ranking's
 * second test, after nameTest failed (prefixTest would scan for the name's words again: over
 * 1,000 contacts of the maximum sizes a search of 12 words took 37 ms, 26 ms so; bench:search).
 */
export function otherHeadTest(term: SearchTerm): KeyTest {
  // (A number of several words: each starts a word of the name or of the head, as before; a
  // head form that a name form holds is not stored: review.)
  return term.kind === 'text' ? markTest(term, HEAD_MARK) : prefixTest(term);
}

function markTest(term: SearchTerm, mark: string): KeyTest {
  if (term.kind === 'text') return { any: term.needles.map((needle) => ({ contains: mark + needle })) };
  return { all: term.words.map((word) => markTest(word, mark)) };
}

/**
 * Whether a trade's word names a trade of the contact's head (TRADES): the ranking's third test,
 * behind a word of the head as typed (search walkthrough, stop 70: "Haustechnik" listed the
 * plumbers whose names only mean it before "Yılmaz Haustechnik"). None for a term of no trade.
 */
export const tradeTest = (term: SearchTerm): KeyTest | undefined =>
  term.kind === 'text' && term.kin ? { any: kinTests(term) } : undefined;

/** Evaluates a KeyTest on a key exactly as SQLite's instr() does. */
export function evaluate(key: string, test: KeyTest): boolean {
  if ('contains' in test) return key.includes(test.contains);
  if ('all' in test) return test.all.every((part) => evaluate(key, part));
  return test.any.some((part) => evaluate(key, part));
}

/** The JS mirror of the SQL filter: every term matches. */
export function matches(key: string, terms: readonly SearchTerm[]): boolean {
  return evaluate(key, matchTest(terms));
}

/**
 * The JS mirror of the SQL ranking (0 ranks first): each term that starts no head word counts 1,
 * one that starts a word of the name, company or position but not of the contact's own name a
 * quarter (search review, stop 62: "Herr Müller" listed the staff of "Müller GmbH" before him),
 * one that names the head's trade or sounds like a word of the contact's own name a half, one that
 * sounds like a word of a company the contact works at three quarters (soundTest).
 * Within a rank, the list keeps its German order (sort key, then id).
 */
export function rank(key: string, terms: readonly SearchTerm[]): number {
  return terms.reduce((sum, term) => {
    const trade = tradeTest(term);
    const own = soundTest(term, true);
    const head = soundTest(term, false);
    return (
      sum +
      (evaluate(key, nameTest(term))
        ? 0
        : evaluate(key, otherHeadTest(term))
          ? NOT_THE_NAME
          : trade && evaluate(key, trade)
            ? A_TRADE
            : own && evaluate(key, own)
              ? A_TRADE
              : head && evaluate(key, head)
                ? A_SOUND
                : 1)
    );
  }, 0);
}

/** What a term that starts a head word, but not of the contact's own name, adds to its rank. */
export const NOT_THE_NAME = 0.25;
/** What a term that names a trade of the head (tradeTest), or sounds like a word of the contact's own name (soundTest), but starts no head word, adds. */
export const A_TRADE = 0.5;
/** What a term that only sounds like a word of a company the contact works at adds. */
export const A_SOUND = 0.75;

// ---- the sort key ---------------------------------------------------------------------------

const SORT_SEPARATOR = '\u0001';

function truncate(value: string, maxCodePoints: number, maxBytes: number): string {
  let result = '';
  let codePoints = 0;
  let bytes = 0;
  for (const character of value) {
    const size = measure(character).bytes;
    if (codePoints + 1 > maxCodePoints || bytes + size > maxBytes) break;
    result += character;
    codePoints += 1;
    bytes += size;
  }
  return result;
}

/**
 * Name particles a German phone book files after the name (DIN 5007-2: "Berg, Claudia von"):
 * German and Dutch ones in any case, their second word too ("Von Berg" starts a sentence, and
 * someone who capitalises every word writes "Von Der Leyen" for "von der Leyen", in capitals
 * "VON DER LEYEN": all under L), Romance ones only written small ("de Vries", "da Silva"), since
 * "De Luca" or "La Rosa" is the name itself (and "DE LUCA" tells nothing more). A particle with
 * nothing after it that sorts is the name ("Van", "VAN", "Van -"; "Von Der" under D). A title of
 * nobility before a German particle goes with it ("Graf von Faber-Castell" under F, "Freiherr von
 * und zu Guttenberg" under G; "Graf" alone is a name, under G). Any visible
 * space separates the words: a no-break space ("von\u00a0Berg", as word processors and some phone
 * exports write it) or two spaces too, not an invisible U+FEFF ("von\uFEFFBerg" reads "vonBerg").
 */
const PARTICLE =
  /^(?:(?:graf|gräfin|freiherr|freifrau|freiin|baron|baronin|prinz|prinzessin|fürst|fürstin|herzog|herzogin|ritter|edler|edle)\p{Zs}+(?=(?:von|vom|zu|zum|zur)\p{Zs}))?(?:von|vom|zu|zum|zur|van|ter|ten)(?:\p{Zs}+(?:und\p{Zs}+zu|der|den|dem|de|het|'t))?\p{Zs}+/iu;
const ROMANCE = /^(?:de(?:\p{Zs}+(?:la|le|los|las))?|del|della|di|da|das|do|dos|du|des|le|la)\p{Zs}+/u;

/**
 * Sort key after DIN 5007-1 (dictionary order: ä sorts as a, ß as ss, ı as i, ø as o, …), by
 * last name, else company, else first name; then first name; then company (each only when it is
 * not the first part already), punctuation and symbols ignored; then the exact texts as
 * tie-breaks. SQLite compares it byte by
 * byte (BINARY), which is code point order. Bounded like the search key; a cut only ever removes tie-breaks (then the id decides).
 */
export function sortKey(fields: SortKeyFields): string {
  // A name of only invisible characters is none, as the contact is shown (displayName): it files
  // under its company or first name, not first of all or after Z (reviews: its empty core sorted
  // before "A", a Hangul filler made an invisible section letter).
  const visible = (name: 'firstName' | 'lastName') => (NAME_VISIBLE.test(fieldValue(fields, name)) ? fieldValue(fields, name) : '');
  const firstName = visible('firstName');
  const lastName = visible('lastName');
  const company = fieldValue(fields, 'company');
  // Only letters, digits and spaces count (DIN 5007): „Bauhaus“ files under B, "1&1" as "11";
  // a digit of another script counts as a digit (one "#" at the start), other signs not at all.
  const dictionary = (value: string) =>
    plain(value)
      .replace(/[^\x00-\x7f]/gu, (character) => (/\p{Nd}/u.test(character) ? '0' : /\p{L}/u.test(character) ? character : ''))
      .replace(/[^\p{L}0-9\s]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
  // Filed under the core of the last name; the exact text still breaks ties (below). A core of
  // nothing that sorts keeps the whole name ("Van -" stood before every letter, under "#").
  const core = lastName.replace(PARTICLE.test(lastName) ? PARTICLE : ROMANCE, '');
  const primary = (NAME_VISIBLE.test(dictionary(core)) ? core : lastName) || company || firstName;
  // A name that is already the primary is not repeated (company-only and first-name-only contacts).
  const secondary = lastName || company ? dictionary(firstName) : '';
  const tertiary = lastName ? dictionary(company) : '';
  // The exact texts break ties in the same order: Schmidt, Arne before Schmidt, Ärne.
  const key = [dictionary(primary), secondary, tertiary, lastName || primary, secondary && firstName, tertiary && company].join(
    SORT_SEPARATOR,
  );
  return truncate(key, KEY_MAX_FACTOR * countCodePoints(lastName + company + firstName), KEY_MAX_BYTES);
}

/** Compares two keys as SQLite's BINARY collation does (code points, not UTF-16 units). */
export function compareKeys(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = (left[index]?.codePointAt(0) ?? 0) - (right[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * The position in dictionary form, for the list grouped by position: "Fliesenleger" and
 * "fliesenleger ", "Küchenbauer" and "Kuechenbauer" (umlauts spelled out, key format 15: search
 * review, stop 62), "Bauleiterin" and "Bauleiter", "Architektin" and "Architekt" (a word's
 * feminine ending after r or t, key format 25: UX walkthrough, stop 78) are one group. Contacts
 * without a position come last (the largest code point).
 */
export function groupKey(position: string): string {
  const key = expanded(position)
    .trim()
    .replace(/(?<=\p{L}{2}[rt])[*:/_]?in(?:nen)?(?![\p{L}\d])/gu, '');
  return key === '' ? '\u{10FFFF}' : key;
}
