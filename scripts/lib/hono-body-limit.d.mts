/** The texts left out of hono/dist/middleware/body-limit/index.js, each found once, by what it was. */
export const LEFT_OUT: readonly (readonly [string, string])[];
/** Where src/generated/hono-body-limit.js takes each of the middleware's imports from (null: no longer imported). */
export const IMPORTS: Readonly<Record<string, string | null>>;
/** hono/dist/middleware/body-limit/index.js's text as src/generated/hono-body-limit.js (see hono-body-limit.mjs). */
export function trimHonoBodyLimit(source: string): string;
/** src/generated/hono-body-limit.d.ts: hono's own types. */
export const HONO_BODY_LIMIT_TYPES: string;
