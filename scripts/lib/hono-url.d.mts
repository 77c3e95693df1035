/** getQueryParam's fast path for one key, left out (see hono-url.mjs). */
export const FAST_PATH: string;
/** hono/dist/utils/url.js's text as src/generated/hono-url.js (see hono-url.mjs). */
export function trimHonoUrl(source: string): string;
