// vCard 3.0 export (RFC 2426), the QR code's payload and the download header for it. A pure
// module: no framework or database code (the row type is a type-only import), so it runs
// unchanged in workerd and in Node (the vobject round-trip test).
// Decisions and the reasons behind them: docs/vcard.md.
import type { ContactRow } from '../db/schema';
import { NAME_VISIBLE } from './keys';

/** The columns a card is written from (the export reads these 16 of the row's columns). */
export type VCardContact = Pick<
  ContactRow,
  | 'id'
  | 'position'
  | 'company'
  | 'title'
  | 'firstName'
  | 'lastName'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'country'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'website'
  | 'notes'
  | 'updatedAt'
>;

export interface VCardOptions {
  /** The asset's name: every card carries it as CATEGORIES, so one import is findable as a group. */
  assetName: string;
}

/** What the QR code holds: no notes, no UID or REV (contract §4, issue 16). */
export type QrContact = Omit<VCardContact, 'id' | 'notes' | 'updatedAt'>;

/** What may be left out of a QR code that would not fit, in the order it is left out. */
export type QrOmission = 'url' | 'adr' | 'title';

export interface QrPayload {
  /** A vCard 3.0 with CRLF line ends. */
  text: string;
  /** What the code leaves out (only fields the contact has), for the card to say so. */
  dropped: QrOmission[];
}

const PRODID = '-//PROPSTER//Kontakte//DE';
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** "Dr. Anna Müller"; a contact without a personal name is shown by its company. */

export function displayName(c: Pick<VCardContact, 'title' | 'firstName' | 'lastName' | 'company'>): string {
  // A name of only invisible characters is none (schema.ts): the company names the contact then
  // (code review: an imported card's zero-width name made a row without text).
  if (!NAME_VISIBLE.test(c.firstName + c.lastName)) return c.company;
  // [title, firstName, lastName] without the empty ones, joined by spaces (without an array: every list row shows one).
  let name = c.title;
  if (c.firstName !== '') name = name === '' ? c.firstName : `${name} ${c.firstName}`;
  if (c.lastName !== '') name = name === '' ? c.lastName : `${name} ${c.lastName}`;
  return name;
}

/** The company beside a person's name ('' where it is the name itself: no name, or one of only invisible characters). */
export const companyBeside = (c: Pick<VCardContact, 'firstName' | 'lastName' | 'company'>): string =>
  NAME_VISIBLE.test(c.firstName + c.lastName) ? c.company : '';

// ---------------------------------------------------------------------------------------------
// Phone numbers. "+49 (0)30 123456" is the German way of writing a number that is dialled as
// +49 30 123456 from abroad and 030 123456 at home; Android imports the digits as +49030123456,
// a wrong number. After a country code (+CC or 00CC) the "(0)" goes; so does the 0 that opens an
// area code in brackets there ("+49 (089) 4455667": UX review, it dialled +490894455667; "+49 (0
// 89)" too). Neither for Italy, San Marino and the Vatican (+39, +378, +379), whose numbers keep
// their 0 from abroad (code review). A 0 without brackets right after the country code ("+49 0151
// 2345678", a common German way of writing it; it dialled +4901512345678: buyer review) goes only
// after the codes of countries whose 0 is the trunk prefix and whose numbers never start with one:
// Germany, Austria, Switzerland, the Netherlands, Belgium, France, the United Kingdom and Turkey.
// Elsewhere a number may start with 0 from abroad (Côte d'Ivoire's "+225 07 …", Italy's), so a
// bare 0 there stays. Country codes are prefix-free, so "+490151…" is +49 and "0151…" as well.
// The rest stays as typed.

const TRUNK_ZERO_AFTER_COUNTRY_CODE = /^(\s*(?:\+|00)(?!39|378|379)[1-9]\d{0,2})[\s./-]*\(\s*0\s*\)[\s./-]*/;
const TRUNK_ZERO_IN_BRACKETS = /^(\s*(?:\+|00)(?!39|378|379)[1-9]\d{0,2}[\s./-]*\(\s*)0[\s./-]*(?=\d)/;
const TRUNK_ZERO_PLAIN = /^(\s*(?:\+|00)(?:31|32|33|41|43|44|49|90)[\s./-]*)0[\s./-]*(?=[1-9]|$)/;

/**
 * Where a second number starts in one phone field: after six digits or more, a slash (or two), an
 * en or em dash, or a hyphen (or a dash Word writes for one) with a space beside it, then a 0 or +
 * (perhaps in brackets) that five digits or more follow ("089 123456 / 0171 2345678", "116117 -
 * 0171 2345678", "… / (0171) 2345678"). Not an area code's slash ("089 / 123456", "039881 / 12345": a German number after
 * its area code never starts with 0) nor an extension ("089 123 45-67 / -68", "089 3100200 / 0",
 * "08031 / 12345 - 0"); two spaces are a typo as often as a second number, and stay one.
 */
export const TWO_NUMBERS =
  /(?<=(?:\d\D*){5}\d)(?:\s*(?:\/+|[–—]+)\s*|\s+[-\u2010-\u2012\u2212]\s*|[-\u2010-\u2012\u2212]\s+)(?=\(?[+0](?:\D*\d){5})/;

/** The number as a vCard's TEL carries it: as typed, without a trunk 0 after the country code ("(0)", "(089)", "+49 0151"). */
export function phoneValue(number: string): string {
  return (
    number
      // The dashes Word writes as hyphens, a country code in brackets ("(+49) 89 …") as written
      // without, so that the trunk 0 after it goes too (review).
      .replace(/[\u2010-\u2014\u2212]/g, '-')
      .replace(/^\s*\(\s*(\+\d{1,3})\s*\)\s*/, '$1 ')
      .replace(TRUNK_ZERO_AFTER_COUNTRY_CODE, (match: string, countryCode: string, offset: number, whole: string) =>
        whole.length > offset + match.length ? `${countryCode} ` : countryCode,
      )
      .replace(TRUNK_ZERO_IN_BRACKETS, '$1')
      // "+49 0" alone is "+49 ", too short, as "+49 (0)" is.
      .replace(TRUNK_ZERO_PLAIN, '$1')
  );
}

/**
 * The numbers one field holds, each as a TEL carries it (phoneValue): one, or for extensions
 * written the German way after a number with its own ("089 123 45-67 / -68 / -0") each of them
 * whole ("089 123 45-67", "089 123 45-68", "089 123 45-0"): a later extension takes the place of
 * the digits after the first one's hyphen. One TEL of the typed text made phones dial
 * 089123456768, a number nobody has (buyer review), while the card dials the first. Where the
 * first number has no extension of its own ("089 3100200 / -0") nothing says which digits a later
 * one replaces: one number, as typed (review).
 */
export function phoneNumbers(number: string): string[] {
  const value = phoneValue(number);
  const [first = '', ...extensions] = value.split(/(?<=\d)\s*\/\s*-\s*/);
  const head = first.trimEnd();
  const own = /-\d+$/.exec(head);
  if (!own || extensions.length === 0 || !extensions.every((extension) => /^\d+\s*$/.test(extension))) return [value];
  return [head, ...extensions.map((extension) => head.slice(0, own.index + 1) + extension.trim())];
}

/** The export's own property that carries a phone field split into several TELs, as stored (read back by the import). */
export const TYPED_PHONE = { phone: 'X-KONTAKTE-PHONE', mobile: 'X-KONTAKTE-MOBILE' } as const;

/** What a `tel:` link dials: a leading "+" and the digits, without a trunk 0 after the country code. */
export function dialable(number: string): string {
  const value = phoneValue(number).trim();
  return (value.startsWith('+') ? '+' : '') + value.replace(/\D/g, '');
}

/**
 * How many digits of a phone number are dialled: a "(0)" after a country code is none (TEL
 * drops it, contract §7), so "+49 (0)" alone, which its export would give back as
 * "+49", is no number. The rule and its message (too short, too long) both count these.
 */
export function dialledDigits(value: string): number {
  return dialable(value).replace(/\D/g, '').length;
}

// ---------------------------------------------------------------------------------------------
// The file.

/**
 * A field's TEL lines, each preceded by CRLF: one per number it holds (phoneNumbers), and where
 * that is more than one, the field as stored in a property of our own that phones ignore and the
 * import reads back, so that a round trip through the file changes nothing.
 */
function telLines(number: string, parameters: string, typed: string): string {
  if (number === '') return '';
  const numbers = phoneNumbers(number);
  let lines = '';
  // The same extension twice ("-67 / -67") is one TEL; the stored text still says it twice.
  for (const each of new Set(numbers)) lines += CRLF + fileLine('TEL', parameters, text(each));
  return numbers.length > 1 ? lines + CRLF + fileLine(typed, '', text(number)) : lines;
}

/**
 * One card, CRLF-terminated, lines folded at 75 octets.
 *
 * Order: Android up to 7.1 swallows a folded line that directly follows N, ORG or ADR (fixed in
 * Android 8), so each of them is followed by a property that is always short and never folded:
 * REV after N (24 octets), PRODID after ORG (32), UID after ADR (33: ids are 20 characters).
 * CATEGORIES, which may be long, comes last.
 */
export function serializeContact(c: VCardContact, options: VCardOptions): string {
  // One string built by concatenation (V8 keeps it as a rope until it is encoded): an export of
  // 1,000 cards wrote an array per card and joined it, about a fifth of its time.
  let card = `BEGIN:VCARD${CRLF}VERSION:3.0${CRLF}${fileLine('N', '', nameValue(c))}`;
  // toISOString always ends in ".sssZ"; vCard's REV is written without the milliseconds.
  card += `${CRLF}REV:${new Date(c.updatedAt).toISOString().slice(0, -5)}Z${CRLF}${fileLine('FN', '', text(displayName(c)))}`;
  if (c.company !== '') card += CRLF + fileLine('ORG', '', text(c.company));
  card += `${CRLF}PRODID:${PRODID}`;
  if (c.position !== '') {
    // Phones show TITLE, RFC 2426 calls the same thing ROLE: write both.
    const position = text(c.position);
    card += CRLF + fileLine('TITLE', '', position) + CRLF + fileLine('ROLE', '', position);
  }
  if (hasAddress(c)) card += CRLF + fileLine('ADR', 'TYPE=WORK', addressValue(c));
  card += CRLF + fileLine('UID', '', text(`kontakte-${c.id}`));
  card += telLines(c.phone, 'TYPE=WORK,VOICE', TYPED_PHONE.phone) + telLines(c.mobile, 'TYPE=CELL', TYPED_PHONE.mobile);
  if (c.email !== '') card += CRLF + fileLine('EMAIL', 'TYPE=INTERNET', text(c.email));
  if (c.website !== '') card += CRLF + fileLine('URL', '', uri(c.website));
  if (c.notes !== '') card += CRLF + fileLine('NOTE', '', text(c.notes));
  // CATEGORIES is a list: text() escapes the commas, so the asset's name stays one category.
  // The name comes from the platform's token: its control characters but tab and line breaks (a
  // NUL reached the file: security review, stop 61) are dropped, as the calendar drops them.
  if (options.assetName !== '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
    card += CRLF + fileLine('CATEGORIES', '', text(options.assetName.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')));
  return `${card}${CRLF}END:VCARD${CRLF}`;
}

/** Several cards in one file ('' for none). */
export function serializeContacts(cs: readonly VCardContact[], options: VCardOptions): string {
  let file = '';
  for (const c of cs) file += serializeContact(c, options);
  return file;
}

// ---------------------------------------------------------------------------------------------
// The QR code.

const QR_DROP_ORDER: readonly QrOmission[] = ['url', 'adr', 'title'];

/**
 * The vCard a QR code holds: N, FN, ORG, TITLE, the phones, e-mail, URL and ADR. Where `fits`
 * says no, URL, then ADR, then TITLE are left out until it fits; names, phones and e-mail never
 * are. If even the smallest card does not fit, it is returned anyway: the caller decides.
 *
 * Compact on purpose: no folding (a QR code is no file: camera apps read lines of any length,
 * and RFC 2425 §5.8.1 only says SHOULD; a fold costs 3 bytes per 75), no CHARSET (it is for
 * classic Outlook reading a file; QR byte mode is read as UTF-8), no ROLE (phones show TITLE).
 * The one fold kept is the one inside a typed "BEGIN:VCARD"/"END:VCARD", as in the file.
 */
export function qrPayload(c: QrContact, fits: (text: string) => boolean): QrPayload {
  const droppable = QR_DROP_ORDER.filter((field) => qrHas(c, field));
  const dropped: QrOmission[] = [];
  let payload = qrCard(c, dropped);
  for (const field of droppable) {
    if (fits(payload)) break;
    dropped.push(field);
    payload = qrCard(c, dropped);
  }
  return { text: payload, dropped };
}

function qrHas(c: QrContact, field: QrOmission): boolean {
  if (field === 'url') return c.website !== '';
  if (field === 'adr') return hasAddress(c);
  return c.position !== '';
}

function qrCard(c: QrContact, dropped: readonly QrOmission[]): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', qrLine('N', '', nameValue(c)), qrLine('FN', '', text(displayName(c)))];
  if (c.company !== '') lines.push(qrLine('ORG', '', text(c.company)));
  if (c.position !== '' && !dropped.includes('title')) lines.push(qrLine('TITLE', '', text(c.position)));
  if (c.phone !== '') for (const each of new Set(phoneNumbers(c.phone))) lines.push(qrLine('TEL', 'TYPE=WORK,VOICE', text(each)));
  if (c.mobile !== '') for (const each of new Set(phoneNumbers(c.mobile))) lines.push(qrLine('TEL', 'TYPE=CELL', text(each)));
  if (c.email !== '') lines.push(qrLine('EMAIL', 'TYPE=INTERNET', text(c.email)));
  if (c.website !== '' && !dropped.includes('url')) lines.push(qrLine('URL', '', uri(c.website)));
  if (hasAddress(c) && !dropped.includes('adr')) lines.push(qrLine('ADR', 'TYPE=WORK', addressValue(c)));
  lines.push('END:VCARD');
  return lines.join(CRLF) + CRLF;
}

// ---------------------------------------------------------------------------------------------
// Values and content lines.

type NameParts = Pick<VCardContact, 'lastName' | 'firstName' | 'title'>;
type AddressParts = Pick<VCardContact, 'street' | 'postalCode' | 'city' | 'country'>;

/** Family; given; additional; honorific prefix; suffix. */
function nameValue(c: NameParts): string {
  return `${text(c.lastName)};${text(c.firstName)};;${text(c.title)};`;
}

function hasAddress(c: AddressParts): boolean {
  return c.street !== '' || c.postalCode !== '' || c.city !== '' || c.country !== '';
}

/** Post-office box; extended address; street; locality; region; postal code; country. */
function addressValue(c: AddressParts): string {
  return `;;${text(c.street)};${text(c.city)};;${text(c.postalCode)};${text(c.country)}`;
}

// A value that is not plain ASCII also gets CHARSET=UTF-8: classic Outlook reads the file as
// Windows-1252 otherwise (not a 3.0 parameter, ignored by everyone else; see docs/vcard.md).
// One count of the value's UTF-8 octets answers both questions: is it ASCII (as many octets as
// UTF-16 units), and does the line fit (the name and parameters are ASCII).
function fileLine(name: string, params: string, value: string): string {
  const valueOctets = NON_ASCII.test(value) ? utf8Length(value) : value.length;
  const allParams = valueOctets === value.length ? params : params ? `${params};CHARSET=UTF-8` : 'CHARSET=UTF-8';
  const line = allParams ? `${name};${allParams}:${value}` : `${name}:${value}`;
  return fold(line, MAX_LINE_OCTETS, line.length - value.length + valueOctets, HAS_CARD_MARKER.test(value));
}

function qrLine(name: string, params: string, value: string): string {
  const line = params ? `${name};${params}:${value}` : `${name}:${value}`;
  return fold(line, Number.POSITIVE_INFINITY, 0, HAS_CARD_MARKER.test(value));
}

/** Anything beyond ASCII (a regular expression scans a value faster than a loop in JS). */
const NON_ASCII = /[^\0-\x7f]/;

/** What `text` escapes; most values contain none of it and are returned as they are. */
const NEEDS_ESCAPE = /[\\,;\r\n]/;

// Every line break (CRLF, CR or LF) becomes the one newline escape vCard has, so no input can
// ever start a property of its own.
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * A text value or one component of N, ADR or ORG: `\` `,` `;` and line breaks escaped, in every
 * property (RFC 2426 §4 and §5). GNOME Evolution and Text::vCard cut FN, TITLE or NOTE at an
 * unescaped `;`; KDE and ical.js show `\;` for an escaped one (their bug, nothing is lost).
 * iCalendar's TEXT escapes the same (ics.ts, which drops control characters after it).
 */
export function text(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(LINE_BREAK, '\\n');
}

/**
 * URL values are written as validated (RFC 2426 §3.6.8: value type uri; RFC 6350 errata 3845),
 * but for `;`: GNOME Evolution ends every value at an unescaped one (interop review: a URL's
 * `;jsessionid=…` was cut off), so it is escaped as contract §7 asks of every `;`; Evolution,
 * Android, ZXing, vobject and our import read `\;` as `;`, Thunderbird keeps the backslash
 * (docs/vcard.md: nothing cut off either way). A URL never contains a line break; should one
 * slip through, it is percent-encoded rather than allowed to start a property.
 */
function uri(value: string): string {
  return value.replace(/;/g, '\\;').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// Folding units: an escape sequence (backslash plus the next code point) stays whole, and a
// code point is never split, so no UTF-8 sequence or surrogate pair is cut either. The folder
// walks the line by offsets (no array of one-character strings: an export of 1,000 cards folds
// every long note, and those arrays were most of its garbage).

// Evolution splits a file into cards wherever it finds these, even inside a value. A fold inside
// them ("END:V" CRLF " CARD") keeps them from standing contiguous in the file; unfolding gives
// the value back exactly.
const CARD_MARKER = /BEGIN:VCARD|END:VCARD/gi;
const HAS_CARD_MARKER = /BEGIN:VCARD|END:VCARD/i;
const COLON = 0x3a;
const BACKSLASH = 0x5c;

/**
 * RFC 2426 §2.6 folding after escaping: at most `maxOctets` per physical line, continuation lines
 * start with one space (which counts), and always a fold inside a typed BEGIN:VCARD or END:VCARD.
 * A continuation line never starts with ':' when it can be avoided, because Apple's Address
 * Book misread exactly that after an unescaped ';' (owncloud-archive/apps#673).
 *
 * The caller gives the line's UTF-8 octets and whether its value holds a card marker: it knows
 * both from the value (a name or parameter never ends in BEGIN or END, so a marker is never
 * across the ':' before the value), and the line itself, built by concatenation, would be
 * copied into one piece to be scanned: that copy was a fifth of the export's time.
 */
function fold(line: string, maxOctets: number, octets: number, hasMarker: boolean): string {
  // Almost every line fits as it is.
  if (!hasMarker && octets <= maxOctets) return line;
  // Where "CARD" of a marker starts: always a unit of its own ("V" before it is no backslash).
  // Ascending, walked with one index: most long lines have none.
  const forced: number[] = [];
  if (hasMarker) for (const match of line.matchAll(CARD_MARKER)) forced.push(match.index + match[0].length - 'CARD'.length);
  let nextForced = 0;
  const physical: string[] = [];
  let start = 0;
  while (start < line.length) {
    const budget = physical.length === 0 ? maxOctets : maxOctets - 1;
    while (nextForced < forced.length && (forced[nextForced] as number) <= start) nextForced += 1;
    const stop = nextForced < forced.length ? (forced[nextForced] as number) : line.length;
    let end = start;
    let used = 0;
    // Units on this physical line, the plain colons at its end, and where the last other unit
    // starts: what the back-off over colons below needs (colons are units of one character).
    let units = 0;
    let colons = 0;
    let beforeColons = start;
    while (end < stop) {
      const code = line.charCodeAt(end);
      let next = end + 1;
      let size = 1;
      if (code >= 0x80 || code === BACKSLASH) {
        next = unitEnd(line, end);
        size = utf8Length(line, end, next);
      }
      if (used + size > budget) break;
      used += size;
      units += 1;
      if (code === COLON) colons += 1;
      else {
        colons = 0;
        beforeColons = end;
      }
      end = next;
    }
    if (end < line.length && end !== stop && line.charCodeAt(end) === COLON && units - 1 - colons >= 1) {
      // Back off over colons (keeping at least one unit), unless the line is all colons.
      end = beforeColons;
    }
    physical.push(line.slice(start, end));
    start = end;
  }
  return physical.join(`${CRLF} `);
}

/** The end of the folding unit at `at`: an escape with the code point after it, or a code point. */
function unitEnd(line: string, at: number): number {
  const from = line.charCodeAt(at) === BACKSLASH && at + 1 < line.length ? at + 1 : at;
  const high = line.charCodeAt(from);
  const pair = high >= 0xd800 && high <= 0xdbff && (line.charCodeAt(from + 1) & 0xfc00) === 0xdc00;
  return from + (pair ? 2 : 1);
}

/**
 * UTF-8 octets of a string (or of its units from `from` to `to`) without encoding it (the vCard
 * and iCalendar folders count lines and units).
 */
export function utf8Length(s: string, from = 0, to = s.length): number {
  // UTF-16 code units to UTF-8 octets; a lone surrogate counts 3 (TextEncoder writes U+FFFD).
  let octets = to - from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) octets += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      octets += 2; // the pair: 2 units, 4 octets
      i += 1;
    } else octets += 2;
  }
  return octets;
}

// ---------------------------------------------------------------------------------------------
// Content-Disposition. Hand-written: the npm `content-disposition` package is Node-oriented
// (Buffer, `safe-buffer`), and what we need is a few lines: an ASCII `filename` for old clients
// plus an RFC 5987 `filename*` with the real name.

const NAME_LIMIT = 100;
const FALLBACK_NAME = 'kontakte';

// Control characters, lone surrogates, line separators, the bidi controls (U+202E and friends
// could fake the extension) and what no file name on any platform may contain become "_".
const UNSAFE_IN_FILE_NAME = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Bidi_Control}"\\/:*?<>|]+/gu;
// Other invisible format characters (soft hyphen, zero-width space, word joiner, BOM) are
// dropped. Zero-width (non-)joiners stay in the real name: they shape emoji sequences and
// Persian or Indic words. The ASCII name drops them too.
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
const JOINERS = /[\u200c\u200d]/g;
const EDGE_JUNK = /^[\s._]+|[\s._]+$/gu;

// German spelling first (ä → ae, not a); then letters that Unicode does not decompose.
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  '–': '-',
};
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATION).join('')}]`, 'g');

/**
 * `attachment; filename="<ascii>.vcf"; filename*=UTF-8''<percent-encoded>.vcf` (or another
 * extension, e.g. warranty.ics's `ics`). A search's file: "<name> – <search>", the search at most
 * 40 of the 100 letters (a long asset name cut it off: code review), nothing after the dash where
 * nothing of it is left for a file name ("***").
 */
export function contentDisposition(baseName: string, extension: 'vcf' | 'ics' = 'vcf', search = ''): string {
  const found = cleanFileName(search, 40);
  const name = [cleanFileName(baseName, found ? NAME_LIMIT - 43 : NAME_LIMIT), found].filter(Boolean).join(' – ') || FALLBACK_NAME;
  return `attachment; filename="${asciiFileName(name)}.${extension}"; filename*=UTF-8''${encodeRfc5987(name)}.${extension}`;
}

function cleanFileName(raw: string, limit: number): string {
  const cleaned = raw.normalize('NFC').replace(UNSAFE_IN_FILE_NAME, '_').replace(INVISIBLE, '').replace(EDGE_JUNK, '');
  return Array.from(cleaned).slice(0, limit).join('').replace(EDGE_JUNK, '');
}

function asciiFileName(name: string): string {
  const ascii = name
    .replace(JOINERS, '')
    .replace(TRANSLITERATED, (ch) => TRANSLITERATION[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '_')
    .replace(EDGE_JUNK, '')
    .slice(0, NAME_LIMIT)
    .replace(EDGE_JUNK, '');
  return ascii || FALLBACK_NAME;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * alone, attr-char does not allow them. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
