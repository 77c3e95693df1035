// iCalendar export of warranty ends (RFC 5545; issue 17, contract §4 `warranty.ics`): one all-day
// event per contact with an end date, each with up to two display alarms (those still ahead). A
// pure module like vcard.ts: no framework or database imports, so the same code runs in workerd
// and under the Python interop test. Hand-written rather than with ical.js's writer: what we
// write is a dozen fixed lines per event, not worth a calendar library in the Worker bundle;
// ical.js (and Python's icalendar) read it back in the tests instead.

import { phoneValue, utf8Length, text as vcardText } from './vcard';
import { addDays, berlinToday, formatDate, isIsoDate, type WarrantyMessages } from './warranty';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
/** PRODID of warranty.ics (RFC 5545 §3.7.3). */
export const PROD_ID = '-//PROPSTER//Kontakte//DE';

/** The alarms of every event, in days before its day. RFC 5545 durations have no months (§3.3.6). */
export const ALARM_DAYS_BEFORE = [90, 14] as const;
/**
 * An end less than 14 days ahead has neither of those alarms left: it gets one of these instead,
 * the first whose day is still ahead (an end in 10 days: 7 days before; in 5 days or tomorrow: the
 * day before; tomorrow, after 09:00: its own day at 09:00). Code review: such an end, the most
 * urgent, had no reminder at all (walkthrough, stop 71: an end tomorrow downloaded in the evening).
 */
export const LATE_ALARM_DAYS_BEFORE = [7, 1, 0] as const;
/** Each alarm rings at this hour of its day, in the phone's own time zone, not at midnight. */
export const ALARM_HOUR = 9;

/**
 * `TRIGGER` of the alarm `days` before the event's day at ALARM_HOUR: an all-day event starts at
 * midnight of its day wherever the phone is, and an alarm counts from that start (RFC 5545
 * §3.8.6.3), so 90 days before at 09:00 is 89 days and 15 hours before, `-P89DT15H` (the way Apple
 * Calendar writes its own all-day alerts, "1 day before at 9:00" as `-PT15H`).
 */
export function alarmTrigger(days: number): string {
  // The day before: 15 hours before the day's start, without a day part of 0 ("-PT15H"); the day
  // itself: 9 hours after it ("PT9H").
  if (days === 0) return `PT${ALARM_HOUR}H`;
  return days === 1 ? `-PT${24 - ALARM_HOUR}H` : `-P${days - 1}DT${24 - ALARM_HOUR}H`;
}

export interface CalendarEvent {
  /** stable across exports, so a second import updates instead of duplicating (warrantyEventUid) */
  uid: string;
  /** grows whenever the event's date changes (RFC 5545 §3.8.7.4), a non-negative integer */
  sequence: number;
  /** the warranty's last day, `YYYY-MM-DD` */
  date: string;
  summary: string;
  /** '' leaves the property out */
  description: string;
  /** '' leaves the property out */
  location: string;
  /**
   * The alarms it carries, in days before its day (ALARM_DAYS_BEFORE when left out): only those
   * still ahead (warrantyEvents), since Outlook rings one in the past at once, as overdue, on
   * every import.
   */
  alarmDays?: readonly number[];
}

export interface CalendarOptions {
  /** PRODID, e.g. '-//PROPSTER//Kontakte//DE' */
  prodId: string;
  /** DTSTAMP of every event: when the file was made */
  now: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** The whole file: CRLF line ends, lines folded at 75 octets, one VEVENT per entry in the given order. */
export function warrantyCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const stamp = utcDateTime(options.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${text(options.prodId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  if (!isIsoDate(event.date)) throw new RangeError(`event ${event.uid}: bad date ${JSON.stringify(event.date)}`);
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0)
    throw new RangeError(`event ${event.uid}: bad SEQUENCE ${event.sequence}`);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    // An all-day event: a DATE start and the exclusive end the day after (§3.6.1), so every
    // calendar shows one day, in whatever zone the phone is.
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
    `SUMMARY:${text(event.summary)}`,
  ];
  if (event.description !== '') lines.push(`DESCRIPTION:${text(event.description)}`);
  if (event.location !== '') lines.push(`LOCATION:${text(event.location)}`);
  // A reminder, not an appointment: it must not mark the day as busy.
  lines.push('TRANSP:TRANSPARENT');
  for (const days of event.alarmDays ?? ALARM_DAYS_BEFORE) {
    // DISPLAY alarms need a DESCRIPTION (§3.6.6); the event's summary is what the phone should say.
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${alarmTrigger(days)}`, `DESCRIPTION:${text(event.summary)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** DATE-TIME in UTC, `19970714T173000Z` (§3.3.5, form #2). */
function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// TEXT (§3.3.11) has no room for control characters other than HTAB; line breaks become `\n`.
// Stored contact fields never hold others (contract §5), so dropping them loses nothing real.
// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A TEXT value: `\` `;` `,` escaped, every line break (CRLF, CR, LF) as `\n`: a vCard text value's
 * escapes (RFC 5545 §3.3.11 and RFC 2426 §4 agree), written once in vcard.ts, then no control characters.
 */
function text(value: string): string {
  return vcardText(value).replace(CONTROL, '');
}

// Folding units: a code point (never half of a UTF-8 sequence or of a surrogate pair) or an
// escape sequence, kept whole as vcard.ts does, so a folded `\n` is never cut in two.
const FOLD_UNIT = /\\[\s\S]|[\s\S]/gu;
/**
 * §3.1: at most 75 octets per physical line (CRLF not counted); a continuation starts with one
 * space, which counts. Octets are counted, not encoded: encoding every line and unit was half of
 * the calendar's time.
 */
function fold(line: string): string {
  if (line.length <= MAX_LINE_OCTETS / 3 || utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const physical: string[] = [];
  let current = '';
  let octets = 0;
  for (const unit of line.match(FOLD_UNIT) ?? []) {
    const size = utf8Length(unit);
    const budget = physical.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > budget) {
      physical.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += size;
  }
  physical.push(current);
  return physical.join(`${CRLF} `);
}

// ---------------------------------------------------------------------------------------------
// What an event says about a contact

/** Stable for the contact (ids are opaque and never reused), so re-importing updates the event. */
export function warrantyEventUid(contactId: string): string {
  return `kontakte-warranty-${contactId}`;
}

export interface WarrantyEventContact {
  /** "Fliesenleger", '' when unknown */
  position: string;
  /** how the contact is named everywhere (displayName in vcard.ts) */
  name: string;
  /** the company behind a person ('' where it is the name itself or unknown): who owes the warranty */
  company: string;
  phone: string;
  mobile: string;
  email: string;
  /** `YYYY-MM-DD` */
  warrantyUntil: string;
}

/** The part of the message catalog an event needs: the locale for the date and the calendar words. */
export interface WarrantyEventTranslator {
  locale: string;
  warranty: Pick<WarrantyMessages, 'calendar'>;
  /** The description's labels are the form's (the same words). */
  fields: Record<'company' | 'phone' | 'mobile' | 'email', string>;
}

/**
 * SUMMARY "Gewährleistung endet: Fliesen Bauer (Fliesenleger) – Mängel vorher melden" (once
 * `ended`: "Gewährleistung endete: Fliesen Bauer (Fliesenleger)"): the name first, as a phone's
 * calendar cuts long titles, and the position in brackets, as "Fliesenleger Fliesen Bauer" ran
 * the two together (walkthrough, stop 68). And a DESCRIPTION with
 * the company behind a person, the contact's phone, mobile and e-mail (one per line, only those
 * given) and the end date. Numbers as the vCard writes them, without a "(0)" after the country
 * code: a calendar makes them tappable, and "+49 (0)171 …" dials a wrong number (review).
 */
export function warrantyEventText(
  t: WarrantyEventTranslator,
  contact: WarrantyEventContact,
  ended = false,
): { summary: string; description: string } {
  const words = t.warranty.calendar;
  const who = contact.position === '' ? contact.name : `${contact.name} (${contact.position})`;
  const reach: [string, string][] = [
    [t.fields.company, contact.company],
    [t.fields.phone, phoneValue(contact.phone)],
    [t.fields.mobile, phoneValue(contact.mobile)],
    [t.fields.email, contact.email],
  ];
  const lines = reach.filter(([, value]) => value !== '').map(([label, value]) => `${label}: ${value}`);
  lines.push(words.until(formatDate(contact.warrantyUntil, t.locale)));
  return { summary: (ended ? words.ended : words.summary)(who), description: lines.join('\n') };
}

/** A contact with a warranty end as warranty.ics needs it: the text's parts, its id and version. */
export interface WarrantyCalendarContact extends WarrantyEventContact {
  id: string;
  /** The contact's version: it grows with every change of the contact, its dates included. */
  version: number;
}

/**
 * One event per contact, in the given order: UID from the contact's id (stable across exports),
 * SEQUENCE its version (RFC 5545 §3.8.7.4: a re-import with a higher one updates the event), the
 * asset's name as LOCATION. The version also grows for changes that leave the dates alone; a
 * SEQUENCE that grows more often than needed only makes calendars take the same event again.
 * Only the alarms still ahead of `now` (at 09:00 of their day, Berlin): an end 30 days ahead keeps
 * the 14-day one, an end before today none (review: Outlook rang the 90-day one at once on
 * import), and one of today only before 09:00 (walkthrough, stop 69: an end 14 days ahead,
 * downloaded at noon, had only today's alarm, gone by; other calendars never ring a past one).
 * An end after today whose alarms are all behind gets one late alarm (LATE_ALARM_DAYS_BEFORE):
 * at noon, an end 14 days ahead the one 7 days before. An end of today none: its all-day event
 * is the day itself.
 */
export function warrantyEvents(
  t: WarrantyEventTranslator,
  contacts: readonly WarrantyCalendarContact[],
  location: string,
  now: Date,
): CalendarEvent[] {
  const today = berlinToday(now);
  // The first day whose 09:00 is still ahead: today before 09:00, else tomorrow. (Berlin's offset
  // changes only at night, so 15 hours on from 09:00 is the next midnight.)
  const alarmsFrom = berlinToday(new Date(now.getTime() + (24 - ALARM_HOUR) * 3_600_000));
  return contacts.map((contact) => ({
    uid: warrantyEventUid(contact.id),
    sequence: contact.version,
    date: contact.warrantyUntil,
    // An end already passed says so (walkthrough, stop 68: "endet … – Mängel vorher melden" months
    // after). With the same SEQUENCE: a subscribed calendar takes the new title, one that imported
    // the file once may keep the old one, which still names the right day.
    ...warrantyEventText(t, contact, contact.warrantyUntil < today),
    location,
    alarmDays: alarmDaysOf(contact.warrantyUntil, today, alarmsFrom),
  }));
}

/** The alarms an end keeps: those on `alarmsFrom` or later, else one late alarm if the end is after `today`. */
function alarmDaysOf(end: string, today: string, alarmsFrom: string): readonly number[] {
  const ahead = (days: number) => addDays(end, -days) >= alarmsFrom;
  const kept = ALARM_DAYS_BEFORE.filter(ahead);
  if (kept.length > 0 || end <= today) return kept;
  return LATE_ALARM_DAYS_BEFORE.filter(ahead).slice(0, 1);
}
