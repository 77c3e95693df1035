// Calendar events for the warranty.ics tests, shared by the ical.js test (test/ics.test.ts, in
// workerd) and the python3-icalendar interop test (test/interop/ics-python.test.ts, in Node):
// both parsers must read back the same events.
import fc from 'fast-check';
import type { CalendarEvent } from '../src/contacts/ics';

export const PROD_ID = '-//PROPSTER//Kontakte//DE';
export const NOW = new Date('2026-11-29T03:36:46.512Z');
export const DTSTAMP = '20261129T033646Z';

const longWord = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller';

export const trickyEvents: CalendarEvent[] = [
  {
    uid: 'kontakte-warranty-q7Xc2mK9pL',
    sequence: 0,
    date: '2027-05-10',
    summary: 'Gewährleistung endet: Fliesenleger Bauer – Mängel vorher melden',
    description:
      'Telefon: +49 30 123456\nE-Mail: info@fliesen-bauer.de\nGewährleistung bis 10.05.2027 (Ihre eigene Angabe, keine Rechtsberatung)',
    location: 'Wohnung 12, Große Straße 5a; Berlin',
  },
  {
    uid: 'kontakte-warranty-leap_day-1',
    sequence: 3,
    date: '2029-02-28',
    summary: 'Gewährleistung endet: Küchenbauer Müller-Lüdenscheidt – Mängel vorher melden',
    description: '',
    location: '',
  },
  {
    uid: 'kontakte-warranty-separators',
    sequence: 12,
    date: '2100-12-31',
    summary: 'a;b,c\\d \\n \\; \\, ;;,, \\\\ "quoted" :colon: =^',
    description: 'Zeile 1\r\nZeile 2\rZeile 3\nEND:VEVENT\nBEGIN:VEVENT\n\nLetzte Zeile; mit, allem \\',
    location: 'C:\\Bau\\WE-12; Haus 3, Eingang B',
  },
  {
    uid: 'kontakte-warranty-unicode',
    sequence: 1,
    date: '1990-01-01',
    summary: `👩‍👩‍👧 Familie 🏠 ${'😀'.repeat(30)} Ce\u0301dric שלום مرحبا`,
    description: `${longWord.repeat(4)} ${'äöüß'.repeat(40)} ${'€'.repeat(50)} 𝄞𝄞𝄞 end`,
    location: `${'ü'.repeat(37)}x${'ü'.repeat(37)}`,
  },
  {
    uid: 'kontakte-warranty-long-ascii',
    sequence: 2,
    date: '2024-02-29',
    summary: `${'x'.repeat(66)},${'y'.repeat(200)}`,
    description: ` \t leading and trailing space and tab \t ${'z'.repeat(300)} `,
    location: 'a'.repeat(66),
  },
];

/** What a reader must get back from a TEXT value: line breaks as LF, other control characters dropped. */
export function expectedText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

// Generated events: any Unicode, with the characters that matter for iCalendar on purpose.
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
  '€',
  '😀',
  '👩‍👩‍👧',
  '\u0301',
  'שלום',
  '\u202e',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '\u0007',
];
const unit = fc.oneof(
  fc.constantFrom(...specials),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
const text = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit, maxLength: 300 }));
const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const calendarEvent: fc.Arbitrary<CalendarEvent> = fc.record({
  uid: fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 1, maxLength: 24 }).map((id) => `kontakte-warranty-${id}`),
  sequence: fc.nat({ max: 1_000_000 }),
  date: isoDate,
  summary: fc.string({ unit, minLength: 1, maxLength: 120 }),
  description: text,
  location: text,
});

/** Unique UIDs, as an export has them (one event per contact). */
export const calendarEvents = fc.uniqueArray(calendarEvent, { selector: (event) => event.uid, maxLength: 25 });
