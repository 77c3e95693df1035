// warranty.ics as a calendar app sees it (issue 17, contract §4): exact bytes for a typical event,
// RFC 5545's format rules (CRLF, folding at 75 octets without cutting a character, escaping), and
// every event, alarm, UID and SEQUENCE read back by ical.js (Thunderbird's parser) for any text.
// The same files through Python's icalendar: test/interop/ics-python.test.ts.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  ALARM_DAYS_BEFORE,
  type CalendarEvent,
  ICS_CONTENT_TYPE,
  warrantyCalendar,
  warrantyEvents,
  warrantyEventText,
  warrantyEventUid,
} from '../src/contacts/ics';
import { addDays } from '../src/contacts/warranty';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { expectWellFormed, type ParsedEvent, parseCalendar, physicalLines } from './ical';
import { assertProperty } from './property';
import { calendarEvents, DTSTAMP, expectedText, NOW, PROD_ID, trickyEvents } from './warranty-events';

/** What ical.js must read for an event we wrote. */
function expectedEvent(event: CalendarEvent): ParsedEvent {
  const summary = expectedText(event.summary);
  return {
    uid: event.uid,
    sequence: event.sequence,
    stamp: DTSTAMP,
    start: event.date,
    startIsDate: true,
    end: addDays(event.date, 1),
    endIsDate: true,
    summary,
    description: event.description === '' ? null : expectedText(event.description),
    location: event.location === '' ? null : expectedText(event.location),
    transp: 'TRANSPARENT',
    alarms: ALARM_DAYS_BEFORE.map((days) => ({
      action: 'DISPLAY',
      trigger: `-P${days - 1}DT15H`,
      triggerSeconds: -days * 86_400 + 9 * 3_600,
      description: summary,
    })),
  };
}

const [typical, leapDay] = trickyEvents;
if (!typical || !leapDay) throw new Error('fixture');

describe('warranty.ics: the exact file for a typical event', () => {
  it('matches byte for byte', () => {
    expect(warrantyCalendar([typical], { prodId: PROD_ID, now: NOW })).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//PROPSTER//Kontakte//DE',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:kontakte-warranty-q7Xc2mK9pL',
        'SEQUENCE:0',
        'DTSTAMP:20261129T033646Z',
        'DTSTART;VALUE=DATE:20270510',
        'DTEND;VALUE=DATE:20270511',
        // 75 octets: "ä" and "–" are 2 and 3 octets each.
        'SUMMARY:Gewährleistung endet: Fliesenleger Bauer – Mängel vorher melden',
        'DESCRIPTION:Telefon: +49 30 123456\\nE-Mail: info@fliesen-bauer.de\\nGewährl',
        ' eistung bis 10.05.2027 (Ihre eigene Angabe\\, keine Rechtsberatung)',
        'LOCATION:Wohnung 12\\, Große Straße 5a\\; Berlin',
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-P89DT15H',
        'DESCRIPTION:Gewährleistung endet: Fliesenleger Bauer – Mängel vorher me',
        ' lden',
        'END:VALARM',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-P13DT15H',
        'DESCRIPTION:Gewährleistung endet: Fliesenleger Bauer – Mängel vorher me',
        ' lden',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('no events: a calendar with its header only', () => {
    const ics = warrantyCalendar([], { prodId: PROD_ID, now: NOW });
    expect(ics).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//PROPSTER//Kontakte//DE\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
    expect(parseCalendar(ics).events).toEqual([]);
  });

  it('is served as UTF-8 text/calendar', () => {
    expect(ICS_CONTENT_TYPE).toBe('text/calendar; charset=utf-8');
  });
});

describe('warranty.ics: format rules', () => {
  const ics = warrantyCalendar(trickyEvents, { prodId: PROD_ID, now: NOW });

  it('CRLF everywhere, every physical line at most 75 octets, no character cut in two', () => {
    expectWellFormed(ics);
    // The fixture really is folded, also in the middle of multi-octet runs.
    expect(physicalLines(ics).filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    expect(physicalLines(ics).some((line) => /^ [üäöß€😀]/u.test(line))).toBe(true);
  });

  it('folds exactly at 75 octets: a 75-octet line stays whole, a 76-octet one is folded', () => {
    const at = (location: string) => physicalLines(warrantyCalendar([{ ...leapDay, location }], { prodId: PROD_ID, now: NOW }));
    expect(at('a'.repeat(66))).toContain(`LOCATION:${'a'.repeat(66)}`);
    expect(at('a'.repeat(67))).toEqual(expect.arrayContaining([`LOCATION:${'a'.repeat(66)}`, ' a']));
    // A 2-octet "ü" that would end at octet 76 moves to the next line whole.
    expect(at(`${'a'.repeat(65)}ü`)).toEqual(expect.arrayContaining([`LOCATION:${'a'.repeat(65)}`, ' ü']));
  });

  it('a line break or a separator in a text cannot start a property or an event of its own', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)?.length).toBe(trickyEvents.length);
    expect(unfolded).toContain(
      'DESCRIPTION:Zeile 1\\nZeile 2\\nZeile 3\\nEND:VEVENT\\nBEGIN:VEVENT\\n\\nLetzte Zeile\\; mit\\, allem \\\\\r\n',
    );
    expect(unfolded).toContain('LOCATION:C:\\\\Bau\\\\WE-12\\; Haus 3\\, Eingang B\r\n');
  });

  it('refuses what no calendar could show correctly, instead of writing it', () => {
    const event = typical;
    expect(() => warrantyCalendar([{ ...event, date: '2027-02-30' }], { prodId: PROD_ID, now: NOW })).toThrow(RangeError);
    expect(() => warrantyCalendar([{ ...event, date: '' }], { prodId: PROD_ID, now: NOW })).toThrow(RangeError);
    expect(() => warrantyCalendar([{ ...event, sequence: -1 }], { prodId: PROD_ID, now: NOW })).toThrow(RangeError);
    expect(() => warrantyCalendar([{ ...event, sequence: 1.5 }], { prodId: PROD_ID, now: NOW })).toThrow(RangeError);
  });

  it('a second export differs only in DTSTAMP, so importing it again updates the same events', () => {
    const later = warrantyCalendar(trickyEvents, { prodId: PROD_ID, now: new Date('2027-01-05T14:00:00Z') });
    const withoutStamp = (file: string) => file.replace(/^DTSTAMP:.*\r\n/gm, '');
    expect(withoutStamp(later)).toBe(withoutStamp(ics));
    expect(later).toContain('\r\nDTSTAMP:20270105T140000Z\r\n');
  });
});

describe('ical.js reads back every event, alarm, UID and SEQUENCE exactly', () => {
  it('the fixed tricky events (long, umlauts, emoji, separators, line breaks, leap day, 1990 and 2100)', () => {
    const { props, events } = parseCalendar(warrantyCalendar(trickyEvents, { prodId: PROD_ID, now: NOW }));
    expect(props).toEqual({ version: '2.0', prodid: PROD_ID, calscale: 'GREGORIAN', method: 'PUBLISH' });
    expect(events).toEqual(trickyEvents.map(expectedEvent));
  });

  it('all-day events: DTEND is the next day, also at month and year ends and on a leap day', () => {
    const { events } = parseCalendar(warrantyCalendar(trickyEvents, { prodId: PROD_ID, now: NOW }));
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2027-05-10', '2027-05-11'],
      ['2029-02-28', '2029-03-01'],
      ['2100-12-31', '2101-01-01'],
      ['1990-01-01', '1990-01-02'],
      ['2024-02-29', '2024-03-01'],
    ]);
  });

  it('each alarm rings at 09:00 on the day 90 and 14 days before, not at midnight', () => {
    const ics = warrantyCalendar(trickyEvents, { prodId: PROD_ID, now: NOW });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const rings = calendar.getAllSubcomponents('vevent').map((vevent) => {
      // The event's day from midnight (as a phone places an all-day event in its own zone), then each trigger.
      const day = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      return vevent.getAllSubcomponents('valarm').map((valarm) => {
        const at = ICAL.Time.fromData({ year: day.year, month: day.month, day: day.day, hour: 0, minute: 0, second: 0 });
        at.addDuration(valarm.getFirstPropertyValue('trigger') as ICAL.Duration);
        return at.toString();
      });
    });
    expect(rings).toEqual(trickyEvents.map((event) => [`${addDays(event.date, -90)}T09:00:00`, `${addDays(event.date, -14)}T09:00:00`]));
    expect(rings[0]).toEqual(['2027-02-09T09:00:00', '2027-04-26T09:00:00']);
  });

  const contact = { position: '', company: '', phone: '', mobile: '', email: '', version: 1 };
  const ends = ['2027-02-28', '2027-03-01', '2027-03-11', '2027-03-15', '2027-03-31', '2027-05-30', '2027-06-30'];
  /** The day each alarm rings at 09:00 for a file made at `now`, as ical.js reads it (09:00 is 9 h after the day's start). */
  const ringDaysAt = (now: Date) => {
    const events = warrantyEvents(
      { locale: 'de-DE', warranty: de.warranty, fields: de.fields },
      ends.map((warrantyUntil, index) => ({ ...contact, id: `c${index}`, name: `Firma ${index}`, warrantyUntil })),
      'Lindenhof',
      now,
    );
    const { events: read } = parseCalendar(warrantyCalendar(events, { prodId: PROD_ID, now: NOW }));
    // Every event stays, with its day; only alarms go.
    expect(read.map((event) => event.start)).toEqual(ends);
    return read.map((event) => event.alarms.map((alarm) => addDays(event.start, Math.floor(alarm.triggerSeconds / 86_400))));
  };

  it('an alarm whose day is before today is left out (Outlook rings it at once on import); one on today stays before 09:00; a late one where none is left', () => {
    // 1 March 2027, 08:59 in Berlin (CET).
    const ringDays = ringDaysAt(new Date('2027-03-01T07:59:00Z'));
    // 2027-03-11 (10 days ahead): neither alarm is left, the late one 7 days before is.
    expect(ringDays).toEqual([
      [],
      [],
      ['2027-03-04'],
      ['2027-03-01'],
      ['2027-03-17'],
      ['2027-03-01', '2027-05-16'],
      ['2027-04-01', '2027-06-16'],
    ]);
  });

  it('from 09:00 on, one of today is gone too: the late one or the next takes its place (walkthrough, stop 69)', () => {
    // 1 March 2027, 09:00 in Berlin: today's alarms have rung or never will.
    expect(ringDaysAt(new Date('2027-03-01T08:00:00Z'))).toEqual([
      [],
      [],
      ['2027-03-04'],
      // 14 days ahead: 7 days before, instead of today's 14-day alarm.
      ['2027-03-08'],
      ['2027-03-17'],
      // 90 days ahead: only the 14-day one is left.
      ['2027-05-16'],
      ['2027-04-01', '2027-06-16'],
    ]);
    // In summer time (CEST) the same: 12 July 2027, 08:59 and 09:00 in Berlin, an end 14 days ahead.
    const at = (now: string) =>
      warrantyEvents(
        { locale: 'de-DE', warranty: de.warranty, fields: de.fields },
        [{ ...contact, id: 'c', name: 'F', warrantyUntil: '2027-07-26' }],
        '',
        new Date(now),
      )[0]?.alarmDays;
    expect(at('2027-07-12T06:59:00Z')).toEqual([14]);
    expect(at('2027-07-12T07:00:00Z')).toEqual([7]);
  });

  it('property: any events', () => {
    assertProperty(
      fc.property(calendarEvents, (events) => {
        const ics = warrantyCalendar(events, { prodId: PROD_ID, now: NOW });
        expectWellFormed(ics);
        expect(parseCalendar(ics).events).toEqual(events.map(expectedEvent));
      }),
      { numRuns: 150 },
    );
  });
});

describe('what an event says', () => {
  const contact = {
    position: 'Fliesenleger',
    name: 'Bauer',
    company: 'Fliesen Bauer GmbH',
    // Written as Germans do; tapped in a calendar, "(0)" after the country code dials a wrong number.
    phone: '+49 (0)30 123456',
    mobile: '',
    email: 'info@fliesen-bauer.de',
    warrantyUntil: '2027-03-12',
  };

  it('German: name and position (in brackets) in the summary; the company who owes it, the ways to reach them and the end date in the description', () => {
    expect(warrantyEventText({ locale: 'de-DE', warranty: de.warranty, fields: de.fields }, contact)).toEqual({
      summary: 'Gewährleistung endet: Bauer (Fliesenleger) – Mängel vorher melden',
      description:
        'Unternehmen: Fliesen Bauer GmbH\nTelefonnummer: +49 30 123456\nE-Mail-Adresse: info@fliesen-bauer.de\nGewährleistung bis 12.03.2027 (Ihre eigene Angabe, keine Rechtsberatung)',
    });
  });

  it('English', () => {
    expect(
      warrantyEventText({ locale: 'en-GB', warranty: en.warranty, fields: en.fields }, { ...contact, mobile: '0171 1234567' }),
    ).toEqual({
      summary: 'Warranty for Bauer (Fliesenleger) ends – report defects before then',
      description:
        'Company: Fliesen Bauer GmbH\nPhone number: +49 30 123456\nMobile number: 0171 1234567\nEmail address: info@fliesen-bauer.de\nWarranty until 12 Mar 2027 (your own note, not legal advice)',
    });
  });

  it('without a position or any way to reach them', () => {
    const bare = { ...contact, position: '', phone: '', email: '', name: 'Küchen Schmidt GmbH', company: '' };
    expect(warrantyEventText({ locale: 'de-DE', warranty: de.warranty, fields: de.fields }, bare)).toEqual({
      summary: 'Gewährleistung endet: Küchen Schmidt GmbH – Mängel vorher melden',
      description: 'Gewährleistung bis 12.03.2027 (Ihre eigene Angabe, keine Rechtsberatung)',
    });
  });

  it('an end already passed: said in the past, with no "report before" (walkthrough, stop 68)', () => {
    expect(warrantyEventText({ locale: 'de-DE', warranty: de.warranty, fields: de.fields }, contact, true).summary).toBe(
      'Gewährleistung endete: Bauer (Fliesenleger)',
    );
    expect(warrantyEventText({ locale: 'en-GB', warranty: en.warranty, fields: en.fields }, contact, true).summary).toBe(
      'Warranty for Bauer (Fliesenleger) ended',
    );
  });

  it('one UID per contact, the same in every export', () => {
    expect(warrantyEventUid('q7Xc2mK9pL')).toBe('kontakte-warranty-q7Xc2mK9pL');
    expect(warrantyEventUid('a')).not.toBe(warrantyEventUid('b'));
  });
});
