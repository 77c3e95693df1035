import { columnsOf, type FieldValues } from './fields.ts';
import { groupKey, KEY_FORMAT, searchKey, sortKey } from './keys.ts';

/**
 * What a contact's stored row derives from its field values: the keys SQL sorts, groups and
 * searches by (src/contacts/keys.ts), their format, and the row's size for the asset's byte
 * budget (fields as JSON, keys, a row overhead: the measure migration 0003 used). One function
 * for the repository and for scripts/rebuild-keys.mjs (loaded there with Node's type stripping,
 * so only erasable TypeScript here).
 */
export function derivedColumns(values: FieldValues) {
  const fields = columnsOf(values);
  const keys = { sortKey: sortKey(fields), searchKey: searchKey(fields), groupKey: groupKey(fields.position) };
  const bytes =
    utf8Length(JSON.stringify(values)) + utf8Length(keys.sortKey) + utf8Length(keys.searchKey) + utf8Length(keys.groupKey) + 128;
  return { ...keys, keyFormat: KEY_FORMAT, bytes };
}

const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;
