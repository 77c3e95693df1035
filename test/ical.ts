// The one ical.js reading of a vCard file (Thunderbird's address book parser) that the vCard,
// export and hostile-input suites share; the same cards through Python's vobject:
// test/interop/vcard-vobject.test.ts.
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { ExpectedProperty } from './vcard-fixtures';
// Also the ical.js reading of a warranty.ics calendar (the serializer's suite and the route's).

export interface ParsedProperty {
  name: string;
  params: Record<string, string[]>;
  values: unknown[];
}

/**
 * ical.js 2.2.1 unescapes `\\ \, \n` in a vCard 3.0 text value but not `\;` (its
 * FROM_VCARD_NEWLINE leaves `;` out), so `NOTE:a\;b` reads as `a\;b`. Every `;` it returns in
 * such a value therefore carries exactly one extra backslash before it; this removes exactly
 * that backslash, and only in plain text properties and in URL (value type uri, read raw; we
 * escape its `;` for GNOME Evolution, contract §7). N, ADR and ORG are structured: ical.js
 * reads `\;` there correctly, so they are left alone. Pinned below, so a fix in ical.js shows.
 */
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
export function undoIcalSemicolonBug(name: string, type: unknown, value: unknown): unknown {
  if (STRUCTURED.has(name) || (type !== 'text' && name !== 'URL') || typeof value !== 'string') return value;
  return value.replace(/\\;/g, ';');
}

/** ICAL.parse gives untyped jCal; check its shape instead of trusting it. */
export function parseWithIcal(vcf: string, { undoBug = true } = {}): ParsedProperty[][] {
  const parsed: unknown = ICAL.parse(vcf);
  if (!Array.isArray(parsed)) throw new Error('ical.js returned no jCal');
  const jcal: readonly unknown[] = parsed;
  const components: readonly unknown[] = typeof jcal[0] === 'string' ? [jcal] : jcal;
  return components.map((component) => {
    if (!Array.isArray(component)) throw new Error('not a component');
    const [name, properties]: readonly unknown[] = component;
    if (name !== 'vcard' || !Array.isArray(properties)) throw new Error(`not a vcard: ${String(name)}`);
    const list: readonly unknown[] = properties;
    return list.map((property) => toParsedProperty(property, undoBug));
  });
}

function toParsedProperty(property: unknown, undoBug: boolean): ParsedProperty {
  if (!Array.isArray(property)) throw new Error('not a property');
  const [rawName, params, type, ...values]: readonly unknown[] = property;
  if (typeof rawName !== 'string' || typeof params !== 'object' || params === null) {
    throw new Error('malformed property');
  }
  const name = rawName.toUpperCase();
  const normalized: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    normalized[key.toUpperCase()] = list.map(String);
  }
  return { name, params: normalized, values: undoBug ? values.map((v) => undoIcalSemicolonBug(name, type, v)) : values };
}

/** The first value of the card's first property called `name` (e.g. FN, UID, REV, N). */
export function propertyValue(card: readonly ParsedProperty[] | undefined, name: string): unknown {
  return card?.find((property) => property.name === name)?.values[0];
}

/** Expected properties (test/vcard-fixtures.ts) in the shape parseWithIcal returns. */
export function asIcal(expected: readonly ExpectedProperty[]): ParsedProperty[] {
  return expected.map(({ name, params, value }) => ({ name, params, values: [value] }));
}

// ---- warranty.ics -----------------------------------------------------------------------------

const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function physicalLines(ics: string): string[] {
  return ics.slice(0, -2).split('\r\n');
}

/** The format rules every file must keep, whatever the events said. */
export function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  // CRLF everywhere: no CR without LF, no LF without CR.
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of physicalLines(ics)) {
    // JSON.stringify: a lone surrogate in a failure message would break vitest's worker channel.
    expect(utf8.encode(line).length, JSON.stringify(line)).toBeLessThanOrEqual(75);
    // A fold between the halves of a surrogate pair would leave one on each line.
    expect(LONE_SURROGATE.test(line), JSON.stringify(line)).toBe(false);
  }
}

export interface ParsedAlarm {
  action: string;
  trigger: string;
  triggerSeconds: number;
  description: string;
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  stamp: string;
  start: string;
  startIsDate: boolean;
  end: string;
  endIsDate: boolean;
  summary: string;
  description: string | null;
  location: string | null;
  transp: string;
  alarms: ParsedAlarm[];
}

function textProperty(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null) return null;
  if (typeof value !== 'string') throw new Error(`${name} is not text: ${String(value)}`);
  return value;
}

function timeProperty(component: ICAL.Component, name: string): ICAL.Time {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date or date-time`);
  return value;
}

export function parseCalendar(ics: string): { props: Record<string, string | null>; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getAllSubcomponents().every((c) => c.name === 'vevent')).toBe(true);
  const props = Object.fromEntries(['version', 'prodid', 'calscale', 'method'].map((name) => [name, textProperty(calendar, name)]));
  const events = calendar.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const start = timeProperty(vevent, 'dtstart');
    const end = timeProperty(vevent, 'dtend');
    const sequence = vevent.getFirstPropertyValue('sequence');
    if (typeof sequence !== 'number') throw new Error('SEQUENCE is not an integer');
    return {
      uid: textProperty(vevent, 'uid') ?? '',
      sequence,
      stamp: timeProperty(vevent, 'dtstamp').toICALString(),
      start: start.toString(),
      startIsDate: start.isDate,
      end: end.toString(),
      endIsDate: end.isDate,
      summary: textProperty(vevent, 'summary') ?? '',
      description: textProperty(vevent, 'description'),
      location: textProperty(vevent, 'location'),
      transp: textProperty(vevent, 'transp') ?? '',
      alarms: vevent.getAllSubcomponents('valarm').map((valarm) => {
        const trigger = valarm.getFirstPropertyValue('trigger');
        if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration');
        expect(valarm.getAllSubcomponents()).toEqual([]);
        return {
          action: textProperty(valarm, 'action') ?? '',
          trigger: trigger.toString(),
          triggerSeconds: trigger.toSeconds(),
          description: textProperty(valarm, 'description') ?? '',
        };
      }),
    };
  });
  return { props, events };
}
