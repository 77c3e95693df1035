// .vcf import (issue 16): the bytes of an uploaded file to the contacts it would create, with
// what does not fit said per card. A pure module (no framework or database imports): the routes
// stage its result, the preview shows it, and it runs unchanged in workerd and in Node.
//
// Why our own parser and not ical.js (already a dev dependency for tests): ical.js costs about
// 23 KB gzip in the Worker bundle, cannot read vCard 2.1's QUOTED-PRINTABLE (what Android and
// Outlook still export), knows nothing of per-property CHARSET, and leaves `\;` escaped in plain
// text values. The files people have are few formats with known quirks; a small, strict reader
// of exactly those is less code than adapting a general one.
//
// What it reads: vCard 2.1 (Android: CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE with `=` soft line
// breaks; bare-type parameters as in TEL;CELL;PREF), 3.0 (Apple: item1. groups and X-ABLabel;
// Google: `URL:http\://…`), Outlook's 2.1 (often Windows-1252), 4.0 (TEL;VALUE=uri:tel:…);
// several cards per file; CRLF, LF or CR; a UTF-8 or UTF-16 byte order mark; folded lines.
// Photos (and any other base64 value that is no text we read) are skipped while reading, never
// decoded, and do not count towards the text limit; a base64 NOTE, N, TEL … (Nokia's and QQ's
// 2.1 exports write notes so) is decoded as text (interop review: its notes were lost unseen).
//
// Charsets: a property is decoded in its declared CHARSET; without one, as UTF-8. Outlook declares
// CHARSET=Windows-1252 on some properties and writes others (ADR) in it undeclared: when a file
// declares one non-UTF-8 charset, undeclared properties that are not valid UTF-8 are read in it.
// A file that declares none and is not UTF-8 is read as Windows-1252, German Windows' own (and
// Latin-1's letters): a buyer cannot re-export a file "as UTF-8" (buyer review), and the preview
// shows every name before anything is stored, so a file in a rarer charset (Mac Roman) shows its
// odd letters there. A declared charset that the bytes plainly contradict gives way to them
// (decodeBytes); a charset nobody knows is refused ('charset').
// Only values that are imported are decoded: bytes of ignored properties are never judged.
//
// CATEGORIES becomes a line of the notes ("Kategorien: Elektriker"), but for our own export's
// (the asset's name, contract §7) and the groups programs make themselves (mapCard).

import { de } from '../i18n/de';
import { kept } from '../kept';
import {
  binaryToBytes,
  bytesToBinary,
  decodeStrict,
  hasUtf16Bom,
  isKnownNonUtf8Charset,
  isSingleByteCharset,
  isUtf8Charset,
  utf16AsUtf8,
} from './charset';
import { FIELDS, type FieldName } from './fields';
import { NAME_VISIBLE, phoneDigits, plain } from './keys';
import { type ContactInput, codePoints, contactInput, isValidField } from './schema';
import { phoneNumbers, TWO_NUMBERS, TYPED_PHONE } from './vcard';

/** At most this much text per file once photos are skipped (contract §4: 1 MB). */
export const MAX_IMPORT_TEXT_BYTES = 1024 * 1024;
/** At most this many cards per file (the contact book's own cap is 1,000 contacts). */
export const MAX_IMPORT_CARDS = 1000;

export type ImportFailure = 'notVcard' | 'truncated' | 'charset' | 'tooLarge' | 'tooManyCards' | 'onlyGroups';

/**
 * A value the card could not store as the file has it. `value` is the value as read (decoded,
 * unescaped). Outcomes: `movedToNotes`: the field stays empty, the value is a line of the notes
 * instead; `truncated`: only for notes, cut at their limit (what is cut is lost); `blocksImport`:
 * the card cannot be imported as it is (a safety net: the mapping should never produce one).
 */
export interface ImportProblem {
  /** `address`: a further address, whole, a line of the notes; `department`: ORG's departments. */
  field: FieldName | 'address' | 'department' | 'categories';
  /** `further`: one more value of a field that holds one (a second number), a line of the notes. */
  kind: 'tooLong' | 'invalid' | 'further';
  value: string;
  outcome: 'movedToNotes' | 'truncated' | 'blocksImport';
}

/** Where the name a card is listed under came from. */
export type NameSource =
  /** N (family or given name) */
  | 'name'
  /** no personal name: listed by its company (ORG), as Kontakte does for company contacts */
  | 'company'
  /** N empty: FN as a whole became the last name */
  | 'formattedName'
  /** nothing else: the first e-mail address became the last name */
  | 'email';

export interface ImportedCard {
  /** 1-based position of the card in the file */
  index: number;
  /** what VERSION said ('2.1', '3.0', '4.0'; '' when missing) */
  version: string;
  /** the card's UID ('' when none): our own export writes `kontakte-<contact id>` */
  uid: string;
  /** every field as it would be stored: trimmed, valid under `contactInput`, '' when empty */
  values: ContactInput;
  nameFrom: NameSource | null;
  /** false: no name, company, FN or e-mail to list it under, or a `blocksImport` problem */
  importable: boolean;
  problems: ImportProblem[];
  /** properties with content that Kontakte has no field for (PHOTO, BDAY, NICKNAME, …), upper-case, each once */
  ignored: string[];
  /** A group, no contact (KIND:group; Apple's X-ADDRESSBOOKSERVER-KIND:group): how many cards of the file are its members. */
  group?: number;
}

export interface ImportSkipped {
  /** PHOTO (and Outlook's X-MS-CARDPICTURE) values skipped, embedded or linked */
  photos: number;
  /** lines inside a card that are no property at all (no `name:`) */
  malformedLines: number;
}

export type ImportResult = { ok: true; cards: ImportedCard[]; skipped: ImportSkipped } | { ok: false; error: ImportFailure };

// ---------------------------------------------------------------------------------------------
// Reading: bytes → cards of raw properties. Values stay bytes (as a binary string) until used.

interface RawProperty {
  /** lower-case group (`item1`), '' when none */
  group: string;
  /** upper-case name */
  name: string;
  /** upper-case TYPE values, 2.1's bare parameters included (CELL, WORK, PREF, …) */
  types: ReadonlySet<string>;
  charset: string | undefined;
  quotedPrintable: boolean;
  /** text in base64: decoded with the charset, so that a continuation joins the base64 first */
  base64?: boolean;
  uriValue: boolean;
  /** the raw value, one char per byte, soft line breaks and folding already undone ('' when skipped) */
  raw: string;
  /** a photo or other binary value that was skipped unread */
  skippedValue: boolean;
  /** a NOTE's lines without a name that followed it, as read (raw, unescaped) */
  more?: string[];
  /** Android's label the user typed, an `X-<label>` type, as written (raw, without `X-`) */
  typeLabel?: string;
}

/** The types of a property that has none (never added to). */
const NO_TYPES: ReadonlySet<string> = new Set();

const NO_PROPERTY: RawProperty = {
  group: '',
  name: '',
  types: NO_TYPES,
  charset: undefined,
  quotedPrintable: false,
  uriValue: false,
  raw: '',
  skippedValue: false,
};

interface RawCard {
  version: string;
  properties: RawProperty[];
}

class ImportError extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure);
  }
}

const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-CARDPICTURE']);
const PHOTO_PROPERTIES = new Set(['PHOTO', 'X-MS-CARDPICTURE']);
const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const PROPERTY_NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;
/** A line of base64 that a 2.1 writer did not indent (old Nokia and Outlook exports). */
const BARE_BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

interface Reading {
  cards: RawCard[];
  skipped: ImportSkipped;
  /** the first non-UTF-8 charset the file declares on any property */
  declaredCharset: string | undefined;
  /** true for a UTF-16 file: re-encoded as UTF-8, so CHARSET parameters no longer apply */
  forcedUtf8: boolean;
}

function read(file: Uint8Array): Reading {
  let bytes = file;
  let forcedUtf8 = false;
  if (hasUtf16Bom(bytes)) {
    const utf8 = utf16AsUtf8(bytes);
    if (!utf8) throw new ImportError('charset');
    bytes = utf8;
    forcedUtf8 = true;
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  }
  // A byte order mark after a line break: files joined (`copy /b a.vcf b.vcf`, `cat`), each
  // with its own; the card behind it was lost unseen (interop review).
  const lines = bytesToBinary(bytes).split(/(?:\r\n|\r|\n)(?:\xef\xbb\xbf)?/);
  const reading: Reading = { cards: [], skipped: { photos: 0, malformedLines: 0 }, declaredCharset: undefined, forcedUtf8 };
  let textBytes = 0;
  const countText = (line: string) => {
    textBytes += line.length + 1;
    if (textBytes > MAX_IMPORT_TEXT_BYTES) throw new ImportError('tooLarge');
  };

  let card: RawCard | undefined;
  /** BEGIN:VCARD inside a card (2.1's AGENT embeds a whole card): its lines are skipped. */
  let nestedDepth = 0;
  let sawAnything = false;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    i += 1;
    if (first.trim() === '') continue;
    if (first.startsWith(' ') || first.startsWith('\t')) {
      // A continuation after a blank line (backup apps that put blank lines between lines)
      // continues the value before it, never dropped unseen (interop review).
      countText(first);
      const last = card?.properties.at(-1);
      if (last && nestedDepth === 0 && !last.skippedValue)
        if (last.more) last.more.push(`${last.more.pop()}${first.slice(1)}`);
        else last.raw += first.slice(1);
      continue;
    }
    // The head (group, name, parameters) ends at the first ':' outside double quotes; it may be
    // folded itself (a long 4.0 LABEL parameter). Pieces are joined once at the end: joining
    // line by line would copy a long value once per line.
    const pieces = [first];
    const scan = { quoted: false };
    let colon = headEnd(first, scan);
    let consumed = first.length;
    while (colon < 0 && isContinuation(lines[i])) {
      const piece = (lines[i] ?? '').slice(1);
      pieces.push(piece);
      i += 1;
      colon = headEnd(piece, scan);
      if (colon >= 0) colon += consumed;
      consumed += piece.length;
    }
    const headText = colon < 0 ? undefined : pieces.join('').slice(0, colon);
    const head = headText === undefined ? undefined : parseHead(headText);
    if (!sawAnything) {
      sawAnything = true;
      const value = pieces.join('').slice(colon + 1);
      if (head?.name !== 'BEGIN' || value.trim().toUpperCase() !== 'VCARD') throw new ImportError('notVcard');
    }
    if (!head) {
      const text = pieces.join('');
      countText(text);
      if (card) reading.skipped.malformedLines += 1;
      // A line without a name is kept, never dropped unseen: after a NOTE it continues the note
      // (some writers put a note's line breaks in raw), otherwise it is a note of its own.
      if (card && nestedDepth === 0) {
        const last = card.properties.at(-1);
        // Pushed, not copied: a file may hold 80,000 such lines (a copy each made it quadratic).
        if (last?.name === 'NOTE' && last.more) last.more.push(text);
        else if (last?.name === 'NOTE') last.more = [text];
        else card.properties.push(rawProperty({ ...NO_PROPERTY, name: 'NOTE' }, '', false, [text]));
      }
      continue;
    }

    if (head.binary) {
      // Its name and parameters count as text, its value not: each such property is kept, and a
      // file of a million empty "KEY:" lines was bounded only by the upload (175 MB of memory in
      // one request: security review, stop 61).
      countText(headText ?? '');
      // Skip the value without building it: folded lines, and bare base64 lines of 2.1.
      const valueStart = i;
      while (isContinuation(lines[i]) || (head.encodedBase64 && BARE_BASE64_LINE.test(lines[i] ?? ''))) i += 1;
      const hasValue =
        pieces
          .join('')
          .slice(colon + 1)
          .trim() !== '' || i > valueStart;
      if (card && nestedDepth === 0) {
        if (hasValue && PHOTO_PROPERTIES.has(head.name)) reading.skipped.photos += 1;
        card.properties.push(rawProperty(head.property, '', hasValue));
      }
      continue;
    }

    for (;;) {
      const next = lines[i];
      if (next === undefined) break;
      const last = pieces[pieces.length - 1] ?? '';
      if (head.property.quotedPrintable && last.endsWith('=') && (pieces.length > 1 || last.length > colon + 1)) {
        // A soft line break of quoted-printable: the next line continues the value as it is, also
        // one after blank lines (backup apps that write them between lines, CR CR LF) that is no
        // property: a name was cut at the break, its rest a line of the notes.
        let at = i;
        while (lines[at]?.trim() === '') at += 1;
        const after = lines[at] ?? '';
        const headAt = headEnd(after, { quoted: false });
        if (headAt < 0 ? after === '' : parseHead(after.slice(0, headAt))) at = i;
        // (The break is no character of the value, also where the card ends right after it.)
        pieces[pieces.length - 1] = last.slice(0, -1);
        if (/^END:VCARD\s*$/i.test(lines[at] ?? '')) break;
        pieces.push(lines[at] ?? '');
        i = at + 1;
        continue;
      }
      // 2.1 writes base64 also in lines without an indent (old Nokia and Outlook exports): such a
      // line of a text is taken while it is as long as one of those (a word after the value, "Ende",
      // is a line of its own: code review) or ends the base64 with its padding.
      if (isContinuation(next)) pieces.push(next.slice(1));
      else if (
        head.encodedBase64 &&
        card?.version === '2.1' &&
        !last.endsWith('=') &&
        BARE_BASE64_LINE.test(next) &&
        (next.length > 59 || next.endsWith('='))
      )
        pieces.push(next);
      else break;
      i += 1;
    }
    const logical = pieces.join('');
    countText(logical);
    const value = logical.slice(colon + 1);
    const { name } = head.property;

    if (name === 'BEGIN' && value.trim().toUpperCase() === 'VCARD') {
      if (card) nestedDepth += 1;
      else {
        if (reading.cards.length === MAX_IMPORT_CARDS) throw new ImportError('tooManyCards');
        card = { version: '', properties: [] };
      }
      continue;
    }
    if (name === 'END' && value.trim().toUpperCase() === 'VCARD') {
      if (nestedDepth > 0) nestedDepth -= 1;
      else if (card) {
        reading.cards.push(card);
        card = undefined;
      }
      continue;
    }
    if (!card || nestedDepth > 0) continue; // text between cards, or inside an embedded card
    if (name === 'VERSION') card.version = value.trim();
    const charset = head.property.charset;
    if (charset && !reading.declaredCharset && isKnownNonUtf8Charset(charset)) reading.declaredCharset = charset;
    // Text in base64 (binary values took the branch above) is decoded with its charset (decodeBytes).
    card.properties.push(rawProperty({ ...head.property, base64: head.encodedBase64 }, value, false));
  }
  if (card) throw new ImportError('truncated');
  if (reading.cards.length === 0) throw new ImportError('notVcard');
  return reading;
}

function isContinuation(line: string | undefined): boolean {
  return line !== undefined && line.length > 0 && (line[0] === ' ' || line[0] === '\t');
}

/**
 * Index in `piece` of the ':' that ends a content line's head, or -1. `scan` carries the quote
 * state across the pieces of a folded head, so each piece is scanned once.
 */
function headEnd(piece: string, scan: { quoted: boolean }): number {
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i];
    if (ch === '"') scan.quoted = !scan.quoted;
    else if (ch === ':' && !scan.quoted) return i;
  }
  return -1;
}

/**
 * A property as kept, every field in one order: spread (`{ ...head.property, raw }`), each one got a
 * hidden class of its own in V8, about 300 bytes more per property (a heap snapshot of a file of
 * short lines: security review, stop 61).
 */
function rawProperty(head: Omit<RawProperty, 'raw' | 'skippedValue'>, raw: string, skippedValue: boolean, more?: string[]): RawProperty {
  return {
    group: head.group,
    name: head.name,
    types: head.types,
    charset: head.charset,
    quotedPrintable: head.quotedPrintable,
    base64: head.base64,
    uriValue: head.uriValue,
    raw,
    skippedValue,
    more,
    typeLabel: head.typeLabel,
  };
}

interface Head {
  name: string;
  binary: boolean;
  encodedBase64: boolean;
  property: Omit<RawProperty, 'raw' | 'skippedValue'>;
}

function parseHead(head: string): Head | undefined {
  const parts = splitOutsideQuotes(head, ';');
  const match = PROPERTY_NAME.exec((parts[0] ?? '').trim());
  if (!match) return undefined;
  const group = (match[1] ?? '').toLowerCase();
  const name = (match[2] ?? '').toUpperCase();
  // Most properties have no type: they share one empty set (a file of 200,000 short lines made as
  // many sets: security review, stop 61).
  let types: Set<string> | undefined;
  let charset: string | undefined;
  let encoding = '';
  let uriValue = false;
  let typeLabel: string | undefined;
  // Android writes a label the user typed as a type, `X-<label>` (2.1 `TEL;X-Notdienst`, 3.0
  // `TYPE=X-Notdienst`): kept as typed, as an X-ABLabel is (it was lost unsaid: buyer review, stop 60).
  // Not a program's own type, in capitals with a vendor's prefix (Evolution's X-EVOLUTION-CALLBACK).
  // Android 3.0 writes it bare (`TEL;TYPE=Notdienst`): a word that is no type of the standards or
  // of a known program, written as a person writes (with a small or a non-ASCII letter), is one too.
  const type = (word: string) => {
    if (/^x-./i.test(word)) {
      if (!/^X-[A-Z\d]+-[A-Z\d-]+$/.test(word)) typeLabel ??= word.slice(2);
    } else if (/[a-z\u0080-\uffff]/.test(word) && !(word.toUpperCase() in TYPE_WORDS) && !STANDARD_TYPE.test(word)) typeLabel ??= word;
    types ??= new Set();
    types.add(word.toUpperCase());
  };
  for (const param of parts.slice(1)) {
    const eq = param.indexOf('=');
    const word = param.trim();
    if (eq < 0) {
      // vCard 2.1: a bare parameter is a type, or an encoding.
      if (word === '') continue;
      if (ENCODING_WORDS.has(word.toUpperCase())) encoding = word.toUpperCase();
      else type(word);
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(param.slice(eq + 1), ',').map(paramValue);
    // TYPE=a,b and 4.0's quoted TYPE="a,b" alike.
    if (key === 'TYPE') for (const value of values.flatMap((value) => value.split(','))) if (value.trim() !== '') type(value.trim());
    if (key === 'CHARSET') charset = values[0]?.trim() || undefined;
    if (key === 'ENCODING') encoding = (values[0] ?? '').trim().toUpperCase();
    if (key === 'VALUE') uriValue = /^(uri|url)$/i.test((values[0] ?? '').trim());
    // 4.0's PREF=1 (the most preferred) is 3.0's TYPE=pref and 2.1's bare PREF.
    if (key === 'PREF' && values[0]?.trim() === '1') type('PREF');
  }
  const encodedBase64 = encoding === 'B' || encoding === 'BASE64';
  return {
    name,
    binary: BINARY_PROPERTIES.has(name) || (encodedBase64 && !NOT_REPORTED.has(name)),
    encodedBase64,
    property: { group, name, types: types ?? NO_TYPES, charset, quotedPrintable: encoding === 'QUOTED-PRINTABLE', uriValue, typeLabel },
  };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A parameter value without its quotes, RFC 6868's ^n ^^ ^' decoded. */
function paramValue(raw: string): string {
  const trimmed = raw.trim();
  const unquoted = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  return unquoted.replace(/\^(['n^])/g, (_match, ch: string) => (ch === 'n' ? '\n' : ch === "'" ? '"' : '^'));
}

// ---------------------------------------------------------------------------------------------
// Decoding one value: quoted-printable, then the charset, then vCard's escapes.

interface Decoding {
  declaredCharset: string | undefined;
  forcedUtf8: boolean;
}

function isAscii(binary: string): boolean {
  for (let i = 0; i < binary.length; i++) if (binary.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Quoted-printable or base64 undone: one char per byte (base64 that is not: kept as written). */
function transferDecoded(property: RawProperty): string {
  if (property.quotedPrintable) return decodeQuotedPrintable(property.raw);
  try {
    // (atob is forgiving: spaces between the characters are skipped)
    return property.base64 ? atob(property.raw) : property.raw;
  } catch {
    return property.raw;
  }
}

function decodeBytes(property: RawProperty, decoding: Decoding): string {
  const binary = transferDecoded(property);
  if (isAscii(binary)) return binary;
  const bytes = binaryToBytes(binary);
  if (decoding.forcedUtf8) return decodeOrFail(bytes, 'utf-8');
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (property.charset) {
    // The bytes beat the label where they are plainly text of another charset (interop review,
    // stop 62: a file saved again in an editor keeps its labels; our own export saved as "ANSI",
    // a PHP script's Latin-1 under CHARSET=UTF-8 and an Outlook file re-saved as UTF-8 were
    // refused whole, or showed "MÃ¼ller"): under a UTF-8 label, bytes that are no UTF-8 are read
    // as a file without a label is; under a single-byte label, bytes that are UTF-8 (not by
    // chance: see utf8Else1252) as UTF-8. A label nobody knows is still refused.
    // (Bytes that are UTF-8 in part, letters UTF-8 text holds, are UTF-8 with damage, a value cut
    // in a letter: U+FFFD for the damage, not a made-up letter; code review. Windows-1252's pairs
    // that are UTF-8 by chance, "ß–", are not.)
    if (isUtf8Charset(property.charset)) return utf8 ?? (damagedUtf8(binary) ? new TextDecoder().decode(bytes) : utf8Else1252(binary));
    if (utf8 !== undefined && isSingleByteCharset(property.charset) && !BY_CHANCE.test(utf8)) return utf8;
    return decodeOrFail(bytes, property.charset);
  }
  if (utf8 !== undefined) return utf8;
  return decoding.declaredCharset ? decodeOrFail(bytes, decoding.declaredCharset) : utf8Else1252(binary);
}

/** One character's bytes in UTF-8, beyond ASCII. */
const UTF8_SEQUENCES = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/g;

/** Whether bytes that are no UTF-8 hold UTF-8's letters (and none by chance): UTF-8 with damage. */
function damagedUtf8(binary: string): boolean {
  const letters = binary.match(UTF8_SEQUENCES) ?? [];
  return letters.length > 0 && letters.every((letter) => !BY_CHANCE.test(decodeStrict(binaryToBytes(letter), 'utf-8') ?? '\u0080'));
}

/** A Latin letter, a sign such as "€" or "„", or a character beyond: what UTF-8 text holds; these not. */
const BY_CHANCE = /[\u0080-\u009f\u0250-\u1fff]/;

/**
 * A value of a file without a charset that is not all UTF-8: a mostly UTF-8 value (a UTF-8
 * "Müller" beside a stray "ö" from an older program: code review, it came out as "MÃ¼ller")
 * keeps its UTF-8 letters and reads only the other bytes as German Windows' letters; a value
 * with none, or with a pair that is UTF-8 only by chance (Windows-1252's "ß“" would be U+07D3),
 * is Windows-1252 throughout (code review). By hand: TextDecoder reads one charset per call and
 * hides which bytes it replaced.
 */
function utf8Else1252(binary: string): string {
  const cp1252 = (run: string) => new TextDecoder('windows-1252').decode(binaryToBytes(run));
  let letters = false;
  let chance = false;
  const mixed = binary.replace(/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|[\x80-\xff]/g, (run) => {
    const text = run.length > 1 ? decodeStrict(binaryToBytes(run), 'utf-8') : undefined;
    if (text === undefined) return cp1252(run);
    if (BY_CHANCE.test(text)) chance = true;
    letters = true;
    return text;
  });
  return letters && !chance ? mixed : cp1252(binary);
}

/**
 * A value the file was never refused for (a further ORG or TITLE, a line without a name): in
 * its charset where it is valid there, else as UTF-8 with U+FFFD for what is not text.
 */
function decodeLoose(property: RawProperty, decoding: Decoding): string {
  try {
    return decodeBytes(property, decoding);
  } catch {
    return new TextDecoder().decode(binaryToBytes(transferDecoded(property)));
  }
}

function decodeOrFail(bytes: Uint8Array, charset: string): string {
  const text = decodeStrict(bytes, charset);
  if (text === undefined) throw new ImportError('charset');
  return text;
}

/** `=XX` to its byte; a `=` not followed by two hex digits stays as it is. */
function decodeQuotedPrintable(binary: string): string {
  return binary.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A text value without its escapes. vCard 2.1 escapes only `;` (it writes line breaks as
 * quoted-printable =0D=0A); 3.0 and 4.0 escape `\\`, `\,`, `\;` and newline as `\n`. Google
 * also escapes `:` (`http\://`): a backslash before any other punctuation stands for that
 * character; before a letter or digit it is kept, as a sloppy writer's literal backslash
 * (`C:\Users`) is likelier than an escape vCard does not have.
 */
function unescapeText(value: string, version: string): string {
  if (!value.includes('\\')) return value;
  if (version === '2.1') return value.replace(/\\;/g, ';');
  return value.replace(/\\([\s\S])/g, (match, ch: string) => {
    if (ch === 'n' || ch === 'N') return '\n';
    return /[A-Za-z0-9]/.test(ch) ? match : ch;
  });
}

/** Splits at each `separator` that is not escaped by a backslash; the parts keep their escapes. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') i += 1;
    else if (ch === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** The components of N, ADR or ORG, each unescaped and on one line. */
function components(value: string, version: string): string[] {
  return splitUnescaped(value, ';').map((part) => singleLine(unescapeText(part, version)));
}

/**
 * A component that 3.0 and 4.0 allow to be a list (additional names, prefixes, suffixes; 2.1
 * writers use commas the same way): its items joined by spaces. Family and given name keep
 * their commas as written.
 */
function listComponent(raw: string, version: string): string {
  return splitUnescaped(raw, ',')
    .map((item) => singleLine(unescapeText(item, version)))
    .filter((item) => item !== '')
    .join(' ');
}

// Characters the contact form refuses (schema.ts): line breaks (also the Unicode line and
// paragraph separators, vertical tab and form feed) become ", " in one-line fields and line
// breaks in the notes, tabs a space, other control characters are dropped (invisible anyway),
// and so are the bidi embeddings, overrides and isolates, which the form drops too.
// (No single regex around the line break: `[ \t]*\n+[ \t]*` backtracks quadratically on a long
// run of spaces, and a value may be a megabyte long.)
const OTHER_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const LINE_BREAK = /\r\n?|[\u000b\u000c\u2028\u2029]/g;

/** What singleLine and multiLine change besides white space at the ends: most values hold none of it. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function singleLine(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  const clean = value.replace(LINE_BREAK, '\n').replace(/\t/g, ' ').replace(OTHER_CONTROLS, '');
  if (!clean.includes('\n')) return clean.trim();
  return clean
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(', ');
}

function multiLine(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(LINE_BREAK, '\n').replace(/\t/g, ' ').replace(OTHER_CONTROLS, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Mapping one card to Kontakte's fields.

// The notes are stored text and the contact book speaks German: these words are data, not UI.
// They are the German form's labels (src/i18n/de.ts), but the website's, which the form says
// is the company's: 142 B gzip less than a copy of its own. A new label there changes what an
// import writes into the notes from then on (test/node/vcard-import-fixtures.test.ts shows some).
const NOTE_LABELS: Readonly<Record<FieldName, string>> = { ...de.fields, website: 'Webseite' };

const TYPE_WORDS: Readonly<Record<string, string>> = {
  HOME: 'privat',
  WORK: 'geschäftlich',
  CELL: 'mobil',
  MOBILE: 'mobil',
  IPHONE: 'iPhone',
  MAIN: 'Hauptnummer',
  // vCard 4.0's (RFC 7852), written small as 4.0 writes types.
  'MAIN-NUMBER': 'Hauptnummer',
  FAX: 'Fax',
  PAGER: 'Pager',
  OTHER: 'sonstige',
  SCHOOL: 'Schule',
  // Outlook's X-MS-TEL kinds, as German Outlook names them.
  COMPANY: 'Firma',
  ASSISTANT: 'Assistent',
  CALLBACK: 'Rückmeldung',
  RADIO: 'Funkruf',
  TTYTDD: 'Texttelefon',
};

// Apple's built-in labels (X-ABLabel:_$!<Mobile>!$_), in German.
const APPLE_LABELS: Readonly<Record<string, string>> = {
  mobile: 'mobil',
  iphone: 'iPhone',
  home: 'privat',
  work: 'geschäftlich',
  main: 'Hauptnummer',
  homefax: 'Fax privat',
  workfax: 'Fax geschäftlich',
  otherfax: 'Fax',
  pager: 'Pager',
  other: 'sonstige',
  homepage: 'Homepage',
  assistantphone: 'Assistenz',
};

const MOBILE_TYPES = ['CELL', 'MOBILE', 'IPHONE'];
/**
 * The other types of vCard 4.0, which writes them small (`type=voice`), and those of 3.0 some
 * programs write small too: never a label (`msg`, `isdn`, `x400` … since stop 64: they stood as
 * labels). (A rarer one written small, "car", stands as its label.)
 */
const STANDARD_TYPE = /^(voice|internet|pref|text(phone)?|video|dom|intl|postal|parcel|msg|isdn|x400|bbs|modem)$/i;
const NOT_A_PHONE_TYPES = ['FAX', 'PAGER'];

/** What a "Weitere …" line names: the property's TYPE words or its Apple label. */
interface Labelled {
  types: ReadonlySet<string>;
  /** X-ABLabel of the property's group, as read ('' when none) */
  label: string;
}

interface Entry extends Labelled {
  value: string;
  /** Its TYPE or label says: a mobile number; a fax or pager (no number to call). */
  mobile: boolean;
  noCall: boolean;
  /** The second of two numbers in one value: taken only where the file names no other. */
  second?: boolean;
}

interface AddressEntry extends Labelled {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/** Properties that carry nothing a user would miss (bookkeeping, or mapped, or shown by mapped ones). */
const NOT_REPORTED = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'PRODID',
  'UID',
  'REV',
  'N',
  'FN',
  'ORG',
  'TITLE',
  'ROLE',
  'ADR',
  'TEL',
  'X-MS-TEL',
  'EMAIL',
  'URL',
  'NOTE',
  'LABEL',
  'CATEGORIES',
  'X-ABLABEL',
  // Our export's phone field as stored, where its TELs split it (src/contacts/vcard.ts TYPED_PHONE).
  'X-KONTAKTE-PHONE',
  'X-KONTAKTE-MOBILE',
  'X-ABADR',
  'X-ABUID',
  'X-ABSHOWAS',
  'SORT-STRING',
  'X-EVOLUTION-FILE-AS',
  'KIND',
  'SOURCE',
  'NAME',
  'PROFILE',
  'MAILER',
  'CLASS',
]);

const fieldMax = new Map(FIELDS.map((spec) => [spec.name, spec.max]));
const maxOf = (field: FieldName) => fieldMax.get(field) ?? 0;

/** The form's own rule for one field (schema.ts), so import and form never disagree. */
const isValid = (field: FieldName, value: string) => isValidField(field, value);

function labelOf(entry: Labelled): string {
  const label = entry.label.trim();
  if (label !== '') {
    // Also written bare ("homeFax": walkthrough, stop 70, it stood so in the notes).
    const apple = /^_\$!<(.*)>!\$_$/.exec(label)?.[1] ?? label;
    return APPLE_LABELS[apple.toLowerCase()] ?? apple;
  }
  const words = [...entry.types].map((type) => TYPE_WORDS[type]).filter((word): word is string => word !== undefined);
  return [...new Set(words)].join(', ');
}

function withLabel(text: string, entry: Labelled): string {
  const label = labelOf(entry);
  return label === '' ? text : `${text} (${label})`;
}

/** One card's decoded properties, read on demand: a value is decoded only when it is used. */
class CardReader {
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly card: RawCard,
    private readonly decoding: Decoding,
  ) {
    for (const property of card.properties) {
      if (property.name === 'X-ABLABEL' && property.group !== '') this.labels.set(property.group, this.text(property));
    }
  }

  get version(): string {
    return this.card.version;
  }

  first(name: string): RawProperty | undefined {
    return this.card.properties.find((property) => property.name === name);
  }

  all(name: string): RawProperty[] {
    return this.card.properties.filter((property) => property.name === name);
  }

  /** The value as a string, charset decoded, escapes kept. */
  raw(property: RawProperty | undefined): string {
    return property ? decodeBytes(property, this.decoding) : '';
  }

  /** A further value, never refusing the file for its bytes (decodeLoose). */
  loose(property: RawProperty): string {
    return decodeLoose(property, this.decoding);
  }

  /** A one-line text value (FN, TITLE, TEL, EMAIL, …). */
  text(property: RawProperty | undefined): string {
    return singleLine(unescapeText(this.raw(property), this.version));
  }

  /** The X-ABLabel of its group, else its `X-<label>` type, decoded as the property's text is (its charset, or UTF-8). */
  label(property: RawProperty): string {
    const { group, typeLabel = '' } = property;
    // (Decoded only where there is one: most properties have neither.)
    return (
      (group && this.labels.get(group)) || (typeLabel && this.loose({ ...property, raw: typeLabel, quotedPrintable: false, base64: false }))
    );
  }

  /** What each label says of a number, read once: a group's label names all its properties. */
  private readonly says = new Map<string, { mobile: boolean; noCall: boolean }>();

  entries(name: string, read: (property: RawProperty) => string): Entry[] {
    return this.all(name)
      .map((property) => {
        const { types } = property;
        const label = this.label(property);
        // "Mobil" but in "Immobilien…" and "Automobil…", which are landlines (one became the mobile:
        // buyer review, stop 60); "Firmenmobil", "Firmenhandy" and "Cell" are mobiles (review).
        const says = kept(this.says, label, () => ({
          mobile: /(?<!im|auto)mobil|\bcell|handy|iphone/i.test(label),
          noCall: /fax|pager/i.test(label),
        }));
        return {
          value: read(property),
          types,
          label,
          mobile: says.mobile || MOBILE_TYPES.some((type) => types.has(type)),
          noCall: says.noCall || NOT_A_PHONE_TYPES.some((type) => types.has(type)),
        };
      })
      .filter((entry) => entry.value !== '');
  }
}

/** Collects what does not fit a field: problems for the preview, lines for the notes. */
class Overflow {
  readonly problems: ImportProblem[] = [];
  /** Lines for the notes, after the card's own NOTE text. */
  readonly lines: string[] = [];
  /** The labels typed on values that took their fields: last, and only where they fit (they repeat a field). */
  readonly labels: string[] = [];
  /** The lines' code points, each with its line break. */
  private size = 0;

  /**
   * A line for the notes, built only while the notes have room for it: a line past their limit
   * is cut anyway. Built regardless, one long X-ABLabel named by every one of thousands of
   * properties made a 100 KB file take 50 s of CPU (the square of its size: security review).
   * Returns whether it was added.
   */
  /** `field`: the line holds one more `value` of it, named in the preview (UX review: a department and a second address went unsaid). */
  add(line: () => string, field?: ImportProblem['field'], value = ''): boolean {
    // Each line counts its line break; the last needs none.
    if (this.size > maxOf('notes') + 1) return false;
    const text = line();
    this.lines.push(text);
    this.size += codePoints(text) + 1;
    if (field) this.problems.push({ field, kind: 'further', value, outcome: 'movedToNotes' });
    return true;
  }

  /** The value if it fits its field; otherwise '' and the value becomes a line of the notes. */
  fit(field: FieldName, value: string): string {
    if (codePoints(value) <= maxOf(field)) return value;
    this.move(field, 'tooLong', value, NOTE_LABELS[field]);
    return '';
  }

  /** A value for the notes, with a problem for the preview: in the notes, or cut with them. */
  move(field: FieldName, kind: ImportProblem['kind'], value: string, label: string, entry?: Labelled): void {
    const moved = this.add(() => `${entry ? withLabel(label, entry) : label}: ${value}`);
    this.problems.push({ field, kind, value, outcome: moved ? 'movedToNotes' : 'truncated' });
  }

  /**
   * The first entry that suits the field and is valid for it. One that would have taken the
   * field but is invalid moves to the notes (a problem); every other becomes a "Weitere …" line.
   */
  pick(entries: readonly Entry[], field: FieldName, further: string, suits: (entry: Entry) => boolean = () => true): string {
    // The value the card marks as preferred first (a buyer review: the first in the file won), then
    // a work one, one of no kind, a private one last (a review: iPhone's HOME number became the
    // phone, its WORK number a notes line); in the file's order within each (a stable sort).
    const ranked = byRank(entries);
    const picked = ranked.find((entry) => suits(entry) && isValid(field, entry.value));
    // Those that would have taken the field before it, but are invalid for it: problems.
    // (A Set: a card of 100,000 numbers made the file's order below quadratic: code review.)
    const invalid = new Set(ranked.slice(0, picked ? ranked.indexOf(picked) : undefined).filter(suits));
    // A label the user typed on the value that takes the field ("Büro (nur vormittags)", Android's
    // "X-Notdienst") stays beside it as a line of the notes (walkthrough, stop 71: it was lost).
    // Not a program's own (Apple's built-in ones, a TYPE), nor one that only says what the field
    // does ("Mobil", "Cell", "Büro", "Diensthandy"). Kept last, where the notes have room: the
    // card's own note comes first (code review).
    const label = picked?.label.trim() ?? '';
    if (
      label &&
      label.length <= 100 &&
      !/^(?:_\$!<.*>!\$_|(?:mobil|telefon)(?:nummer|telefon)?|(?:dienst|firmen)?(?:handy|mobil)|cell|mobile|iphone|phone|e-?mail|büro|office|work|home|privat|arbeit|geschäftlich|dienstlich)$/i.test(
        label,
      ) &&
      !APPLE_LABELS[label.toLowerCase()]
    )
      this.labels.push(`${NOTE_LABELS[field]} (${label}): ${picked?.value}`);
    // The rest as notes lines, in the file's order, named in the preview (review: 22 values went
    // to the notes unsaid). Only the lines the notes hold: those cut are said as the notes' cut.
    for (const entry of entries)
      if (invalid.has(entry)) this.move(field, 'invalid', entry.value, NOTE_LABELS[field], entry);
      else if (entry !== picked && this.add(() => `${withLabel(further, entry)}: ${entry.value}`))
        this.problems.push({ field, kind: 'further', value: entry.value, outcome: 'movedToNotes' });
    return picked?.value ?? '';
  }
}

/**
 * Entries as a field takes them: the one the card prefers first, then work, no kind, private,
 * one whose label names an emergency or on-call line ("Notdienst", "Notfall", "Bereitschaft",
 * "24h"), preferred or not: the phone is the office's, the other a labelled line of the notes,
 * which the card links and a search's row dials (buyer walkthrough, stop 83: an iPhone's
 * preferred "Notdienst" took the phone, the office's number went to the notes); then the
 * second numbers of a value (a stable sort).
 */
const byRank = (entries: readonly Entry[]) => {
  const rank = ({ types, second, label }: Entry) =>
    second ? 4 : ON_CALL.test(label) ? 3.5 : types.has('PREF') ? 0 : types.has('WORK') ? 1 : types.has('HOME') ? 3 : 2;
  return [...entries].sort((a, b) => rank(a) - rank(b));
};

const ON_CALL = /not(?:dienst|fall|ruf)|bereitschaft|störung|emergency|24 ?h/i;

/** A filter that keeps the first entry of each value, compared by `key`. */
function firstOf(keyOf: (value: string) => string): (entry: Entry) => boolean {
  const seen = new Set<string>();
  return (entry) => {
    const key = keyOf(entry.value);
    return !seen.has(key) && !!seen.add(key);
  };
}

/**
 * The groups of a card worth a notes line, joined: not those a program makes itself (Google's
 * "myContacts" and "starred", Android's "Starred in Android"), not the apartment's own name,
 * which our export wrote and a phone's export carries back (also split into two groups where its
 * comma went unescaped, its line breaks as commas), and not those a "Kategorien:" line of the
 * notes holds already: a phone's export of our export, imported again, added the line again on
 * every round trip (code review, stop 62).
 */
function categoriesLine(groups: readonly string[], assetName: string, notes: string): string {
  const same = groupForm;
  const apartment = same(assetName);
  // In one pass, each group's form once (review: a run of groups compared anew at each start took
  // cubic time on 4,000 groups of commas; a file holds 330,000).
  const forms = groups.map(same);
  const noted = new Set([...notes.matchAll(/^Kategorien: (.*)$/gm)].flatMap((line) => (line[1] ?? '').split(', ').map(same)));
  const kept = new Map<string, string>();
  for (let index = 0; index < groups.length; index += 1) {
    const [group = '', form = ''] = [groups[index], forms[index]];
    if (form === '' || SYSTEM_GROUPS.test(group)) continue;
    // The apartment's name, as one group or a run of whole ones: left out, the run skipped.
    let run = form;
    let end = index + 1;
    while (run !== apartment && end < forms.length) {
      const next = `${run} ${forms[end]}`;
      if (next !== apartment && !apartment.startsWith(`${next} `)) break;
      run = next;
      end += 1;
    }
    if (run === apartment) {
      index = end - 1;
      continue;
    }
    // Once, whatever its case, and not where a "Kategorien:" line of the notes holds it already
    // (a group with an escaped comma by its parts).
    if (!kept.has(form) && !group.split(',').every((part) => noted.has(same(part)))) kept.set(form, group);
  }
  return [...kept.values()].join(', ');
}

/** A group's name as groups are compared: spaces and commas as one space, in lower case. */
const groupForm = (text: string) =>
  text
    .replace(/[\s,]+/g, ' ')
    .trim()
    .toLowerCase();

/** Groups a program files every contact in by itself: no word of the user's. */
const SYSTEM_GROUPS = /^(?:my ?contacts|starred|starred in android|system group: .*|favorites|favoriten)$/i;

const isMobile = (entry: Entry) => entry.mobile;
/** A German mobile number's digits ("+49 (0)171 …", "0171 …"). */
const GERMAN_MOBILE = /^(?:\+49|0049)?0?1[5-7]/;
// A fax or pager number is no number to call: it never becomes the phone, only a notes line.
const isVoice = (entry: Entry) => !entry.noCall;

function mapCard(card: RawCard, reader: CardReader, index: number, assetName: string, groupsOf: Groups): ImportedCard {
  const { version } = reader;
  const overflow = new Overflow();

  // N: family; given; additional; prefix; suffix. The suffix ("jr.", "MBA") follows the family
  // name, as phones show it; additional names follow the given name.
  const n = splitUnescaped(reader.raw(reader.first('N')), ';');
  const family = singleLine(unescapeText(n[0] ?? '', version));
  const given = singleLine(unescapeText(n[1] ?? '', version));
  let lastName = overflow.fit('last_name', joinNonEmpty(' ', [family, listComponent(n[4] ?? '', version)]));
  let firstName = overflow.fit('first_name', joinNonEmpty(' ', [given, listComponent(n[2] ?? '', version)]));
  const title = overflow.fit('title', listComponent(n[3] ?? '', version));

  // ORG: company; departments.
  const [firstOrg, ...otherOrgs] = reader.all('ORG');
  const org = components(reader.raw(firstOrg), version);
  const company = overflow.fit('company', org[0] ?? '');
  const department = joinNonEmpty(', ', org.slice(1));
  // "Abteilung Kundendienst" is said once, not "Abteilung: Abteilung Kundendienst" (buyer review).
  if (department !== '')
    overflow.add(() => (/^abt(?:eilung|\.)/i.test(department) ? department : `Abteilung: ${department}`), 'department', department);

  // Our export writes the position as TITLE and ROLE alike; other writers differ (Outlook:
  // TITLE the job title, ROLE the profession).
  const [firstTitle, ...otherTitles] = reader.all('TITLE');
  const [firstRole, ...otherRoles] = reader.all('ROLE');
  const jobTitle = reader.text(firstTitle);
  const role = reader.text(firstRole);
  const position = overflow.fit('position', jobTitle || role);
  if (jobTitle !== '' && role !== '' && role !== jobTitle) overflow.add(() => `Rolle: ${role}`, 'position', role);
  // Every further ORG, TITLE or ROLE (4.0 allows several) is a line of the notes, each value once.
  const seen = new Set(['', joinNonEmpty(', ', org), jobTitle, role]);
  const further = (label: string, properties: RawProperty[], field: FieldName) => {
    for (const property of properties) {
      const value = joinNonEmpty(', ', components(reader.loose(property), version));
      if (!seen.has(value)) overflow.add(() => `${label}: ${value}`, field, value);
      seen.add(value);
    }
  };
  further('Weiteres Unternehmen', otherOrgs, 'company');
  further('Weitere Position', otherTitles, 'position');
  further('Rolle', otherRoles, 'position');

  // ADR: the first WORK address, else the first, of those with more than a country (a country
  // alone is no address the fields can hold: the form keeps none without street, code or city);
  // the others as notes lines.
  const addresses = reader
    .all('ADR')
    .map((property) => toAddress(components(reader.raw(property), version), property.types, reader.label(property)));
  const present = addresses.filter((entry) => entry.street !== '' || entry.postalCode !== '' || entry.city !== '' || entry.country !== '');
  const full = present.filter((entry) => entry.street !== '' || entry.postalCode !== '' || entry.city !== '');
  const address = full.find((entry) => entry.types.has('WORK')) ?? full[0];
  const street = overflow.fit('street', address?.street ?? '');
  const postalCode = overflow.fit('postal_code', address?.postalCode ?? '');
  const city = overflow.fit('city', address?.city ?? '');
  const country = overflow.fit('country', address?.country ?? '');
  for (const other of present) {
    if (other === address) continue;
    const line = joinNonEmpty(', ', [other.street, joinNonEmpty(' ', [other.postalCode, other.city]), other.country]);
    overflow.add(() => `${withLabel(address ? 'Weitere Adresse' : 'Adresse', other)}: ${line}`, 'address', line);
  }
  // An address given only as a printed label (LABEL without ADR, vCard 2.1/3.0): kept in the notes.
  if (present.length === 0)
    for (const label of reader.entries('LABEL', (property) => reader.text(property)))
      overflow.add(() => `${withLabel('Adresse', label)}: ${label.value}`, 'address', label.value);

  // TEL: the first mobile number is the mobile, the first other voice number the phone (a preferred one first: pick).
  // Our own export writes URLs verbatim but for `;` (urlValue): a backslash there is the URL's.
  // And its values are stored ones, read back as they are.
  const ownExport = reader.text(reader.first('PRODID')).includes('//PROPSTER//Kontakte//');
  // Two numbers in one TEL of another program ("089 123456 / 0171 2345678", as a form no longer
  // takes them): the first is the number, the second a further one of the same kind (UX review:
  // both were one link that dialled the first, and one TEL in the export).
  const telValue = (property: RawProperty) => {
    const value = reader.text(property);
    return property.uriValue || /^tel:/i.test(value) ? telUriNumber(value) : value;
  };
  // Outlook writes its further numbers (company main, assistant, callback, radio, TTY/TDD) as
  // X-MS-TEL (MS-OXVCARD 2.1.3.9.5): numbers like any other, after the TELs (interop review,
  // stop 62: a firm's switchboard, its only number, was dropped as "Daten anderer Programme").
  const phones = [...reader.entries('TEL', telValue), ...reader.entries('X-MS-TEL', telValue)].flatMap((entry) => {
    const [first = '', ...more] = ownExport ? [entry.value] : entry.value.split(TWO_NUMBERS);
    // A second number is of no known kind but what its digits say (a German mobile: 015…,
    // 016…, 017…): it never takes the place of a number the file filed as such (code review).
    const kind = (value: string) => ({ types: new Set<string>(), label: '', mobile: GERMAN_MOBILE.test(value.replace(/[^\d+]/g, '')) });
    return [{ ...entry, value: first }, ...more.map((value) => ({ ...kind(value), value, noCall: entry.noCall, second: true }))];
  });
  // Our own export wrote a field of several extensions as one TEL each, and the field as stored
  // beside them: read back as stored, in the place of its first TEL (vcard.ts phoneNumbers).
  if (ownExport)
    for (const [name, mobile] of [
      [TYPED_PHONE.phone, false],
      [TYPED_PHONE.mobile, true],
    ] as const) {
      const typed = reader.text(reader.first(name));
      // Counted before the Set: "-67 / -67" is two numbers of one TEL (review).
      const numbers = typed === '' ? [] : phoneNumbers(typed);
      const split = new Set(numbers);
      const at = phones.findIndex((entry) => entry.mobile === mobile && split.has(entry.value));
      const entry = phones[at];
      if (!entry || numbers.length < 2) continue;
      phones[at] = { ...entry, value: typed };
      for (let index = phones.length - 1; index > at; index -= 1)
        if (phones[index]?.mobile === mobile && split.has(phones[index]?.value ?? '')) phones.splice(index, 1);
    }
  // A number to call given twice (Apple: the same number as "pref" and as "CELL", written
  // "+49 171 …" and "0171 …") is kept once, as the mobile where it is one (buyer review).
  // A "number" without digits (Thunderbird's sample: "Privattelefon") is no number: kept as it is.
  // Our own export is read back as stored: its phone and mobile may be one number typed twice
  // ("+49 (0)171 …" and "0171 …": the phone came back empty, unsaid; buyer review, stop 60).
  // Only a valid number counts as given: "089 123456 (Zentrale)" (a notes line) did not take the
  // place of a later "089 123456", which the card then lacked (walkthrough, stop 68). Such a line
  // given twice is kept once, by its text, spaces not counted (reviews).
  const called = new Set<string>();
  const once = (entry: Entry) => {
    const digits = phoneDigits(entry.value);
    // (Valid for either field: "Mobil: 0171 …" is the mobile's number, its label dropped there.)
    const valid = isValid('phone', entry.value) || isValid('mobile', entry.value);
    const key = valid ? digits : entry.value.trim().replace(/\s+/g, ' ');
    return ownExport || entry.noCall || digits === '' || (!called.has(key) && !!called.add(key));
  };
  const mobiles = phones.filter(isMobile).filter(once);
  let voices = phones.filter((entry) => !isMobile(entry)).filter(once);
  // None filed as a mobile: a further number whose digits say it is one ("Notdienst", 0171 …)
  // takes the mobile field, not a notes line that a long note then cut (walkthrough, stop 71);
  // the first in the phone's order besides the one the phone takes, which stays as it was (code review).
  const ranked = byRank(voices).filter(isVoice);
  const kept = ranked.find((entry) => isValid('phone', entry.value));
  const spare = mobiles.length
    ? undefined
    : ranked.find((entry) => entry !== kept && GERMAN_MOBILE.test(entry.value.replace(/[^\d+]/g, '')) && isValid('mobile', entry.value));
  if (spare) {
    mobiles.push(spare);
    voices = voices.filter((entry) => entry !== spare);
  }
  const mobile = overflow.pick(mobiles, 'mobile', 'Weitere Telefonnummer');
  const phone = overflow.pick(voices, 'phone', 'Weitere Telefonnummer', isVoice);
  // An address or a web page given twice, under two types (Outlook: the same URL as HOME and
  // WORK), is kept once, as a number is (interop review, stop 62: a notes line repeated it).
  const email = overflow.pick(
    reader.entries('EMAIL', (property) => reader.text(property)).filter(firstOf((value) => value.toLowerCase())),
    'email',
    'Weitere E-Mail-Adresse',
  );
  // (A web address's path tells letter case apart: only the same address is kept once.)
  const urls = reader
    .entries('URL', (property) => singleLine(urlValue(reader.raw(property), version, ownExport)))
    .filter(firstOf((value) => value));
  const website = overflow.pick(urls, 'website', 'Weitere Webseite');

  // CATEGORIES: the groups the user filed the contact in ("Elektriker", "Gartenbau"), often its
  // trade, as a line of the notes (interop review, stop 62: dropped unsaid); not our own export's
  // (the asset's name, contract §7). Added after the notes are read (categoriesLine).
  // The groups of the file that name this card as a member (a group card's MEMBER) are its categories too.
  const uid = reader.text(reader.first('UID'));
  const groups = [
    ...(ownExport
      ? []
      : reader
          .all('CATEGORIES')
          .flatMap((property) => splitUnescaped(reader.raw(property), ',').map((item) => singleLine(unescapeText(item, version))))),
    ...(groupsOf.names.get(index) ?? []),
  ];

  // Someone to list the card under: N, else FN (unless it only repeats the company), else the
  // company, else the e-mail address. FN is not split into first and last name: "Müller GmbH &
  // Co. KG" or "Anna van der Berg" would be split wrongly; the whole of it stays findable.
  // A name of only invisible characters is none, as the form says (schema.ts): the card is listed
  // by what else it has (code review: refused "without a name" beside its e-mail address).
  let nameFrom: NameSource | null = NAME_VISIBLE.test(lastName + firstName) ? 'name' : null;
  const formattedName = reader.text(reader.first('FN'));
  if (nameFrom) {
    // An FN with words the name fields do not hold (N:Müller;;;; beside FN:Anna Müller) is kept
    // whole in the notes rather than lose "Anna".
    const known = plain([title, firstName, lastName, company].join(' '));
    if (formattedName.split(/[\s,]+/).some((word) => word !== '' && !known.includes(plain(word))))
      overflow.lines.unshift(`Name in der Datei: ${formattedName}`);
  } else {
    // (An invisible name is not kept as one: the row would show it, and sort by it.)
    firstName = lastName = '';
    // An FN that begins with the title N gives ("Herr Müller" beside N:;;;Herr;) without it: the
    // row said "Herr Herr Müller" (interop review, stop 62).
    const listed = title !== '' && formattedName.startsWith(`${title} `) ? formattedName.slice(title.length + 1).trim() : formattedName;
    if (listed !== '' && listed !== company) lastName = overflow.fit('last_name', listed);
    if (!NAME_VISIBLE.test(lastName)) lastName = '';
    if (lastName !== '') nameFrom = 'formattedName';
    else if (NAME_VISIBLE.test(company)) nameFrom = 'company';
    else if (email !== '') {
      lastName = email;
      nameFrom = 'email';
    }
  }

  // NOTE (all of them), then the lines of what did not fit elsewhere.
  const noteText = reader
    .all('NOTE')
    .map((property) =>
      multiLine(
        // Joined as an array: spread into arguments, 80,000 lines overflowed the stack.
        [
          unescapeText(reader.raw(property), version),
          ...(property.more ?? []).map((line) => reader.loose({ ...property, raw: line, quotedPrintable: false, base64: false })),
        ]
          .filter((part) => part !== '')
          .join('\n'),
      ),
    )
    .filter((note) => note !== '')
    .join('\n\n');
  const categories = categoriesLine(groups, assetName, noteText);
  if (categories !== '') overflow.add(() => `Kategorien: ${categories}`, 'categories', categories);
  const added = overflow.lines.join('\n');
  let notes = joinNonEmpty('\n\n', [noteText, added]);
  const max = maxOf('notes');
  // The labels typed on values that took their fields, only where the whole still fits; one that
  // does not is said as the notes' cut (stop 71's list: it was left out without a word).
  for (const label of overflow.labels)
    if (codePoints(notes) + codePoints(label) + 2 <= max)
      notes = joinNonEmpty(added === '' && notes === noteText ? '\n\n' : '\n', [notes, label]);
    else overflow.problems.push({ field: 'notes', kind: 'tooLong', value: label, outcome: 'truncated' });
  if (codePoints(notes) > max) {
    overflow.problems.push({ field: 'notes', kind: 'tooLong', value: notes, outcome: 'truncated' });
    // The added lines are short values the preview names ("in den Notizen"): the file's own note
    // text gives way first, cut at its end, which "…" marks for whoever reads it later (UX
    // walkthrough, stop 74: a co-buyer could not tell that text was missing).
    const room = max - (added === '' ? 0 : codePoints(added) + 2);
    // After a whole word where the cut falls inside one ("12.3.20…" was read as 12.03.2020: code
    // review, stop 74); a word of over 40 characters is cut.
    if (room > 0) {
      const chars = [...noteText];
      const kept = chars.slice(0, room - 1).join('');
      notes = joinNonEmpty('\n\n', [`${(/\S/.test(chars[room - 1] ?? '') ? kept.replace(/(?<=\s)\S{1,40}$/, '') : kept).trim()}…`, added]);
    } else {
      // The added lines alone are too long: whole lines are kept (half a phone number is worse
      // than none), and a value cut off is no longer named as being in the notes.
      const cut = [...added].slice(0, max).join('');
      notes = (cut.lastIndexOf('\n') > 0 ? cut.slice(0, cut.lastIndexOf('\n')) : cut).trim();
      for (const problem of overflow.problems)
        if (problem.outcome === 'movedToNotes' && !notes.includes(problem.value)) problem.outcome = 'truncated';
    }
  }

  // The import maps nothing into the warranty dates (issue 17): they are the buyer's own notes.
  const candidate: ContactInput = {
    accepted_on: '',
    warranty_until: '',
    position,
    company,
    title,
    first_name: firstName,
    last_name: lastName,
    street,
    postal_code: postalCode,
    city,
    country,
    phone,
    mobile,
    email,
    website,
    notes,
  };
  // The form's validation as the last word: values that pass it can be stored as they are.
  const checked = contactInput.safeParse(candidate);
  if (!checked.success) {
    for (const spec of FIELDS) {
      if (!isValid(spec.name, candidate[spec.name])) {
        overflow.problems.push({ field: spec.name, kind: 'invalid', value: candidate[spec.name], outcome: 'blocksImport' });
      }
    }
  }

  const group = groupsOf.members.get(index);
  return {
    index,
    version,
    uid,
    values: checked.success ? checked.data : candidate,
    nameFrom,
    // A group is no contact: shown in the preview, never imported (walkthrough, stop 66: Apple's
    // groups became empty contacts, ticked).
    importable: group === undefined && nameFrom !== null && checked.success,
    problems: group === undefined ? overflow.problems : [],
    ignored: group === undefined ? ignoredProperties(card) : [],
    ...(group === undefined ? {} : { group }),
  };
}

/** The file's groups: each group card's member count, and each member's group names, by the card's position (1-based). */
interface Groups {
  members: Map<number, number>;
  names: Map<number, string[]>;
}

/** A UID as a group's MEMBER names it: vCard 4.0 and Apple write "urn:uuid:…", the member's UID with or without it. */
const memberKey = (uid: string) =>
  uid
    .trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();

/** The longest group name a member takes among its categories: a name, not a text (review: a hostile file's 950 KB name went into each of 990 cards). */
const MAX_GROUP_NAME = 200;

/**
 * The group cards of a file (vCard 4.0's KIND:group, Apple's X-ADDRESSBOOKSERVER-KIND:group: a
 * card marked so that holds a number, an address, an e-mail address, a firm or a web page is a
 * contact all the same) and the cards their MEMBER names by UID: groups and cards without a UID
 * are no members (review). A group the apartment is named after, or one a program makes itself,
 * is no category (categoriesLine), so it names no member either; a member takes group names up to
 * the notes' length. Read loosely: a group's bytes never refuse the file.
 */
function groupsOf(readers: readonly CardReader[], assetName: string): Groups {
  const groups: Groups = { members: new Map(), names: new Map() };
  const text = (reader: CardReader, property: RawProperty | undefined) =>
    property ? singleLine(unescapeText(reader.loose(property), reader.version)).trim() : '';
  const isGroup = readers.map(
    (reader) =>
      /^group$/i.test(text(reader, reader.first('KIND') ?? reader.first('X-ADDRESSBOOKSERVER-KIND'))) &&
      !['TEL', 'EMAIL', 'ADR', 'ORG', 'URL'].some((name) => reader.first(name)),
  );
  const byUid = new Map<string, number[]>();
  readers.forEach((reader, position) => {
    const key = isGroup[position] ? '' : memberKey(text(reader, reader.first('UID')));
    if (key) byUid.set(key, [...(byUid.get(key) ?? []), position + 1]);
  });
  readers.forEach((reader, position) => {
    if (!isGroup[position]) return;
    const fullName = text(reader, reader.first('FN')) || text(reader, reader.first('N')).replace(/;+/g, ' ').trim();
    const name = [...fullName].slice(0, MAX_GROUP_NAME).join('').trim();
    const category = name !== '' && !SYSTEM_GROUPS.test(name) && groupForm(name) !== groupForm(assetName);
    const keys = new Set(
      [...reader.all('MEMBER'), ...reader.all('X-ADDRESSBOOKSERVER-MEMBER')].map((member) => memberKey(text(reader, member))),
    );
    const cards = category ? [...keys].flatMap((key) => byUid.get(key) ?? []) : [];
    groups.members.set(position + 1, cards.length);
    for (const card of cards) {
      const names = groups.names.get(card) ?? [];
      if (names.join(', ').length + name.length <= maxOf('notes')) groups.names.set(card, [...names, name]);
    }
  });
  return groups;
}

/** `parts` as an array, never spread into arguments: an ORG of 200,000 `;` overflowed the stack (security review, stop 63). */
function joinNonEmpty(separator: string, parts: string[]): string {
  const kept = parts.filter((part) => part !== '');
  // A part that ends in the separator's comma ("Silicon Alley 5," of Apple's own sample) gets no
  // second one: "Silicon Alley 5,, 12345" (UX review).
  return kept.map((part, i) => (i < kept.length - 1 && separator === ', ' ? part.replace(/,\s*$/, '') : part)).join(separator);
}

/**
 * A German Land: a German address names none, its postcode says it (a phone's export of
 * "82166 Gräfelfing" with "Bayern" read as the town "Gräfelfing, Bayern": UX walkthrough, stop 78).
 */
const LAND =
  /^(?:Baden-Württemberg|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|Sachsen(?:-Anhalt)?|Schleswig-Holstein|Thüringen)$/i;

/** ADR: post-office box; extended address; street; locality; region; postal code; country. */
function toAddress(parts: readonly string[], types: ReadonlySet<string>, label: string): AddressEntry {
  const [box = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts;
  return {
    types,
    label,
    street: joinNonEmpty(', ', [street, extended, box]),
    // Other regions stay beside the town ("Albany, NY"), as there is no field of their own.
    city: joinNonEmpty(', ', [city, /^\d{5}$/.test(postalCode.trim()) && LAND.test(region.trim()) ? '' : region]),
    postalCode,
    country,
  };
}

/**
 * A program's own bookkeeping, no word of the user's: Outlook's card design (X-MS-OL-…),
 * Thunderbird's "prefers HTML mail" flag, Evolution's sync annotations (interop review, stop 62:
 * named as "Daten anderer Programme", as if something the user wrote were left out).
 */
const BOOKKEEPING = /^X-(?:MS-OL-|COUCHDB-|MOZILLA-HTML$)/;

function ignoredProperties(card: RawCard): string[] {
  const names = new Set<string>();
  for (const property of card.properties) {
    if (NOT_REPORTED.has(property.name) || BOOKKEEPING.test(property.name)) continue;
    // Android's own by what its kind says: a nickname, a related person, a date the user typed
    // (walkthrough, stop 71: named "Daten anderer Programme").
    const android = property.name === 'X-ANDROID-CUSTOM' && /cursor\.item\/(?:(nickname)|(relation)|(contact_event))/.exec(property.raw);
    if (property.skippedValue || property.raw.trim() !== '')
      names.add(android ? (android[1] ? 'NICKNAME' : android[2] ? 'RELATED' : 'ANNIVERSARY') : property.name);
  }
  return [...names];
}

/** tel:+49-30-123;ext=5 → +49-30-123 ext. 5 (the rest of a tel: URI's parameters dropped). */
function telUriNumber(value: string): string {
  const withoutScheme = value.replace(/^tel:/i, '');
  const [number = '', ...params] = withoutScheme.split(';');
  const ext = params.find((param) => /^ext=/i.test(param));
  let decoded = number;
  try {
    decoded = decodeURIComponent(number);
  } catch {
    // keep it as written
  }
  return ext ? `${decoded} ext. ${ext.slice(4)}` : decoded;
}

/**
 * URL values are not escaped (RFC 2426 §3.6.8, RFC 6350 errata 3845), but Google and others
 * escape them like text (`http\://`): a backslash before `\ , ; :` is dropped, except in 2.1
 * and 4.0, which write URLs verbatim. Our own export escapes only `;` (for Evolution): one
 * backslash before each `;` is dropped.
 */
function urlValue(value: string, version: string, ownExport: boolean): string {
  if (ownExport) return value.replace(/\\;/g, ';');
  if (version === '2.1' || version === '4.0') return value;
  return value.replace(/\\([\\,;:])/g, '$1');
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads an uploaded .vcf file: every card as it would be stored, or why the file cannot be read.
 * `assetName`: the apartment's name, which our export writes as every card's CATEGORIES.
 */
export function parseVcf(file: Uint8Array, assetName = ''): ImportResult {
  try {
    const reading = read(file);
    const decoding: Decoding = { declaredCharset: reading.declaredCharset, forcedUtf8: reading.forcedUtf8 };
    const readers = reading.cards.map((card) => new CardReader(card, decoding));
    const groups = groupsOf(readers, assetName.trim());
    // Groups and no contact (a group exported on its own): refused beside the field, as a file of none.
    if (groups.members.size === reading.cards.length) throw new ImportError('onlyGroups');
    const cards = reading.cards.map((card, position) =>
      mapCard(card, readers[position] as CardReader, position + 1, assetName.trim(), groups),
    );
    return { ok: true, cards, skipped: reading.skipped };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.failure };
    throw error;
  }
}
