/**
 * Keys derived on write, because SQLite (D1) has no German collation and no ICU, and both the
 * sort order and the umlaut-tolerant search must work inside SQL to page.
 * This module has no imports so that scripts/seed.mjs can load it with Node's type stripping.
 */

export interface KeyFields {
  position: string;
  company: string;
  firstName: string;
  lastName: string;
}

/** Separates fields inside the search key; a query never contains it (see searchNeedle). */
const FIELD_SEPARATOR = '\n';

function stripMarks(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * German search folding, applied to stored values and to the query alike:
 * ä≈ae≈a, ö≈oe≈o, ü≈ue≈u, ß≈ss, case and other accents ignored. "Müller", "MUELLER" and
 * "muller" all fold to "muller".
 */
export function foldForSearch(value: string): string {
  return stripMarks(value.toLocaleLowerCase('de-DE').replace(/ß/g, 'ss'))
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

export function searchKey(fields: KeyFields): string {
  return [fields.firstName, fields.lastName, fields.company, fields.position].map(foldForSearch).join(FIELD_SEPARATOR);
}

/** The needle for a query, or '' when nothing searchable remains. */
export function searchNeedle(query: string): string {
  return foldForSearch(query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());
}

/**
 * Sort key after DIN 5007-1 (dictionary order: ä sorts as a, ß as ss), by last name, else
 * company, else first name; then first name; then the exact text as a stable tie-break.
 */
export function sortKey(fields: KeyFields): string {
  const dictionary = (value: string) => stripMarks(value.toLocaleLowerCase('de-DE').replace(/ß/g, 'ss')).trim();
  const primary = fields.lastName || fields.company || fields.firstName;
  return [dictionary(primary), dictionary(fields.firstName), dictionary(fields.company), primary].join('\u0001');
}
