/** add()'s optional last parameter, left out (see hono-pattern-router.mjs). */
export const OPTIONAL: string;
/** add()'s push of a route in its try (hono's) and without it (ours). */
export const TRY: { from: string; to: string };
/** The error's import, left out with the try. */
export const IMPORT: string;
/** hono/dist/router/pattern-router/router.js's text as src/generated/hono-pattern-router.js (see hono-pattern-router.mjs). */
export function trimHonoPatternRouter(source: string): string;
