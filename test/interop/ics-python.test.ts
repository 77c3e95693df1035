// warranty.ics read back by an independent parser: Python's icalendar (Debian's python3-icalendar
// 4.0.3), run as /usr/bin/python3 through scripts/icalendar_roundtrip.py. Every event must come
// back with exactly its UID, SEQUENCE, dates, texts and both alarms, nothing more. Runs in Node
// (vitest project "interop"); a missing python3 or icalendar module fails the test, never skips it.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ALARM_DAYS_BEFORE, type CalendarEvent, warrantyCalendar } from '../../src/contacts/ics';
import { addDays } from '../../src/contacts/warranty';
import { calendarEvents, expectedText, fcSeed, NOW, PROD_ID, trickyEvents } from '../warranty-events';

import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../scripts/icalendar_roundtrip.py', import.meta.url).pathname;

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
      trigger_seconds: -days * 86_400,
      description: summary,
    })),
  };
}

interface Report {
  files: number;
  events: number;
  mismatches: unknown[];
}

function isReport(value: unknown): value is Report {
  return (
    typeof value === 'object' &&
    value !== null &&
    'files' in value &&
    typeof value.files === 'number' &&
    'events' in value &&
    typeof value.events === 'number' &&
    'mismatches' in value &&
    Array.isArray(value.mismatches)
  );
}

let dir = '';
afterEach(() => {
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
  dir = '';
});

type Files = Record<string, { ics: string; expected: { calendar: Record<string, string>; events: ExpectedEvent[] } }>;

function runIcalendar(files: Files): Report {
  dir = fs.mkdtempSync(`${os.tmpdir()}/kontakte-icalendar-`);
  for (const [name, { ics, expected }] of Object.entries(files)) {
    fs.writeFileSync(`${dir}/${name}.ics`, ics, 'utf8');
    fs.writeFileSync(`${dir}/${name}.json`, JSON.stringify(expected), 'utf8');
  }
  const run = childProcess.spawnSync(PYTHON, [SCRIPT, dir], { encoding: 'utf8' });
  expect(run.error, 'could not start /usr/bin/python3').toBeUndefined();
  let report: unknown;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`icalendar_roundtrip.py printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  if (!isReport(report)) throw new Error(`unexpected report: ${run.stdout}`);
  return report;
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

  it('an empty calendar', () => {
    const report = runIcalendar({ empty: file([]) });
    expect(report).toEqual({ files: 1, events: 0, mismatches: [] });
  });

  it('generated events', () => {
    const seed = fcSeed();
    const batches = fc.sample(calendarEvents.map((events) => events.map(pythonSafeEvent)), { numRuns: 20, seed });
    const files: Files = {};
    batches.forEach((events, index) => {
      files[`generated-${index}`] = file(events);
    });
    const report = runIcalendar(files);
    expect(report.mismatches, `fast-check seed ${seed}`).toEqual([]);
    expect(report.events, `fast-check seed ${seed}`).toBe(batches.reduce((sum, events) => sum + events.length, 0));
  });

  it('backslashes and %2C-like sequences: python-icalendar misreads them (pinned), ical.js reads them as written', () => {
    const [base] = trickyEvents;
    if (!base) throw new Error('fixture');
    const event = { ...base, summary: 'Pfad C:\\Bau\\neu\\Notes', description: 'https://example.de/a%2Cb%3Bc', location: 'a\\,b' };
    const ics = warrantyCalendar([event], { prodId: PROD_ID, now: NOW });
    const [vevent] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect([vevent?.getFirstPropertyValue('summary'), vevent?.getFirstPropertyValue('description'), vevent?.getFirstPropertyValue('location')]).toEqual([
      event.summary,
      event.description,
      event.location,
    ]);
    // A typed backslash before n or N becomes a line break (the letter is lost), one before a comma
    // is lost, and %2C, %3B turn into `,` and `;`.
    const misread = expectedEvent({ ...event, summary: 'Pfad C:\\Bau\neu\notes', description: 'https://example.de/a,b;c', location: 'a,b' });
    const report = runIcalendar({ deviations: { ics, expected: { calendar: calendarProperties, events: [misread] } } });
    expect(report.mismatches).toEqual([]);
  });
});
