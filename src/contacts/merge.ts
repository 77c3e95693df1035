import { ADDRESS, DEFAULT_COUNTRY, FIELDS, type FieldName, type FieldValues, WARRANTY } from './fields';
import { addYears, isIsoDate, warrantyFormValues } from './warranty';

/**
 * Three-way merge of one contact, field by field (issue 14): `base` is the version the user's
 * form started from, `theirs` what co-buyers saved since, `mine` what the user sends now.
 * A field only they changed keeps their value, a field only I changed takes mine, a field both
 * changed to the same value is fine; a field both changed to different values is a clash,
 * which keeps their (stored) value until the user chooses; so is every part of an address the
 * two have differently where those parts come from both sides. Notes are one field: a line-by-line
 * merge of free text would splice two people's sentences into one nobody wrote.
 */
export interface Merge {
  values: FieldValues;
  /** Fields a co-buyer changed since the base (their value is in `values` unless clashing). */
  theirs: FieldName[];
  /** Fields this user changed (their value is in `values` unless clashing). */
  mine: FieldName[];
  /** Fields both changed to different values. */
  clashes: FieldName[];
}

export function mergeFields(base: FieldValues, theirs: FieldValues, mine: FieldValues): Merge {
  [theirs, mine] = warrantyRebased(base, theirs, mine);
  const values = { ...theirs };
  const merge: Merge = { values, theirs: [], mine: [], clashes: [] };
  for (const { name } of FIELDS) {
    const theyChanged = theirs[name] !== base[name];
    const iChanged = mine[name] !== base[name];
    if (theyChanged) merge.theirs.push(name);
    if (!iChanged) continue;
    merge.mine.push(name);
    if (!theyChanged || mine[name] === theirs[name]) values[name] = mine[name];
    else merge.clashes.push(name);
  }
  // An address is one: merged part by part, a co-buyer's new street and city with this user's
  // new PLZ made an address that neither typed (buyer review). Where the parts the two have
  // differently come from both sides, each of them is a choice; from one side only, that side's
  // address is the merge (code review: no choice where one side holds the whole of it).
  const ask = (names: readonly FieldName[]) => {
    for (const name of names)
      if (!merge.clashes.includes(name)) {
        merge.clashes.push(name);
        values[name] = theirs[name];
      }
  };
  const differ = ADDRESS.filter((name) => mine[name] !== theirs[name]);
  if (differ.some((name) => mine[name] !== base[name]) && differ.some((name) => theirs[name] !== base[name])) ask(differ);
  // The warranty's two dates as well, where one of them is asked and a side's end, counted from
  // its acceptance (a period), could be chosen beside another acceptance: a co-buyer removed the
  // acceptance while this user chose a period, and "Meine Eingabe" stored an end counted from an
  // acceptance no longer there (walkthrough, stop 65). Never a choice where none was asked; an
  // acceptance only one side changed stays merged where the ends fit it (review, stop 65: joined,
  // a choice undid a co-buyer's correction nobody disputed); two typed ends stand alone.
  const apart = (side: FieldValues) => period(side) && (merge.clashes.includes('accepted_on') || values.accepted_on !== side.accepted_on);
  if (WARRANTY.some((name) => merge.clashes.includes(name)) && (apart(mine) || apart(theirs)))
    ask(WARRANTY.filter((name) => mine[name] !== theirs[name]));
  return merge;
}

/**
 * One buyer moved the acceptance under the period it had, the other chose another period (a
 * buyer review: the clash offered two ends, both wrong, and the period was never named): the end
 * is the other's period counted from the moved acceptance, as if one buyer had done both. A
 * period is what the form shows (warrantyFormValues: an end that acceptance and a period give);
 * every other case merges the stored dates as they are.
 */
function warrantyRebased(base: FieldValues, theirs: FieldValues, mine: FieldValues): [FieldValues, FieldValues] {
  const theyMoved = theirs.accepted_on !== base.accepted_on;
  if (theyMoved === (mine.accepted_on !== base.accepted_on)) return [theirs, mine];
  const [moved, kept] = theyMoved ? [theirs, mine] : [mine, theirs];
  const years = period(kept);
  if (
    years === '' ||
    years === period(base) ||
    !isIsoDate(moved.accepted_on) ||
    period(moved) !== period(base) ||
    (period(base) === '' && moved.warranty_until !== base.warranty_until)
  )
    return [theirs, mine];
  // The mover changed no end, the other changed it: the merge below takes the other's.
  const rebased = [
    { ...moved, warranty_until: base.warranty_until },
    { ...kept, warranty_until: addYears(moved.accepted_on, Number(years)) },
  ];
  return (theyMoved ? rebased : rebased.reverse()) as [FieldValues, FieldValues];
}

/** The period a side's end is counted by from its acceptance ('' for a typed end or none). */
const period = (values: FieldValues) => warrantyFormValues(values.accepted_on, values.warranty_until).warranty_years;

/** The fields whose values differ between two states (for history and notices). */
export function changedFields(before: FieldValues, after: FieldValues): FieldName[] {
  return FIELDS.filter(({ name }) => before[name] !== after[name]).map(({ name }) => name);
}

/**
 * Both co-buyers' changes of the notes as lines, for the clash's "Beide Änderungen", which the
 * user sees before choosing it (never merged unasked: see above). Lines are counted, not only
 * compared ("erledigt" may stand twice), against the version both started from: the stored
 * lines, without as many of each as this user removed and the co-buyer did not, then this
 * user's new lines (beyond what the base and the stored text hold of each). A line the
 * co-buyer corrected or removed stays so, one this user removed stays removed; a line both
 * changed stands twice, once as each wrote it. Each line stands where its side put it against
 * the base (`aligned`): a line this user changed stays in its place, not at the end (walkthrough,
 * stop 67); where both added lines at one place, the co-buyer's come first.
 * Spaces at a line's end do not count.
 */
export function mergedLines(base: string, theirs: string, mine: string): string {
  const lines = (text: string) => (text ? text.split('\n') : []);
  const [baseLines, theirLines, myLines] = [lines(base), lines(theirs), lines(mine)];
  const count = (text: readonly string[]) => {
    const tally = new Map<string, number>();
    for (const line of text) tally.set(line.trimEnd(), (tally.get(line.trimEnd()) ?? 0) + 1);
    return (line: string) => tally.get(line.trimEnd()) ?? 0;
  };
  const [inBase, stored, inMine] = [count(baseLines), count(theirLines), count(myLines)];
  const theirs_ = aligned(baseLines, theirLines, 1);
  const mine_ = aligned(baseLines, myLines, 2);
  const keptByMe = new Set(mine_.base);
  // Of a stored line, as many copies go as this user removed from the base and the stored text
  // still holds (a copy both removed is gone once, not twice: review); first those standing for
  // a base line this user removed, so that the right copy goes (code review, stop 67).
  const drop = chosen(
    theirLines,
    (line) => Math.min(inBase(line), stored(line)) - inMine(line),
    (j) => {
      const at = theirs_.base[j] ?? -1;
      return at >= 0 && !keptByMe.has(at);
    },
  );
  // Of this user's line, the copies beyond what the base and the stored text hold; first those
  // the alignment found new, in their place. An empty line this user added beside a line added
  // separates paragraphs: it stays where a line stands before it and another after it (one, not
  // two in a row; none at either end: the walkthrough of stop 81 saw her paragraphs joined).
  const add = chosen(
    myLines,
    (line) => (line.trim() ? inMine(line) - Math.max(inBase(line), stored(line)) : 0),
    (i) => (mine_.base[i] ?? -1) < 0,
  );
  const lines_ = [
    ...theirLines.map((line, j) => ({ line, place: theirs_.places[j] ?? END, keep: !drop.has(j), gap: false })),
    ...myLines.map((line, i) => {
      const gap = !line.trim() && (mine_.base[i] ?? -1) < 0 && (add.has(i - 1) || add.has(i + 1));
      return { line, place: mine_.places[i] ?? END, keep: add.has(i) || gap, gap };
    }),
  ]
    .filter(({ keep }) => keep)
    // Each side's places rise with its lines: a stable sort interleaves the two, each in its order.
    .sort((a, b) => a.place - b.place);
  const merged: string[] = [];
  for (const [k, { line, gap }] of lines_.entries())
    if (!gap || (merged.at(-1)?.trim() && lines_.slice(k + 1).some((next) => next.line.trim()))) merged.push(line);
  return merged.join('\n');
}

/**
 * The indices of `text` chosen per line (ends' spaces not counted): `wanted(line)` copies of it
 * (none when not positive), the `preferred` first, each group in the text's order.
 */
function chosen(text: readonly string[], wanted: (line: string) => number, preferred: (index: number) => boolean): Set<number> {
  const copies = new Map<string, number[]>();
  for (const [index, line] of text.entries()) copies.set(line.trimEnd(), [...(copies.get(line.trimEnd()) ?? []), index]);
  const picked = new Set<number>();
  for (const [line, indices] of copies) {
    const order = [...indices.filter(preferred), ...indices.filter((index) => !preferred(index))];
    for (const index of order.slice(0, Math.max(0, wanted(line)))) picked.add(index);
  }
  return picked;
}

/** A place after every other (a text too long to align: its lines keep the order stored, then mine). */
const END = Number.MAX_SAFE_INTEGER;
/** Lines of notes aligned at most (2,000 characters hold at most 1,001 lines): 250,000 cells of the table below. */
const MAX_ALIGNED = 250_000;

/**
 * Where each line of `text` stands against `base`: a line `text` kept from the base at its base
 * line's place (3 × its index + 3; `base` holds that index, else -1), one `text` added after the
 * base line it follows (+ `rank`: 1 the co-buyer's, 2 this user's, so that at one place the
 * co-buyer's come first). The base lines kept are a longest common subsequence (ends' spaces not
 * counted), as diff3 aligns texts; written here since no library in the bundle aligns lines, and
 * node-diff3's merge decides which lines stay otherwise than the counts above.
 */
function aligned(base: readonly string[], text: readonly string[], rank: 1 | 2): { places: number[]; base: number[] } {
  const [n, m] = [base.length, text.length];
  if ((n + 1) * (m + 1) > MAX_ALIGNED) return { places: text.map(() => (rank === 1 ? 0 : END)), base: text.map(() => -1) };
  const same = (i: number, j: number) => base[i]?.trimEnd() === text[j]?.trimEnd();
  // common[i * (m + 1) + j]: the longest common subsequence of base[i…] and text[j…].
  const common = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => common[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) common[i * (m + 1) + j] = same(i, j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const places: number[] = [];
  const kept: number[] = [];
  let [i, j, after] = [0, 0, 0];
  while (j < m) {
    if (i < n && same(i, j) && at(i, j) === at(i + 1, j + 1) + 1) {
      after = 3 * i + 3;
      places.push(after);
      kept.push(i);
      i += 1;
      j += 1;
    } else if (i < n && at(i + 1, j) >= at(i, j + 1)) i += 1;
    else {
      places.push(after + rank);
      kept.push(-1);
      j += 1;
    }
  }
  return { places, base: kept };
}

/**
 * Which lines of `text` the other text does not hold (counted, without the spaces at a line's
 * end, as `mergedLines` counts them): what the clash's choice of the notes marks, so that two
 * long notes need not be compared line by line (the second of two equal lines is marked when the
 * other holds it once). Empty lines are never marked.
 */
export function linesNotIn(text: string, other: string): { line: string; only: boolean }[] {
  const held = new Map<string, number>();
  for (const line of other ? other.split('\n') : []) held.set(line.trimEnd(), (held.get(line.trimEnd()) ?? 0) + 1);
  return (text ? text.split('\n') : []).map((line) => {
    const left = held.get(line.trimEnd()) ?? 0;
    if (left) held.set(line.trimEnd(), left - 1);
    return { line, only: left === 0 && line.trim() !== '' };
  });
}

/** A base value nobody knows (edits.ts baseOfFingerprint): a control character no field holds. */
export const UNKNOWN_BASE = '\u0000';

/**
 * What co-buyers changed, as it is named (edits.ts; since stop 77 the page of changes too: UX
 * walkthrough): a country that came with the first address of a contact is the form's default
 * ("Deutschland", filled in), which nobody typed; "hat inzwischen den Ort und das Land geändert"
 * named a change nobody made (review). Any other country is named.
 */
export function told(fields: FieldName[], before: FieldValues, after: FieldValues): FieldName[] {
  const defaulted =
    before.country === '' &&
    !hasAddress(before) &&
    after.country === DEFAULT_COUNTRY &&
    fields.some((name) => ADDRESS_FIELDS.includes(name));
  return defaulted ? fields.filter((name) => name !== 'country') : fields;
}

/** The fields that make an address: the country is kept only with one of them (schema.ts). */
export const ADDRESS_FIELDS: readonly FieldName[] = ADDRESS.filter((name) => name !== 'country');
export const hasAddress = (values: FieldValues) => ADDRESS_FIELDS.some((name) => values[name] !== '');
