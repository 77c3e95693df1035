import type { ContactRow } from '../db/schema';

/**
 * The contact's fields, defined once. Everything else is derived from this table: the form's
 * inputs, labels (by `name`, in src/i18n) and limits, the zod schema (src/contacts/schema.ts),
 * the mapping between form names and drizzle columns, the vCard input type and test fixtures.
 * `name` is the contract's form field name (§5), `column` the drizzle property in
 * src/db/schema.ts. Adding a field: see "Adding a field" in docs/architecture.md.
 */
export const FIELDS = [
  { name: 'position', column: 'position', kind: 'text', max: 100, autocomplete: 'organization-title', group: 'person' },
  { name: 'company', column: 'company', kind: 'text', max: 200, autocomplete: 'organization', group: 'person' },
  { name: 'title', column: 'title', kind: 'text', max: 50, autocomplete: 'honorific-prefix', group: 'person' },
  { name: 'first_name', column: 'firstName', kind: 'text', max: 100, autocomplete: 'given-name', group: 'person' },
  { name: 'last_name', column: 'lastName', kind: 'text', max: 100, autocomplete: 'family-name', group: 'person' },
  { name: 'phone', column: 'phone', kind: 'phone', max: 40, autocomplete: 'work tel', inputMode: 'tel', group: 'reach' },
  { name: 'mobile', column: 'mobile', kind: 'phone', max: 40, autocomplete: 'mobile tel', inputMode: 'tel', group: 'reach' },
  { name: 'email', column: 'email', kind: 'email', max: 254, autocomplete: 'email', inputMode: 'email', group: 'reach' },
  { name: 'website', column: 'website', kind: 'website', max: 2000, autocomplete: 'url', inputMode: 'url', group: 'reach' },
  { name: 'street', column: 'street', kind: 'text', max: 200, autocomplete: 'street-address', group: 'address' },
  // The numeric keyboard only for an address in Germany (views/contact-form.tsx): postcodes abroad have letters (SW1A 1AA).
  { name: 'postal_code', column: 'postalCode', kind: 'text', max: 20, autocomplete: 'postal-code', group: 'address' },
  { name: 'city', column: 'city', kind: 'text', max: 100, autocomplete: 'address-level2', group: 'address' },
  { name: 'country', column: 'country', kind: 'text', max: 100, autocomplete: 'country-name', group: 'address' },
  // ISO dates (`YYYY-MM-DD`, '' when none): the rule spanning both, and the form-only period
  // `warranty_years`, live in src/contacts/schema.ts (resolveWarranty of src/contacts/warranty.ts).
  { name: 'accepted_on', column: 'acceptedOn', kind: 'date', max: 10, group: 'warranty' },
  { name: 'warranty_until', column: 'warrantyUntil', kind: 'date', max: 10, group: 'warranty' },
  { name: 'notes', column: 'notes', kind: 'notes', max: 2000, group: 'notes' },
] as const satisfies readonly FieldSpecShape[];

interface FieldSpecShape {
  name: string;
  column: keyof ContactRow;
  kind: 'text' | 'phone' | 'email' | 'website' | 'notes' | 'date';
  /** Upper limit in Unicode code points. */
  max: number;
  /**
   * HTML autocomplete token for phone keyboards and password managers. None for the notes and
   * dates: "off" would also keep a browser from giving them back on the way back to a form whose
   * sending failed (Chromium restores no such field), and they are the longest input.
   */
  autocomplete?: string;
  inputMode?: 'tel' | 'email' | 'url';
  /** The form groups fields under these headings, in the order the groups first appear here. */
  group: 'person' | 'address' | 'reach' | 'warranty' | 'notes';
}

export type FieldSpec = (typeof FIELDS)[number] & FieldSpecShape;
export type FieldName = FieldSpec['name'];
export type FieldKind = FieldSpec['kind'];
export type FieldGroup = FieldSpec['group'];
export type FieldColumn = FieldSpec['column'];

/** A contact's field values by column, as stored (every one a string, '' when empty). */
export type ContactFields = Pick<ContactRow, FieldColumn>;
/** The same values keyed by the form's field names. */
export type FieldValues = Record<FieldName, string>;

/** Form names → columns. */
export function columnsOf(values: FieldValues): ContactFields {
  const columns: Partial<Record<FieldColumn, string>> = {};
  for (const spec of FIELDS) columns[spec.column] = values[spec.name];
  return columns as ContactFields;
}

/** Columns → form names. */
export function fieldValuesOf(contact: ContactFields): FieldValues {
  const values: Partial<FieldValues> = {};
  for (const spec of FIELDS) values[spec.name] = contact[spec.column];
  return values as FieldValues;
}

/** Every field empty: the start of a new contact, and the base of fixtures. */
/** The country the form fills in for a contact without an address, in either language (a stored value, not a text). */
export const DEFAULT_COUNTRY = 'Deutschland';

export const EMPTY_FIELDS: FieldValues = Object.freeze(
  fieldValuesOf(Object.fromEntries(FIELDS.map((spec) => [spec.column, ''])) as ContactFields),
);

/** The form's groups in the order of FIELDS: a new group needs no change in the form. */
export const FIELD_GROUPS: readonly FieldGroup[] = [...new Set(FIELDS.map((spec) => spec.group))];

export function fieldSpec(name: string): FieldSpec | undefined {
  return FIELDS.find((spec) => spec.name === name);
}

/** The parts of an address (its group): one for the merge, one choice in a clash (in this order in its value). */
export const ADDRESS: readonly FieldName[] = FIELDS.filter((spec) => spec.group === 'address').map((spec) => spec.name);

/** The warranty's dates, acceptance and end: one choice in a clash where both are asked (in this order in its value). */
export const WARRANTY: readonly FieldName[] = ['accepted_on', 'warranty_until'];
