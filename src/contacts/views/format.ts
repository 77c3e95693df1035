import type { Contact } from '../repository';

/** "Dr. Anna Müller", else the company: the vCard's FN is how a contact is named everywhere. */
export { displayName as contactName } from '../vcard';

/** A dialable tel: URI: digits and a leading plus only. */
export function telHref(number: string): string {
  const plus = number.trim().startsWith('+') ? '+' : '';
  return `tel:${plus}${number.replace(/\D/g, '')}`;
}

export function addressLines(contact: Pick<Contact, 'street' | 'postalCode' | 'city' | 'country'>): string[] {
  return [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' '), contact.country].filter(Boolean);
}

/** An OpenStreetMap search for the address (no API key, no tracking script). */
export function mapUrl(lines: readonly string[]): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(lines.join(', '))}`;
}

/** German (or English) date and time in the platform's time zone. */
export function formatDateTime(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(epochMs);
}
