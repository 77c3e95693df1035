// vCard 3.0 export (RFC 2426) and the download header for it. A pure module: no framework or
// database imports, so it runs unchanged in workerd and in Node (the vobject round-trip test).
// Decisions and the reasons behind them: docs/vcard.md.

export interface VCardContact {
  /** opaque, [A-Za-z0-9_-] */
  id: string;
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
  /** an http(s) URL, already validated */
  website: string;
  notes: string;
  /** ms since epoch */
  updatedAt: number;
}

const PRODID = '-//PROPSTER//Kontakte//DE';
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** "Dr. Anna Müller"; a contact without a personal name is shown by its company. */
export function displayName(
  c: Pick<VCardContact, 'title' | 'firstName' | 'lastName' | 'company'>,
): string {
  if (c.firstName === '' && c.lastName === '') return c.company;
  return [c.title, c.firstName, c.lastName].filter((part) => part !== '').join(' ');
}

/** One card, CRLF-terminated, lines folded at 75 octets. */
export function serializeContact(c: VCardContact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `PRODID:${PRODID}`,
    contentLine('N', '', [c.lastName, c.firstName, '', c.title, ''].map(component).join(';')),
    contentLine('FN', '', text(displayName(c))),
  ];
  if (c.company !== '') lines.push(contentLine('ORG', '', component(c.company)));
  if (c.position !== '') {
    // Phones show TITLE, RFC 2426 calls the same thing ROLE: write both.
    lines.push(contentLine('TITLE', '', text(c.position)), contentLine('ROLE', '', text(c.position)));
  }
  if (c.street !== '' || c.postalCode !== '' || c.city !== '' || c.country !== '') {
    // post-office box; extended address; street; locality; region; postal code; country
    const adr = ['', '', c.street, c.city, '', c.postalCode, c.country].map(component).join(';');
    lines.push(contentLine('ADR', 'TYPE=WORK', adr));
  }
  if (c.phone !== '') lines.push(contentLine('TEL', 'TYPE=WORK,VOICE', text(c.phone)));
  if (c.mobile !== '') lines.push(contentLine('TEL', 'TYPE=CELL', text(c.mobile)));
  if (c.email !== '') lines.push(contentLine('EMAIL', 'TYPE=INTERNET', text(c.email)));
  if (c.website !== '') lines.push(contentLine('URL', '', uri(c.website)));
  if (c.notes !== '') lines.push(contentLine('NOTE', '', text(c.notes)));
  lines.push(
    contentLine('UID', '', text(`kontakte-${c.id}`)),
    `REV:${new Date(c.updatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    'END:VCARD',
  );
  return lines.join(CRLF) + CRLF;
}

/** Several cards in one file ('' for none). */
export function serializeContacts(cs: readonly VCardContact[]): string {
  return cs.map(serializeContact).join('');
}

// A value that is not plain ASCII also gets CHARSET=UTF-8: classic Outlook reads the file as
// Windows-1252 otherwise (not a 3.0 parameter, ignored by everyone else; see docs/vcard.md).
function contentLine(name: string, params: string, value: string): string {
  if (isAscii(value)) {
    const line = params ? `${name};${params}:${value}` : `${name}:${value}`;
    return line.length <= MAX_LINE_OCTETS ? line : fold(line);
  }
  return fold(params ? `${name};${params};CHARSET=UTF-8:${value}` : `${name};CHARSET=UTF-8:${value}`);
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** What `text` escapes; most values contain none of it and are returned as they are. */
const NEEDS_ESCAPE = /[\\,\r\n]/;

// Every line break (CRLF, CR or LF) becomes the one newline escape vCard has, so no input can
// ever start a property of its own.
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * A single-valued text property (FN, TITLE, ROLE, NOTE, EMAIL, TEL, UID). `;` stays as it is:
 * it only separates components in N, ADR and ORG, ical.js (Thunderbird's parser) would keep a
 * `\;` here verbatim, and vobject reads both forms the same.
 */
function text(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(LINE_BREAK, '\\n');
}

/** One component of N, ADR or ORG, where `;` separates the components. */
function component(value: string): string {
  const escaped = text(value);
  return escaped.includes(';') ? escaped.replace(/;/g, '\\;') : escaped;
}

/**
 * URL values are not escaped (RFC 2426 §3.6.8: value type uri; RFC 6350 errata 3845): the
 * validated URL is written verbatim. A URL never contains a line break; should one slip
 * through, it is percent-encoded rather than allowed to start a new property.
 */
function uri(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// Folding units: an escape sequence (backslash plus the next code point) stays whole, and a
// code point is never split, so no UTF-8 sequence or surrogate pair is cut either.
const FOLD_UNIT = /\\[\s\S]|[\s\S]/gu;

/**
 * RFC 2426 §2.6 folding after escaping: at most 75 octets per physical line, continuation lines
 * start with one space (which counts). A continuation line never starts with ':' when it can
 * be avoided, because Apple's Address Book misread exactly that after an unescaped ';'
 * (owncloud-archive/apps#673).
 */
function fold(line: string): string {
  // Almost every line fits: skip the unit split (an array of one-character strings per line).
  if (line.length <= MAX_LINE_OCTETS / 3 || utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const units = line.match(FOLD_UNIT) ?? [];
  const physical: string[] = [];
  let start = 0;
  while (start < units.length) {
    const budget = physical.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    let end = start;
    let octets = 0;
    for (let unit = units[end]; unit !== undefined; unit = units[end]) {
      const size = utf8Length(unit);
      if (octets + size > budget) break;
      octets += size;
      end += 1;
    }
    if (end < units.length) {
      let breakAt = end;
      while (breakAt > start + 1 && units[breakAt]?.startsWith(':')) breakAt -= 1;
      if (!units[breakAt]?.startsWith(':')) end = breakAt;
    }
    physical.push(units.slice(start, end).join(''));
    start = end;
  }
  return physical.join(`${CRLF} `);
}

function utf8Length(s: string): number {
  // UTF-16 code units to UTF-8 octets; a lone surrogate counts 3 (TextEncoder writes U+FFFD).
  let octets = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) octets += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
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

// Control and format characters that could hide or fake the extension (U+202E and the other
// bidi controls), lone surrogates, and what no file name on any platform may contain.
const UNSAFE_IN_FILE_NAME =
  /[\p{Cc}\p{Cs}\p{Cf}\p{Zl}\p{Zp}"\\/:*?<>|]+/gu;
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
};

/** `attachment; filename="<ascii>.vcf"; filename*=UTF-8''<percent-encoded>.vcf` */
export function contentDisposition(baseName: string): string {
  const name = cleanFileName(baseName) || FALLBACK_NAME;
  return `attachment; filename="${asciiFileName(name)}.vcf"; filename*=UTF-8''${encodeRfc5987(name)}.vcf`;
}

function cleanFileName(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(UNSAFE_IN_FILE_NAME, '_').replace(EDGE_JUNK, '');
  return Array.from(cleaned).slice(0, NAME_LIMIT).join('').replace(EDGE_JUNK, '');
}

function asciiFileName(name: string): string {
  const ascii = name
    .replace(/[äöüÄÖÜßẞæÆœŒøØłŁđĐ]/g, (ch) => TRANSLITERATION[ch] ?? ch)
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
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
