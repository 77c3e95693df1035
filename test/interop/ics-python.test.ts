// warranty.ics read back by an independent parser: Python's icalendar (Debian's python3-icalendar
// 4.0.3), run as /usr/bin/python3 through scripts/icalendar_roundtrip.py. Every event must come
// back with exactly its UID, SEQUENCE, dates, texts and both alarms, nothing more. Runs in Node
// (vitest project "interop"); a missing python3 or icalendar module fails the test, never skips it.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ALARM_DAYS_BEFORE, type CalendarEvent, warrantyCalendar } from '../../src/contacts/ics';
import { addDays } from '../../src/contacts/warranty';
import { sampleWithSeed, seedHint } from '../property';
import { calendarEvents, expectedText, NOW, PROD_ID, trickyEvents } from '../warranty-events';
import { type RoundTripReport, runRoundTrip } from './python';

// python-icalendar 4.0.3 unescapes TEXT twice, through placeholders: Contentline.parts() turns
// `\,` `\;` `\:` `\\` into %2C %3B %3A %5C and back, then vText unescapes the result again. So a
// backslash in a value, or one of those four percent sequences written literally, does not come
// back as written (pinned below). Our output follows RFC 5545 §3.3.11 and ical.js reads it
// exactly (test/ics.test.ts); the comparisons here leave out just those characters.
const PYTHON_MISREADS = /\\|%(?:2C|3A|3B|5C)/g;
const pythonSafe = (value: string) => value.replace(PYTHON_MISREADS, '');

function pythonSafeEvent(event: CalendarEvent): CalendarEvent {
  return { ...event, summary: pythonSafe(event.summary), description: pythonSafe(event.description), location: pythonSafe(event.location) };
}

interface ExpectedAlarm {
  properties: string[];
  action: string;
  trigger_seconds: number;
  description: string;
}

interface ExpectedEvent {
  properties: string[];
  uid: string;
  sequence: number;
  dtstamp: string;
  dtstart: string;
  dtend: string;
  summary: string;
  description: string | null;
  location: string | null;
  transp: string;
  alarms: ExpectedAlarm[];
}

const calendarProperties = { CALSCALE: 'GREGORIAN', METHOD: 'PUBLISH', PRODID: PROD_ID, VERSION: '2.0' };

function expectedEvent(event: CalendarEvent): ExpectedEvent {
  const summary = expectedText(event.summary);
  const optional = [event.description !== '' ? 'DESCRIPTION' : '', event.location !== '' ? 'LOCATION' : ''].filter(Boolean);
  return {
    properties: ['DTEND', 'DTSTAMP', 'DTSTART', 'SEQUENCE', 'SUMMARY', 'TRANSP', 'UID', ...optional].sort(),
    uid: event.uid,
    sequence: event.sequence,
    dtstamp: NOW.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    dtstart: event.date,
    dtend: addDays(event.date, 1),
    summary,
    description: event.description === '' ? null : expectedText(event.description),
    location: event.location === '' ? null : expectedText(event.location),
    transp: 'TRANSPARENT',
    alarms: ALARM_DAYS_BEFORE.map((days) => ({
      properties: ['ACTION', 'DESCRIPTION', 'TRIGGER'],
      action: 'DISPLAY',
      // 09:00 on the day `days` before: from the event's midnight back `days` days, then 9 hours on.
      trigger_seconds: -days * 86_400 + 9 * 3_600,
      description: summary,
    })),
  };
}

type Files = Record<string, { ics: string; expected: { calendar: Record<string, string>; events: ExpectedEvent[] } }>;

/** Reads every NAME.ics through python-icalendar and compares it with NAME.json (scripts/icalendar_roundtrip.py). */
function runIcalendar(files: Files): RoundTripReport<'events'> {
  const written: Record<string, string> = {};
  for (const [name, { ics, expected }] of Object.entries(files)) {
    written[`${name}.ics`] = ics;
    written[`${name}.json`] = JSON.stringify(expected);
  }
  return runRoundTrip(
    { script: 'icalendar_roundtrip.py', module: 'icalendar', debianPackage: 'python3-icalendar', count: 'events' },
    written,
  );
}

function file(events: readonly CalendarEvent[]): Files[string] {
  return {
    ics: warrantyCalendar(events, { prodId: PROD_ID, now: NOW }),
    expected: { calendar: calendarProperties, events: events.map(expectedEvent) },
  };
}

describe('python-icalendar reads back every event, alarm, UID and SEQUENCE exactly', () => {
  it('the fixed tricky events, one file each and all in one file', () => {
    const events = trickyEvents.map(pythonSafeEvent);
    const files: Files = { all: file(events) };
    events.forEach((event, index) => {
      files[`event-${index}`] = file([event]);
    });
    const report = runIcalendar(files);
    expect(report.mismatches).toEqual([]);
    expect(report).toMatchObject({ files: events.length + 1, events: events.length * 2 });
  });

  it('generated events', () => {
    const batches = sampleWithSeed(
      calendarEvents.map((events) => events.map(pythonSafeEvent)),
      20,
    );
    const files: Files = {};
    batches.forEach((events, index) => {
      files[`generated-${index}`] = file(events);
    });
    const report = runIcalendar(files);
    expect(report.mismatches, seedHint).toEqual([]);
    expect(report.events, seedHint).toBe(batches.reduce((sum, events) => sum + events.length, 0));
  });

  it('backslashes and %2C-like sequences: python-icalendar misreads them (pinned), ical.js reads them as written', () => {
    const [base] = trickyEvents;
    if (!base) throw new Error('fixture');
    const event = { ...base, summary: 'Pfad C:\\Bau\\neu\\Notes', description: 'https://example.de/a%2Cb%3Bc', location: 'a\\,b' };
    const ics = warrantyCalendar([event], { prodId: PROD_ID, now: NOW });
    const [vevent] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect([
      vevent?.getFirstPropertyValue('summary'),
      vevent?.getFirstPropertyValue('description'),
      vevent?.getFirstPropertyValue('location'),
    ]).toEqual([event.summary, event.description, event.location]);
    // A typed backslash before n or N becomes a line break (the letter is lost), one before a comma
    // is lost, and %2C, %3B turn into `,` and `;`.
    const misread = expectedEvent({
      ...event,
      summary: 'Pfad C:\\Bau\neu\notes',
      description: 'https://example.de/a,b;c',
      location: 'a,b',
    });
    const report = runIcalendar({ deviations: { ics, expected: { calendar: calendarProperties, events: [misread] } } });
    expect(report.mismatches).toEqual([]);
  });
});
