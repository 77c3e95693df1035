import { FIELDS, type FieldName, type FieldValues } from './fields';
import { fold, ofCompany, phoneDigits } from './keys';
import { inGermany } from './schema';

/**
 * What a value says, for telling two apart: a number its digits, an e-mail address or a website
 * in small letters (a website without its scheme, "www." and a closing slash: "mueller.de" is no
 * "muller.de", code review), Germany however written, anything else its folded letters and
 * digits ("Musterstr. 1" is "Musterstr 1").
 */
const said = (name: FieldName, value: string) =>
  name === 'phone' || name === 'mobile'
    ? phoneDigits(value)
    : name === 'email' || name === 'website'
      ? value
          .trim()
          .toLowerCase()
          .replace(/^(https?:\/\/)?(www\.)?|\/$/g, '')
      : name === 'country' && inGermany(value)
        ? 'de'
        : fold(value).replace(/[^\p{L}\p{N}]/gu, '');

/** The parts of the name and of the address: each is taken whole or compared whole (a card's street beside the contact's city is nobody's address). */
const GROUPS = [
  ['name', ['title', 'first_name', 'last_name']],
  ['address', ['street', 'postal_code', 'city', 'country']],
] as const;

/** What a notes line or the form's notice names: a field, or the name or the address as a whole. */
export type Part = FieldName | (typeof GROUPS)[number][0];

/**
 * A contact of the book completed from a card of an upload it likely is (the preview's
 * "ergänzen"; walkthrough, stop 71: a duplicate could only be left out or imported twice, and a
 * note the phone's copy had was lost or doubled). A field the contact leaves empty takes the
 * card's value; where both hold a value and they differ, the contact's stays and the card's comes
 * into the notes as a line ("Telefonnummer in der Datei: …"), and the lines of the card's notes
 * the contact lacks after its own: nothing of either is lost, and the buyer sees it all in the edit form before
 * anything is saved. A value the contact already holds adds nothing: in its field, in its other
 * number (the card's phone as its mobile), as a line of its notes or a line's value after ": "
 * (a second "ergänzen" of the same card; a line, not any text inside one: "Bau" is in
 * "Baustelle", code review), its name as the firm's own name and back (a card of FN only).
 * The name and the address count as one each: their parts are filled where every part both
 * have agrees, else the card's comes as one line. An upload carries no warranty dates.
 * `line(part, value)` writes a notes line in the page's language; `filled` and `noted` name
 * what the form's notice lists.
 */
export function complement(
  stored: FieldValues,
  card: FieldValues,
  line: (part: Part, value: string) => string,
): { values: FieldValues; filled: Part[]; noted: Part[] } {
  const values = { ...stored };
  const filled: Part[] = [];
  const noted: Part[] = [];
  const lines: string[] = [];
  const notes = stored.notes.split('\n').map((text) => text.trim());
  // The same value, where it says something: "auf Anfrage" is no number to compare by its digits.
  const same = (name: FieldName, a: string, b: string) => said(name, a) !== '' && said(name, a) === said(name, b);
  const inNotes = (name: FieldName, value: string) =>
    notes.some((text) => same(name, value, text) || same(name, value, text.split(': ').pop() ?? ''));
  // A firm's name as a person's last name alone (a card of FN only), or the other way round.
  const alone = (values: FieldValues) => (values.title || values.first_name ? '' : values.last_name);
  const asFirm = same('company', alone(card), stored.company) || same('company', alone(stored), card.company);
  for (const [part, names] of GROUPS) {
    // (A card's name that is its company's, "Elektro Maier" at "Elektro Maier GmbH": no person's to add.)
    if (part === 'name' && (asFirm || ofCompany(alone(card), card.company))) continue;
    const given = names.filter((name) => card[name].trim() !== '');
    if (given.every((name) => !stored[name].trim() || same(name, card[name], stored[name]) || card[name] === stored[name])) {
      for (const name of given)
        if (!stored[name].trim()) {
          values[name] = card[name];
          filled.push(name);
        }
    } else {
      // "Dr. Julia Ähler", "Musterstr. 1, 80331 München, Deutschland".
      const whole =
        part === 'name'
          ? given.map((name) => card[name]).join(' ')
          : [card.street, `${card.postal_code} ${card.city}`.trim(), card.country].filter(Boolean).join(', ');
      if (!inNotes('notes', whole)) {
        lines.push(line(part, whole));
        noted.push(part);
      }
    }
  }
  const grouped: readonly FieldName[] = GROUPS.flatMap(([, names]) => names);
  for (const { name } of FIELDS) {
    const value = card[name];
    const mine = name === 'phone' || name === 'mobile' ? [stored.phone, stored.mobile] : [stored[name]];
    if (
      name === 'notes' ||
      grouped.includes(name) ||
      !value.trim() ||
      mine.some((held) => same(name, value, held) || held === value) ||
      (name === 'company' && asFirm)
    )
      continue;
    if (!stored[name].trim()) {
      values[name] = value;
      filled.push(name);
    } else if (!inNotes(name, value)) {
      lines.push(line(name, value));
      noted.push(name);
    }
  }
  // The card's notes without the lines the contact has already (its own note, exported and added
  // to on the phone: UX walkthrough); a line the import cut ("…") is held where a line starts with
  // what it kept: one an import before stop 74 cut without the mark (code review, stop 74).
  const held = (text: string) => notes.some((note) => note === text || (text.endsWith('…') && note.startsWith(text.slice(0, -1))));
  const theirs = card.notes
    .split('\n')
    .filter((text) => !text.trim() || !held(text.trim()))
    .join('\n')
    .replace(/\n\s*\n(\s*\n)+/g, '\n\n')
    .trim();
  if (theirs) filled.push('notes');
  values.notes = [stored.notes.trim() && stored.notes, lines.join('\n'), theirs].filter(Boolean).join('\n\n');
  return { values, filled, noted };
}
