/** What src/generated/hono-validator.js does where hono's validator reads a target the app never validates. */
export const HONO_VALIDATOR_THROW: string;
/** The catch of a form whose body does not parse, throwing its 400 without the message nothing of the app reads. */
export const HONO_MALFORMED_FORM: { from: RegExp; to: string };
/** Where src/generated/hono-validator.js takes each of validator.js's imports from (null: no longer imported). */
export const HONO_IMPORTS: Readonly<Record<string, string | null>>;
/** hono/dist/validator/validator.js's text as src/generated/hono-validator.js (see hono-validator.mjs). */
export function trimHonoValidator(source: string): string;
/** @hono/zod-validator/dist/index.mjs's text as src/generated/zod-validator.js (see hono-validator.mjs). */
export function trimZodValidator(source: string): string;
/** src/generated/zod-validator.d.ts: the package's own types. */
export const ZOD_VALIDATOR_TYPES: string;
