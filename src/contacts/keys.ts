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

/** Case, accents and ß ignored: "Müller" → "muller", "Michael" stays "michael". */
function plain(value: string): string {
  return stripMarks(value.toLocaleLowerCase('de-DE').replace(/ß/g, 'ss'));
}

/**
 * German search folding: on top of `plain`, ae≈a, oe≈o, ue≈u, so "Müller", "MUELLER" and
 * "muller" all fold to "muller".
 */
export function foldForSearch(value: string): string {
  return plain(value).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/** Umlauts spelled out: "Dürr" → "duerr". */
function expanded(value: string): string {
  return plain(value.toLocaleLowerCase('de-DE').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
}

/**
 * The stored search key holds every field three times: plain, with umlauts spelled out, and
 * folded. A query matches when its plain or its folded form is in the key, so "mueller" finds
 * "Müller", "el" still finds "Michael" (folding alone makes it "michal") and "err" finds "Dürr".
 */
export function searchKey(fields: KeyFields): string {
  const values = [fields.firstName, fields.lastName, fields.company, fields.position];
  return [...values.map(plain), ...values.map(expanded), ...values.map(foldForSearch)].join(FIELD_SEPARATOR);
}

/** The needles of a query (plain and folded), or null when nothing searchable remains. */
export function searchNeedles(query: string): { plain: string; folded: string } | null {
  const cleaned = query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return cleaned ? { plain: plain(cleaned), folded: foldForSearch(cleaned) } : null;
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

/** The format of the keys above; rows with an older one are rebuilt. */
export const KEY_FORMAT = 1;
