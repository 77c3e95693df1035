// Warranty dates (issue 17): what a buyer would notice going wrong. A date that does not exist
// accepted, an end date one day off (BGB §§ 187, 188), a badge that appears a day late or stays a
// day too long, "today" taken from UTC instead of Berlin around midnight. Runs in workerd, so
// the Europe/Berlin cases also prove that the runtime carries the time zone data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  berlinToday,
  formatDate,
  isIsoDate,
  resolveWarranty,
  WARRANTY_PERIOD_KEYS,
  WARRANTY_PERIODS,
  warrantyBadge,
} from '../src/contacts/warranty';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { assertProperty } from './property';

const check = <T>(property: fc.IProperty<T>, numRuns = 500): void => assertProperty(property, { numRuns });

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthLength = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Any real date in the contract's range. */
const date = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, monthLength(year, month)) }));

describe('isIsoDate: real calendar dates within 1990-2100 only', () => {
  it.each(['2027-03-12', '2024-02-29', '2000-02-29', '1990-01-01', '2100-12-31', '2023-04-30', '2023-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'no leap year'],
    ['2100-02-29', '2100 is no leap year'],
    ['2023-02-30', 'February has no 30th'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'no month 13'],
    ['2023-00-10', 'no month 0'],
    ['2023-01-00', 'no day 0'],
    ['2023-1-5', 'not zero-padded'],
    ['12.03.2027', 'German, not ISO'],
    [' 2027-03-12', 'surrounding space'],
    ['2027-03-12T00:00', 'a date-time'],
    ['+02027-03-12', 'expanded year'],
    ['٢٠٢٧-03-12', 'Arabic-Indic digits'],
    ['', 'empty'],
    ['1989-12-31', 'before 1990'],
    ['2101-01-01', 'after 2100'],
  ])('refuses %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('addYears, addMonths, addDays: BGB §§ 187, 188', () => {
  it.each([
    ['2022-05-10', 5, '2027-05-10'], // the example
    ['2024-02-29', 5, '2029-02-28'], // § 188 Abs. 3: no 29 February in 2029, so its last day
    ['2024-02-29', 4, '2028-02-29'], // the same day exists again
    ['2024-02-29', 2, '2026-02-28'],
    ['2023-02-28', 1, '2024-02-28'], // never moves to the 29th
    ['2023-12-31', 2, '2025-12-31'],
    ['2096-02-29', 4, '2100-02-28'], // 2100 is no leap year
  ])('%s + %i years → %s', (start, years, end) => {
    expect(addYears(start, years)).toBe(end);
  });

  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-09-12', 6, '2027-03-12'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-01-15', -13, '2025-12-15'],
  ])('%s + %i months → %s', (start, months, end) => {
    expect(addMonths(start, months)).toBe(end);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -30, '2024-01-31'],
    ['2027-03-12', -30, '2027-02-10'],
  ])('%s + %i days → %s', (start, days, end) => {
    expect(addDays(start, days)).toBe(end);
  });

  it('refuses what is not a date instead of guessing', () => {
    expect(() => addYears('2023-02-30', 5)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
  });

  it('property: the same day N years later, else the last day of that month', () => {
    check(
      fc.property(date, fc.constantFrom(...WARRANTY_PERIODS), ({ year, month, day }, years) => {
        const end = addYears(iso(year, month, day), years);
        expect(end).toBe(iso(year + years, month, Math.min(day, monthLength(year + years, month))));
        if (day <= monthLength(year + years, month)) expect(addYears(end, -years)).toBe(iso(year, month, day));
      }),
    );
  });

  it('property: adding days agrees with counting through the calendar', () => {
    check(
      fc.property(date, fc.integer({ min: -400, max: 400 }), ({ year, month, day }, days) => {
        let [y, m, d] = [year, month, day];
        for (let step = 0; step < Math.abs(days); step++) {
          if (days > 0) {
            d += 1;
            if (d > monthLength(y, m)) [d, m] = [1, m + 1];
            if (m > 12) [m, y] = [1, y + 1];
          } else {
            d -= 1;
            if (d < 1) {
              m -= 1;
              if (m < 1) [m, y] = [12, y - 1];
              d = monthLength(y, m);
            }
          }
        }
        expect(addDays(iso(year, month, day), days)).toBe(iso(y, m, d));
      }),
      200,
    );
  });
});

describe('berlinToday: days are Europe/Berlin days', () => {
  it.each([
    ['2027-03-11T23:30:00Z', '2027-03-12'], // 00:30 in Berlin: already the next day
    ['2027-03-11T22:59:59Z', '2027-03-11'],
    ['2027-03-11T23:00:00Z', '2027-03-12'],
    // Summer time starts on 28 March 2027 at 01:00 UTC: midnight is 23:00 UTC before, 22:00 UTC after.
    ['2027-03-27T22:59:59Z', '2027-03-27'],
    ['2027-03-27T23:00:00Z', '2027-03-28'],
    ['2027-03-28T21:59:59Z', '2027-03-28'],
    ['2027-03-28T22:00:00Z', '2027-03-29'],
    // Summer time ends on 31 October 2027 at 01:00 UTC.
    ['2027-10-30T21:59:59Z', '2027-10-30'],
    ['2027-10-30T22:00:00Z', '2027-10-31'],
    ['2027-10-31T22:59:59Z', '2027-10-31'],
    ['2027-10-31T23:00:00Z', '2027-11-01'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2024-02-28T23:30:00Z', '2024-02-29'],
  ])('%s is %s in Berlin', (instant, day) => {
    expect(berlinToday(new Date(instant))).toBe(day);
  });

  it('property: agrees with the EU summer-time rule (last Sunday of March/October, 01:00 UTC)', () => {
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 0)); // month is 1-based here: day 0 of the next month
      return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
    };
    check(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2100, 11, 31, 22) }), (ms) => {
        const year = new Date(ms).getUTCFullYear();
        const summer = ms >= lastSunday(year, 3) && ms < lastSunday(year, 10);
        const local = new Date(ms + (summer ? 2 : 1) * 3_600_000);
        expect(berlinToday(new Date(ms))).toBe(local.toISOString().slice(0, 10));
      }),
      2000,
    );
  });
});

describe('warrantyBadge: 6 calendar months ahead, 30 days behind, both ends included', () => {
  it.each([
    ['2026-09-12', '2026-09-12', 'endsSoon'], // the last day itself: defects can still be reported
    ['2026-09-13', '2026-09-12', 'endsSoon'],
    ['2027-03-12', '2026-09-12', 'endsSoon'], // exactly 6 months ahead
    ['2027-03-13', '2026-09-12', null], // one day more
    ['2026-09-11', '2026-09-12', 'endedRecently'], // ended yesterday
    ['2026-08-13', '2026-09-12', 'endedRecently'], // exactly 30 days ago
    ['2026-08-12', '2026-09-12', null], // 31 days ago
    ['2031-05-10', '2026-09-12', null],
    ['1995-01-01', '2026-09-12', null],
    // Six months from the 31st of August end with February's last day (§ 188 Abs. 3).
    ['2027-02-28', '2026-08-31', 'endsSoon'],
    ['2027-03-01', '2026-08-31', null],
    ['2028-02-29', '2027-08-31', 'endsSoon'],
    ['2027-09-30', '2027-03-31', 'endsSoon'],
    ['2027-10-01', '2027-03-31', null],
    // 30 days back across a leap February.
    ['2024-01-31', '2024-03-01', 'endedRecently'],
    ['2024-01-30', '2024-03-01', null],
    // Not dates: no badge rather than a wrong one.
    ['2027-02-30', '2027-01-01', null],
    ['', '2027-01-01', null],
  ])('until %s, today %s → %s', (until, today, badge) => {
    expect(warrantyBadge(until, today)).toBe(badge);
  });

  it('around midnight the Berlin day decides, not the UTC one', () => {
    const now = new Date('2027-03-11T23:30:00Z');
    // In UTC it is still the 11th, the last day; in Berlin the warranty ended yesterday.
    expect(warrantyBadge('2027-03-11', berlinToday(now))).toBe('endedRecently');
    expect(warrantyBadge('2027-09-12', berlinToday(now))).toBe('endsSoon');
    expect(warrantyBadge('2027-02-10', berlinToday(now))).toBe('endedRecently');
    expect(warrantyBadge('2027-02-09', berlinToday(now))).toBe(null);
  });

  it('property: endsSoon exactly when 0 ≤ until − today ≤ 6 months, endedRecently exactly for the 30 days before', () => {
    check(
      fc.property(date, fc.integer({ min: -60, max: 220 }), ({ year, month, day }, offset) => {
        const today = iso(year, month, day);
        const until = addDays(today, offset);
        const expected = offset >= 0 ? (until <= addMonths(today, 6) ? 'endsSoon' : null) : offset >= -30 ? 'endedRecently' : null;
        expect(warrantyBadge(until, today)).toBe(expected);
      }),
    );
  });
});

describe('formatDate: German dates on screen', () => {
  it.each([
    ['2027-03-12', 'de-DE', '12.03.2027'],
    ['1990-01-01', 'de-DE', '01.01.1990'],
    ['2100-12-31', 'de-DE', '31.12.2100'],
    ['2027-03-12', 'en-GB', '12 Mar 2027'],
    ['2024-02-29', 'en-GB', '29 Feb 2024'],
  ])('%s in %s is %s', (value, locale, shown) => {
    expect(formatDate(value, locale)).toBe(shown);
  });

  it('shows a date on the day it names, whatever the instant in Berlin', () => {
    // A date formatted as Berlin midnight would be the day before in UTC and vice versa.
    expect(formatDate('2027-03-28', 'de-DE')).toBe('28.03.2027');
    expect(formatDate('2027-10-31', 'de-DE')).toBe('31.10.2027');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('2023-02-30', 'de-DE')).toBe('2023-02-30');
  });

  it('answers the same the second time and past its bound of kept answers, each language its own', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDate('2031-07-04', 'de-DE')).toBe('04.07.2031');
      expect(formatDate('2031-07-04', 'en-GB')).toBe('4 Jul 2031');
      expect(formatDate('2031-07-04', 'de-DE')).toBe('04.07.2031');
    }
    // More dates than are kept: every answer still right.
    for (let day = 0; day < 5000; day++) {
      const date = new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
      const [year, month, dayOfMonth] = date.split('-');
      expect(formatDate(date, 'de-DE')).toBe(`${dayOfMonth}.${month}.${year}`);
    }
    expect(formatDate('2031-07-04', 'en-GB')).toBe('4 Jul 2031');
  });
});

describe('resolveWarranty: the form rule (contract §5)', () => {
  it('nothing entered is fine and stores nothing', () => {
    expect(resolveWarranty({})).toEqual({ ok: true, accepted_on: '', warranty_until: '' });
    expect(resolveWarranty({ accepted_on: '', warranty_years: '', warranty_until: '' })).toEqual({
      ok: true,
      accepted_on: '',
      warranty_until: '',
    });
  });

  it.each([
    ['2022-05-10', '5', '2027-05-10'],
    ['2022-05-10', '4', '2026-05-10'],
    ['2022-05-10', '2', '2024-05-10'],
    ['2024-02-29', '5', '2029-02-28'],
    ['2095-12-31', '5', '2100-12-31'],
  ])('acceptance %s and %s years without a typed end → %s', (accepted, years, until) => {
    expect(resolveWarranty({ accepted_on: accepted, warranty_years: years, warranty_until: '' })).toEqual({
      ok: true,
      accepted_on: accepted,
      warranty_until: until,
    });
  });

  it('a typed end date wins over the computed one', () => {
    expect(resolveWarranty({ accepted_on: '2022-05-10', warranty_years: '5', warranty_until: '2031-12-31' })).toEqual({
      ok: true,
      accepted_on: '2022-05-10',
      warranty_until: '2031-12-31',
    });
  });

  it('an end date alone, or an acceptance alone, is kept as typed (trimmed)', () => {
    expect(resolveWarranty({ warranty_until: ' 2031-05-10 ' })).toEqual({ ok: true, accepted_on: '', warranty_until: '2031-05-10' });
    expect(resolveWarranty({ accepted_on: '2022-05-10' })).toEqual({ ok: true, accepted_on: '2022-05-10', warranty_until: '' });
  });

  it('a period with neither an acceptance date nor a typed end is an error on the missing date', () => {
    expect(resolveWarranty({ warranty_years: '5' })).toEqual({ ok: false, errors: { accepted_on: 'noStart' } });
    // With a typed end, that end counts (the period has nothing to count from).
    expect(resolveWarranty({ warranty_years: '5', warranty_until: '2030-01-15' })).toEqual({
      ok: true,
      accepted_on: '',
      warranty_until: '2030-01-15',
    });
  });

  it('reads dates as Germans type them where a browser has no date picker (12.03.2027, 1.3.2024)', () => {
    expect(resolveWarranty({ warranty_until: '12.03.2027' })).toEqual({ ok: true, accepted_on: '', warranty_until: '2027-03-12' });
    expect(resolveWarranty({ accepted_on: ' 1.3.2024 ', warranty_years: '5' })).toEqual({
      ok: true,
      accepted_on: '2024-03-01',
      warranty_until: '2029-03-01',
    });
    expect(resolveWarranty({ accepted_on: '29.02.2024', warranty_years: '5' })).toMatchObject({ warranty_until: '2029-02-28' });
    // The short forms people type: a two-digit year (20yy up to 69, else 19yy), spaces after the dots, a closing dot.
    for (const [typed, iso] of [
      ['12.03.27', '2027-03-12'],
      ['12. 03. 2027', '2027-03-12'],
      ['12.03.2027.', '2027-03-12'],
      ['1.3.95', '1995-03-01'],
      ['1.3.69', '2069-03-01'],
    ])
      expect(resolveWarranty({ warranty_until: typed })).toEqual({ ok: true, accepted_on: '', warranty_until: iso });
    // "12.03.89" is 1989, before the contract's 1990: refused, never stored as 2089.
    expect(resolveWarranty({ accepted_on: '12.03.89' })).toEqual({ ok: false, errors: { accepted_on: 'dateRange' } });
    expect(resolveWarranty({ accepted_on: '10.05.2022', warranty_until: '09.05.2022' })).toEqual({
      ok: false,
      errors: { warranty_until: 'endBeforeStart' },
    });
  });

  it('the end may be the acceptance day itself, not before it', () => {
    expect(resolveWarranty({ accepted_on: '2022-05-10', warranty_until: '2022-05-10' })).toMatchObject({ ok: true });
    expect(resolveWarranty({ accepted_on: '2022-05-10', warranty_until: '2022-05-09' })).toEqual({
      ok: false,
      errors: { warranty_until: 'endBeforeStart' },
    });
  });

  it.each([
    [{ accepted_on: '2023-02-29' }, { accepted_on: 'date' }],
    [{ accepted_on: '2023-02-30', warranty_years: '5' }, { accepted_on: 'date' }],
    [{ warranty_until: '2027-04-31' }, { warranty_until: 'date' }],
    [{ warranty_until: '12.3' }, { warranty_until: 'date' }],
    [{ warranty_until: '12.03.027' }, { warranty_until: 'date' }],
    [{ warranty_until: '31.02.2027' }, { warranty_until: 'date' }],
    [{ warranty_until: '2027.03.12' }, { warranty_until: 'date' }],
    [{ accepted_on: '1989-12-31' }, { accepted_on: 'dateRange' }],
    [{ warranty_until: '2101-01-01' }, { warranty_until: 'dateRange' }],
    // The computed end would be 2103: said beside the acceptance (the end field is empty).
    [{ accepted_on: '2098-01-01', warranty_years: '5' }, { accepted_on: 'periodRange' }],
    [{ accepted_on: '2022-05-10', warranty_years: '3' }, { warranty_years: 'period' }],
    [{ accepted_on: '2022-05-10', warranty_years: '5.0' }, { warranty_years: 'period' }],
    [{ accepted_on: '2022-05-10', warranty_years: 'fünf' }, { warranty_years: 'period' }],
    [
      { accepted_on: 'x', warranty_until: '2023-02-29' },
      { accepted_on: 'date', warranty_until: 'date' },
    ],
    [{ accepted_on: '2022-05-10', warranty_years: '5', warranty_until: '2020-01-01' }, { warranty_until: 'endBeforeStart' }],
  ])('%j → %j', (input, errors) => {
    expect(resolveWarranty(input)).toEqual({ ok: false, errors });
  });

  it('property: a valid result is always a pair of valid dates in order, and the computed end is addYears', () => {
    const maybeDate = fc.oneof(
      fc.constant(''),
      date.map(({ year, month, day }) => iso(year, month, day)),
    );
    check(
      fc.property(maybeDate, fc.constantFrom('', '5', '4', '2'), maybeDate, (accepted, years, typed) => {
        const result = resolveWarranty({ accepted_on: accepted, warranty_years: years, warranty_until: typed });
        if (!result.ok) {
          // noStart exactly when a period has nothing to count from and no end was typed.
          expect(result.errors.accepted_on === 'noStart').toBe(years !== '' && accepted === '' && typed === '');
          expect(
            Object.values(result.errors).every((code) => code === 'endBeforeStart' || code === 'periodRange' || code === 'noStart'),
          ).toBe(true);
          return;
        }
        for (const value of [result.accepted_on, result.warranty_until]) expect(value === '' || isIsoDate(value)).toBe(true);
        if (result.accepted_on !== '' && result.warranty_until !== '') expect(result.warranty_until >= result.accepted_on).toBe(true);
        const expected = typed !== '' ? typed : accepted !== '' && years !== '' ? addYears(accepted, Number(years)) : '';
        expect(result.warranty_until).toBe(expected);
      }),
    );
  });
});

describe('words', () => {
  it('every period has a label in German and English', () => {
    for (const years of WARRANTY_PERIODS) {
      for (const messages of [de.warranty, en.warranty]) expect(messages.periods[WARRANTY_PERIOD_KEYS[years]]).toContain(String(years));
    }
  });

  it('the badge names the date as shown on screen', () => {
    expect(de.warranty.badge.endsSoon(formatDate('2027-03-12', 'de-DE'))).toBe('Gewährleistung endet am 12.03.2027');
    expect(en.warranty.badge.endedRecently(formatDate('2027-03-12', 'en-GB'))).toBe('Warranty ended on 12 Mar 2027');
    expect(en.warranty.badge.endsIn(0, '12 Mar 2027')).toBe('Warranty ends today, on 12 Mar 2027');
    expect(en.warranty.badge.endsIn(1, '12 Mar 2027')).toBe('Warranty ends tomorrow, on 12 Mar 2027');
    expect(en.warranty.badge.endsIn(12, '12 Mar 2027')).toBe('Warranty ends in 12 days, on 12 Mar 2027');
    expect(de.warranty.badge.endsIn(12, '12.03.2027')).toBe('Gewährleistung endet in 12 Tagen, am 12.03.2027');
  });
});
