// Warranty dates of a contact (issue 17; contract §5: `accepted_on`, `warranty_years`,
// `warranty_until`): calendar-date arithmetic, the Europe/Berlin "today", the list badges and the
// form rule. A pure module: no framework or database imports, so it runs unchanged in workerd and
// in Node. Dates are ISO calendar dates (`YYYY-MM-DD`) throughout: a warranty ends on a day, not
// at an instant, so no Date object ever carries one across a time zone.

import { kept } from '../kept';
import { fullYear } from './keys.ts';

/** The contract's range for every warranty date (§5: 1990-2100). */
export const MIN_DATE = '1990-01-01';
export const MAX_DATE = '2100-12-31';

/**
 * The periods the form offers beside "Abnahme am", longest first (the usual one for a building
 * first). Each has a key for its label, so the catalogs (src/i18n) name them:
 * - 5: BGB § 634a Abs. 1 Nr. 2, work on a building (Bauwerk);
 * - 4: VOB/B § 13 Abs. 4 Nr. 1, building contracts that agreed on the VOB/B;
 * - 2: movable things (BGB § 438 Abs. 1 Nr. 3, § 634a Abs. 1 Nr. 1), e.g. appliances.
 */
export const WARRANTY_PERIODS = [5, 4, 2] as const;
export type WarrantyYears = (typeof WARRANTY_PERIODS)[number];
export type WarrantyPeriodKey = 'building' | 'vobB' | 'movable';
export const WARRANTY_PERIOD_KEYS: Readonly<Record<WarrantyYears, WarrantyPeriodKey>> = { 5: 'building', 4: 'vobB', 2: 'movable' };

export function isWarrantyYears(value: number): value is WarrantyYears {
  return WARRANTY_PERIODS.some((years) => years === value);
}

// ---------------------------------------------------------------------------------------------
// Calendar dates

interface YearMonthDay {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * A date as Germans write it (12.03.2027, 1.3.2024, 12.03.27, "12. 03. 2027", a closing dot):
 * what a browser without a date picker gets typed. A two-digit year is 20yy up to 69, else 19yy
 * (POSIX's %y): "12.03.89" is 1989 and refused as before 1990, not stored as 2089 (the contract's
 * dates lie in 1990-2100).
 */
const GERMAN_DATE = /^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4}|\d{2})\.?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real Gregorian calendar date written as `YYYY-MM-DD` (any year), or null: 2023-02-30 is not one. */
function parseDate(value: string): YearMonthDay | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function formatIso({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function inRange(iso: string): boolean {
  // ISO dates of four-digit years compare as strings exactly as they do as dates.
  return iso >= MIN_DATE && iso <= MAX_DATE;
}

/** A real calendar date `YYYY-MM-DD` within the contract's 1990-01-01..2100-12-31. */
export function isIsoDate(value: string): boolean {
  return parseDate(value) !== null && inRange(value);
}

function requireDate(iso: string): YearMonthDay {
  const date = parseDate(iso);
  if (!date) throw new RangeError(`bad date ${JSON.stringify(iso)}`);
  return date;
}

/**
 * The end of a period of `months` months (negative: back) that starts with an event on `iso`.
 *
 * BGB § 187 Abs. 1: when an event (here the acceptance, "Abnahme") starts a period, the day it
 * falls on is not counted. § 188 Abs. 2 (first case): a period of months or years then ends with
 * the expiry of the day of the last month "welcher durch seine Benennung oder seine Zahl dem Tage
 * entspricht, in den das Ereignis [...] fällt", the day with the same number: 10.05.2022 + 5 years
 * → 10.05.2027. § 188 Abs. 3: "Fehlt [...] in dem letzten Monat der für ihren Ablauf maßgebende
 * Tag, so endigt die Frist mit dem Ablauf des letzten Tages dieses Monats": 29.02.2024 + 5 years
 * → 28.02.2029, 31.08.2026 + 6 months → 28.02.2027. (§ 188 Abs. 2's second case, a period that
 * starts at the beginning of a day, § 187 Abs. 2, would end one day earlier; it does not apply to
 * an acceptance.) § 193 BGB (a deadline on a weekend or holiday moves to the next working day)
 * is deliberately not applied: these are the buyer's own reminders, and the earlier day is the
 * safe one to act on.
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = requireDate(iso);
  const index = year * 12 + (month - 1) + Math.trunc(months);
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIso({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** The warranty's last day for an acceptance on `iso` and a period of `years` (see addMonths). */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, Math.trunc(years) * 12);
}

/**
 * The form's warranty fields for stored dates: an end that acceptance and one of the periods give
 * shows as that period with the end left empty (computed again when sent), so that a new
 * acceptance date or period counts; any other end shows as typed, with no period.
 */
export function warrantyFormValues(acceptedOn: string, until: string): { warranty_years: string; warranty_until: string } {
  if (acceptedOn !== '' && until !== '' && parseDate(acceptedOn))
    for (const years of WARRANTY_PERIODS)
      if (addYears(acceptedOn, years) === until) return { warranty_years: String(years), warranty_until: '' };
  return { warranty_years: '', warranty_until: until };
}

/** `iso` moved by whole days (negative: back). */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = requireDate(iso);
  // setUTCFullYear, not Date.UTC: the latter maps years 0-99 to 1900-1999.
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + Math.trunc(days));
  return formatIso({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

// ---------------------------------------------------------------------------------------------
// Today in Berlin

// One formatter for the whole isolate: building an Intl.DateTimeFormat is the expensive part.
// formatToParts, not format: the order and separators of a locale's output are not ours to rely on.
const berlinParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of the instant `now` in Europe/Berlin (issue 17: "Days are Europe/Berlin days"). */
export function berlinToday(now: Date): string {
  // Intl's formatToParts is slow next to the rest of a list page: since 1893 Berlin's offsets
  // are whole hours, so a Berlin day starts on a full minute of UTC and the answer for one minute
  // holds for all of it (earlier dates, in local mean time, are computed every time).
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastDay.minute && minute >= BERLIN_WHOLE_HOURS) return lastDay.iso;
  const parts = berlinParts.formatToParts(now);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  const iso = formatIso({ year: part('year'), month: part('month'), day: part('day') });
  lastDay = { minute, iso };
  return iso;
}
let lastDay = { minute: Number.NaN, iso: '' };
/** 1893-04-01 (Berlin's switch from local mean time to CET), in minutes since the epoch. */
const BERLIN_WHOLE_HOURS = Date.UTC(1893, 3, 1) / 60_000;

// ---------------------------------------------------------------------------------------------
// The list badges

/** How long before the end the quiet badge appears: 6 calendar months (same month-end rule). */
export const ENDS_SOON_MONTHS = 6;
/** How long before the end the badge is strong and counts the days left: 14 days (warranty.ics's last alarm). */
export const LAST_DAYS = 14;
/** How long after the end the strong badge stays: 30 days. */
export const ENDED_RECENTLY_DAYS = 30;

export type WarrantyBadge = 'endsSoon' | 'endedRecently';

/**
 * Which badge a contact whose warranty ends on `until` gets on `today` (both ISO dates, today in
 * Berlin). Both windows include both of their ends:
 * - endsSoon: today ≤ until ≤ today + 6 months (the last day itself still counts: defects may be
 *   reported until the day is over);
 * - endedRecently: today − 30 days ≤ until < today (ended at most 30 days ago).
 * Anything else, and a date that is not one, gets none.
 */
export function warrantyBadge(until: string, today: string): WarrantyBadge | null {
  if (!parseDate(until)) return null;
  const windows = badgeWindows(today);
  if (!windows) return null;
  if (until >= today) return until <= windows.endsSoonUntil ? 'endsSoon' : null;
  return until >= windows.endedRecentlyFrom ? 'endedRecently' : null;
}

/**
 * The windows' ends for `today`, null where it is no date: worked out once per day (the last
 * day's are kept), not for every row of a list with a warranty end.
 */
function badgeWindows(today: string): { endsSoonUntil: string; endedRecentlyFrom: string } | null {
  if (lastWindows?.today !== today) {
    const windows = parseDate(today)
      ? { endsSoonUntil: addMonths(today, ENDS_SOON_MONTHS), endedRecentlyFrom: addDays(today, -ENDED_RECENTLY_DAYS) }
      : null;
    lastWindows = { today, windows };
  }
  return lastWindows.windows;
}
let lastWindows: { today: string; windows: ReturnType<typeof badgeWindows> } | undefined;

// ---------------------------------------------------------------------------------------------
// Showing a date

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Each date's text per language, kept for the isolate: Intl's format took about 0.15 ms of a list of 50 in workerd. */
const shownDates = new Map<string, string>();

/**
 * A calendar date for people: de-DE "12.03.2027", en-GB "12 Mar 2027" (dateStyle 'medium', as
 * formatDateTime in views/format.ts; short month names keep the English form unambiguous).
 * Formatted in UTC because the date is a day, not an instant. Not a date: returned as it is.
 */
export function formatDate(iso: string, locale: string): string {
  return kept(shownDates, `${locale} ${iso}`, () => {
    const date = parseDate(iso);
    if (!date) return iso;
    const format = kept(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
    const instant = new Date(0);
    instant.setUTCFullYear(date.year, date.month - 1, date.day);
    return format.format(instant);
  });
}

// ---------------------------------------------------------------------------------------------
// The form rule (contract §5)

export type WarrantyField = 'accepted_on' | 'warranty_years' | 'warranty_until';
/**
 * - date: not a real calendar date `YYYY-MM-DD` (or `DD.MM.YYYY`, as Germans type it);
 * - dateRange: a date outside 1990-2100;
 * - periodRange: the end computed from the acceptance and the period would lie beyond 2100
 *   (reported on `accepted_on`: the end field is empty, and a mistyped year is the likely cause);
 * - endBeforeStart: the end lies before the acceptance;
 * - period: `warranty_years` is not one of 5, 4, 2;
 * - noStart: a period chosen with neither an acceptance date to count from nor a typed end
 *   (reported on `accepted_on`, the date that is missing; ignoring the period would drop the
 *   end an edit form showed as a period);
 * - endDropped: the form said the end its period gave "is saved" (`period_end`), and what it
 *   sent gives no end: "Keine Frist" chosen without typing one, where no script changed that
 *   sentence (walkthrough, stop 81). Reported on `warranty_until`, where the end can be typed;
 *   the form sent again no longer carries `period_end`, so saving again saves without an end.
 */
export type WarrantyError = 'date' | 'dateRange' | 'periodRange' | 'endBeforeStart' | 'period' | 'noStart' | 'endDropped';
export type WarrantyFieldErrors = Partial<Record<WarrantyField, WarrantyError>>;

export interface WarrantyInput {
  accepted_on?: string | undefined;
  /** the form's choice: '5', '4', '2' or '' (none) */
  warranty_years?: string | undefined;
  warranty_until?: string | undefined;
  /** the end the form showed for its period (contract §5 `period_end`): never stored */
  period_end?: string | undefined;
}

export type WarrantyResult = { ok: true; accepted_on: string; warranty_until: string } | { ok: false; errors: WarrantyFieldErrors };

function dateError(value: string): WarrantyError | undefined {
  if (value === '') return undefined;
  if (!parseDate(value)) return 'date';
  return inRange(value) ? undefined : 'dateRange';
}

/** A typed date as `YYYY-MM-DD`: German day.month.year is read as that day; anything else as it is. */
export function isoOf(value: string | undefined): string {
  const text = (value ?? '').trim();
  const german = GERMAN_DATE.exec(text);
  if (!german) return text;
  return `${fullYear(german[3] ?? '')}-${german[2]?.padStart(2, '0')}-${german[1]?.padStart(2, '0')}`;
}

/**
 * The dates to store ('' for none) from what the form sent (`YYYY-MM-DD`, or as Germans write
 * them: 12.03.2027). A typed end date wins; without one,
 * an acceptance date and a chosen period give the end (addYears). A period with neither is an
 * error (noStart): nothing to count from, and the user meant an end.
 */
export function resolveWarranty(input: WarrantyInput): WarrantyResult {
  const acceptedOn = isoOf(input.accepted_on);
  const typedUntil = isoOf(input.warranty_until);
  const yearsText = (input.warranty_years ?? '').trim();
  const errors: WarrantyFieldErrors = {};

  const acceptedError = dateError(acceptedOn);
  if (acceptedError) errors.accepted_on = acceptedError;
  const untilError = dateError(typedUntil);
  if (untilError) errors.warranty_until = untilError;
  const years = Number(yearsText);
  if (yearsText !== '' && !(/^\d$/.test(yearsText) && isWarrantyYears(years))) errors.warranty_years = 'period';

  let until = typedUntil;
  if (until === '' && acceptedOn === '' && yearsText !== '' && !errors.warranty_years) errors.accepted_on = 'noStart';
  if (until === '' && acceptedOn !== '' && !acceptedError && yearsText !== '' && !errors.warranty_years) {
    until = addYears(acceptedOn, years);
    if (!inRange(until)) errors.accepted_on = 'periodRange';
  }
  if (!errors.accepted_on && !errors.warranty_until && acceptedOn !== '' && until !== '' && until < acceptedOn) {
    errors.warranty_until = 'endBeforeStart';
  }
  if (until === '' && input.period_end && !Object.keys(errors).length) errors.warranty_until = 'endDropped';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, accepted_on: acceptedOn, warranty_until: until };
}

// ---------------------------------------------------------------------------------------------
// Words: the catalogs (src/i18n/de.ts, en.ts, key `warranty`) hold them; this is the part of
// their shape that the pure modules read (ics.ts), so they take the words as a parameter.

export interface WarrantyMessages {
  /** the empty choice of the period select */
  noPeriod: string;
  periods: Record<WarrantyPeriodKey, string>;
  badge: Record<WarrantyBadge, (date: string) => string>;
  calendar: {
    /** SUMMARY: position and name as far as known, e.g. "Fliesenleger Bauer" */
    summary: (who: string) => string;
    /** SUMMARY of an end already passed (no "report before" for a day gone) */
    ended: (who: string) => string;
    /** the last line of DESCRIPTION */
    until: (date: string) => string;
  };
}
