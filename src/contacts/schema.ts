import * as z from 'zod/mini';
import { randomToken } from '../db/client';
import { ADDRESS, FIELDS, type FieldName, type FieldSpec, type FieldValues, WARRANTY } from './fields';
import { NAME_VISIBLE, PHONE_LABELS } from './keys';
import { superRefined } from './or-else';
import { dialledDigits, TWO_NUMBERS } from './vcard';
import { resolveWarranty, type WarrantyError } from './warranty';

/**
 * The contact form's validation, derived from FIELDS (src/contacts/fields.ts): one zod schema
 * per field, the rules of contract §5, and the two things a form carries besides the contact
 * (the one-time create token, the edit version) with exactly one rule each.
 */

/** Error codes: the views translate them (src/i18n). */
export type ErrorCode =
  | 'invalid'
  | 'tooLong'
  | 'controlCharacters'
  | 'phone'
  | 'email'
  | 'website'
  | 'nameRequired'
  | 'postalCode'
  | 'encoding'
  | WarrantyError;

/**
 * What a contact form sends besides the stored fields: the period beside "Abnahme am" (contract
 * §5 `warranty_years`), read once to compute `warranty_until` and never stored.
 */
export const FORM_ONLY_FIELDS = ['warranty_years', 'period_end'] as const;
export type FormOnlyName = (typeof FORM_ONLY_FIELDS)[number];
export type FormFieldName = FieldName | FormOnlyName;

// C0/C1 controls, U+2028/U+2029 (line and paragraph separators break single-line values in
// vCards and JavaScript alike) and lone surrogates are refused (contract §5).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
// The bidi embeddings, overrides and isolates are dropped, as the import drops them: a name
// ending in U+202E turned the page's words after it around (security review). Dropped, not
// refused: a contact stored with one before stays editable and restorable (code review), and
// nothing visible goes. The marks U+200E/U+200F stay.
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A plus first, also a country code in brackets ("(+49) 89 …"); dashes as Word and signatures write them
// ("089 123456–0") are hyphens (review: "Bitte … mit Ziffern" for digits typed with an en dash).
const PHONE = /^(?:\+|\(\+\d{1,3}\))?[0-9 /().\-\u2010-\u2014\u2212]+$/;
/**
 * A local part and a domain, nothing else: no `?cc=…&body=…` after the domain that a `mailto:`
 * link would turn into hidden recipients or a prefilled text. Domain labels are letters (any
 * script), digits and hyphens; the local part is percent-encoded in links (views/format.ts).
 */
const EMAIL = /^[^\s@"<>()[\],;:\\]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Unicode code points, as `[...value].length` counts them (a surrogate pair one, a lone surrogate
 * one) without an array of them: an import checks every value of up to 1,000 cards.
 */
export function codePoints(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

/** Adds `https://` to a bare domain; leaves anything with a scheme for the check to judge. */
export function withScheme(website: string): string {
  if (website === '') return website;
  const scheme = SCHEME.exec(website);
  // "example.de:8080/pfad" is a host with a port, not a scheme.
  if (scheme && !/^\d/.test(website.slice(scheme[0].length))) return website;
  // "//example.de" (a link without its scheme) is that host, not `https:////example.de`.
  return `https://${website.replace(/^\/+/, '')}`;
}

/**
 * http(s) with a dotted host and nothing a browser would read differently from a person: no
 * white space, no backslash (`https://good.de\@evil.example` opens evil.example's path on
 * good.de in one parser and evil.example in another) and no credentials (`user@host`).
 */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s<>"\\]/.test(value)) return false;
  const authority = value.slice(value.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Spaces a number copied from a web page (`&nbsp;`), a word processor or a phone's export holds
 * between its digits (U+00A0, U+202F, U+2009 …): ordinary spaces in a phone field. Refused as
 * "Bitte mit Ziffern", the user saw no reason; imported, the number went to the notes (interop
 * review, stop 62).
 */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/**
 * A phone label typed or pasted before the number ("Tel. 089 …", "Mobil: 0171 …", "Handy 0171 …"):
 * it names the field, it is not part of the number, and it goes (walkthrough, stop 68: it was
 * refused as an addition for the notes). German and English ones ("Tel.-Nr.", "Telefonnummer",
 * "Phone"; the English pages write "Mobile 0171 …": second walkthrough, stop 68), never "Fax" (a
 * fax number is no phone number); "Mobil", "Handy" and the like only in the mobile field: in the
 * phone field they say something the field does not (data-safety review). Only right before a
 * number's start, "+", "(" or "0": "Telefon 2 089 …" is no number with a label, and stays refused
 * (data-safety review: it was stored as "2 089 …").
 */
const labelBefore = (labels: string) => new RegExp(`^(?:${PHONE_LABELS.either}|${labels})\\.?\\s*:?\\s*(?=[+(0])`, 'i');
const PHONE_LABEL = labelBefore(PHONE_LABELS.landline);
export const MOBILE_LABEL = labelBefore(PHONE_LABELS.mobile);

/** A phone field's value as it is stored: its odd spaces plain, its label gone (above). */
export const phoneAsStored = (value: string, name: string) =>
  value.replace(ODD_SPACES, ' ').replace(name === 'mobile' ? MOBILE_LABEL : PHONE_LABEL, '');

/**
 * A value without bidi controls, trimmed, a tab a space, as an import's is (walkthrough, stop 80: a
 * spreadsheet's row pasted was refused as a character nobody could see, the note typed anew).
 */
const plain = (value: string) => value.replace(BIDI_CONTROLS, '').replace(/\t/g, ' ').trim();

function normalise(spec: FieldSpec, value: string): string {
  const trimmed = plain(value);
  if (spec.kind === 'notes') return trimmed.replace(/\r\n?/g, '\n');
  if (spec.kind === 'website') return withScheme(trimmed);
  if (spec.kind === 'phone') return phoneAsStored(trimmed, spec.name);
  return trimmed;
}

/**
 * The length rule in what was typed: what it allows and how many there are, counted as stored
 * (below: trimmed, a line break one, a phone's label gone), a website's added `https://` (or
 * `https:` before `//`) taken off both.
 */
export function typedLimit(spec: FieldSpec, value: string): [number, number] {
  const now = codePoints(normalise(spec, value));
  const added = spec.kind === 'website' ? now - codePoints(plain(value)) : 0;
  return [spec.max - added, now - added];
}

function problemOf(spec: FieldSpec, value: string): ErrorCode | undefined {
  // A date is judged with the other warranty fields (resolveWarranty, below): 'date', not 'tooLong'.
  if (spec.kind === 'date') return undefined;
  const controls = spec.kind === 'notes' ? CONTROL_CHARACTERS_EXCEPT_LF : CONTROL_CHARACTERS;
  if (controls.test(value) || LONE_SURROGATE.test(value)) return 'controlCharacters';
  // Counted as stored (a website with the `https://` added): what was stored passes again when it
  // is saved, restored or imported from its own export (review: a count of what was typed let
  // 2,008 through, which every later save refused). The message says what that leaves to type.
  if (codePoints(value) > spec.max) return 'tooLong';
  if (value === '') return undefined;
  switch (spec.kind) {
    case 'phone': {
      const digits = dialledDigits(value);
      return PHONE.test(value) && digits >= 3 && digits <= 20 ? undefined : 'phone';
    }
    case 'email':
      return EMAIL.test(value) ? undefined : 'email';
    case 'website':
      return isHttpUrl(value) ? undefined : 'website';
    default:
      return undefined;
  }
}

/**
 * A field's schema. A missing field is '' (`?? ''`: what `z._default(z.string(), '')` made of
 * it, without zod's default schema, which nothing else used: 215 B gzip of the Worker's bundle;
 * test/node/or-else.test.ts holds the two alike, alone and in an object).
 */
function fieldSchema(spec: FieldSpec) {
  return z
    .pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => normalise(spec, value ?? '')),
    )
    .check(
      superRefined((value, ctx) => {
        const problem = problemOf(spec, value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
      }),
    );
}

type FieldSchemas = { [K in FieldName]: ReturnType<typeof fieldSchema> };
const fieldSchemas = Object.fromEntries(FIELDS.map((spec) => [spec.name, fieldSchema(spec)])) as FieldSchemas;

/** Whether one field's value passes the form's own rule (the import checks values with it). */
export function isValidField(name: FieldName, value: string): boolean {
  return z.safeParse(fieldSchemas[name], value).success;
}

/**
 * The contact's fields as the form sends them; at least one of first/last name or company. A
 * country alone is no address (the form suggests "Deutschland" for convenience): it is dropped.
 * The warranty dates follow resolveWarranty (src/contacts/warranty.ts): real dates in 1990-2100,
 * the end not before the acceptance; a typed end wins, else acceptance + period gives the end.
 * Its errors land on the field they concern, so the form shows them beside it.
 */
export const contactInput = z.pipe(
  z.object({ ...fieldSchemas, warranty_years: z.optional(z.string()), period_end: z.optional(z.string()) }).check(
    superRefined((value, ctx) => {
      // A name one can see: not only invisible characters (a zero-width space, a Hangul filler, a
      // braille blank: data-safety review, a list row without text to tap).
      if (!NAME_VISIBLE.test(value.first_name + value.last_name + value.company)) {
        ctx.addIssue({ code: 'custom', message: 'nameRequired' satisfies ErrorCode, path: ['company'], input: value });
      }
      const warranty = resolveWarranty(value);
      if (warranty.ok) return;
      for (const [name, code] of Object.entries(warranty.errors))
        ctx.addIssue({ code: 'custom', message: code, path: [name], input: value });
    }),
  ),
  z.transform(({ warranty_years, period_end, ...value }) => {
    const warranty = resolveWarranty({ ...value, warranty_years });
    const dated = warranty.ok ? { ...value, accepted_on: warranty.accepted_on, warranty_until: warranty.warranty_until } : value;
    return dated.street || dated.postal_code || dated.city ? dated : { ...dated, country: '' };
  }),
);

export type ContactInput = z.output<typeof contactInput>;

// ---- what a form carries besides the contact -------------------------------------------------

/** The one-time token of a new-contact form: 24 URL-safe characters when we make it. */
export const FORM_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
export const newFormToken = () => randomToken(18);

/** A token a form was sent with (`form_token`, or `edit_of`: the token of the contact to change) when it is one of ours. */
export function sentToken(raw: unknown, name = 'form_token'): string | undefined {
  const token = field(raw, name);
  return token !== undefined && FORM_TOKEN.test(token) ? token : undefined;
}

/** The token a form was sent with when it is one of ours, else a fresh one. */
export const formTokenOf = (raw: unknown): string => sentToken(raw) ?? newFormToken();

/** A version is a positive integer as the edit form wrote it. */
const VERSION = /^[1-9]\d{0,8}$/;

/** The version a form was sent with; undefined when there is none or it is not a version. */
export function versionOf(raw: unknown): number | undefined {
  const value = field(raw, 'version');
  return value !== undefined && VERSION.test(value) ? Number(value) : undefined;
}

/** A string field of a parsed body (the first value where a field was repeated). */
function field(raw: unknown, name: string): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value: unknown = Reflect.get(raw, name);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** The values to show in a form again: whatever was typed, as strings, never lost. */
export type FormValues = Partial<Record<FormFieldName, string>>;

const FORM_FIELD_NAMES: readonly FormFieldName[] = [...FIELDS.map((spec) => spec.name), ...FORM_ONLY_FIELDS];

export function formValuesFrom(raw: unknown): FormValues {
  const values: FormValues = {};
  for (const name of FORM_FIELD_NAMES) {
    const value = field(raw, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

export type FieldErrors = Partial<Record<FormFieldName, ErrorCode>>;

export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [path] = issue.path;
    const name = FORM_FIELD_NAMES.find((candidate) => candidate === path);
    if (name && !errors[name]) errors[name] = toErrorCode(issue.message);
  }
  return errors;
}

function toErrorCode(message: string): ErrorCode {
  const codes: readonly ErrorCode[] = [
    'tooLong',
    'controlCharacters',
    'phone',
    'email',
    'website',
    'nameRequired',
    'date',
    'dateRange',
    'periodRange',
    'endBeforeStart',
    'period',
    'noStart',
    'endDropped',
  ];
  return codes.find((code) => code === message) ?? 'invalid';
}

/**
 * The fields a rule spanning several of them concerns: a merge whose result breaks such a rule
 * lets the user choose among all of them (src/contacts/edits.ts), not just the one it names.
 */
const RULE_FIELDS: Partial<Record<ErrorCode, readonly FieldName[]>> = {
  nameRequired: ['first_name', 'last_name', 'company'],
  endBeforeStart: ['accepted_on', 'warranty_until'],
};

/** The stored fields an invalid result's errors concern, rules spanning several fields widened to all of them. */
export function fieldsOfErrors(errors: FieldErrors): FieldName[] {
  const names = new Set<FieldName>();
  for (const spec of FIELDS) {
    const code = errors[spec.name];
    if (code) for (const name of RULE_FIELDS[code] ?? [spec.name]) names.add(name);
  }
  return FIELDS.map((spec) => spec.name).filter((name) => names.has(name));
}

/** The outcome of reading a contact form: never a thrown error, so the route decides what to show. */
export type FormResult =
  | { ok: true; input: ContactInput; values: FormValues; raw: unknown }
  | { ok: false; errors: FieldErrors; values: FormValues; raw: unknown };

/**
 * A clash's choice of a whole address, or of both warranty dates (views/merge-clash.tsx), is its
 * parts in one value: taken apart here, for the save and for every page that shows such a form
 * again (a 401 after the session ended, broken bytes), which otherwise showed the address empty
 * (code review).
 */
export function withGrouped(raw: unknown): unknown {
  for (const [group, names] of [
    ['address', ADDRESS],
    ['warranty', WARRANTY],
  ] as const) {
    const value = (raw as Record<string, unknown>)[group];
    let parts: unknown;
    try {
      parts = typeof value === 'string' && JSON.parse(value);
    } catch {}
    if (Array.isArray(parts))
      raw = { ...(raw as object), ...Object.fromEntries(names.map((name, index) => [name, String(parts[index] ?? '')])) };
  }
  return raw;
}

export function readContactForm(raw: unknown): FormResult {
  raw = withGrouped(raw);
  const values = formValuesFrom(raw);
  const result = z.safeParse(contactInput, raw);
  return result.success ? { ok: true, input: result.data, values, raw } : { ok: false, errors: fieldErrorsFrom(result.error), values, raw };
}

/** The country as people write Germany (the form suggests "Deutschland"; app.js knows the same words). */
const GERMANY = /^(?:deutschland|germany|brd|de|d)$/i;
export const inGermany = (country: string) => GERMANY.test(country.trim());

/** A field's value as a form typed it, as it is stored (plain: without bidi controls, trimmed, a tab a space). */
export const typedValue = (values: FormValues, name: FieldName) => {
  const value = plain(values[name] ?? '');
  return name === 'phone' || name === 'mobile' ? phoneAsStored(value, name) : value;
};

/**
 * The rules of what a user types or changes, never of stored values (an import keeps what its
 * file has; a restore brings back what was stored): a postcode in Germany has five digits, also
 * written "D-80333" or "80 333" (stored as typed); a phone field holds one number (UX review: two
 * were stored, and their export dialled as one). Each broken rule's field with its error, also of
 * a form with other errors, whose 422 says all of them; `held`: the fields, as stored (trimmed),
 * whose values a kept version of the contact must hold for it to pass.
 */
export function typedErrors(values: FormValues): { errors: FieldErrors; held: Partial<Record<FieldName, FieldName[]>> } {
  const value = (name: FieldName) => typedValue(values, name);
  const errors: FieldErrors = {};
  const held: Partial<Record<FieldName, FieldName[]>> = {};
  const postcode = value('postal_code');
  if (postcode !== '' && inGermany(value('country')) && !/^(?:de?\s*-?\s*)?\d\d\s?\d\d\d$/i.test(postcode)) {
    errors.postal_code = 'postalCode';
    held.postal_code = ['postal_code', 'country'];
  }
  for (const name of ['phone', 'mobile'] as const)
    if (TWO_NUMBERS.test(value(name))) {
      errors[name] = 'phone';
      held[name] = [name];
    }
  return { errors, held };
}

/**
 * The fields of `names` a form sent besides its values (its button's `revive`, `restore`, `edit_of`): to send again.
 * `max`: a flag's or a token's length; longer for a clash's `theirs` and `by` (field names, people's names).
 */
export const sentAlong = (body: Record<string, unknown>, names: readonly string[], max = 64) =>
  names.flatMap((name): [string, string][] => {
    const value = body[name];
    return typeof value === 'string' && value.length <= max ? [[name, value]] : [];
  });
