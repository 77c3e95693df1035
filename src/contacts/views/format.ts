import type { Messages } from '../../i18n';
import { kept } from '../../kept';
import type { FieldSpec } from '../fields';
import { phoneDigits } from '../keys';
import type { Contact } from '../repository';
import { dialable, TWO_NUMBERS } from '../vcard';
import { addDays, berlinToday, formatDate } from '../warranty';

/**
 * A dialable tel: URI: digits and a leading plus only, without a "(0)" after the country code
 * (contract §7), and of two extensions written the German way ("089 123 45-67 / -68") or of two
 * numbers in one field (TWO_NUMBERS: "089 123456 / 089 654321"; stored before a form refused
 * them, or imported before the import split them) the first: both joined made a number nobody
 * has (buyer reviews).
 */
export const telHref = (number: string): string =>
  kept(
    telHrefs,
    number,
    () => `tel:${dialable(number.replace(/(?<=\d)\s*\/\s*[-\u2010-\u2014\u2212].*/, '').split(TWO_NUMBERS)[0] ?? '')}`,
  );

/**
 * Whether a line of the notes that gives a number after its label ("Notdienst: 0800 …",
 * "Weitere Telefonnummer (Büro): 089 …", as an import keeps further numbers) gives a phone's: the
 * print view lists it, the card links it. A phone's shape (+, 00, 0, "(0" or "(+" first, six
 * digits or more), not a date ("01.03.2024", "01/03/2024", "03/2029"), a time ("08.00 - 17.00"), two
 * numbers, nor a fax's or a customer's, an account's, a file's, an invoice's or a contract's
 * number by its label (code review, stop 82: the card linked them).
 */
export const notedPhone = (label: string, number: string) =>
  !/fax|kunde|konto|iban|akten|\baz\b|rechnung|vertrag|auftrag|steuer|datum|termin/i.test(label) &&
  !/\d[./-]\d\d?[./-]\d|^\(?0?\d[./]\d{4}$|\d\.\d\d\s*-/.test(number) &&
  !TWO_NUMBERS.test(number) &&
  phoneDigits(number).length > 5;

/**
 * The phones' numbers the notes' lines give after their labels (notedPhone), each with the label
 * shown beside it: the brackets' words of an import's "Weitere Telefonnummer (Notdienst 24h)", else
 * the label as written. The print view lists them, a search's row may show one.
 */
export const notedPhones = (notes: string) =>
  [...notes.matchAll(/^(.{1,80}?): *(\(?[+0][\d ()/.-]{4,28}\d)(?=[ .]*(?:\([^\d)]*\)[ .]*)?$)/gm)].flatMap(([, said = '', number = '']) =>
    notedPhone(said, number) ? [{ label: /(?:Telefon|Mobil)nummer \((.*)\)$/.exec(said)?.[1] ?? said, number }] : [],
  );

/**
 * Each number's link, kept for the isolate as the dates' texts are (src/contacts/warranty.ts): its
 * five regular expressions (two with a look-behind) were about 4 % of a list of 50 in the profile.
 */
const telHrefs = new Map<string, string>();

/**
 * A mailto: link that opens a mail to this address and nothing else: the stored address has no
 * query (src/contacts/schema.ts), and the local part is percent-encoded all the same.
 */
export function mailtoHref(email: string): string {
  const at = email.lastIndexOf('@');
  return `mailto:${encodeURIComponent(email.slice(0, at))}@${email.slice(at + 1)}`;
}

export function addressLines(contact: Pick<Contact, 'street' | 'postalCode' | 'city' | 'country'>): string[] {
  return [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' '), contact.country].filter(Boolean);
}

/** An OpenStreetMap search for the address (no API key, no tracking script). */
export function mapUrl(lines: readonly string[]): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(lines.join(', '))}`;
}

/** A field's value as people read it: dates in the page's language (12.03.2027), everything else as stored. */
export function fieldText(spec: Pick<FieldSpec, 'kind'>, value: string, locale: string): string {
  return spec.kind === 'date' ? formatDate(value, locale) : value;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** German (or English) date and time in the platform's time zone (one formatter per language and isolate: building one is the slow part). */
export function formatDateTime(locale: string, epochMs: number, seconds?: boolean): string {
  return kept(
    dateTimeFormats,
    seconds ? `${locale}s` : locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short', timeZone: 'Europe/Berlin' }),
  ).format(epochMs);
}

/**
 * An instant as its Berlin day, 0 for today's and 1 for yesterday's (of `now`), else its date
 * ("05.12.2026"), and its time ("06:44"): the page of changes says "seit heute um 06:44 Uhr"
 * (walkthrough, stop 76: "seit dem 07.12.2026, 06:44" on the day itself).
 */
export function dayAndTime(locale: string, epochMs: number, now: number): [day: number | string, time: string] {
  const day = berlinToday(new Date(epochMs));
  const today = berlinToday(new Date(now));
  const time = kept(timeFormats, locale, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Berlin' }));
  return [day === today ? 0 : day === addDays(today, -1) ? 1 : formatDate(day, locale), time.format(epochMs)];
}
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "a, b und c". */
export const listed = (t: Messages, items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${t.and} ${items.at(-1)}`;
