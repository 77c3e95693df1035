/** The texts of hono's cookie utilities replaced (see hono-utils-cookie.mjs): [name, from, to]. */
export const SHORTCUTS: [string, string, string][];
/** Its import of hono's URL utilities, as hono has it and as the generated file has it. */
export const IMPORT: { from: string; to: string };
/** hono/dist/utils/cookie.js's text as src/generated/hono-utils-cookie.js (see hono-utils-cookie.mjs). */
export function trimHonoUtilsCookie(source: string): string;
