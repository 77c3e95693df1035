import { FIELDS, type FieldName, type FieldValues } from './fields';

/**
 * Three-way merge of one contact, field by field (issue 14): `base` is the version the user's
 * form started from, `theirs` what co-buyers saved since, `mine` what the user sends now.
 * A field only they changed keeps their value, a field only I changed takes mine, a field both
 * changed to the same value is fine; a field both changed to different values is a clash,
 * which keeps their (stored) value until the user chooses. Notes are one field: a line-by-line
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
  return merge;
}

/** The fields whose values differ between two states (for history and notices). */
export function changedFields(before: FieldValues, after: FieldValues): FieldName[] {
  return FIELDS.filter(({ name }) => before[name] !== after[name]).map(({ name }) => name);
}
