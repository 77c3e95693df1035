import * as z from 'zod/mini';

/**
 * The contact form, defined once: the zod schema that validates it and the metadata that renders
 * it (src/contacts/views/contact-form.tsx) both come from FIELDS. Names are the contract's (§5).
 */

export type FieldName =
  | 'position'
  | 'company'
  | 'title'
  | 'first_name'
  | 'last_name'
  | 'street'
  | 'postal_code'
  | 'city'
  | 'country'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'website'
  | 'notes';

export type FieldKind = 'text' | 'phone' | 'email' | 'website' | 'notes';

export interface FieldSpec {
  name: FieldName;
  kind: FieldKind;
  /** Upper limit in Unicode code points. */
  max: number;
  /** HTML autocomplete token for phone keyboards and password managers. */
  autocomplete: string;
  inputMode?: 'tel' | 'email' | 'url';
  /** The form groups fields under these headings. */
  group: 'person' | 'address' | 'reach' | 'notes';
}

export const FIELDS: readonly FieldSpec[] = [
  { name: 'position', kind: 'text', max: 100, autocomplete: 'organization-title', group: 'person' },
  { name: 'company', kind: 'text', max: 200, autocomplete: 'organization', group: 'person' },
  { name: 'title', kind: 'text', max: 50, autocomplete: 'honorific-prefix', group: 'person' },
  { name: 'first_name', kind: 'text', max: 100, autocomplete: 'given-name', group: 'person' },
  { name: 'last_name', kind: 'text', max: 100, autocomplete: 'family-name', group: 'person' },
  { name: 'phone', kind: 'phone', max: 40, autocomplete: 'work tel', inputMode: 'tel', group: 'reach' },
  { name: 'mobile', kind: 'phone', max: 40, autocomplete: 'mobile tel', inputMode: 'tel', group: 'reach' },
  { name: 'email', kind: 'email', max: 254, autocomplete: 'email', inputMode: 'email', group: 'reach' },
  { name: 'website', kind: 'website', max: 2000, autocomplete: 'url', inputMode: 'url', group: 'reach' },
  { name: 'street', kind: 'text', max: 200, autocomplete: 'street-address', group: 'address' },
  // No numeric keyboard: postcodes abroad have letters (A-1010, SW1A 1AA).
  { name: 'postal_code', kind: 'text', max: 20, autocomplete: 'postal-code', group: 'address' },
  { name: 'city', kind: 'text', max: 100, autocomplete: 'address-level2', group: 'address' },
  { name: 'country', kind: 'text', max: 100, autocomplete: 'country-name', group: 'address' },
  { name: 'notes', kind: 'notes', max: 2000, autocomplete: 'off', group: 'notes' },
];

/** Error codes: the views translate them (src/i18n). */
export type ErrorCode = 'invalid' | 'tooLong' | 'controlCharacters' | 'phone' | 'email' | 'website' | 'nameRequired';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PHONE = /^\+?[0-9 /().-]+$/;
const EMAIL = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\.]+(?:\.[^\s@"<>()[\],;:\\.]+)+$/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export const codePoints = (value: string) => [...value].length;

/** Adds `https://` to a bare domain; leaves anything with a scheme for the check to judge. */
export function withScheme(website: string): string {
  if (website === '') return website;
  const scheme = SCHEME.exec(website);
  // "example.de:8080/pfad" is a host with a port, not a scheme.
  if (scheme && !/^\d/.test(website.slice(scheme[0].length))) return website;
  return `https://${website}`;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s<>"]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

function fieldSchema(spec: FieldSpec) {
  const normalised = z.pipe(
    z._default(z.string(), ''),
    z.transform((value: string) => {
      const trimmed = value.trim();
      if (spec.kind === 'notes') return trimmed.replace(/\r\n?/g, '\n');
      if (spec.kind === 'website') return withScheme(trimmed);
      return trimmed;
    }),
  );
  return normalised.check(z.superRefine((value, ctx) => {
    const fail = (message: ErrorCode) => ctx.addIssue({ code: 'custom', message, input: value });
    const controls = spec.kind === 'notes' ? CONTROL_CHARACTERS_EXCEPT_LF : CONTROL_CHARACTERS;
    if (controls.test(value) || LONE_SURROGATE.test(value)) return fail('controlCharacters');
    if (codePoints(value) > spec.max) return fail('tooLong');
    if (value === '') return;
    if (spec.kind === 'phone') {
      const digits = value.replace(/\D/g, '').length;
      if (!PHONE.test(value) || digits < 3 || digits > 20) fail('phone');
    } else if (spec.kind === 'email') {
      if (!EMAIL.test(value)) fail('email');
    } else if (spec.kind === 'website') {
      if (!isHttpUrl(value)) fail('website');
    }
  }));
}

type FieldSchemas = { [K in FieldName]: ReturnType<typeof fieldSchema> };

const fieldSchemas = Object.fromEntries(FIELDS.map((spec) => [spec.name, fieldSchema(spec)])) as FieldSchemas;

/** The contact's fields as the form sends them; at least one of first/last name or company. */
export const contactInput = z.object(fieldSchemas).check(
  z.superRefine((value, ctx) => {
    if (!value.first_name && !value.last_name && !value.company) {
      ctx.addIssue({ code: 'custom', message: 'nameRequired' satisfies ErrorCode, path: ['company'], input: value });
    }
  }),
);

export type ContactInput = z.output<typeof contactInput>;

/** What a form carries besides the contact: the one-time create token, or the edit version. */
/** The one-time token of a new-contact form. */
export const FORM_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const createForm = z.intersection(contactInput, z.object({ form_token: z.catch(z.optional(z.string().check(z.regex(FORM_TOKEN))), undefined) }));
export const updateForm = z.intersection(contactInput, z.object({ version: z.coerce.number().check(z.int(), z.positive()) }));

/** The values to show in a form again: whatever was typed, as strings, never lost. */
export type FormValues = Partial<Record<FieldName, string>>;

export function formValuesFrom(raw: unknown): FormValues {
  const values: FormValues = {};
  if (typeof raw !== 'object' || raw === null) return values;
  for (const spec of FIELDS) {
    const value: unknown = Reflect.get(raw, spec.name);
    if (typeof value === 'string') values[spec.name] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') values[spec.name] = value[0];
  }
  return values;
}

export type FieldErrors = Partial<Record<FieldName, ErrorCode>>;

export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [field] = issue.path;
    const spec = FIELDS.find((candidate) => candidate.name === field);
    if (spec && !errors[spec.name]) errors[spec.name] = toErrorCode(issue.message);
  }
  return errors;
}

function toErrorCode(message: string): ErrorCode {
  const codes: readonly ErrorCode[] = ['tooLong', 'controlCharacters', 'phone', 'email', 'website', 'nameRequired'];
  return codes.find((code) => code === message) ?? 'invalid';
}
